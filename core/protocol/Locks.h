#pragma once

#include "domain/Error.h"
#include "domain/Lock.h"

#include <QJsonObject>
#include <QJsonValue>

#include <optional>

// A closed period's change as the protocol and `studiotimer lock --json` write it
// (docs/PROTOCOL.md, "Closed periods"): {id, untilDay, previousDay, at, user {id, name},
// device {id, name}}, days as 2026-10-31 or null.
namespace st::protocol {

QJsonObject encodeLock(const LockRecord &record);
// context names the holder in an error ("lock:changed.lock"). The organisation is the caller's.
Result<LockRecord> decodeLock(const QJsonObject &object, const QString &context);

// A day on the wire: "2026-10-31", or null for none.
QJsonValue dayOrNull(const std::optional<QDate> &day);

} // namespace st::protocol
