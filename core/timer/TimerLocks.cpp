// TimerService: closed periods (docs/REPORTS.md, "Closed periods"). The lock is read where each
// change to an entry is checked (checkUnlocked), inside that change's transaction, so the window,
// the command line, an import and the hub all meet the same rule.

#include "TimerService.h"
#include "TimerServiceDetail.h"

#include "store/LockRepository.h"

#include <tuple>

namespace st {

using namespace timer_detail;

std::optional<QDate> TimerService::lockedUntil() const
{
    return orEmpty(LockRepository(m_db).lockedUntil(m_orgId));
}

QList<LockRecord> TimerService::lockTrail() const
{
    return orEmpty(LockRepository(m_db).trail(m_orgId));
}

Result<void> TimerService::checkUnlocked(Ms startedAt) const
{
    const auto lock = LockRepository(m_db).lockedUntil(m_orgId);
    if (!lock)
        return lock.error();
    const std::optional<QDate> &until = lock.value();
    if (!until || rates::localDay(startedAt) > *until)
        return {};
    return Error{ErrorCode::Forbidden,
                 tr("The period up to %1 is locked: entries on or before that day cannot be "
                    "added, changed or deleted.")
                     .arg(until->toString(Qt::ISODate))};
}

Result<LockRecord> TimerService::lockUntil(QDate day, const QString &actorId,
                                           const QString &auditId)
{
    if (!day.isValid())
        return Error::invalid(tr("A lock needs a day."));
    if (day > rates::localDay(m_clock.nowMs()))
        return Error::invalid(tr("A period can be locked up to today at the latest, not %1.")
                                  .arg(day.toString(Qt::ISODate)));
    return changeLock(day, actorId, auditId);
}

Result<LockRecord> TimerService::unlock(const QString &actorId, const QString &auditId)
{
    return changeLock(std::nullopt, actorId, auditId);
}

Result<LockRecord> TimerService::changeLock(std::optional<QDate> until, const QString &actorId,
                                            const QString &auditId)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    const auto actor = knownUser(actorId, AnyOrganization);
    if (!actor)
        return actor.error();
    LockRepository locks(m_db);
    const auto current = locks.lockedUntil(m_orgId);
    if (!current)
        return current.error();
    if (!until && !current.value())
        return Error::conflict(tr("No period is locked."));
    if (until && current.value() == until)
        return Error::conflict(
            tr("The period up to %1 is locked already.").arg(until->toString(Qt::ISODate)));

    LockRecord record;
    record.id = auditId.isEmpty() ? newId() : auditId;
    if (!isValidId(record.id))
        return Error::invalid(tr("The audit ID is not a UUID."));
    record.orgId = m_orgId;
    record.until = until;
    record.previous = current.value();
    record.at = m_clock.nowMs();
    record.actorId = actorId;
    record.actorName = actor->name;
    std::tie(record.deviceId, record.deviceName) = device();
    if (auto r = locks.save(record); !r)
        return r.error();
    protocol::LockSet change;
    change.untilDay = until;
    change.auditId = record.id;
    if (auto r = this->record({change, {}, std::nullopt, std::nullopt, record}); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    Q_EMIT catalogChanged();
    return record;
}

} // namespace st
