#pragma once

#include "domain/Error.h"

#include <QString>
#include <QTime>

class QSettings;

namespace st {

class Database;

// This machine's away and reminder settings.
struct AwaySettings
{
    int idleMinutes = 10;  // idle this long counts as away; 0 turns idle detection off
    int reminderHours = 4; // remind of a timer running this long; 0 turns it off
    QTime endOfDay{19, 0}; // remind of a running timer at this local time; invalid turns it off

    bool operator==(const AwaySettings &) const = default;
};

// Choices of this machine's user, kept in the database's meta table (so each data dir has its own).
// They are the app's one settings store: the window, the tray, the language, the appearance, the
// away and reminder settings, the notifications of other machines' timers and the daily copies.
// They live with the desktop backend, not in the timer: only the desktop app (and the command
// line's language) reads them, and loading them needs the store, which core/domain sits below.
struct Preferences
{
    QString defaultRoomId;
    bool closeToTray = true;
    bool startMinimized = false;
    QString language;                              // "" follows the system, else "en" or "fr"
    QString appearance = QStringLiteral("system"); // "system", "light" or "dark"
    AwaySettings away;
    bool notifyOtherMachines = true; // other machines' timers also pop up as notifications
    // How many daily copies of the database the app keeps in backups/ (0: none are made).
    int dailyBackups = 7;

    bool operator==(const Preferences &) const = default;
};

namespace preferences {
// The most daily copies the setting allows.
constexpr int kMaxDailyBackups = 365;
// Unset or unreadable values read as their defaults.
Preferences load(const Database &db);
Result<void> check(const Preferences &prefs);
// Every value, in one transaction (a savepoint inside a caller's): all or nothing.
Result<void> save(const Database &db, const Preferences &prefs);
// Once, at start-up: the settings older versions kept in QSettings ("appearance/mode", "away/*",
// "notifications/other_machines") move to the meta table. A value the table has already wins;
// unreadable ones are dropped. Either way they are removed from `legacy`, so this runs once.
Result<void> migrate(const Database &db, QSettings &legacy);
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
