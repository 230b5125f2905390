#include "Backup.h"

#include "DataLocation.h"
#include "Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

namespace st::backup {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::Database)
};

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// verify() without the connection bookkeeping.
Result<int> check(QSqlDatabase &db, const QString &path)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next())
        return Error::invalid(Tr::tr("%1 is not a readable SQLite database (%2). Nothing was "
                                     "changed.")
                                  .arg(shown(path), q.lastError().text()));
    if (q.value(0).toString() != QLatin1String("ok"))
        return Error::invalid(Tr::tr("%1 is damaged (%2). Nothing was changed.")
                                  .arg(shown(path), q.value(0).toString()));
    q.finish();
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations")) || !q.next() ||
        q.value(0).isNull())
        return Error::invalid(
            Tr::tr("%1 is not a Studio Timer database. Nothing was changed.").arg(shown(path)));
    const int version = q.value(0).toInt();
    if (version > Database::latestSchemaVersion())
        return Error::invalid(Tr::tr("%1 was written by a newer version of Studio Timer (schema "
                                     "%2; this version knows up to %3). Nothing was changed.")
                                  .arg(shown(path))
                                  .arg(version)
                                  .arg(Database::latestSchemaVersion()));
    return version;
}

} // namespace

Result<void> write(const Database &db, const QString &target)
{
    const QString absolute = QFileInfo(target).absoluteFilePath();
    if (QFileInfo::exists(absolute))
        return Error::invalid(
            Tr::tr("%1 exists already: choose another file for the backup.").arg(shown(absolute)));
    if (auto r = dataLocation::makePrivateDir(QFileInfo(absolute).absolutePath()); !r)
        return r;
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(absolute);
    if (!q.exec())
        return Error::internal(
            Tr::tr("Cannot write the backup %1: %2").arg(shown(absolute), q.lastError().text()));
    dataLocation::restrictToOwner(absolute);
    return {};
}

Result<int> verify(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return Error::notFound(Tr::tr("No file %1.").arg(shown(path)));
    const QString name = QStringLiteral("st-verify-") + QUuid::createUuid().toString(QUuid::Id128);
    Result<int> result = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        // Immutable: nothing (not even a -shm) is written beside the file being checked.
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        db.setDatabaseName(
            QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded) +
            QStringLiteral("?immutable=1"));
        if (!db.open())
            result = Error::invalid(Tr::tr("%1 is not a readable SQLite database (%2). Nothing was "
                                           "changed.")
                                        .arg(shown(path), db.lastError().text()));
        else
            result = check(db, path);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

QString defaultName(const QString &folder, const QString &stem)
{
    return QDir(folder).filePath(
        stem + QStringLiteral("-backup-") +
        QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) +
        QStringLiteral(".sqlite"));
}

} // namespace st::backup
