#pragma once

#include "domain/Types.h"

#include <QList>
#include <QStringList>

namespace st {

class TimerService;

// What a user worked on lately: the Now view offers these projects first, the tray offers to
// continue these project + task pairs.
struct RecentWork
{
    // The latest entry of each distinct (project, task type) pair, newest first; pairs whose task
    // type or project is archived are left out.
    QList<TimeEntry> pairs;
    // The projects of the user's latest entries, most recent first, each once (not archived).
    QStringList projectIds;
};

// Looks at the user's latest `scan` live entries (one query).
RecentWork recentWork(const TimerService &service, const QString &userId, int maxPairs = 5,
                      int scan = 200);

} // namespace st
