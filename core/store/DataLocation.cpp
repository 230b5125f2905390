#include "DataLocation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <fcntl.h>
#include <unistd.h>

namespace st::dataLocation {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::Database)
};

constexpr QFile::Permissions kOwnerOnly = QFile::ReadOwner | QFile::WriteOwner;

// Whether the effective user may write path (root may, unless the file system is read-only).
bool writable(const QString &path)
{
    return ::faccessat(AT_FDCWD, QFile::encodeName(path).constData(), W_OK, AT_EACCESS) == 0;
}

} // namespace

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

Result<void> makePrivateDir(const QString &dir)
{
    if (QFileInfo(dir).isDir())
        return {};
    if (!QDir().mkpath(dir) ||
        !QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return Error::internal(
            Tr::tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(dir)));
    return {};
}

void restrictToOwner(const QString &path)
{
    const QFileInfo info(path);
    constexpr QFile::Permissions kOthers = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                           QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    if (info.exists() && (info.permissions() & kOthers))
        QFile::setPermissions(path, kOwnerOnly);
}

Result<FileAccess> prepareDatabaseFile(const QString &path)
{
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    if (!info.exists()) {
        if (auto r = makePrivateDir(folder); !r)
            return r.error();
        QFile file(path);
        // Created 0600 before SQLite sees it: its -wal and -shm take the same permissions.
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly))
            return Error::internal(Tr::tr("Cannot create %1: %2")
                                       .arg(QDir::toNativeSeparators(path), file.errorString()));
        return FileAccess::ReadWrite;
    }
    if (!writable(path))
        return writable(folder) ? FileAccess::ReadOnly : FileAccess::ReadOnlyFolder;
    if (!writable(folder))
        return FileAccess::ReadOnlyFolder;
    restrictToOwner(path);
    // SQLite gives these the database's permissions when it makes them: made while the file was
    // read-only (0400), they would keep a writable database from being written.
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = path + QLatin1String(suffix);
        if (QFileInfo::exists(side))
            QFile::setPermissions(side, kOwnerOnly);
    }
    return FileAccess::ReadWrite;
}

} // namespace st::dataLocation
