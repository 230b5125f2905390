#pragma once

#include "domain/Types.h"

#include <optional>

namespace st {

class TimerService;

// What the person answers to "You were away 10:42–11:30".
enum class AwayChoice
{
    Keep,        // the time counts: nothing changes
    Discard,     // the away time becomes a pause inside the entry (not billed)
    StopAtLeave, // the timer stops when they left (an audited adjustment)
};

// The question to ask about an away span while an entry runs, or none. The span is clamped to the
// part of the entry being watched (an idle span may have begun before the timer started or
// resumed: that time was never the entry's); a span shorter than a minute is not worth a question.
// "Stop at" is offered only when the entry would keep some time before the person left.
struct AwayQuestion
{
    Ms from = 0;
    Ms to = 0;
    bool canStop = true;
};
inline constexpr Ms kShortestAwayMs = 60'000;
std::optional<AwayQuestion> awayQuestion(const TimeEntry &running, Ms from, Ms to, Ms watchedSince);

// Applies the answer to the user's running entry. from/to are clamped to the entry.
Result<TimeEntry> resolveAway(TimerService &service, const QString &userId, AwayChoice choice,
                              Ms from, Ms to);

} // namespace st
