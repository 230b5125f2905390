#pragma once

#include "domain/Types.h"

namespace st {

class TimerService;

// What the person answers to "You were away 10:42–11:30".
enum class AwayChoice
{
    Keep,        // the time counts: nothing changes
    Discard,     // the away time becomes a pause inside the entry (not billed)
    StopAtLeave, // the timer stops when they left (an audited adjustment)
};

// Applies the answer to the user's running entry. from/to are clamped to the entry.
Result<TimeEntry> resolveAway(TimerService &service, const QString &userId, AwayChoice choice,
                              Ms from, Ms to);

} // namespace st
