#pragma once

#include "domain/Clock.h"
#include "domain/Types.h"
#include "store/Database.h"

namespace st {

// Who and where this machine is: its organisation, the person at the desk, the device.
struct Profile
{
    Organization org;
    User user;
    QString deviceId;
    QString deviceName;
};

namespace profile {

// Loads the profile; on first run creates a local organisation with the default task types and a
// user named after the OS account.
Result<Profile> ensure(const Database &db, const Clock &clock);

// The person at this desk (empty before ensure() ran).
QString currentUserId(const Database &db);

// Makes userId the person at this desk (a shared desk switches users).
Result<void> setCurrentUser(const Database &db, const QString &userId);

// The OS account's name ("alice" or the full name where the system knows it).
QString osUserName();

// The five default task types of a new organisation, names in the current UI language.
QList<TaskType> defaultTaskTypes(const QString &orgId, Ms now);

} // namespace profile
} // namespace st
