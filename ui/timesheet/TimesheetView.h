#pragma once

#include <QDate>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace st {

class Backend;
class TimesheetModel;

// View → Week timesheet: the desk user's week, Monday to Sunday, by project and task type, with
// the day and row totals; previous, this and next week. A duration typed into a day's cell (1:30,
// 90m, 1.5h) adds a manual entry after that day's last one, on the backend's writer; a row for
// another project and task type is added below. Bad input is said in the view and changes nothing.
class TimesheetView final : public QWidget
{
    Q_OBJECT
public:
    explicit TimesheetView(Backend &service, QWidget *parent = nullptr);

    // Shows the week day is in.
    void showWeek(const QDate &day);
    QDate monday() const { return m_monday; }
    // Adds the duration text to the row's day (0: Monday), as typing it into the cell does.
    void addToDay(int row, int day, const QString &text);
    // Reads the week again (changes to entries and the passing of time ask by themselves).
    void refresh();

    TimesheetModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString statusText() const;

Q_SIGNALS:
    // The week shown was read.
    void weekShown();
    // A typed duration was written (error empty) or refused.
    void added(const QString &error);

private:
    void fillPickers();
    void addRow();
    void setStatus(const QString &text, bool error);

    Backend &m_service;
    TimesheetModel *m_model = nullptr;
    QDate m_monday;
    QLabel *m_title = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_project = nullptr;
    QComboBox *m_task = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_tick = nullptr;
    quint64 m_generation = 0; // answers to older reads are dropped
};

} // namespace st
