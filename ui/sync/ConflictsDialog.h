#pragma once

#include <QDialog>

class QTableWidget;

namespace st {

class SyncSession;

// The changes the hub refused, with its reasons: nothing is dropped silently. Opening it marks
// them as seen.
class ConflictsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConflictsDialog(SyncSession &session, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    void reload();

    SyncSession &m_session;
    QTableWidget *m_table = nullptr;
};

} // namespace st
