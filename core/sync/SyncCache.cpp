#include "SyncCache.h"

#include "domain/Json.h"
#include "protocol/Fields.h"
#include "store/LockRepository.h"
#include "store/ProjectRepository.h"

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

Result<AppliedChange> SyncCache::run(qint64 seq, const std::function<Result<AppliedChange>()> &body)
{
    const auto inTransaction = [&]() -> Result<AppliedChange> {
        m_catalogTouched = false;
        auto applied = body();
        if (!applied)
            return applied;
        applied.value().catalog = applied->catalog || m_catalogTouched;
        if (seq > 0) {
            if (auto r = setLastSeq(seq); !r)
                return r.error();
        }
        return applied;
    };
    if (m_batch) {
        if (auto r = execSql(QStringLiteral("SAVEPOINT sync_change")); !r)
            return r.error();
        auto applied = inTransaction();
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
    auto applied = inTransaction();
    if (!applied)
        return applied;
    if (auto r = tx.commit(); !r)
        return r.error();
    m_service.announceRemoteChanges(applied->entries, applied->catalog);
    return applied;
}

Result<AppliedChange> SyncCache::apply(const protocol::Broadcast &change, qint64 seq)
{
    return run(seq, [&] { return applyInTransaction(change); });
}

Result<AppliedChange> SyncCache::apply(const QString &type, const QJsonObject &data, qint64 seq)
{
    const auto event = protocol::eventFromName(type);
    if (!event || !protocol::isChange(*event)) {
        qCInfo(lcSyncCache) << "Skipping a change of a kind this version does not know:" << type
                            << seq;
        return run(seq, [] { return Result<AppliedChange>(AppliedChange{}); });
    }
    auto change = protocol::decodeBroadcast(*event, data);
    if (!change) {
        qCWarning(lcSyncCache) << "Skipping a malformed change" << seq << change.error().message;
        return run(seq, [] { return Result<AppliedChange>(AppliedChange{}); });
    }
    return apply(change.value(), seq);
}

Result<AppliedChange> SyncCache::applyAnswer(const TimeEntry &entry,
                                             const QList<AuditRecord> &trail)
{
    return run(-1, [&]() -> Result<AppliedChange> {
        auto applied = applyEntry(entry, std::nullopt, std::nullopt, std::nullopt, std::nullopt);
        if (!applied || applied->entries.isEmpty())
            return applied;
        // The hub's trail of the entry (a stale change's refusal): its rows, once each, by id.
        for (const AuditRecord &row : trail) {
            if (row.entryId != entry.id)
                continue;
            if (auto r = m_entries.insertAudit(row); !r)
                return r.error();
        }
        return applied;
    });
}

Result<AppliedChange> SyncCache::applyInTransaction(const protocol::Broadcast &change)
{
    const auto trail = [](const TimeEntry &e, const std::optional<protocol::UserRef> &user,
                          const QString &action, const QJsonObject &before, const QString &reason) {
        AuditRecord a;
        a.id = newId();
        a.entryId = e.id;
        a.actorId = user ? user->id : QString();
        a.actorName = user ? user->name : QString();
        a.at = e.updatedAt;
        a.action = action;
        a.before = before;
        a.reason = reason;
        return a;
    };
    struct Visitor
    {
        SyncCache &cache;
        const decltype(trail) &audit;

        Result<AppliedChange> operator()(const protocol::TimerChanged &c) const
        {
            return cache.applyEntry(c.entry, c.user, c.taskType, c.room, std::nullopt);
        }
        Result<AppliedChange> operator()(const protocol::EntryAdjusted &c) const
        {
            const protocol::EntryBefore &p = c.previous;
            QJsonObject before{{QStringLiteral("startedAt"), double(p.startedAt)},
                               {QStringLiteral("endedAt"), protocol::msOrNull(p.endedAt)},
                               {QStringLiteral("note"), p.note}};
            if (!p.taskTypeId.isEmpty())
                before.insert(QStringLiteral("taskTypeId"), p.taskTypeId);
            // The hub's own row when it sends one (this desk's change coming back replaces the
            // copy made here: once, the same everywhere); else one made from the broadcast.
            return cache.applyEntry(
                c.entry, c.user, std::nullopt, std::nullopt,
                c.audit ? *c.audit
                        : audit(c.entry, c.user, QStringLiteral("adjust"), before, c.reason));
        }
        Result<AppliedChange> operator()(const protocol::EntryChanged &c) const
        {
            std::optional<AuditRecord> row = c.audit;
            if (!row && c.event == protocol::Event::EntryDeleted)
                row = audit(c.entry, c.user, QStringLiteral("delete"), {}, {});
            return cache.applyEntry(c.entry, c.user, std::nullopt, std::nullopt, row);
        }
        Result<AppliedChange> operator()(const protocol::TaskTypeChanged &c) const
        {
            TaskType type = c.taskType;
            type.orgId = cache.m_hubOrgId;
            if (auto r = cache.m_catalog.saveTaskType(type); !r)
                return r.error();
            AppliedChange out;
            out.catalog = true;
            return out;
        }
        Result<AppliedChange> operator()(const protocol::RoomChanged &c) const
        {
            Room room = c.room;
            room.orgId = cache.m_hubOrgId;
            if (auto r = cache.m_catalog.saveRoom(room); !r)
                return r.error();
            AppliedChange out;
            out.catalog = true;
            return out;
        }
        Result<AppliedChange> operator()(const protocol::ClientChanged &c) const
        {
            Client client = c.client;
            client.orgId = cache.m_hubOrgId;
            return catalogWrite(ProjectRepository(cache.m_db).saveClient(client));
        }
        Result<AppliedChange> operator()(const protocol::ProjectChanged &c) const
        {
            Project project = c.project;
            project.orgId = cache.m_hubOrgId;
            if (!project.clientId.isEmpty()) {
                if (auto r = cache.ensureClient(project.clientId); !r)
                    return r.error();
            }
            return catalogWrite(ProjectRepository(cache.m_db).saveProject(project));
        }
        Result<AppliedChange> operator()(const protocol::LockChanged &c) const
        {
            // The lock and its trail row (by id: this desk's own change comes back as the hub
            // wrote it).
            LockRecord lock = c.lock;
            lock.orgId = cache.m_hubOrgId;
            return catalogWrite(LockRepository(cache.m_db).save(lock));
        }
        Result<AppliedChange> operator()(const protocol::EntriesRepriced &c) const
        {
            // Each entry with its trail row (by id: this desk's own reprice comes back once).
            AppliedChange out;
            for (const TimeEntry &e : c.entries) {
                std::optional<AuditRecord> row;
                for (const AuditRecord &a : c.audit) {
                    if (a.entryId == e.id)
                        row = a;
                }
                auto applied = cache.applyEntry(e, std::nullopt, std::nullopt, std::nullopt, row);
                if (!applied)
                    return applied;
                out.entries.append(applied->entries);
            }
            return out;
        }
        Result<AppliedChange> operator()(const protocol::RosterEdited &c) const
        {
            return catalogWrite(cache.applyRoster(c.record));
        }
        static Result<AppliedChange> catalogWrite(const Result<void> &written)
        {
            if (!written)
                return written.error();
            AppliedChange out;
            out.catalog = true;
            return out;
        }
        Result<AppliedChange> operator()(const protocol::Presence &) const
        {
            return AppliedChange{};
        }
    };
    auto applied = std::visit(Visitor{*this, trail}, change);
    if (applied) {
        applied.value().subjectId = protocol::subjectOf(change);
        applied.value().change = change;
    }
    return applied;
}

Result<AppliedChange> SyncCache::applyEntry(const TimeEntry &e,
                                            const std::optional<protocol::UserRef> &user,
                                            const std::optional<protocol::NamedRef> &taskType,
                                            const std::optional<protocol::NamedRef> &room,
                                            std::optional<AuditRecord> audit)
{
    AppliedChange out;
    out.subjectId = e.id;
    if (e.orgId != m_hubOrgId) {
        qCWarning(lcSyncCache) << "Skipping an entry of another organisation";
        return out;
    }
    // (An entry with a change of ours still to send keeps our version: the hub's answer to that
    // change brings the truth.)
    if (hasPendingFor(e.id))
        return out;
    if (auto r = ensureUser(user, e.userId); !r)
        return r.error();
    if (auto r = ensureTaskType(e.taskTypeId, taskType); !r)
        return r.error();
    if (!e.roomId.isEmpty()) {
        if (auto r = ensureRoom(e.roomId, room); !r)
            return r.error();
    }
    if (!e.projectId.isEmpty()) {
        if (auto r = ensureProject(e.projectId); !r)
            return r.error();
    }
    const auto stored = m_entries.entry(e.id);
    if (!stored)
        return stored.error();
    const bool isNew = !stored->has_value();
    auto written = writeEntry(e);
    if (!written)
        return written.error();
    out.entries = written.value();
    // Audited changes keep their trail here too.
    if (!isNew && audit) {
        if (audit->after.isEmpty())
            audit->after = audit::entryState(e);
        if (auto r = m_entries.insertAudit(*audit); !r)
            return r.error();
    }
    return out;
}

Result<QList<TimeEntry>> SyncCache::writeEntry(TimeEntry e)
{
    QList<TimeEntry> changed;
    if (e.isRunning() && !e.deleted) {
        // One running entry per user: the hub says this one runs, so one still running here
        // (a stop not heard yet) ends where this one starts, until the hub's own word arrives.
        const auto running = m_entries.runningEntry(e.userId);
        if (!running)
            return running.error();
        if (*running && (*running)->id != e.id) {
            TimeEntry old = **running;
            const Ms end = std::max(e.startedAt, old.startedAt);
            old.closePause(end);
            old.endedAt = end;
            if (auto r = m_entries.update(old); !r)
                return r.error();
            changed.append(old);
        }
    }
    const auto stored = m_entries.entry(e.id);
    if (!stored)
        return stored.error();
    if (*stored) {
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
    const std::optional<TimeEntry> &found = *row;
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
    a.actorName = actor->value_or(User{}).name;
    a.at = e.updatedAt;
    a.action = QStringLiteral("delete");
    a.before = audit::entryState(*found);
    a.after = audit::entryState(e);
    a.reason = Tr::tr("The hub refused this entry (see the sync conflicts).");
    if (auto r = m_entries.insertAudit(a); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    m_service.announceRemoteChanges({e}, false);
    return std::optional<TimeEntry>(e);
}

} // namespace st
