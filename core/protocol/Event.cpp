#include "Event.h"

#include <array>
#include <utility>

namespace st::protocol {

namespace {

using Name = std::pair<Event, QLatin1String>;

// The one place where event names are spelled.
constexpr std::array kNames{
    Name{Event::TimerStart, QLatin1String("timer:start")},
    Name{Event::TimerStop, QLatin1String("timer:stop")},
    Name{Event::TimerPause, QLatin1String("timer:pause")},
    Name{Event::TimerResume, QLatin1String("timer:resume")},
    Name{Event::EntryCreate, QLatin1String("timeEntries:create")},
    Name{Event::EntryAdjust, QLatin1String("timeEntries:adjust")},
    Name{Event::EntryDelete, QLatin1String("timeEntries:delete")},
    Name{Event::EntryRestore, QLatin1String("timeEntries:restore")},
    Name{Event::TaskTypeUpsert, QLatin1String("taskTypes:upsert")},
    Name{Event::RoomUpsert, QLatin1String("rooms:upsert")},
    Name{Event::ClientUpsert, QLatin1String("clients:upsert")},
    Name{Event::ProjectUpsert, QLatin1String("projects:upsert")},
    Name{Event::LockSet, QLatin1String("locks:set")},
    Name{Event::TaskTypeReprice, QLatin1String("taskTypes:reprice")},
    Name{Event::RosterEdit, QLatin1String("roster:edit")},
    Name{Event::SyncPull, QLatin1String("sync:pull")},
    Name{Event::TimerStarted, QLatin1String("timer:started")},
    Name{Event::TimerStopped, QLatin1String("timer:stopped")},
    Name{Event::TimerPaused, QLatin1String("timer:paused")},
    Name{Event::TimerResumed, QLatin1String("timer:resumed")},
    Name{Event::TimerAdjusted, QLatin1String("timer:adjusted")},
    Name{Event::EntryCreated, QLatin1String("entry:created")},
    Name{Event::EntryDeleted, QLatin1String("entry:deleted")},
    Name{Event::EntryRestored, QLatin1String("entry:restored")},
    Name{Event::TaskTypeChanged, QLatin1String("taskType:changed")},
    Name{Event::RoomChanged, QLatin1String("room:changed")},
    Name{Event::ClientChanged, QLatin1String("client:changed")},
    Name{Event::ProjectChanged, QLatin1String("project:changed")},
    Name{Event::LockChanged, QLatin1String("lock:changed")},
    Name{Event::EntriesRepriced, QLatin1String("entries:repriced")},
    Name{Event::RosterEdited, QLatin1String("roster:edited")},
    Name{Event::Presence, QLatin1String("presence")},
    Name{Event::PresenceJoined, QLatin1String("presence:joined")},
    Name{Event::PresenceLeft, QLatin1String("presence:left")},
    Name{Event::PresenceChanged, QLatin1String("presence:changed")},
};

} // namespace

QString eventName(Event event)
{
    for (const auto &[e, name] : kNames) {
        if (e == event)
            return name;
    }
    return {};
}

std::optional<Event> eventFromName(QStringView name)
{
    for (const auto &[e, n] : kNames) {
        if (name == n)
            return e;
    }
    return std::nullopt;
}

const QList<Event> &allEvents()
{
    static const QList<Event> all = [] {
        QList<Event> list;
        for (const auto &[e, name] : kNames)
            list.append(e);
        return list;
    }();
    return all;
}

bool isRequest(Event event)
{
    return event <= Event::SyncPull;
}

bool isBroadcast(Event event)
{
    return !isRequest(event);
}

bool isMutation(Event event)
{
    return isRequest(event) && event != Event::SyncPull;
}

bool isChange(Event event)
{
    return isBroadcast(event) && !isPresence(event);
}

bool isPresence(Event event)
{
    return event >= Event::Presence && event <= Event::PresenceChanged;
}

bool isTimerBroadcast(Event event)
{
    return event >= Event::TimerStarted && event <= Event::TimerResumed;
}

bool isEntryRequest(Event event)
{
    return event <= Event::EntryRestore;
}

} // namespace st::protocol
