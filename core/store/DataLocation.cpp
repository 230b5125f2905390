#include "DataLocation.h"

#include <QDir>
#include <QStandardPaths>

namespace st::dataLocation {

QString dataDir(const QString &explicitDir)
{
    if (!explicitDir.isEmpty())
        return QDir(explicitDir).absolutePath();
    const QString fromEnv = qEnvironmentVariable("STUDIOTIMER_DATA_DIR");
    if (!fromEnv.isEmpty())
        return QDir(fromEnv).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString databasePath(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("studiotimer.sqlite"));
}

} // namespace st::dataLocation
