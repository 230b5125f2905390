#pragma once

#include "Event.h"
#include "Requests.h"
#include "domain/Error.h"
#include "domain/Lock.h"
#include "domain/Types.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <variant>

// What the hub sends every desk of an organisation after a change is committed (docs/PROTOCOL.md,
// "Broadcasts"). Each change carries the organisation's gapless seq; sync:pull answers the same
// payloads (without seq) as {seq, type, data}.
namespace st::protocol {

// Something named for display: a task type, a room, a device.
struct NamedRef
{
    QString id;
    QString name;
};

// timer:started, timer:stopped, timer:paused, timer:resumed: the entry with its attribution.
struct TimerChanged
{
    Event event = Event::TimerStarted;
    qint64 seq = 0;
    TimeEntry entry;
    std::optional<UserRef> user;
    std::optional<NamedRef> taskType;
    std::optional<NamedRef> room; // sent as null when the entry has no room
    std::optional<NamedRef> device;
};

// The fields of an entry an adjustment may change, as they were before it.
struct EntryBefore
{
    Ms startedAt = 0;
    std::optional<Ms> endedAt;
    QString taskTypeId;
    QString note;
};

// timer:adjusted: an audited edit of an entry.
struct EntryAdjusted
{
    qint64 seq = 0;
    TimeEntry entry;
    EntryBefore previous;
    QString reason;
    std::optional<UserRef> user;
    std::optional<AuditRecord> audit; // the trail row the hub wrote (absent: an older hub)
};

// entry:created, entry:deleted, entry:restored.
struct EntryChanged
{
    Event event = Event::EntryCreated;
    qint64 seq = 0;
    TimeEntry entry;
    std::optional<UserRef> user;
    std::optional<AuditRecord> audit; // entry:deleted / entry:restored: the trail row
};

struct TaskTypeChanged
{
    qint64 seq = 0;
    TaskType taskType;
};

struct RoomChanged
{
    qint64 seq = 0;
    Room room;
};

struct ClientChanged
{
    qint64 seq = 0;
    Client client;
};

struct ProjectChanged
{
    qint64 seq = 0;
    Project project;
};

// lock:changed: the period closed up to lock.until, or opened; lock is the trail row.
struct LockChanged
{
    qint64 seq = 0;
    LockRecord lock;
};

// entries:repriced: entries of a taskTypes:reprice with their new rates and trail rows (a long
// reprice comes as several, in order).
struct EntriesRepriced
{
    qint64 seq = 0;
    QString taskTypeId;
    QList<TimeEntry> entries;
    QList<AuditRecord> audit;
};

// roster:edited: a room or a person renamed, archived, unarchived or merged; record is the
// trail row, and says what to do (docs/PROTOCOL.md "Rooms and people").
struct RosterEdited
{
    qint64 seq = 0;
    RosterRecord record;
};

struct PresenceDevice
{
    QString id;
    QString name;
    QString userName; // empty until the device's person made a change
    Ms connectedAt = 0;
};

// Who is connected to the organisation (not a change: no seq). presence: the full list (hubs
// before issue 13 send it on every change; a hub now puts it in the CONNECT answer instead);
// presence:joined and presence:changed: the devices that connected, or whose name or person
// changed, since the hub's last presence message; presence:left: the ids of the devices gone.
struct Presence
{
    Event event = Event::Presence;
    QList<PresenceDevice> devices; // presence, presence:joined, presence:changed
    QStringList ids;               // presence:left
};

// The device list as JSON ([{id, name, userName?, connectedAt}], the CONNECT answer's presence).
QJsonArray encodeDevices(const QList<PresenceDevice> &devices);
// The list under holder[key]; context names the holder in an error ("presence").
Result<QList<PresenceDevice>> decodeDevices(const QJsonObject &holder, const char *key,
                                            const QString &context);
// Applies a presence message to a desk's list: presence replaces it, the deltas update it (a
// joined or changed device replaces the one with its id, or is added; a left id is removed).
void applyPresence(QList<PresenceDevice> &list, const Presence &message);

using Broadcast = std::variant<TimerChanged, EntryAdjusted, EntryChanged, TaskTypeChanged,
                               RoomChanged, ClientChanged, ProjectChanged, LockChanged,
                               EntriesRepriced, RosterEdited, Presence>;

Event eventOf(const Broadcast &broadcast);
qint64 seqOf(const Broadcast &broadcast); // 0 for presence
void setSeq(Broadcast &broadcast, qint64 seq);
// The entry, task type, room, client or project the change is about (empty for presence and a
// lock).
QString subjectOf(const Broadcast &broadcast);

// The payload (seq only when set: a change log row stores the payload without it).
QJsonObject encode(const Broadcast &broadcast);
// A broadcast payload or a sync:pull change's data. The entry, task type or room must decode;
// the attribution (user, taskType, room, device names) may be absent. event must be a broadcast.
Result<Broadcast> decodeBroadcast(Event event, const QJsonObject &payload);

} // namespace st::protocol
