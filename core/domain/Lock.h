#pragma once

#include "Types.h"

#include <QDate>
#include <QString>

#include <optional>

namespace st {

// A change of an organisation's closed period (issue 12, "Locking closed periods"; docs/REPORTS.md
// "Closed periods"): entries starting on or before the locked day cannot be added, adjusted,
// deleted or restored. Each lock and unlock is one of these, kept as the period's trail and the
// same (by id) on the hub and on every desk.
struct LockRecord
{
    QString id; // the trail row's UUID
    QString orgId;
    std::optional<QDate> until;    // the last locked day after the change (none: unlocked)
    std::optional<QDate> previous; // the one before it
    Ms at = 0;
    QString actorId;
    QString actorName;
    QString deviceId;
    QString deviceName;

    bool isUnlock() const { return !until.has_value(); }
};

} // namespace st
