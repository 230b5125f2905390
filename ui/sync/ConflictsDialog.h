#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace st {

class SyncSession;

// The changes the hub refused, with its reasons: nothing is dropped silently. A change refused as
// stale shows what it did ("yours") beside the entry the hub had ("theirs", which this desk took);
// "Re-apply mine" makes it again on the current entry. Opening the dialog marks them as seen.
class ConflictsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConflictsDialog(SyncSession &session, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    void reload();
    void reapplySelected();

    SyncSession &m_session;
    QLabel *m_intro = nullptr;
    QLabel *m_empty = nullptr; // "emptyState": instead of the table when nothing was refused
    QTableWidget *m_table = nullptr;
    QPushButton *m_reapply = nullptr;
};

} // namespace st
