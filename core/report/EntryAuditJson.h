#pragma once

#include "domain/Types.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// One audit row as exported files carry it, in the canonical shape of `history --json`:
// {at, user, device: {id, name}, reason, before, after}. `at` is ISO 8601 with its offset (and
// milliseconds when there are some); before and after are the entry as the trail stored it.
// Reading also takes `at` as milliseconds since the epoch. The action (adjust, delete, restore)
// is not written: reading derives it from the deleted flags of before and after.
namespace st::audit_json {

QJsonObject write(const AuditRecord &record);
// The row, or nullopt with the reason in *error.
std::optional<AuditRecord> read(const QJsonObject &object, QString *error);

} // namespace st::audit_json
