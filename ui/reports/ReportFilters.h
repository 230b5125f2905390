#pragma once

#include "domain/Rounding.h"
#include "store/EntryFilter.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QTimer;

namespace st {

class ChoiceButton;
struct NowSnapshot;

// The second row of Reports: which clients, projects and tags, billable entries only, and the
// billing rounding (docs/REPORTS.md, "Rounding"), applied to each entry's time in the report only.
class ReportFilters final : public QWidget
{
    Q_OBJECT
public:
    explicit ReportFilters(QWidget *parent = nullptr);

    // The clients and projects to choose from.
    void setSnapshot(const NowSnapshot &snapshot);
    // Narrows filter to the clients and projects ticked, the tags typed, and to billable entries
    // when asked.
    void narrow(EntryFilter &filter, const NowSnapshot &snapshot) const;
    Rounding rounding() const;
    void setRounding(const Rounding &rounding);
    void setClients(const QStringList &ids);
    void setProjects(const QStringList &ids);
    // Entries having any of these words (as typed in the tags field; empty: all).
    void setTags(const QString &words);
    void setBillableOnly(bool on);

    ChoiceButton *clientChoice() const { return m_clients; }
    ChoiceButton *projectChoice() const { return m_projects; }
    QLineEdit *tags() const { return m_tags; }
    QCheckBox *billableOnly() const { return m_billableOnly; }
    QComboBox *roundingStep() const { return m_step; }
    QComboBox *roundingMode() const { return m_mode; }

Q_SIGNALS:
    void changed();

private:
    ChoiceButton *m_clients = nullptr;
    ChoiceButton *m_projects = nullptr;
    QLineEdit *m_tags = nullptr;
    QTimer *m_tagsDelay = nullptr; // typing settles before the report is built again
    QCheckBox *m_billableOnly = nullptr;
    QComboBox *m_step = nullptr;
    QComboBox *m_mode = nullptr;
};

} // namespace st
