#pragma once

#include "domain/Types.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// Reading one audit row of an imported file. Exports write rows with audit::toJson (the shape of
// `history --json`: {at, user: {id, name}, device: {id, name}, reason, before, after}); reading
// also takes `at` as milliseconds since the epoch or ISO 8601 with an offset, and `user` as a
// name alone. The action (adjust, delete, restore) is not in the shape: reading derives it from
// the deleted flags of before and after.
namespace st::audit_json {

// The row, or nullopt with the reason in *error.
std::optional<AuditRecord> read(const QJsonObject &object, QString *error);

} // namespace st::audit_json
