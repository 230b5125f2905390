#pragma once

#include "domain/Error.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace st {

class Database;

// Copies of a database, and putting one back: one piece of code for `studiotimer backup` /
// `restore FILE`, the desktop app's daily copies and `studiotimer-hub backup`.
namespace backup {

// Writes a consistent copy of the open database to target with SQLite's VACUUM INTO (a
// snapshot of the last commit, even while other connections write), 0600 from the start. An
// existing target is refused, never overwritten. Runs on the connection's own thread.
Result<void> write(const Database &db, const QString &target);

// write(), then verify(): the copy appears under target only once it passed the check (it is
// written beside it first), so a crash or a failed check never leaves a bad copy by that name.
// Returns the copy's schema version.
Result<int> writeChecked(const Database &db, const QString &target);

// Checks a copy before anything would be replaced by it: an SQLite file that passes
// integrity_check, with Studio Timer's schema, not newer than this build. Opens it read-only and
// changes nothing. Returns its schema version.
Result<int> verify(const QString &path);

// The folder copies of the database at databasePath go to by default: backups/ beside it.
QString folderFor(const QString &databasePath);

// A file name for a copy made now: <stem>-<kind>-YYYYMMDD-HHMMSS.sqlite in folder.
QString defaultName(const QString &folder, const QString &stem,
                    const QString &kind = QStringLiteral("backup"));

// The copies the desktop app makes by itself, one a day: <stem>-daily-YYYY-MM-DD.sqlite.
QString dailyName(const QString &folder, const QString &stem, QDate day);
// The daily copies in folder, newest first (other files are not theirs).
QStringList dailyCopies(const QString &folder, const QString &stem);
// Makes day's copy when there is none yet, then removes all but the newest keep daily copies;
// no other file is touched. keep 0 turns daily copies off: nothing is made, nothing removed.
// Returns the path of the copy made, empty when there was nothing to make.
Result<QString> keepDaily(const Database &db, const QString &folder, const QString &stem, QDate day,
                          int keep);

struct Restored
{
    int schemaVersion = 0; // the restored copy's (an older one is migrated when next opened)
    QString aside;         // where the replaced database was kept; empty when there was none
};
// Puts the copy file in place of the database at target, verified before anything is replaced:
// file is checked, copied beside target and checked again; the current database (with what its
// -wal holds) is copied to aside; its -wal and -shm are removed and the copy renamed over it.
// The caller makes sure no process has target open. Any failure before the rename leaves target
// as it was.
Result<Restored> restore(const QString &file, const QString &target, const QString &aside);

} // namespace backup
} // namespace st
