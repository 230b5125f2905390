#pragma once

#include "domain/Error.h"

#include <QString>

namespace st::dataLocation {

// The data folder: the explicit choice (--data-dir), else $STUDIOTIMER_DATA_DIR, else the
// platform's application data folder (~/.local/share/StudioTimer on Linux).
QString dataDir(const QString &explicitDir = {});
QString databasePath(const QString &dataDir);

// Makes the folder (and its parents) when missing; the folder itself is made 0700 (only its
// owner may enter). An existing folder is left as it is.
Result<void> makePrivateDir(const QString &dir);
// Takes group and other permissions off a file we wrote (0600), if it has any.
void restrictToOwner(const QString &path);

// How this user may open a database file.
enum class FileAccess
{
    ReadWrite,
    ReadOnly,       // the file is not writable: read it, change nothing
    ReadOnlyFolder, // nor is its folder: SQLite cannot even keep its -shm there
};
// Readies a database file before SQLite opens it: a missing file is created empty, 0600, in a
// private folder (makePrivateDir); an existing writable one loses group and other permissions
// (older versions made it 0644) and its -wal/-shm are made 0600. Says whether this user may write
// it: a read-only file or folder is opened read-only instead of being called damaged.
Result<FileAccess> prepareDatabaseFile(const QString &path);

} // namespace st::dataLocation
