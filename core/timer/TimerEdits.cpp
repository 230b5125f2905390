// TimerService: manual entries and batches, adjustments, deletion and restore, with their audit.

#include "TimerService.h"
#include "TimerServiceDetail.h"

#include "store/RateRepository.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <QSysInfo>

#include <tuple>

namespace st {

using namespace timer_detail;

// ---- manual entries, adjustments, deletion ----------------------------------------------------

Result<TimeEntry> TimerService::prepareManual(const ManualEntry &m, QSet<QString> *batchRefs) const
{
    // A batch checks each person, task type and room once, and overlaps all at once at its end.
    const QString refs = m.userId + QLatin1Char('|') + m.taskTypeId + QLatin1Char('|') + m.roomId;
    if (!batchRefs || !batchRefs->contains(refs)) {
        if (auto r = checkRefs(m.userId, m.taskTypeId, m.roomId); !r)
            return r.error();
        if (batchRefs)
            batchRefs->insert(refs);
    }
    if (auto r = checkProjectAndTags(m.projectId, m.tags); !r)
        return r.error();
    if (auto r = validate::note(m.note); !r)
        return r.error();
    if (auto r = validate::entryTimes(m.startedAt, m.endedAt); !r)
        return r.error();
    if (m.endedAt == m.startedAt)
        return Error::invalid(tr("An entry needs a duration: its end equals its start."));
    if (m.pausedMs < 0 || m.pausedMs > m.endedAt - m.startedAt)
        return Error::invalid(tr("The paused time must fit inside the entry."));
    if (auto r = checkUnlocked(m.startedAt); !r)
        return r.error();
    // A batch's fresh IDs are random UUIDs: only an ID asked for can be taken already.
    const auto id =
        batchRefs && m.entryId.isEmpty() ? Result<QString>(newId()) : newEntryId(m.entryId);
    if (!id)
        return id.error();

    TimeEntry entry;
    entry.id = id.value();
    entry.orgId = m_orgId;
    entry.userId = m.userId;
    entry.taskTypeId = m.taskTypeId;
    entry.roomId = m.roomId;
    entry.note = m.note.trimmed();
    entry.startedAt = m.startedAt;
    entry.endedAt = m.endedAt;
    entry.pausedMs = m.pausedMs;
    entry.hourlyRateCents = m.hourlyRateCents;
    entry.projectId = m.projectId;
    entry.tags = validate::normalizedTags(m.tags);
    entry.billable = m.billable; // the store's stamp makes it false for a non-billable type
    entry.source = EntrySource::Manual;
    entry.updatedAt = m_clock.nowMs();
    if (batchRefs)
        return entry;
    if (auto r = checkNoOverlap(entry); !r)
        return r.error();
    return entry;
}

protocol::EntryCreate TimerService::manualChange(const TimeEntry &entry) const
{
    protocol::EntryCreate change;
    change.user = userRef(entry.userId);
    change.entry = {entry.id,        entry.taskTypeId, entry.roomId,  entry.note,
                    entry.startedAt, *entry.endedAt,   entry.pausedMs};
    if (entry.hourlyRateCents >= 0)
        change.entry.hourlyRateCents = entry.hourlyRateCents;
    change.entry.projectId = entry.projectId;
    change.entry.tags = entry.tags;
    change.entry.billable = entry.billable;
    return change;
}

Result<TimeEntry> TimerService::addManual(const ManualEntry &m)
{
    // The overlap check and the insert under one write lock (see TimerService.cpp).
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    auto prepared = prepareManual(m);
    if (!prepared)
        return prepared.error();
    TimeEntry entry = prepared.value();
    if (auto r = m_entries.insert(entry); !r)
        return r.error();
    return finishChange(tx, {entry}, manualChange(entry));
}

Result<TimeEntry> TimerService::adjust(const Adjustment &a)
{
    if (a.reason.trimmed().isEmpty())
        return Error::invalid(tr("An adjustment needs a reason."));
    if (auto r = validate::note(a.reason); !r)
        return r.error();
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    auto found = liveEntry(a.entryId);
    if (!found)
        return found.error();
    if (auto r = knownUser(a.actorId, AnyOrganization); !r)
        return r.error();
    const TimeEntry before = found.value();
    if (auto r = checkUnlocked(before.startedAt); !r)
        return r.error();
    TimeEntry entry = before;
    const Ms now = m_clock.nowMs();

    if (a.startedAt)
        entry.startedAt = *a.startedAt;
    if (a.taskTypeId)
        entry.taskTypeId = *a.taskTypeId;
    if (a.roomId)
        entry.roomId = *a.roomId;
    if (a.note) {
        if (auto r = validate::note(*a.note); !r)
            return r.error();
        entry.note = a.note->trimmed();
    }
    if (a.endedAt) {
        entry.closePause(*a.endedAt);
        entry.endedAt = *a.endedAt;
    }
    if (a.projectId)
        entry.projectId = *a.projectId;
    if (a.tags)
        entry.tags = validate::normalizedTags(*a.tags);
    if (auto r = checkRefs(entry.userId, entry.taskTypeId, entry.roomId); !r)
        return r.error();
    if (auto r = checkProjectAndTags(entry.projectId, entry.tags); !r)
        return r.error();
    if (auto r = validate::entryTimes(entry.startedAt, entry.endedAt); !r)
        return r.error();
    if (auto r = checkUnlocked(entry.startedAt); !r) // not moved into the closed period either
        return r.error();
    if (entry.endedAt && *entry.endedAt == entry.startedAt)
        return Error::invalid(tr("An entry needs a duration: its end equals its start."));
    if (!entry.endedAt && entry.startedAt > now)
        return Error::invalid(tr("A running timer cannot start in the future."));
    if (entry.pausedAt && *entry.pausedAt < entry.startedAt)
        return Error::invalid(tr("A paused timer cannot start after its pause."));
    if (entry.endedAt && entry.pausedMs > *entry.endedAt - entry.startedAt)
        entry.pausedMs = *entry.endedAt - entry.startedAt;
    if (audit::entryState(entry) == audit::entryState(before))
        return Error::invalid(tr("The adjustment changes nothing."));
    if (auto r = checkNoOverlap(entry); !r)
        return r.error();
    // The rate stays as recorded when the times move; another task type or project brings its
    // own rate on the entry's start day (docs/REPORTS.md, "Rates"). An entry billable as its old
    // type was becomes billable as its new one is.
    if (entry.taskTypeId != before.taskTypeId || entry.projectId != before.projectId) {
        if (entry.taskTypeId != before.taskTypeId) {
            const auto oldType = orEmpty(m_catalog.taskType(before.taskTypeId));
            if (!oldType || oldType->billable == before.billable)
                entry.billable = true;
        }
        const auto stamp = RateRepository(m_db).stamp(entry);
        if (!stamp)
            return stamp.error();
        entry.hourlyRateCents = stamp.value().hourlyRateCents;
        entry.billable = stamp.value().billable;
    }

    // A running timer's note edited is not an adjustment of its times or task (still audited).
    const bool noteOnly =
        !a.startedAt && !a.endedAt && !a.taskTypeId && !a.roomId && !a.projectId && !a.tags;
    entry.adjusted = before.adjusted || !(noteOnly && before.isRunning());
    entry.rev += 1;
    entry.updatedAt = now;
    if (auto r = m_entries.update(entry); !r)
        return r.error();
    const AuditRecord row =
        audit(before, entry, a.actorId, QStringLiteral("adjust"), a.reason.trimmed(), a.auditId);

    protocol::EntryAdjust change;
    change.user = userRef(a.actorId);
    change.entryId = entry.id;
    change.baseRev = before.rev;
    change.auditId = row.id;
    change.reason = a.reason.trimmed();
    if (a.startedAt)
        change.startedAt = entry.startedAt;
    if (a.endedAt)
        change.endedAt = *entry.endedAt;
    if (a.taskTypeId)
        change.taskTypeId = entry.taskTypeId;
    if (a.roomId)
        change.roomId = entry.roomId;
    if (a.note)
        change.note = entry.note;
    if (a.projectId)
        change.projectId = entry.projectId;
    if (a.tags)
        change.tags = entry.tags;
    return finishChange(tx, {entry}, change, before, row);
}

Result<TimeEntry> TimerService::remove(const QString &entryId, const QString &actorId,
                                       const QString &reason, const QString &auditId)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    auto found = liveEntry(entryId);
    if (!found)
        return found.error();
    if (auto r = knownUser(actorId, AnyOrganization); !r)
        return r.error();
    if (auto r = validate::note(reason); !r)
        return r.error();
    const TimeEntry before = found.value();
    if (auto r = checkUnlocked(before.startedAt); !r)
        return r.error();
    TimeEntry entry = before;
    entry.deleted = true;
    entry.rev += 1;
    entry.updatedAt = m_clock.nowMs();
    if (auto r = m_entries.update(entry); !r)
        return r.error();
    const AuditRecord row =
        audit(before, entry, actorId, QStringLiteral("delete"), reason.trimmed(), auditId);
    protocol::EntryDelete change;
    change.user = userRef(actorId);
    change.entryId = entry.id;
    change.baseRev = before.rev;
    change.auditId = row.id;
    change.reason = reason.trimmed();
    return finishChange(tx, {entry}, change, std::nullopt, row);
}

Result<TimeEntry> TimerService::restore(const QString &entryId, const QString &actorId,
                                        const QString &auditId)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    const auto stored = ownEntry(entryId);
    if (!stored)
        return stored.error();
    const std::optional<TimeEntry> &found = stored.value();
    if (!found)
        return Error::notFound(tr("No entry %1.").arg(entryId));
    if (!found->deleted)
        return Error::conflict(tr("The entry is not deleted."));
    if (auto r = checkUnlocked(found->startedAt); !r)
        return r.error();
    if (auto r = knownUser(actorId, AnyOrganization); !r)
        return r.error();
    const TimeEntry before = *found;
    TimeEntry entry = before;
    entry.deleted = false;
    if (auto r = checkNoOverlap(entry); !r)
        return r.error();
    entry.rev += 1;
    entry.updatedAt = m_clock.nowMs();
    if (auto r = m_entries.update(entry); !r)
        return r.error();
    const AuditRecord trailRow =
        audit(before, entry, actorId, QStringLiteral("restore"), tr("Deletion undone"), auditId);
    protocol::EntryRestore change;
    change.user = userRef(actorId);
    change.entryId = entry.id;
    change.baseRev = before.rev;
    change.auditId = trailRow.id;
    return finishChange(tx, {entry}, change, std::nullopt, trailRow);
}

// ---- helpers -----------------------------------------------------------------------------------

Result<void> TimerService::checkNoOverlap(const TimeEntry &entry) const
{
    const Ms now = m_clock.nowMs();
    const Ms end = entry.effectiveEnd(now);
    const auto other = m_entries.overlapping(entry.userId, entry.startedAt,
                                             std::max(end, entry.startedAt + 1), entry.id, now);
    if (!other)
        return other.error();
    if (const auto &o = other.value())
        return Error::conflict(tr("This overlaps %1 (entry %2).").arg(describe(*o), o->id.left(8)));
    return {};
}

QString TimerService::describe(const TimeEntry &e) const
{
    const auto type = orEmpty(m_catalog.taskType(e.taskTypeId));
    const QLocale locale;
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(e.startedAt);
    const QString from = locale.toString(start, QStringLiteral("yyyy-MM-dd HH:mm"));
    const QString to = e.endedAt ? locale.toString(QDateTime::fromMSecsSinceEpoch(*e.endedAt),
                                                   QStringLiteral("HH:mm"))
                                 : tr("now");
    return tr("%1 %2–%3").arg(type ? type->name : tr("an entry"), from, to);
}

std::pair<QString, QString> TimerService::device() const
{
    // This machine (timer/Profile's device id); the hub always says the connection's.
    if (m_deviceId.isEmpty())
        return {m_db.meta(QStringLiteral("device_id")), QSysInfo::machineHostName()};
    return {m_deviceId, m_deviceName};
}

AuditRecord TimerService::audit(const TimeEntry &before, const TimeEntry &after,
                                const QString &actorId, const QString &action,
                                const QString &reason, const QString &id) const
{
    AuditRecord a;
    a.id = id.isEmpty() ? newId() : id;
    std::tie(a.deviceId, a.deviceName) = device();
    a.entryId = after.id;
    a.actorId = actorId;
    a.actorName = orEmpty(m_catalog.user(actorId)).value_or(User{}).name;
    a.at = m_clock.nowMs();
    a.action = action;
    a.before = audit::entryState(before);
    a.after = audit::entryState(after);
    a.reason = reason;
    return a;
}

} // namespace st
