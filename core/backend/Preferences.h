#pragma once

#include "domain/Error.h"

#include <QString>

namespace st {

class Database;

// Choices of this machine's user, kept in the database's meta table (so each data dir has its own).
// They live with the desktop backend, not in the timer: only the desktop app (and the command
// line's language) reads them, and loading them needs the store, which core/domain sits below.
struct Preferences
{
    QString defaultRoomId;
    bool closeToTray = true;
    bool startMinimized = false;
    QString language; // "" follows the system, else "en" or "fr"

    bool operator==(const Preferences &) const = default;
};

namespace preferences {
Preferences load(const Database &db);
Result<void> check(const Preferences &prefs);
Result<void> save(const Database &db, const Preferences &prefs);
} // namespace preferences

// The settings dialog's fields that live in the database (Backend::saveSettings writes them in one
// transaction).
struct Settings
{
    QString userName;
    QString orgName;
    QString currency;
    Preferences prefs;
};

} // namespace st
