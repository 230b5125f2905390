#pragma once

#include "models/Periods.h"
#include "store/EntryFilter.h"

#include <QWidget>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QToolButton;

namespace st {

class Backend;
class HistoryModel;

// Every entry, filtered (period, task types, users, rooms, text), with the filtered totals;
// adjust, add, delete and undo the last deletes.
class HistoryView final : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryView(Backend &service, QWidget *parent = nullptr);

    HistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLabel *totalsLabel() const { return m_totals; }
    QAction *undoAction() const { return m_undo; }
    QAction *newEntryAction() const { return m_newEntry; }

    void setPeriod(Period period);
    void setCustomRange(const QDate &from, const QDate &to);
    void setTaskTypes(const QStringList &ids); // empty: all
    void setUsers(const QStringList &ids);
    void setRooms(const QStringList &ids);
    void setText(const QString &text);
    EntryFilter currentFilter() const;

    void adjustSelected();
    void deleteSelected();
    void undoDelete();
    void addEntry();

private:
    void applyFilter();
    void updateTotals();
    void rebuildChoices();
    QToolButton *makeChoiceButton(const QString &allText);
    static QStringList checkedIds(const QToolButton *button);

    Backend &m_service;
    HistoryModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QToolButton *m_types = nullptr;
    QToolButton *m_users = nullptr;
    QToolButton *m_rooms = nullptr;
    QLineEdit *m_text = nullptr;
    QTimer *m_textDelay = nullptr;
    QLabel *m_totals = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_newEntry = nullptr;
    QStringList m_deleted; // entry ids, most recent last: what Ctrl+Z brings back
    QString m_choicesKey;
};

} // namespace st
