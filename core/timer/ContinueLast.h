#pragma once

#include "domain/Types.h"

namespace st {

class TimerService;

// "Continue": the user's last entry again, from now: the same task, room and note, as a new
// entry (the window's Continue, the tray's, `studiotimer continue`). A paused timer resumes; a
// running one is already going (refused). A user without entries has nothing to continue.
Result<TimeEntry> continueLast(TimerService &service, const QString &userId);

// The entry continueLast() would start again: the user's latest by start.
std::optional<TimeEntry> lastEntry(const TimerService &service, const QString &userId);

} // namespace st
