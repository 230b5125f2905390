#pragma once

#include "domain/Error.h"

#include <QString>

namespace st {

class TimerService;

namespace demo {

// Fills an organisation with a believable few weeks of studio work (rooms, engineers, sessions,
// an adjustment, two running timers) through the TimerService, as of its clock. Deterministic:
// the same clock gives the same data. For screenshots, demos and benchmarks.
Result<void> populate(TimerService &service, const QString &deskUserId, int days = 21);

} // namespace demo
} // namespace st
