#pragma once

#include "domain/Error.h"
#include "domain/Types.h"

#include <QString>

namespace st {

class Outbox;
class TimerService;

// "Re-apply mine" for a change the hub refused as stale (docs/SYNC_CLIENT.md, "Versions and
// conflicts"): the refused change is made again through the service on the entry as it stands
// now, so it is audited, based on the current version and queued like any change; the conflict
// leaves the list in the same transaction. Adjustments, stops (as an adjustment of the end),
// deletions and restores can be re-applied; anything else is refused with a reason.
Result<TimeEntry> reapplyConflict(TimerService &service, Outbox &outbox, const QString &conflictId);

} // namespace st
