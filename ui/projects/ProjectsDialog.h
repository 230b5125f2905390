#pragma once

#include <QDialog>

class QTabWidget;

namespace st {

class Backend;
class ClientsPage;
class ProjectsPage;

// Clients and projects (docs/REPORTS.md, "Clients and projects"): who is billed and what for,
// each with an optional rate and a colour, archived rather than deleted; projects with a budget.
class ProjectsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ProjectsDialog(Backend &service, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    ClientsPage *clientsPage() const { return m_clients; }
    ProjectsPage *projectsPage() const { return m_projects; }

private:
    QTabWidget *m_tabs = nullptr;
    ClientsPage *m_clients = nullptr;
    ProjectsPage *m_projects = nullptr;
};

} // namespace st
