#include "SyncCache.h"

#include "domain/Json.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcSyncCache, "studiotimer.sync.cache", QtWarningMsg)

namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::SyncCache)
};

const QString kLastSeq = QStringLiteral("last_seq");
const QString kSeqOrg = QStringLiteral("seq_org_id");
const QString kClockOffset = QStringLiteral("clock_offset_ms");
const QString kOrgMetaKey = QStringLiteral("org_id"); // the profile's organisation (Profile.cpp)

void closePause(TimeEntry &entry, Ms at)
{
    if (entry.pausedAt) {
        entry.pausedMs += std::max<Ms>(0, at - *entry.pausedAt);
        entry.pausedAt.reset();
    }
}

QJsonObject entryRequest(const TimeEntry &e, bool finished)
{
    QJsonObject o{{QStringLiteral("taskTypeId"), e.taskTypeId},
                  {QStringLiteral("note"), e.note},
                  {QStringLiteral("startedAt"), double(e.startedAt)}};
    if (!e.roomId.isEmpty())
        o.insert(QStringLiteral("roomId"), e.roomId);
    if (finished) {
        o.insert(QStringLiteral("id"), e.id);
        o.insert(QStringLiteral("endedAt"), double(*e.endedAt));
    } else {
        o.insert(QStringLiteral("entryId"), e.id);
    }
    return o;
}

QJsonObject auditShape(const QJsonObject &entry)
{
    QJsonObject o;
    for (const auto *key : {"startedAt", "endedAt", "taskTypeId", "roomId", "note", "deleted"}) {
        const QString k = QLatin1String(key);
        if (entry.contains(k))
            o.insert(k, entry.value(k));
    }
    return o;
}

} // namespace

SyncCache::SyncCache(const Database &db, TimerService &service, Outbox &outbox)
    : m_db(db)
    , m_service(service)
    , m_outbox(outbox)
    , m_catalog(db)
    , m_entries(db)
{}

QString SyncCache::state(const QString &key) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

Result<void> SyncCache::setState(const QString &key, const QString &value) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM sync_state WHERE key = ?"));
    q.addBindValue(key);
    if (auto r = m_db.exec(q); !r)
        return r;
    q = m_db.prepare(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    return m_db.exec(q);
}

qint64 SyncCache::lastSeq() const
{
    return state(kLastSeq).toLongLong();
}

Result<void> SyncCache::setLastSeq(qint64 seq)
{
    return setState(kLastSeq, QString::number(seq));
}

std::optional<Ms> SyncCache::savedClockOffset() const
{
    return synccache::savedClockOffset(m_db);
}

std::optional<Ms> synccache::savedClockOffset(const Database &db)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    q.addBindValue(kClockOffset);
    if (!q.exec() || !q.next())
        return std::nullopt;
    bool ok = false;
    const Ms offset = q.value(0).toLongLong(&ok);
    return ok ? std::optional<Ms>(offset) : std::nullopt;
}

Result<void> SyncCache::saveClockOffset(Ms offset)
{
    return setState(kClockOffset, QString::number(offset));
}

void SyncCache::setHubOrganization(const QString &orgId, const QString &orgName)
{
    m_hubOrgId = orgId;
    m_hubOrgName = orgName;
    // A seq counts in one organisation's history: another hub's history starts from 0.
    if (state(kSeqOrg) != orgId) {
        Transaction tx(m_db);
        if (tx.isActive() && setState(kSeqOrg, orgId) && setLastSeq(0))
            (void)tx.commit();
    }
}

Result<void> SyncCache::beginJoin()
{
    if (m_hubOrgId.isEmpty())
        return Error::invalid(Tr::tr("Not connected to a hub."));
    const Organization local = m_service.organization();
    const auto stored = m_catalog.organization(m_hubOrgId);
    if (!stored)
        return stored.error();
    Organization org = stored.value().value_or(Organization{});
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
    QList<Mutation> pushes;

    // Task types and rooms: merged into the hub's by name, else carried over and pushed.
    const auto hubTypesRead = m_catalog.taskTypes(hub, true);
    const auto oldTypes = m_catalog.taskTypes(oldOrg, true);
    if (!hubTypesRead)
        return hubTypesRead.error();
    if (!oldTypes)
        return oldTypes.error();
    const QList<TaskType> &hubTypes = hubTypesRead.value();
    for (TaskType t : oldTypes.value()) {
        const auto same = std::find_if(hubTypes.begin(), hubTypes.end(), [&](const TaskType &h) {
            return h.name.compare(t.name, Qt::CaseInsensitive) == 0;
        });
        if (same != hubTypes.end()) {
            if (auto r = run(QStringLiteral("UPDATE time_entries SET task_type_id = ? WHERE "
                                            "task_type_id = ?"),
                             {same->id, t.id});
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
            pushes.append({QStringLiteral("taskTypes:upsert"),
                           {{QStringLiteral("taskType"), json::fromTaskType(t)}}});
        }
    }
    const auto hubRoomsRead = m_catalog.rooms(hub, true);
    const auto oldRooms = m_catalog.rooms(oldOrg, true);
    if (!hubRoomsRead)
        return hubRoomsRead.error();
    if (!oldRooms)
        return oldRooms.error();
    const QList<Room> &hubRooms = hubRoomsRead.value();
    for (Room room : oldRooms.value()) {
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
            pushes.append(
                {QStringLiteral("rooms:upsert"), {{QStringLiteral("room"), json::fromRoom(room)}}});
        }
    }

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
        const std::optional<TimeEntry> &e = row.value();
        if (!e)
            continue;
        const auto userRow = m_catalog.user(e->userId);
        if (!userRow)
            return userRow.error();
        const QJsonObject user = json::fromUser(userRow.value().value_or(User{}));
        if (e->endedAt) {
            pushes.append({QStringLiteral("timeEntries:create"),
                           {{QStringLiteral("entry"), entryRequest(*e, true)},
                            {QStringLiteral("user"), user}}});
        } else {
            QJsonObject start = entryRequest(*e, false);
            start.insert(QStringLiteral("user"), user);
            pushes.append({QStringLiteral("timer:start"), start});
            if (e->pausedAt)
                pushes.append({QStringLiteral("timer:pause"),
                               {{QStringLiteral("entryId"), e->id},
                                {QStringLiteral("at"), double(*e->pausedAt)},
                                {QStringLiteral("user"), user}}});
        }
    }

    if (auto r = m_outbox.clearInTransaction(); !r)
        return r.error();
    for (const Mutation &m : std::as_const(pushes)) {
        if (auto r = m_outbox.record(m); !r)
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

QString SyncCache::subjectOf(const QJsonObject &data)
{
    for (const auto *key : {"entry", "taskType", "room"}) {
        const QJsonValue v = data.value(QLatin1String(key));
        if (v.isObject())
            return v.toObject().value(QStringLiteral("id")).toString();
    }
    return {};
}

Result<void> SyncCache::execSql(const QString &sql) const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(sql))
        return Error::internal(Tr::tr("The database refused a change: %1").arg(sql));
    return {};
}

bool SyncCache::hasPendingFor(const QString &id) const
{
    return m_batch ? m_batchPending.contains(id) : m_outbox.hasPendingFor(id);
}

Result<void> SyncCache::beginBatch()
{
    if (m_batch)
        return Error::internal(Tr::tr("A batch of changes is already open."));
    m_batch.emplace(m_db);
    if (!m_batch->isActive()) {
        const Error e = m_batch->error();
        m_batch.reset();
        return e;
    }
    m_batchPending.clear();
    for (const OutboxOp &op : m_outbox.pending())
        m_batchPending.insert(op.subjectId());
    m_batchEntries.clear();
    m_batchCatalog = false;
    return {};
}

Result<void> SyncCache::endBatch()
{
    if (!m_batch)
        return {};
    auto committed = m_batch->commit();
    m_batch.reset();
    QList<TimeEntry> entries;
    std::swap(entries, m_batchEntries);
    const bool catalog = m_batchCatalog;
    m_batchPending.clear();
    if (!committed)
        return committed;
    m_service.announceRemoteChanges(entries, catalog);
    return {};
}

Result<AppliedChange> SyncCache::apply(const QString &event, const QJsonObject &data, qint64 seq)
{
    if (m_batch) {
        if (auto r = execSql(QStringLiteral("SAVEPOINT sync_change")); !r)
            return r.error();
        auto applied = applyInTransaction(event, data, seq);
        if (!applied) {
            (void)execSql(QStringLiteral("ROLLBACK TO SAVEPOINT sync_change"));
            (void)execSql(QStringLiteral("RELEASE SAVEPOINT sync_change"));
            return applied;
        }
        if (auto r = execSql(QStringLiteral("RELEASE SAVEPOINT sync_change")); !r)
            return r.error();
        m_batchEntries.append(applied->entries);
        m_batchCatalog = m_batchCatalog || applied->catalog;
        return applied;
    }
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    auto applied = applyInTransaction(event, data, seq);
    if (!applied)
        return applied;
    if (auto r = tx.commit(); !r)
        return r.error();
    m_service.announceRemoteChanges(applied->entries, applied->catalog);
    return applied;
}

Result<AppliedChange> SyncCache::applyInTransaction(const QString &event, const QJsonObject &data,
                                                    qint64 seq)
{
    AppliedChange out;
    out.subjectId = subjectOf(data);
    m_catalogTouched = false;

    if (data.value(QStringLiteral("entry")).isObject()) {
        auto parsed = json::toEntry(data.value(QStringLiteral("entry")).toObject());
        if (!parsed) {
            qCWarning(lcSyncCache)
                << "Skipping a malformed entry in" << event << seq << parsed.error().message;
        } else if (parsed->orgId != m_hubOrgId) {
            qCWarning(lcSyncCache) << "Skipping an entry of another organisation in" << event;
        } else if (!hasPendingFor(parsed->id)) {
            // (An entry with a change of ours still to send keeps our version: the hub's answer to
            // that change brings the truth.)
            TimeEntry e = parsed.value();
            const QJsonObject user = data.value(QStringLiteral("user")).toObject();
            if (auto r = ensureUser(user, e.userId); !r)
                return r.error();
            if (auto r =
                    ensureTaskType(e.taskTypeId, data.value(QStringLiteral("taskType")).toObject());
                !r)
                return r.error();
            if (!e.roomId.isEmpty()) {
                if (auto r = ensureRoom(e.roomId, data.value(QStringLiteral("room")).toObject());
                    !r)
                    return r.error();
            }
            const auto stored = m_entries.entry(e.id);
            if (!stored)
                return stored.error();
            const bool isNew = !stored.value().has_value();
            auto written = writeEntry(e);
            if (!written)
                return written.error();
            out.entries = written.value();
            // Audited changes keep their trail here too.
            const bool adjusted = event == QLatin1String("timer:adjusted");
            const bool deleted = event == QLatin1String("entry:deleted");
            if (!isNew && (adjusted || deleted)) {
                AuditRecord a;
                a.id = newId();
                a.entryId = e.id;
                a.actorId = user.value(QStringLiteral("id")).toString();
                a.actorName = user.value(QStringLiteral("name")).toString();
                a.at = e.updatedAt;
                a.action = adjusted ? QStringLiteral("adjust") : QStringLiteral("delete");
                a.before = auditShape(data.value(QStringLiteral("previous")).toObject());
                a.after = auditShape(json::fromEntry(e));
                a.reason = data.value(QStringLiteral("reason")).toString();
                if (auto r = m_entries.insertAudit(a); !r)
                    return r.error();
            }
        }
    } else if (data.value(QStringLiteral("taskType")).isObject()) {
        auto t = json::toTaskType(data.value(QStringLiteral("taskType")).toObject());
        if (t) {
            TaskType type = t.value();
            type.orgId = m_hubOrgId;
            if (auto r = m_catalog.saveTaskType(type); !r)
                return r.error();
            out.catalog = true;
        } else {
            qCWarning(lcSyncCache) << "Skipping a malformed task type:" << t.error().message;
        }
    } else if (data.value(QStringLiteral("room")).isObject()) {
        auto parsed = json::toRoom(data.value(QStringLiteral("room")).toObject());
        if (parsed) {
            Room room = parsed.value();
            room.orgId = m_hubOrgId;
            if (auto r = m_catalog.saveRoom(room); !r)
                return r.error();
            out.catalog = true;
        } else {
            qCWarning(lcSyncCache) << "Skipping a malformed room:" << parsed.error().message;
        }
    }

    out.catalog = out.catalog || m_catalogTouched;
    if (seq > 0) {
        if (auto r = setLastSeq(seq); !r)
            return r.error();
    }
    return out;
}

Result<void> SyncCache::ensureUser(const QJsonObject &user, const QString &id)
{
    const bool described = user.value(QStringLiteral("id")).toString() == id;
    const QString name =
        described ? user.value(QStringLiteral("name")).toString().trimmed() : QString();
    const auto row = m_catalog.user(id);
    if (!row)
        return row.error();
    const std::optional<User> &existing = row.value();
    if (existing && (name.isEmpty() || existing->name == name))
        return {};
    User u = existing.value_or(User{id, m_hubOrgId, {}, 0});
    u.name = name.isEmpty() ? Tr::tr("Unknown user") : name;
    u.updatedAt = m_service.clock().nowMs();
    m_catalogTouched = true;
    return m_catalog.saveUser(u);
}

Result<void> SyncCache::ensureTaskType(const QString &id, const QJsonObject &hint)
{
    if (auto known = m_catalog.taskType(id); !known)
        return known.error();
    else if (known.value())
        return {};
    // Known by name only until its taskType:changed arrives.
    TaskType t;
    t.id = id;
    t.orgId = m_hubOrgId;
    const QString name = hint.value(QStringLiteral("id")).toString() == id
                             ? hint.value(QStringLiteral("name")).toString().trimmed()
                             : QString();
    t.name = name.isEmpty() ? Tr::tr("Unknown task") : name;
    t.color = QStringLiteral("#9c9c9c");
    t.billable = false;
    t.position = 1000;
    m_catalogTouched = true;
    return m_catalog.saveTaskType(t);
}

Result<void> SyncCache::ensureRoom(const QString &id, const QJsonObject &hint)
{
    if (auto known = m_catalog.room(id); !known)
        return known.error();
    else if (known.value())
        return {};
    Room room;
    room.id = id;
    room.orgId = m_hubOrgId;
    const QString name = hint.value(QStringLiteral("id")).toString() == id
                             ? hint.value(QStringLiteral("name")).toString().trimmed()
                             : QString();
    room.name = name.isEmpty() ? Tr::tr("Unknown room") : name;
    m_catalogTouched = true;
    return m_catalog.saveRoom(room);
}

Result<QList<TimeEntry>> SyncCache::writeEntry(TimeEntry e)
{
    QList<TimeEntry> changed;
    if (e.isRunning() && !e.deleted) {
        // One running entry per user: the hub says this one runs, so one still running here
        // (a stop not heard yet) ends where this one starts, until the hub's own word arrives.
        const auto runningRow = m_entries.runningEntry(e.userId);
        if (!runningRow)
            return runningRow.error();
        if (const auto &running = runningRow.value(); running && running->id != e.id) {
            TimeEntry old = *running;
            const Ms end = std::max(e.startedAt, old.startedAt);
            closePause(old, end);
            old.endedAt = end;
            if (auto r = m_entries.update(old); !r)
                return r.error();
            changed.append(old);
        }
    }
    const auto stored = m_entries.entry(e.id);
    if (!stored)
        return stored.error();
    if (stored.value()) {
        if (auto r = m_entries.update(e); !r)
            return r.error();
    } else {
        if (auto r = m_entries.insert(e); !r)
            return r.error();
    }
    changed.append(e);
    return changed;
}

Result<std::optional<TimeEntry>> SyncCache::withdrawUnknownEntry(const QString &entryId)
{
    const auto row = m_entries.entry(entryId);
    if (!row)
        return row.error();
    const std::optional<TimeEntry> &found = row.value();
    if (!found || found->deleted)
        return std::optional<TimeEntry>();
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    TimeEntry e = *found;
    e.deleted = true;
    e.rev += 1;
    e.updatedAt = m_service.clock().nowMs();
    if (auto r = m_entries.update(e); !r)
        return r.error();
    AuditRecord a;
    a.id = newId();
    a.entryId = e.id;
    a.actorId = e.userId;
    const auto actor = m_catalog.user(e.userId);
    if (!actor)
        return actor.error();
    a.actorName = actor.value().value_or(User{}).name;
    a.at = e.updatedAt;
    a.action = QStringLiteral("delete");
    a.before = auditShape(json::fromEntry(*found));
    a.after = auditShape(json::fromEntry(e));
    a.reason = Tr::tr("The hub refused this entry (see the sync conflicts).");
    if (auto r = m_entries.insertAudit(a); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    m_service.announceRemoteChanges({e}, false);
    return std::optional<TimeEntry>(e);
}

} // namespace st
