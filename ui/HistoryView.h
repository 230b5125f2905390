#pragma once

#include "models/Periods.h"
#include "store/EntryFilter.h"

#include <QWidget>

class QAction;
class QComboBox;
class QDateEdit;
class QFrame;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace st {

class Backend;
class ChoiceButton;
class HistoryModel;

// Every entry, filtered (period, task types, users, rooms, clients, projects, tags, text), with
// the filtered totals; adjust, add, delete and undo the last deletes.
class HistoryView final : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryView(Backend &service, QWidget *parent = nullptr);

    HistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLabel *totalsLabel() const { return m_totals; }
    QLabel *emptyState() const { return m_empty; }
    QAction *undoAction() const { return m_undo; }
    QAction *newEntryAction() const { return m_newEntry; }

    void setPeriod(Period period);
    void setCustomRange(const QDate &from, const QDate &to);
    void setTaskTypes(const QStringList &ids); // empty: all
    void setUsers(const QStringList &ids);
    void setRooms(const QStringList &ids);
    // Clients and projects ("" for none): entries of the projects of the clients ticked, and of
    // the projects ticked.
    void setClients(const QStringList &ids);
    void setProjects(const QStringList &ids);
    // Entries having any of these words (as typed in the tags field; empty: all).
    void setTags(const QString &words);
    void setText(const QString &text);
    EntryFilter currentFilter() const;

    void adjustSelected();
    void deleteSelected();
    void undoDelete();
    void addEntry();
    // Ctrl+End: the last row of the whole filtered set, loading what is not loaded yet.
    void goToLastRow();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter();
    void updateTotals();
    void fitColumns();
    void rebuildChoices();

    Backend &m_service;
    HistoryModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    ChoiceButton *m_types = nullptr;
    ChoiceButton *m_users = nullptr;
    ChoiceButton *m_rooms = nullptr;
    ChoiceButton *m_clients = nullptr;
    ChoiceButton *m_projects = nullptr;
    QLineEdit *m_tags = nullptr;
    QLineEdit *m_text = nullptr;
    QTimer *m_textDelay = nullptr; // typing in the tags or the text field settles first
    QTimer *m_fitColumns = nullptr;
    QLabel *m_totals = nullptr;
    QLabel *m_empty = nullptr; // "No entries…" instead of an empty table
    QAction *m_undo = nullptr;
    QFrame *m_undoBar = nullptr;
    QTimer *m_undoBarTimer = nullptr;
    QAction *m_newEntry = nullptr;
    QStringList m_deleted;  // entry ids, most recent last: what Ctrl+Z brings back
    bool m_goToEnd = false; // Ctrl+End waits for the rows it asked for
};

} // namespace st
