// TimerService: rates that keep the past (docs/REPORTS.md, "Rates"). A rate takes effect from a
// day; an entry keeps the rate it was recorded at (stamped by EntryRepository::insert) until a
// reprice rewrites it, audited.

#include "TimerService.h"
#include "TimerServiceDetail.h"

#include "domain/Money.h"
#include "store/RateRepository.h"

#include <QDateTime>

#include <tuple>

namespace st {

using namespace timer_detail;

Result<TaskType> TimerService::setRate(const QString &taskTypeId, qint64 hourlyRateCents,
                                       QDate from)
{
    auto type = ownedBy(m_catalog.taskType(taskTypeId), m_orgId);
    if (!type)
        return type.error();
    if (!type.value())
        return Error::notFound(tr("No such task type."));
    if (!from.isValid() || from > rates::localDay(m_clock.nowMs()))
        return Error::invalid(tr("A rate takes effect from today or an earlier day."));
    if (hourlyRateCents < 0 || hourlyRateCents > money::kMaxHourlyRateCents)
        return Error::invalid(tr("The rate is out of range."));
    TaskType changed = *type.value();
    rates::setRateFrom(changed, from, hourlyRateCents);
    return saveTaskType(changed);
}

Result<RepriceSummary> TimerService::reprice(const QString &taskTypeId, QDate from, QDate to,
                                             const QString &actorId, bool apply,
                                             const QHash<QString, QString> &auditIds)
{
    if (!from.isValid() || !to.isValid() || to < from)
        return Error::invalid(tr("The period ends before it starts."));
    auto typeRow = ownedBy(m_catalog.taskType(taskTypeId), m_orgId);
    if (!typeRow)
        return typeRow.error();
    if (!typeRow.value())
        return Error::notFound(tr("No such task type."));
    if (auto r = knownUser(actorId, AnyOrganization); !r)
        return r.error();
    // A closed period keeps its rates: the reprice must start after it.
    if (auto r = checkUnlocked(from.startOfDay().toMSecsSinceEpoch()); !r)
        return r.error();

    const Ms now = m_clock.nowMs();
    EntryFilter filter;
    filter.orgId = m_orgId;
    filter.from = from.startOfDay().toMSecsSinceEpoch();
    filter.to = to.addDays(1).startOfDay().toMSecsSinceEpoch();
    filter.taskTypeIds = {taskTypeId};

    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    // Read inside the transaction: what the preview counts is what an apply rewrites.
    QList<TimeEntry> inPeriod;
    auto read = m_entries.forEach(filter, now, [&](const TimeEntry &e) {
        const QDate day = rates::localDay(e.startedAt);
        if (day >= from && day <= to) // not one that overlaps the period but starts outside it
            inPeriod.append(e);
        return true;
    });
    if (!read)
        return read.error();
    // The rate in effect is decided where every entry's is (RateRepository::stamp): a project's
    // or client's rate comes before the task type's.
    const RateRepository rateRepository(m_db);
    QList<TimeEntry> changed;
    RepriceSummary summary;
    for (const TimeEntry &e : std::as_const(inPeriod)) {
        const auto stamp = rateRepository.stamp(e);
        if (!stamp)
            return stamp.error();
        const qint64 rate = stamp.value().hourlyRateCents;
        if (rate == e.hourlyRateCents)
            continue;
        const Ms billable = e.billableMs(now);
        summary.entries += 1;
        summary.oldCents += money::costCents(billable, e.hourlyRateCents);
        summary.newCents += money::costCents(billable, rate);
        TimeEntry after = e;
        after.hourlyRateCents = rate;
        changed.append(after);
    }
    if (!apply)
        return summary;

    const QString actorName = orEmpty(m_catalog.user(actorId)).value_or(User{}).name;
    protocol::TaskTypeReprice request;
    request.taskTypeId = taskTypeId;
    request.from = from;
    request.to = to;
    QList<AuditRecord> trail;
    for (TimeEntry &entry : changed) {
        const auto stored = m_entries.entry(entry.id);
        if (!stored)
            return stored.error();
        const qint64 oldRate = stored.value() ? stored.value()->hourlyRateCents : 0;
        entry.rev += 1;
        entry.updatedAt = now;
        if (auto r = m_entries.update(entry); !r)
            return r.error();
        AuditRecord a;
        a.id = auditIds.value(entry.id);
        if (!isValidId(a.id))
            a.id = newId();
        std::tie(a.deviceId, a.deviceName) = device();
        a.entryId = entry.id;
        a.actorId = actorId;
        a.actorName = actorName;
        a.at = now;
        a.action = QStringLiteral("reprice");
        a.before = QJsonObject{{QStringLiteral("hourlyRateCents"), double(oldRate)}};
        a.after = QJsonObject{{QStringLiteral("hourlyRateCents"), double(entry.hourlyRateCents)}};
        a.reason = QStringLiteral("reprice");
        if (auto r = m_entries.insertAudit(a); !r)
            return r.error();
        request.audits.insert(entry.id, a.id);
        trail.append(a);
    }
    // One request for the whole reprice, sent even when nothing changed here: the hub reprices
    // what it holds (another desk's entries too), and every desk takes its rates.
    if (auto r = record({request, changed, std::nullopt, std::nullopt, std::nullopt, trail}); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    for (const TimeEntry &e : changed)
        Q_EMIT entryChanged(e);
    return summary;
}

} // namespace st
