#pragma once

#include "domain/Error.h"
#include "domain/RosterAudit.h"

#include <QJsonObject>

// Rooms and people renamed, archived or merged as the protocol and `studiotimer rooms|people
// --json` write them (docs/PROTOCOL.md, "Rooms and people").
namespace st::protocol {

class Reader;
struct RosterEdit;

// The trail row: {id, kind, action, itemId, itemName, targetId, targetName, entries, at,
// user {id, name}, device {id, name}}.
QJsonObject encodeRoster(const RosterRecord &record);
// context names the holder in an error ("roster:edited.record"). The organisation is the caller's.
Result<RosterRecord> decodeRoster(const QJsonObject &object, const QString &context);

// roster:edit's own fields: {kind, action, id, name (rename), intoId (merge), auditId}.
QJsonObject encodeRosterEdit(const RosterEdit &edit);
void readRosterEdit(Reader &fields, RosterEdit &edit);

} // namespace st::protocol
