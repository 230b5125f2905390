#include "ContinueLast.h"

#include "backend/Backend.h"
#include "timer/ContinueLast.h"

namespace st::ui {

void continueLastEntry(Backend &service)
{
    const QString userId = service.currentUserId();
    service.write<Result<TimeEntry>>([userId](TimerService &s) { return continueLast(s, userId); },
                                     &service,
                                     [&service](const Result<TimeEntry> &r) {
                                         if (!r)
                                             Q_EMIT service.failed(r.error().message);
                                     },
                                     service.clock().nowMs());
}

} // namespace st::ui
