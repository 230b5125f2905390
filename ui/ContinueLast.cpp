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

void continueWork(Backend &service, const TimeEntry &like)
{
    service.start(like.taskTypeId, like.roomId, like.note, like.projectId, like.tags);
}

} // namespace st::ui
