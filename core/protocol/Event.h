#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

// The sync protocol between desks and the hub (docs/PROTOCOL.md): its event names, and one struct
// per request, answer and broadcast with encode() and a validating decode() (Requests.h,
// Broadcasts.h, Answers.h). Nothing outside core/protocol spells an event name.
namespace st::protocol {

// The protocol version this build speaks, sent in the CONNECT auth and answer. Round-1 desks sent
// none (version 1); no version means the current one.
constexpr int kVersion = 2;
constexpr int kOldestVersion = 1;
// Whether this build's hub serves a desk that speaks version.
constexpr bool isSupportedVersion(int version)
{
    return version >= kOldestVersion && version <= kVersion;
}

enum class Event
{
    // Requests (desk -> hub, answered with an ack).
    TimerStart,
    TimerStop,
    TimerPause,
    TimerResume,
    EntryCreate,
    EntryAdjust,
    EntryDelete,
    EntryRestore,
    TaskTypeUpsert,
    RoomUpsert,
    ClientUpsert,
    ProjectUpsert,
    LockSet,
    TaskTypeReprice,
    RosterEdit,
    SyncPull,
    // Broadcasts (hub -> every desk of the organisation).
    TimerStarted,
    TimerStopped,
    TimerPaused,
    TimerResumed,
    TimerAdjusted,
    EntryCreated,
    EntryDeleted,
    EntryRestored,
    TaskTypeChanged,
    RoomChanged,
    ClientChanged,
    ProjectChanged,
    LockChanged,
    EntriesRepriced,
    RosterEdited,
    Presence,
    PresenceJoined,
    PresenceLeft,
    PresenceChanged,
};

// The name on the wire ("timer:start", ...).
QString eventName(Event event);
// The event of a wire name; nothing for a name this build does not know.
std::optional<Event> eventFromName(QStringView name);
// Every event, in the enum's order (the protocol reference is tested against this list).
const QList<Event> &allEvents();

bool isRequest(Event event);
bool isBroadcast(Event event);
// A request that changes data (carries opId and user): every request but sync:pull.
bool isMutation(Event event);
// A broadcast that is a numbered change of the organisation's history (every one but presence).
bool isChange(Event event);
// presence, presence:joined, presence:left, presence:changed: who is connected, no seq.
bool isPresence(Event event);
// timer:started, timer:stopped, timer:paused, timer:resumed.
bool isTimerBroadcast(Event event);
// A request about one time entry (timer:* and timeEntries:*).
bool isEntryRequest(Event event);

} // namespace st::protocol
