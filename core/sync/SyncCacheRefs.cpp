// The sync cache's references (see SyncCache.h): a person, task type, room, client or project a
// change of the hub names before its own change has arrived is kept under a placeholder name, so
// the change can be stored; its own change replaces the placeholder.
#include "SyncCache.h"

#include "store/ProjectRepository.h"

#include <QCoreApplication>

namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::SyncCache)
};

const QString kPlaceholderColor = QStringLiteral("#9c9c9c");

} // namespace

Result<void> SyncCache::ensureUser(const std::optional<protocol::UserRef> &user, const QString &id)
{
    const bool described = user && user->id == id;
    const QString name = described ? user->name.trimmed() : QString();
    const auto row = m_catalog.user(id);
    if (!row)
        return row.error();
    const std::optional<User> &existing = *row;
    if (existing && (name.isEmpty() || existing->name == name))
        return {};
    User u = existing.value_or(User{id, m_hubOrgId, {}, 0});
    u.name = name.isEmpty() ? Tr::tr("Unknown user") : name;
    u.updatedAt = m_service.clock().nowMs();
    m_catalogTouched = true;
    return m_catalog.saveUser(u);
}

Result<void> SyncCache::ensureTaskType(const QString &id,
                                       const std::optional<protocol::NamedRef> &hint)
{
    const auto known = m_catalog.taskType(id);
    if (!known)
        return known.error();
    if (*known)
        return {};
    // Known by name only until its taskType:changed arrives.
    TaskType t;
    t.id = id;
    t.orgId = m_hubOrgId;
    const QString name = hint && hint->id == id ? hint->name.trimmed() : QString();
    t.name = name.isEmpty() ? Tr::tr("Unknown task") : name;
    t.color = kPlaceholderColor;
    t.billable = false;
    t.position = 1000;
    m_catalogTouched = true;
    return m_catalog.saveTaskType(t);
}

Result<void> SyncCache::ensureRoom(const QString &id, const std::optional<protocol::NamedRef> &hint)
{
    const auto known = m_catalog.room(id);
    if (!known)
        return known.error();
    if (*known)
        return {};
    Room room;
    room.id = id;
    room.orgId = m_hubOrgId;
    const QString name = hint && hint->id == id ? hint->name.trimmed() : QString();
    room.name = name.isEmpty() ? Tr::tr("Unknown room") : name;
    m_catalogTouched = true;
    return m_catalog.saveRoom(room);
}

Result<void> SyncCache::ensureClient(const QString &id)
{
    ProjectRepository projects(m_db);
    const auto known = projects.client(id);
    if (!known)
        return known.error();
    if (*known)
        return {};
    Client c;
    c.id = id;
    c.orgId = m_hubOrgId;
    c.name = Tr::tr("Unknown client");
    c.color = kPlaceholderColor;
    m_catalogTouched = true;
    return projects.saveClient(c);
}

Result<void> SyncCache::ensureProject(const QString &id)
{
    ProjectRepository projects(m_db);
    const auto known = projects.project(id);
    if (!known)
        return known.error();
    if (*known)
        return {};
    Project p;
    p.id = id;
    p.orgId = m_hubOrgId;
    p.name = Tr::tr("Unknown project");
    p.color = kPlaceholderColor;
    m_catalogTouched = true;
    return projects.saveProject(p);
}

} // namespace st
