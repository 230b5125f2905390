#pragma once

#include <QDialog>

class QTabWidget;

namespace st {

class Backend;
class RosterPage;

// Rooms and people (docs/REPORTS.md, "Rooms and people"): renamed, archived and merged, audited.
class RosterDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit RosterDialog(Backend &service, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    RosterPage *roomsPage() const { return m_rooms; }
    RosterPage *peoplePage() const { return m_people; }

private:
    QTabWidget *m_tabs = nullptr;
    RosterPage *m_rooms = nullptr;
    RosterPage *m_people = nullptr;
};

} // namespace st
