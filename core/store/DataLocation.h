#pragma once

#include <QString>

namespace st::dataLocation {

// The data folder: the explicit choice (--data-dir), else $STUDIOTIMER_DATA_DIR, else the
// platform's application data folder (~/.local/share/StudioTimer on Linux).
QString dataDir(const QString &explicitDir = {});
QString databasePath(const QString &dataDir);

} // namespace st::dataLocation
