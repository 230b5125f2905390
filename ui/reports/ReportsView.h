#pragma once

#include "models/Periods.h"
#include "report/EntryExport.h"
#include "report/ReportService.h"

#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace st {

class Backend;
class BarChart;
class ReportFilters;
class ReportTableModel;

// Reports: a period (presets or custom days) grouped by task type, person, room, client, project,
// tag, day, week or month, for some clients and projects, billable only or not, with a billing
// rounding, as a bar chart beside a breakdown table, with exports of the period's entries. Thin:
// the numbers come from ReportService, built on the backend's reader thread.
class ReportsView final : public QWidget
{
    Q_OBJECT
public:
    explicit ReportsView(Backend &service, QWidget *parent = nullptr);

    void setPeriod(Period period);
    void setCustomRange(const QDate &first, const QDate &last);
    void setGrouping(ReportGrouping grouping);
    // The period's filter ([from, to) of whole local days), narrowed by the filters' row.
    EntryFilter currentFilter() const;
    // Clients, projects, billable only and the billing rounding.
    ReportFilters *filters() const;
    Rounding rounding() const;
    ReportGrouping grouping() const;

    // Writes the period's entries to path in format; done(error message or empty) on this
    // thread. The export buttons ask for a file name, then call this.
    void exportTo(const QString &path, TransferFormat format);

    // Reads a file (our CSV or JSON, or Toggl's CSV) on the backend's reader and previews it;
    // confirm gets the preview's text and decides, then the file is imported all or nothing
    // (on the writer). imported() tells the outcome. The import button asks for the file and
    // confirms with a dialog. defaultTaskType (a name or ID, as `import --task`): the task type
    // of the Toggl rows whose Task column names none; the import button asks for it when the
    // file is Toggl's.
    void importFile(const QString &path, std::function<bool(const QString &preview)> confirm,
                    const QString &defaultTaskType = {});

    // Rebuilds the report now (changes to entries and the passing of time ask by themselves).
    void refresh();

    ReportTableModel *model() const { return m_model; }
    BarChart *chart() const { return m_chart; }
    QLabel *totalLabel() const { return m_total; }

Q_SIGNALS:
    void reportChanged();
    void exported(const QString &path, const QString &error);
    void imported(const QString &message, bool ok);

private:
    void chooseExportFile(TransferFormat format);
    void chooseImportFile();
    // For a Toggl file: the task type of the rows whose Task column names none, chosen by the
    // user (empty: none, such rows are refused); nullopt when the user cancels.
    std::optional<QString> askTogglTaskType(const QString &path);
    void showReport(const Report &report);

    Backend &m_service;
    QComboBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_grouping = nullptr;
    ReportFilters *m_filters = nullptr;
    BarChart *m_chart = nullptr;
    QTableView *m_table = nullptr;
    ReportTableModel *m_model = nullptr;
    QLabel *m_total = nullptr;
    QTimer *m_tick = nullptr;
    quint64 m_generation = 0; // answers to older requests are dropped
};

} // namespace st
