// TimerService: clients and projects (docs/REPORTS.md, "Clients and projects"); saving them goes
// through the catalogue's one save (TimerCatalog.cpp).

#include "TimerService.h"
#include "TimerServiceDetail.h"

namespace st {

using namespace timer_detail;

QList<Client> TimerService::clients(bool includeArchived) const
{
    return orEmpty(m_projects.clients(m_orgId, includeArchived));
}

QList<Project> TimerService::projects(bool includeArchived) const
{
    return orEmpty(m_projects.projects(m_orgId, includeArchived));
}

Result<ProjectUse> TimerService::projectUse(const QString &projectId) const
{
    return m_projects.use(projectId, m_clock.nowMs());
}

namespace {

// The item whose ID or name (any case) is wanted.
template <class Item> std::optional<Item> named(const QList<Item> &all, const QString &wanted)
{
    for (const Item &item : all) {
        if (item.id == wanted || item.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return item;
    }
    return std::nullopt;
}

template <class Item> QString activeNames(const QList<Item> &all)
{
    QStringList names;
    for (const Item &item : all) {
        if (!item.archived)
            names << item.name;
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

Result<Client> TimerService::findClient(const QString &nameOrId) const
{
    const QString wanted = nameOrId.trimmed();
    const auto all = m_projects.clients(m_orgId, true);
    if (!all)
        return all.error();
    if (auto found = named(all.value(), wanted))
        return *found;
    if (all.value().isEmpty())
        return Error::notFound(tr("No client \"%1\". There are no clients yet.").arg(wanted));
    return Error::notFound(
        tr("No client \"%1\". Known clients: %2.").arg(wanted, activeNames(all.value())));
}

Result<Project> TimerService::findProject(const QString &nameOrId) const
{
    const QString wanted = nameOrId.trimmed();
    const auto all = m_projects.projects(m_orgId, true);
    if (!all)
        return all.error();
    if (auto found = named(all.value(), wanted))
        return *found;
    if (all.value().isEmpty())
        return Error::notFound(tr("No project \"%1\". There are no projects yet.").arg(wanted));
    return Error::notFound(
        tr("No project \"%1\". Known projects: %2.").arg(wanted, activeNames(all.value())));
}

Result<void> TimerService::checkProjectAndTags(const QString &projectId,
                                               const QStringList &tags) const
{
    if (auto r = validate::tags(tags); !r)
        return r;
    if (projectId.isEmpty())
        return {};
    const auto row = ownedBy(m_projects.project(projectId), m_orgId);
    if (!row)
        return row.error();
    if (!row.value())
        return Error::notFound(tr("No such project."));
    return {};
}

} // namespace st
