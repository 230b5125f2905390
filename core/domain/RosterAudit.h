#pragma once

#include "Types.h"

#include <QString>

namespace st {

// Rooms and people (issue 12, "Rooms and people"; docs/REPORTS.md "Rooms and people"): what is
// renamed, archived or merged.
enum class RosterKind
{
    Room,
    Person,
};

// A rename, archive, unarchive or merge of a room or a person: its trail row, the same (by id) on
// the hub and on every desk (table catalog_audit).
struct RosterRecord
{
    QString id; // the trail row's UUID
    QString orgId;
    Ms at = 0;
    QString actorId;
    QString actorName;
    QString deviceId;
    QString deviceName;
    RosterKind kind = RosterKind::Room;
    QString action;     // "rename", "archive", "unarchive" or "merge"
    QString itemId;     // the room or person changed (merge: the one that disappears)
    QString itemName;   // its name before the change
    QString targetId;   // merge: the one kept; else itemId
    QString targetName; // rename: the new name; merge: the kept one's; else the name
    int entries = 0;    // merge: how many entries moved
};

namespace roster {

inline QString kindName(RosterKind kind)
{
    return kind == RosterKind::Room ? QStringLiteral("room") : QStringLiteral("user");
}

inline std::optional<RosterKind> kindFrom(const QString &name)
{
    if (name == QLatin1String("room"))
        return RosterKind::Room;
    if (name == QLatin1String("user"))
        return RosterKind::Person;
    return std::nullopt;
}

inline bool isAction(const QString &action)
{
    return action == QLatin1String("rename") || action == QLatin1String("archive") ||
           action == QLatin1String("unarchive") || action == QLatin1String("merge");
}

} // namespace roster

} // namespace st
