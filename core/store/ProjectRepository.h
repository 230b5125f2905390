#pragma once

#include "Database.h"
#include "domain/Types.h"

#include <QList>

#include <optional>

namespace st {

// How much of a project's budget its live entries use.
struct ProjectUse
{
    Ms billableMs = 0;
    qint64 costCents = 0;
    int entries = 0;
};

// Clients and projects (tables clients and projects, docs/REPORTS.md "Clients and projects").
class ProjectRepository final
{
public:
    explicit ProjectRepository(const Database &db)
        : m_db(db)
    {}

    Result<std::optional<Client>> client(const QString &id) const;
    Result<QList<Client>> clients(const QString &orgId, bool includeArchived = true) const;
    Result<void> saveClient(const Client &client);

    Result<std::optional<Project>> project(const QString &id) const;
    Result<QList<Project>> projects(const QString &orgId, bool includeArchived = true) const;
    Result<void> saveProject(const Project &project);

    // The live entries of the project, finished ones and running ones up to now.
    Result<ProjectUse> use(const QString &projectId, Ms now) const;

private:
    const Database &m_db;
};

} // namespace st
