#include "SyncCache.h"

#include "store/LockRepository.h"
#include "store/ProjectRepository.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcSyncCache)

// Joining a hub: this machine's own data moves to the hub's organisation (see SyncCache.h).
namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::SyncCache)
};

const QString kOrgMetaKey = QStringLiteral("org_id"); // the profile's organisation (Profile.cpp)

// The hub's item with item's name (any case), or none.
template <class Item> const Item *sameName(const QList<Item> &hubItems, const Item &item)
{
    for (const Item &h : hubItems) {
        if (h.name.compare(item.name, Qt::CaseInsensitive) == 0)
            return &h;
    }
    return nullptr;
}

} // namespace

Result<void> SyncCache::beginJoin()
{
    if (m_hubOrgId.isEmpty())
        return Error::invalid(Tr::tr("Not connected to a hub."));
    const Organization local = m_service.organization();
    const auto stored = m_catalog.organization(m_hubOrgId);
    if (!stored)
        return stored.error();
    Organization org = stored->value_or(Organization{});
    org.id = m_hubOrgId;
    org.name = m_hubOrgName.trimmed().isEmpty() ? local.name : m_hubOrgName.trimmed();
    if (org.currency.isEmpty())
        org.currency = local.currency;
    org.updatedAt = m_service.clock().nowMs();
    return m_catalog.saveOrganization(org);
}

Result<int> SyncCache::finishJoin()
{
    const QString oldOrg = m_service.orgId();
    const QString hub = m_hubOrgId;
    if (hub.isEmpty() || oldOrg == hub)
        return 0;
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    auto run = [&](const QString &sql, const QVariantList &values) -> Result<void> {
        QSqlQuery q = m_db.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        return m_db.exec(q);
    };
    QList<protocol::Request> pushes;

    // Task types and rooms: merged into the hub's by name, else carried over and pushed.
    const auto hubTypesRead = m_catalog.taskTypes(hub, true);
    const auto oldTypes = m_catalog.taskTypes(oldOrg, true);
    if (!hubTypesRead)
        return hubTypesRead.error();
    if (!oldTypes)
        return oldTypes.error();
    const QList<TaskType> &hubTypes = *hubTypesRead;
    for (TaskType t : *oldTypes) {
        const auto same = std::find_if(hubTypes.begin(), hubTypes.end(), [&](const TaskType &h) {
            return h.name.compare(t.name, Qt::CaseInsensitive) == 0;
        });
        if (same != hubTypes.end()) {
            if (auto r = run(QStringLiteral("UPDATE time_entries SET task_type_id = ? WHERE "
                                            "task_type_id = ?"),
                             {same->id, t.id});
                !r)
                return r.error();
            // Its entries keep the rates they were recorded at; its rate history goes with it.
            if (auto r = run(QStringLiteral("DELETE FROM task_type_rates WHERE task_type_id = ?"),
                             {t.id});
                !r)
                return r.error();
            if (auto r = run(QStringLiteral("DELETE FROM task_types WHERE id = ?"), {t.id}); !r)
                return r.error();
        } else {
            t.orgId = hub;
            if (auto r = run(QStringLiteral("UPDATE task_types SET org_id = ? WHERE id = ?"),
                             {hub, t.id});
                !r)
                return r.error();
            protocol::TaskTypeUpsert push;
            push.taskType = t;
            pushes.append(push);
        }
    }
    const auto hubRoomsRead = m_catalog.rooms(hub, true);
    const auto oldRooms = m_catalog.rooms(oldOrg, true);
    if (!hubRoomsRead)
        return hubRoomsRead.error();
    if (!oldRooms)
        return oldRooms.error();
    const QList<Room> &hubRooms = *hubRoomsRead;
    for (Room room : *oldRooms) {
        const auto same = std::find_if(hubRooms.begin(), hubRooms.end(), [&](const Room &h) {
            return h.name.compare(room.name, Qt::CaseInsensitive) == 0;
        });
        if (same != hubRooms.end()) {
            if (auto r =
                    run(QStringLiteral("UPDATE time_entries SET room_id = ? WHERE room_id = ?"),
                        {same->id, room.id});
                !r)
                return r.error();
            if (auto r = run(QStringLiteral("DELETE FROM rooms WHERE id = ?"), {room.id}); !r)
                return r.error();
        } else {
            room.orgId = hub;
            if (auto r =
                    run(QStringLiteral("UPDATE rooms SET org_id = ? WHERE id = ?"), {hub, room.id});
                !r)
                return r.error();
            protocol::RoomUpsert push;
            push.room = room;
            pushes.append(push);
        }
    }

    // Clients, then projects: merged into the hub's by name, else carried over and pushed (a
    // client before its projects, a project before its entries).
    ProjectRepository projects(m_db);
    const auto hubClients = projects.clients(hub, true);
    const auto oldClients = projects.clients(oldOrg, true);
    if (!hubClients)
        return hubClients.error();
    if (!oldClients)
        return oldClients.error();
    for (Client c : *oldClients) {
        if (const Client *same = sameName(*hubClients, c)) {
            if (auto r =
                    run(QStringLiteral("UPDATE projects SET client_id = ? WHERE client_id = ?"),
                        {same->id, c.id});
                !r)
                return r.error();
            if (auto r = run(QStringLiteral("DELETE FROM clients WHERE id = ?"), {c.id}); !r)
                return r.error();
            continue;
        }
        c.orgId = hub;
        if (auto r = run(QStringLiteral("UPDATE clients SET org_id = ? WHERE id = ?"), {hub, c.id});
            !r)
            return r.error();
        protocol::ClientUpsert push;
        push.client = c;
        pushes.append(push);
    }
    const auto hubProjects = projects.projects(hub, true);
    const auto oldProjects = projects.projects(oldOrg, true); // with their clients merged
    if (!hubProjects)
        return hubProjects.error();
    if (!oldProjects)
        return oldProjects.error();
    for (Project p : *oldProjects) {
        if (const Project *same = sameName(*hubProjects, p)) {
            if (auto r = run(QStringLiteral("UPDATE time_entries SET project_id = ? WHERE "
                                            "project_id = ?"),
                             {same->id, p.id});
                !r)
                return r.error();
            if (auto r = run(QStringLiteral("DELETE FROM projects WHERE id = ?"), {p.id}); !r)
                return r.error();
            continue;
        }
        p.orgId = hub;
        if (auto r =
                run(QStringLiteral("UPDATE projects SET org_id = ? WHERE id = ?"), {hub, p.id});
            !r)
            return r.error();
        protocol::ProjectUpsert push;
        push.project = p;
        pushes.append(push);
    }
    // The hub's closed period is the one that holds: this machine's own lock and its trail go.
    if (auto r = LockRepository(m_db).removeOrganization(oldOrg); !r)
        return r.error();

    // Users keep their IDs; entries move and are pushed in the order they started.
    if (auto r = run(QStringLiteral("UPDATE users SET org_id = ? WHERE org_id = ?"), {hub, oldOrg});
        !r)
        return r.error();
    QStringList ids;
    {
        QSqlQuery q = m_db.prepare(QStringLiteral("SELECT id FROM time_entries WHERE org_id = ? "
                                                  "AND deleted = 0 ORDER BY started_at, id"));
        q.addBindValue(oldOrg);
        if (auto r = m_db.exec(q); !r)
            return r.error();
        while (q.next())
            ids << q.value(0).toString();
    }
    if (auto r = run(QStringLiteral("UPDATE time_entries SET org_id = ? WHERE org_id = ?"),
                     {hub, oldOrg});
        !r)
        return r.error();
    for (const QString &id : std::as_const(ids)) {
        const auto row = m_entries.entry(id);
        if (!row)
            return row.error();
        const std::optional<TimeEntry> &e = *row;
        if (!e)
            continue;
        const auto ownerRow = m_catalog.user(e->userId);
        if (!ownerRow)
            return ownerRow.error();
        const User owner = ownerRow->value_or(User{});
        const protocol::UserRef user{owner.id, owner.name};
        if (e->endedAt) {
            // (The entry's pauses stay behind: see the class comment.)
            protocol::EntryCreate create;
            create.user = user;
            create.entry = {e->id,        e->taskTypeId, e->roomId,  e->note,
                            e->startedAt, *e->endedAt,   0,          e->hourlyRateCents,
                            e->projectId, e->tags,       e->billable};
            pushes.append(create);
        } else {
            protocol::TimerStart start;
            start.user = user;
            start.entryId = e->id;
            start.taskTypeId = e->taskTypeId;
            start.roomId = e->roomId;
            start.note = e->note;
            start.startedAt = e->startedAt;
            start.projectId = e->projectId;
            start.tags = e->tags;
            pushes.append(start);
            if (e->pausedAt) {
                protocol::TimerPause pause;
                pause.user = user;
                pause.entryId = e->id;
                pause.at = *e->pausedAt;
                pushes.append(pause);
            }
        }
    }

    if (auto r = m_outbox.clearInTransaction(); !r)
        return r.error();
    for (const protocol::Request &push : std::as_const(pushes)) {
        if (auto r = m_outbox.record(push); !r)
            return r.error();
    }
    // The old organisation row goes when nothing else refers to it; a table of another part
    // still pointing at it keeps it (harmless: nothing lists it).
    {
        QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM organizations WHERE id = ?"));
        q.addBindValue(oldOrg);
        if (!q.exec())
            qCInfo(lcSyncCache) << "The former organisation stays:" << oldOrg;
    }
    if (auto r = m_db.setMeta(kOrgMetaKey, hub); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    m_service.setOrgId(hub);
    m_service.announceRemoteChanges({}, true);
    return int(pushes.size());
}

} // namespace st
