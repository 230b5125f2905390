#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace st {

struct TimeEntry;

// One row of an entry's audit trail. Its id is made where the change is made and travels with the
// change through the hub (docs/SYNC_CLIENT.md, "Audit trails"), so the row exists once and reads
// the same on the hub and on every desk.
struct AuditRecord
{
    QString id;
    QString entryId;
    QString actorId; // who: the person the change was declared for
    QString actorName;
    QString deviceId; // the device the change came from (empty: not known, e.g. before schema 6)
    QString deviceName;
    qint64 at = 0;  // when (milliseconds since the epoch)
    QString action; // "adjust", "delete", "restore"
    QJsonObject before;
    QJsonObject after;
    QString reason; // why
};

// The audit trail's one JSON shape (history --json, exports, the hub's broadcasts).
namespace audit {

// An entry's state as a row keeps it in before / after: {startedAt, endedAt (null: running),
// taskTypeId, roomId (null: none), note, deleted}.
QJsonObject entryState(const TimeEntry &entry);

// ISO-8601 in UTC with milliseconds: "2026-11-30T18:30:00.000Z".
QString isoTime(qint64 ms);

// The row as `studiotimer history --json` prints it: {at, user: {id, name}, device: {id, name},
// reason, before, after}; at as isoTime. Byte-identical on every synced desk.
QJsonObject toJson(const AuditRecord &row);

// The row as it travels (requests' answers, broadcasts, exports): toJson plus id, entryId and
// action. fromWire refuses a row without a usable id, entry id or time.
QJsonObject toWire(const AuditRecord &row);
std::optional<AuditRecord> fromWire(const QJsonObject &object);
QJsonArray toWire(const QList<AuditRecord> &rows);
QList<AuditRecord> fromWire(const QJsonArray &rows);

} // namespace audit

} // namespace st
