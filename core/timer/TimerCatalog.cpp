// TimerService: the organisation, task types, rooms and users, and the find* resolvers.

#include "TimerService.h"
#include "TimerServiceDetail.h"

#include "domain/Money.h"

namespace st {

using namespace timer_detail;

// ---- catalogue ---------------------------------------------------------------------------------

Organization TimerService::organization() const
{
    return orEmpty(m_catalog.organization(m_orgId)).value_or(Organization{});
}

Result<void> TimerService::saveOrganization(Organization org)
{
    if (auto r = validate::userName(org.name); !r)
        return r;
    if (!money::isValidCurrency(org.currency))
        return Error::invalid(tr("A currency is a three-letter ISO 4217 code such as EUR."));
    org.id = m_orgId;
    org.updatedAt = m_clock.nowMs();
    if (auto r = m_catalog.saveOrganization(org); !r)
        return r;
    Q_EMIT catalogChanged();
    return {};
}

QList<TaskType> TimerService::taskTypes(bool includeArchived) const
{
    return orEmpty(m_catalog.taskTypes(m_orgId, includeArchived));
}

std::optional<TaskType> TimerService::taskType(const QString &id) const
{
    return orEmpty(ownedBy(m_catalog.taskType(id), m_orgId));
}

Result<TaskType> TimerService::saveTaskType(TaskType type)
{
    const auto existing = m_catalog.taskTypes(m_orgId, true);
    if (!existing)
        return existing.error();
    return saveCatalogItem(std::move(type), existing.value());
}

QList<Room> TimerService::rooms(bool includeArchived) const
{
    return orEmpty(m_catalog.rooms(m_orgId, includeArchived));
}

std::optional<Room> TimerService::room(const QString &id) const
{
    return orEmpty(ownedBy(m_catalog.room(id), m_orgId));
}

Result<Room> TimerService::saveRoom(Room room)
{
    const auto existing = m_catalog.rooms(m_orgId, true);
    if (!existing)
        return existing.error();
    return saveCatalogItem(std::move(room), existing.value());
}

Result<Client> TimerService::saveClient(Client client)
{
    const auto existing = m_projects.clients(m_orgId, true);
    if (!existing)
        return existing.error();
    return saveCatalogItem(std::move(client), existing.value());
}

Result<Project> TimerService::saveProject(Project project)
{
    if (!project.clientId.isEmpty()) {
        const auto client = ownedBy(m_projects.client(project.clientId), m_orgId);
        if (!client)
            return client.error();
        if (!client.value())
            return Error::notFound(tr("No such client."));
    }
    const auto existing = m_projects.projects(m_orgId, true);
    if (!existing)
        return existing.error();
    return saveCatalogItem(std::move(project), existing.value());
}

template <class Item>
Result<Item> TimerService::saveCatalogItem(Item item, const QList<Item> &existing)
{
    using Kind = CatalogKind<Item>;
    if (item.id.isEmpty())
        item.id = newId();
    if (auto stored = Kind::find(m_db, item.id); !stored)
        return stored.error();
    else if (stored.value() && stored.value()->orgId != m_orgId)
        return Error::notFound(Kind::notFound());
    for (const Item &other : existing) {
        if (other.id != item.id &&
            other.name.compare(item.name.trimmed(), Qt::CaseInsensitive) == 0)
            return Error::conflict(Kind::nameTaken(other.name));
    }
    item.orgId = m_orgId;
    item.updatedAt = m_clock.nowMs();
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    if (auto r = Kind::save(m_db, item); !r)
        return r.error();
    if (const std::optional<Mutation> change = Kind::upsert(item)) {
        if (auto r = record(*change); !r)
            return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    Q_EMIT catalogChanged();
    auto saved = Kind::find(m_db, item.id);
    if (!saved)
        return saved.error();
    return saved.value().value_or(item);
}

QList<User> TimerService::users(bool includeArchived) const
{
    return orEmpty(m_catalog.users(m_orgId, includeArchived));
}

std::optional<User> TimerService::user(const QString &id) const
{
    return orEmpty(ownedBy(m_catalog.user(id), m_orgId));
}

Result<User> TimerService::ensureUser(const QString &name)
{
    if (auto r = validate::userName(name); !r)
        return r.error();
    if (auto existing = m_catalog.userByName(m_orgId, name);
        existing || existing.error().code != ErrorCode::NotFound)
        return existing;
    // Looked up again under the write lock: two processes naming a new person at once make one.
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    if (auto existing = m_catalog.userByName(m_orgId, name);
        existing || existing.error().code != ErrorCode::NotFound)
        return existing;
    User u{newId(), m_orgId, name.trimmed(), m_clock.nowMs()};
    if (auto r = m_catalog.saveUser(u); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    Q_EMIT catalogChanged();
    return u;
}

Result<TaskType> TimerService::findTaskType(const QString &nameOrId) const
{
    const QString wanted = nameOrId.trimmed();
    const auto read = m_catalog.taskTypes(m_orgId, true);
    if (!read)
        return read.error();
    const QList<TaskType> &all = read.value();
    for (const TaskType &t : all) {
        if (t.id == wanted || t.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return t;
    }
    QStringList names;
    for (const TaskType &t : all) {
        if (!t.archived)
            names << t.name;
    }
    return Error::notFound(tr("No task type \"%1\". Known task types: %2.")
                               .arg(wanted, names.join(QStringLiteral(", "))));
}

Result<Room> TimerService::findRoom(const QString &nameOrId) const
{
    const QString wanted = nameOrId.trimmed();
    const auto all = m_catalog.rooms(m_orgId, true);
    if (!all)
        return all.error();
    for (const Room &r : all.value()) {
        if (r.id == wanted || r.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return r;
    }
    return Error::notFound(tr("No room \"%1\".").arg(wanted));
}

Result<User> TimerService::findUser(const QString &nameOrId) const
{
    const QString wanted = nameOrId.trimmed();
    const auto all = m_catalog.users(m_orgId);
    if (!all)
        return all.error();
    for (const User &u : all.value()) {
        if (u.id == wanted || u.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return u;
    }
    return Error::notFound(tr("No user \"%1\".").arg(wanted));
}

Result<TimeEntry> TimerService::findEntry(const QString &idOrPrefix) const
{
    const QString wanted = idOrPrefix.trimmed().toLower();
    if (auto exact = ownEntry(wanted); !exact)
        return exact.error();
    else if (exact.value())
        return *exact.value();
    if (wanted.size() >= 4) {
        const auto found = m_entries.idsWithPrefix(m_orgId, wanted, 2);
        if (!found)
            return found.error();
        const QStringList &ids = found.value();
        if (ids.size() == 1) {
            auto only = ownEntry(ids.first());
            if (!only)
                return only.error();
            if (only.value())
                return *only.value();
        }
        if (ids.size() > 1)
            return Error::invalid(
                tr("Several entries start with \"%1\": give more of the ID.").arg(wanted));
    }
    return Error::notFound(tr("No entry %1.").arg(idOrPrefix.trimmed()));
}

} // namespace st
