#include "RecentWork.h"

#include "TimerService.h"

#include <QSet>

namespace st {

RecentWork recentWork(const TimerService &service, const QString &userId, int maxPairs, int scan)
{
    RecentWork recent;
    if (userId.isEmpty())
        return recent;
    QSet<QString> archived; // task types and projects no longer offered
    for (const TaskType &t : service.taskTypes(true)) {
        if (t.archived)
            archived.insert(t.id);
    }
    for (const Project &p : service.projects(true)) {
        if (p.archived)
            archived.insert(p.id);
    }
    EntryFilter filter;
    filter.userIds = {userId};
    const QList<TimeEntry> latest =
        service.list(filter, EntrySort{EntrySortKey::StartedAt, true}, scan, 0);
    QSet<QString> pairs;
    for (const TimeEntry &e : latest) {
        if (archived.contains(e.taskTypeId) || archived.contains(e.projectId))
            continue;
        if (!e.projectId.isEmpty() && !recent.projectIds.contains(e.projectId))
            recent.projectIds << e.projectId;
        const QString pair = e.projectId + QLatin1Char('/') + e.taskTypeId;
        if (recent.pairs.size() < maxPairs && !pairs.contains(pair)) {
            pairs.insert(pair);
            recent.pairs << e;
        }
    }
    return recent;
}

} // namespace st
