#pragma once

#include "domain/Error.h"

#include <QString>

namespace st {

class Database;

namespace backup {

// Writes a consistent copy of the open database to target with SQLite's VACUUM INTO (a
// snapshot of the last commit, even while other connections write), made 0600. An existing
// target is refused, never overwritten. Runs on the connection's own thread.
Result<void> write(const Database &db, const QString &target);

// Checks a copy before anything would be replaced by it: an SQLite file that passes
// integrity_check, with Studio Timer's schema, not newer than this build. Opens it read-only and
// changes nothing. Returns its schema version.
Result<int> verify(const QString &path);

// A file name for a copy made now: <stem>-backup-YYYYMMDD-HHMMSS.sqlite in folder.
QString defaultName(const QString &folder, const QString &stem);

} // namespace backup
} // namespace st
