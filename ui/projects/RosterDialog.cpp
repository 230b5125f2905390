#include "RosterDialog.h"

#include "RosterPage.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace st {

RosterDialog::RosterDialog(Backend &service, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Rooms and people"));
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_rooms = new RosterPage(service, RosterKind::Room, m_tabs);
    m_people = new RosterPage(service, RosterKind::Person, m_tabs);
    m_tabs->addTab(m_rooms, tr("R&ooms"));
    m_tabs->addTab(m_people, tr("&People"));
    layout->addWidget(m_tabs, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter renames (in the name field): it must not also close the dialog through Close.
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    layout->addWidget(buttons);
    resize(600, 400);
}

} // namespace st
