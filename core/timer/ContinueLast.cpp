#include "ContinueLast.h"

#include "TimerService.h"

#include <QCoreApplication>

namespace st {

std::optional<TimeEntry> lastEntry(const TimerService &service, const QString &userId)
{
    EntryFilter filter;
    filter.userIds = {userId};
    const QList<TimeEntry> latest =
        service.list(filter, EntrySort{EntrySortKey::StartedAt, true}, 1, 0);
    if (latest.isEmpty())
        return std::nullopt;
    return latest.first();
}

Result<TimeEntry> continueLast(TimerService &service, const QString &userId)
{
    if (const auto running = service.running(userId)) {
        if (running->isPaused())
            return service.resume(userId);
        return Error::invalid(
            QCoreApplication::translate("st::Continue", "A timer is already running."));
    }
    const auto last = lastEntry(service, userId);
    if (!last)
        return Error::notFound(
            QCoreApplication::translate("st::Continue", "There is no entry to continue yet."));
    // Same task, room, note, project and tags: the work goes on where it stopped.
    return service.start({userId,
                          last->taskTypeId,
                          last->roomId,
                          last->note,
                          std::nullopt,
                          {},
                          last->projectId,
                          last->tags});
}

} // namespace st
