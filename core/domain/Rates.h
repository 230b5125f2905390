#pragma once

#include "Error.h"

#include <QDate>
#include <QList>
#include <QtGlobal>

// Rates are history (docs/REPORTS.md, "Rates"): a task type's hourly rate takes effect from a
// day, and every entry keeps the rate it was recorded at.
namespace st {

struct TaskType;

// One step of a task type's rate history: hourlyRateCents applies from the local day `from` on,
// until the next step.
struct RateStep
{
    QDate from;
    qint64 hourlyRateCents = 0;

    bool operator==(const RateStep &) const = default;
};

namespace rates {

// The first day of every history: a task type's first rate applies to every earlier day too.
QDate firstDay();

// The task type's hourly rate in effect on day (before billability; an entry's own rate is
// decided by RateRepository::stamp, where a project's or client's rate comes first): the last step
// from that day or earlier, the first step for a day before it, the type's own rate when it has no
// history.
qint64 rateOn(const TaskType &type, QDate day);

// The type's history with rate taking effect from day: steps on or after day give way to it
// (a rate holds "from day on"), and the type's current rate becomes rate.
void setRateFrom(TaskType &type, QDate day, qint64 rate);

// Steps strictly by day, the first on firstDay(), every rate in range; the last one's rate is the
// type's hourlyRateCents.
Result<void> validateHistory(const TaskType &type);

// The local day an instant falls on.
QDate localDay(qint64 ms);

} // namespace rates
} // namespace st
