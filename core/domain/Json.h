#pragma once

#include "Types.h"

#include <QJsonObject>

// The wire shapes of the domain types (DESIGN.md, "Entry JSON"): times in ms UTC, IDs as text.
// The hub, the sync client and the outbox all read and write entries through these.
namespace st::json {

QJsonObject fromEntry(const TimeEntry &entry);
Result<TimeEntry> toEntry(const QJsonObject &object);

QJsonObject fromTaskType(const TaskType &type);
Result<TaskType> toTaskType(const QJsonObject &object);

QJsonObject fromRoom(const Room &room);
Result<Room> toRoom(const QJsonObject &object);

QJsonObject fromUser(const User &user); // {id, name}

// A JSON number that is a whole number JavaScript can hold exactly (|n| <= 2^53 - 1); nothing for
// anything else (a fraction, 1e300, text). Every integer a peer or a file sends is read with it.
std::optional<qint64> wholeNumber(const QJsonValue &value);

} // namespace st::json
