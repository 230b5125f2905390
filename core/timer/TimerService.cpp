// TimerService: the timers (start, stop, pause, resume), the transaction plumbing and the reads
// every change shares. Manual entries and edits: TimerEdits.cpp; the catalogue and the find*
// resolvers: TimerCatalog.cpp; the read side: TimerQueries.cpp.

#include "TimerService.h"
#include "TimerServiceDetail.h"

namespace st {

using namespace timer_detail;

TimerService::TimerService(const Database &db, const Clock &clock, QString orgId, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_orgId(std::move(orgId))
    , m_catalog(db)
    , m_entries(db)
    , m_projects(db)
{}

// ---- timers ------------------------------------------------------------------------------------

// Every change takes the write lock first (BEGIN IMMEDIATE; a savepoint inside the hub's own
// transaction) and reads the running entry and "now" under it: two processes changing one data
// folder at once serialise, and neither acts on what the other has just changed.

Result<TimeEntry> TimerService::start(const StartRequest &request)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    const Ms now = m_clock.nowMs();
    const Ms at = request.at.value_or(now);
    if (auto r = checkRefs(request.userId, request.taskTypeId, request.roomId); !r)
        return r.error();
    if (auto r = checkProjectAndTags(request.projectId, request.tags); !r)
        return r.error();
    if (auto r = validate::note(request.note); !r)
        return r.error();
    if (auto r = validate::entryTimes(at, std::nullopt); !r)
        return r.error();
    if (auto r = checkUnlocked(at); !r)
        return r.error();
    const auto id = newEntryId(request.entryId);
    if (!id)
        return id.error();

    TimeEntry entry;
    entry.id = id.value();
    entry.orgId = m_orgId;
    entry.userId = request.userId;
    entry.taskTypeId = request.taskTypeId;
    entry.roomId = request.roomId;
    entry.note = request.note.trimmed();
    entry.projectId = request.projectId;
    entry.tags = validate::normalizedTags(request.tags);
    entry.startedAt = at;
    entry.source = EntrySource::Timer;
    entry.updatedAt = now;

    QList<TimeEntry> changed;
    auto runningRow = m_entries.runningEntry(request.userId);
    if (!runningRow)
        return runningRow.error();
    if (std::optional<TimeEntry> running = runningRow.value()) {
        if (running->startedAt <= at) {
            // A switch: the running entry stops at the instant the new one starts.
            running->closePause(at);
            running->endedAt = at;
            running->rev += 1;
            running->updatedAt = now;
            if (auto r = m_entries.update(*running); !r)
                return r.error();
            changed.append(*running);
        } else {
            // Started while apart and arriving late: the later start wins, this one ends there.
            entry.endedAt = running->startedAt;
        }
    }
    if (auto r = m_entries.insert(entry); !r)
        return r.error();
    changed.append(entry);

    protocol::TimerStart change;
    change.user = userRef(entry.userId);
    change.entryId = entry.id;
    change.taskTypeId = entry.taskTypeId;
    change.roomId = entry.roomId;
    change.note = entry.note;
    change.startedAt = entry.startedAt;
    change.projectId = entry.projectId;
    change.tags = entry.tags;
    return finishChange(tx, changed, change);
}

Result<TimeEntry> TimerService::stop(const QString &userId, std::optional<Ms> at)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    auto running = runningFor(userId);
    if (!running)
        return running.error();
    TimeEntry entry = running.value();
    const Ms now = m_clock.nowMs();
    const Ms end = at.value_or(std::max(now, entry.startedAt));
    if (auto r = validate::entryTimes(entry.startedAt, end); !r)
        return r.error();
    if (entry.pausedAt && end < *entry.pausedAt)
        return Error::invalid(tr("A paused timer cannot stop before its pause."));

    entry.closePause(end);
    entry.endedAt = end;
    entry.rev += 1;
    entry.updatedAt = now;
    if (auto r = m_entries.update(entry); !r)
        return r.error();
    protocol::TimerStop change;
    change.user = userRef(userId);
    change.entryId = entry.id;
    change.baseRev = entry.rev - 1; // the version this change was based on
    change.at = end;
    return finishChange(tx, {entry}, change);
}

Result<TimeEntry> TimerService::pause(const QString &userId, std::optional<Ms> at)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    auto running = runningFor(userId);
    if (!running)
        return running.error();
    TimeEntry entry = running.value();
    if (entry.isPaused())
        return Error::conflict(tr("The timer is already paused."));
    const Ms now = m_clock.nowMs();
    const Ms when = at.value_or(std::max(now, entry.startedAt));
    if (when < entry.startedAt)
        return Error::invalid(tr("A timer cannot pause before it starts."));

    entry.pausedAt = when;
    entry.rev += 1;
    entry.updatedAt = now;
    if (auto r = m_entries.update(entry); !r)
        return r.error();
    protocol::TimerPause change;
    change.user = userRef(userId);
    change.entryId = entry.id;
    change.baseRev = entry.rev - 1; // the version this change was based on
    change.at = when;
    return finishChange(tx, {entry}, change);
}

Result<TimeEntry> TimerService::resume(const QString &userId, std::optional<Ms> at)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    auto running = runningFor(userId);
    if (!running)
        return running.error();
    TimeEntry entry = running.value();
    if (!entry.isPaused())
        return Error::conflict(tr("The timer is not paused."));
    const Ms now = m_clock.nowMs();
    const Ms when = at.value_or(std::max(now, *entry.pausedAt));
    if (when < *entry.pausedAt)
        return Error::invalid(tr("A timer cannot resume before its pause."));

    entry.closePause(when);
    entry.rev += 1;
    entry.updatedAt = now;
    if (auto r = m_entries.update(entry); !r)
        return r.error();
    protocol::TimerResume change;
    change.user = userRef(userId);
    change.entryId = entry.id;
    change.baseRev = entry.rev - 1; // the version this change was based on
    change.at = when;
    return finishChange(tx, {entry}, change);
}

// ---- helpers -----------------------------------------------------------------------------------

Result<TimeEntry> TimerService::finishChange(Transaction &tx, const QList<TimeEntry> &changed,
                                             protocol::Request request,
                                             std::optional<TimeEntry> before,
                                             std::optional<AuditRecord> audit)
{
    if (audit) {
        if (auto r = m_entries.insertAudit(*audit); !r)
            return r.error();
    }
    if (auto r = record({std::move(request), changed, std::move(before), std::move(audit)}); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    for (const TimeEntry &e : changed)
        Q_EMIT entryChanged(e);
    return changed.last();
}

Result<void> TimerService::record(const Mutation &mutation)
{
    return m_sink ? m_sink(mutation) : Result<void>{};
}

Result<void> TimerService::checkRefs(const QString &userId, const QString &taskTypeId,
                                     const QString &roomId) const
{
    if (auto r = knownUser(userId); !r)
        return r.error();
    const auto typeRow = ownedBy(m_catalog.taskType(taskTypeId), m_orgId);
    if (!typeRow)
        return typeRow.error();
    const std::optional<TaskType> &type = typeRow.value();
    if (!type)
        return Error::notFound(tr("No such task type."));
    if (type->archived)
        return Error::invalid(tr("The task type \"%1\" is archived.").arg(type->name));
    if (roomId.isEmpty())
        return {};
    const auto roomRow = ownedBy(m_catalog.room(roomId), m_orgId);
    if (!roomRow)
        return roomRow.error();
    if (!roomRow.value())
        return Error::notFound(tr("No such room."));
    return {};
}

Result<std::optional<TimeEntry>> TimerService::ownEntry(const QString &id) const
{
    return ownedBy(m_entries.entry(id), m_orgId);
}

Result<User> TimerService::knownUser(const QString &id, UserScope scope) const
{
    auto row = m_catalog.user(id);
    if (scope == ThisOrganization)
        row = ownedBy(std::move(row), m_orgId);
    if (!row)
        return row.error();
    if (!row.value())
        return Error::notFound(tr("No such user."));
    return *row.value();
}

Result<TimeEntry> TimerService::liveEntry(const QString &id) const
{
    const auto row = ownEntry(id);
    if (!row)
        return row.error();
    const std::optional<TimeEntry> &found = row.value();
    if (!found || found->deleted)
        return Error::notFound(tr("No entry %1.").arg(id));
    return *found;
}

Result<TimeEntry> TimerService::runningFor(const QString &userId) const
{
    if (auto r = knownUser(userId); !r)
        return r.error();
    const auto e = m_entries.runningEntry(userId);
    if (!e)
        return e.error();
    if (e.value())
        return *e.value();
    return Error::notFound(tr("No timer is running."));
}

protocol::UserRef TimerService::userRef(const QString &userId) const
{
    return {userId, orEmpty(m_catalog.user(userId)).value_or(User{}).name};
}

Result<QString> TimerService::newEntryId(const QString &requested) const
{
    const QString id = requested.isEmpty() ? newId() : requested;
    if (!isValidId(id))
        return Error::invalid(tr("The entry ID is not a UUID."));
    if (auto existing = m_entries.entry(id); !existing)
        return existing.error();
    else if (existing.value())
        return Error::conflict(tr("An entry with this ID already exists."));
    return id;
}

} // namespace st
