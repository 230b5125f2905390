#pragma once

#include "Event.h"
#include "domain/Error.h"
#include "domain/RosterAudit.h"
#include "domain/Types.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>
#include <variant>

// The requests a desk sends to the hub (docs/PROTOCOL.md, "Requests"). Every change carries opId
// (the hub applies an opId once) and user {id, name} (a desk is shared by several people).
namespace st::protocol {

// A person as the protocol names one: {id, name}.
struct UserRef
{
    QString id;
    QString name;
};
QJsonObject encode(const UserRef &user);

// What every change carries besides its own fields. A change recorded locally has no opId yet
// (the outbox gives it one) and, for catalogue changes, no user (the desk's person is added when
// it is sent).
struct Envelope
{
    QString opId;
    std::optional<UserRef> user;
};

struct TimerStart : Envelope
{
    QString entryId;
    QString taskTypeId;
    QString roomId; // empty: no room
    QString note;
    std::optional<Ms> startedAt; // default: the hub's now
    QString projectId = {};      // empty: none
    QStringList tags = {};
};

// The version (the entry's rev) a change to an existing entry was based on: the hub refuses a
// stale one with `conflict` and the current entry. Absent (a plain script): the current entry.
struct Versioned
{
    std::optional<qint64> baseRev;
};

// An audited change: the id of its trail row, made where the change is made (absent: the hub makes
// one), so the row is the same on the hub and on every desk.
struct Audited
{
    QString auditId;
};

// timer:stop / timer:pause / timer:resume: the user's running entry, or entryId's.
struct TimerMark : Envelope, Versioned
{
    QString entryId;      // empty: the user's running entry
    std::optional<Ms> at; // default: the hub's now (sent as endedAt for timer:stop)
};
struct TimerStop : TimerMark
{
};
struct TimerPause : TimerMark
{
};
struct TimerResume : TimerMark
{
};

// A finished entry as timeEntries:create sends it.
struct NewEntry
{
    QString id;
    QString taskTypeId;
    QString roomId;
    QString note;
    Ms startedAt = 0;
    Ms endedAt = 0;
    Ms pausedMs = 0; // time paused inside the entry (sent only when not 0)
    // The rate the entry was recorded at (an import keeps its file's); absent: the hub stamps the
    // rate in effect on the entry's start day.
    std::optional<qint64> hourlyRateCents = std::nullopt;
    QString projectId = {}; // empty: none
    QStringList tags = {};
    bool billable = true; // false: not billed whatever its task type (sent only when false)
};

struct EntryCreate : Envelope
{
    NewEntry entry;
};

struct EntryAdjust : Envelope, Versioned, Audited
{
    QString entryId;
    std::optional<Ms> startedAt;
    std::optional<Ms> endedAt;
    std::optional<QString> taskTypeId;
    std::optional<QString> roomId; // "" clears the room (sent as null)
    std::optional<QString> note;
    QString reason;
    std::optional<QString> projectId = {}; // "" clears the project (sent as null)
    std::optional<QStringList> tags = {};
};

struct EntryDelete : Envelope, Versioned, Audited
{
    QString entryId;
    QString reason;
};

struct EntryRestore : Envelope, Versioned, Audited
{
    QString entryId;
};

struct TaskTypeUpsert : Envelope
{
    TaskType taskType;
};

struct RoomUpsert : Envelope
{
    Room room;
};

struct ClientUpsert : Envelope
{
    Client client;
};

struct ProjectUpsert : Envelope
{
    Project project;
};

// locks:set: the organisation's period closes up to untilDay, or opens (none).
struct LockSet : Envelope, Audited
{
    std::optional<QDate> untilDay;
};

// taskTypes:reprice: the live entries of the task type starting on a local day in [from, to]
// take the rate in effect on their day, one trail row each (docs/REPORTS.md, "Rates"). audits:
// the trail row the desk made for each entry it repriced (entry ID -> row ID); the hub writes
// those rows under the same IDs, so each exists once on every desk.
struct TaskTypeReprice : Envelope
{
    QString taskTypeId;
    QDate from;
    QDate to;
    QHash<QString, QString> audits = {};
};

// roster:edit: a room or a person (id) renamed to name, archived, unarchived, or merged into
// intoId (its entries move there and it disappears). docs/PROTOCOL.md "Rooms and people".
struct RosterEdit : Envelope, Audited
{
    RosterKind kind = RosterKind::Room;
    QString action; // rename, archive, unarchive or merge
    QString id;
    QString name;   // rename
    QString intoId; // merge
};

// Every request that changes data.
using Request = std::variant<TimerStart, TimerStop, TimerPause, TimerResume, EntryCreate,
                             EntryAdjust, EntryDelete, EntryRestore, TaskTypeUpsert, RoomUpsert,
                             ClientUpsert, ProjectUpsert, LockSet, TaskTypeReprice, RosterEdit>;

Event eventOf(const Request &request);
const Envelope &envelopeOf(const Request &request);
Envelope &envelopeOf(Request &request);
// The entry, task type, room, client, project or person the request is about (empty when none:
// timer:stop without entryId, locks:set).
QString subjectOf(const Request &request);
// The version a change to an entry was based on (nullopt: none said, or not such a change).
std::optional<qint64> baseRevOf(const Request &request);
void setBaseRev(Request &request, std::optional<qint64> rev);

// The payload as it goes on the wire (opId and user only when set).
QJsonObject encode(const Request &request);
// A request from the wire: the payload must be an object with opId and user, and every field of
// the event's own must have its type; the error names the event and the field. event must be a
// change (isMutation).
Result<Request> decodeRequest(Event event, const QJsonValue &payload);
// A request read back from local storage: like decodeRequest, but opId and user may be absent.
Result<Request> decodeStoredRequest(Event event, const QJsonObject &payload);

// sync:pull: the changes after since, at most limit (the hub's default when absent).
struct SyncPull
{
    qint64 since = 0;
    std::optional<int> limit;
};
constexpr int kDefaultPullLimit = 200;
constexpr int kMaxPullLimit = 1000;
QJsonObject encode(const SyncPull &pull);
Result<SyncPull> decodeSyncPull(const QJsonValue &payload);

} // namespace st::protocol
