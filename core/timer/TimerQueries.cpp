// TimerService: the read side (entries, running timers, lists, counts, totals, audit, cost).

#include "TimerService.h"
#include "TimerServiceDetail.h"

#include "domain/Money.h"

namespace st {

using namespace timer_detail;

// ---- queries -----------------------------------------------------------------------------------

std::optional<TimeEntry> TimerService::entry(const QString &id) const
{
    return orEmpty(ownEntry(id));
}

std::optional<TimeEntry> TimerService::running(const QString &userId) const
{
    return orEmpty(m_entries.runningEntry(userId));
}

QList<TimeEntry> TimerService::runningEntries() const
{
    return orEmpty(m_entries.runningEntries(m_orgId));
}

QList<TimeEntry> TimerService::list(EntryFilter filter, const EntrySort &sort, int limit,
                                    int offset) const
{
    filter.orgId = m_orgId;
    return orEmpty(m_entries.list(filter, sort, limit, offset, m_clock.nowMs()));
}

int TimerService::count(EntryFilter filter) const
{
    filter.orgId = m_orgId;
    return orEmpty(m_entries.count(filter, m_clock.nowMs()));
}

Totals TimerService::totals(EntryFilter filter) const
{
    filter.orgId = m_orgId;
    return orEmpty(m_entries.totals(filter, m_clock.nowMs()));
}

QList<AuditRecord> TimerService::auditTrail(const QString &entryId) const
{
    return orEmpty(m_entries.auditTrail(entryId));
}

qint64 TimerService::costCents(const TimeEntry &e) const
{
    return money::costCents(e.billableMs(m_clock.nowMs()), e.hourlyRateCents); // its own rate
}

} // namespace st
