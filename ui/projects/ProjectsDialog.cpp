#include "ProjectsDialog.h"

#include "ClientsPage.h"
#include "ProjectsPage.h"

#include <QDialogButtonBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace st {

ProjectsDialog::ProjectsDialog(Backend &service, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Clients and projects"));
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_projects = new ProjectsPage(service, m_tabs);
    m_clients = new ClientsPage(service, m_tabs);
    m_tabs->addTab(m_projects, tr("Projects"));
    m_tabs->addTab(m_clients, tr("Clients"));
    layout->addWidget(m_tabs, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 460);
}

} // namespace st
