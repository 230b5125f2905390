#include "Backup.h"

#include "DataLocation.h"
#include "Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

namespace st::backup {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::Database)
};

constexpr QFile::Permissions kOwnerOnly = QFile::ReadOwner | QFile::WriteOwner;

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// Runs f(db) on a connection of its own to path, opened with options; gone afterwards. f also
// gets the open error (empty when it opened).
template <typename F>
auto withConnection(const QString &databaseName, const QString &options, F &&f)
{
    const QString name = QStringLiteral("st-backup-") + QUuid::createUuid().toString(QUuid::Id128);
    std::optional<decltype(f(std::declval<QSqlDatabase &>(), QString()))> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setConnectOptions(options);
        db.setDatabaseName(databaseName);
        const QString openError = db.open() ? QString() : db.lastError().text();
        result.emplace(f(db, openError));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return std::move(*result);
}

// An empty file made 0600 for a copy to fill (VACUUM INTO takes an empty file); an existing one is
// refused, never overwritten.
Result<void> createPrivate(const QString &path)
{
    if (QFileInfo::exists(path))
        return Error::invalid(
            Tr::tr("%1 exists already: choose another file for the backup.").arg(shown(path)));
    if (auto r = dataLocation::makePrivateDir(QFileInfo(path).absolutePath()); !r)
        return r;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly))
        return Error::internal(
            Tr::tr("Cannot write the backup %1: %2").arg(shown(path), file.errorString()));
    return {};
}

// VACUUM INTO target on db; target is removed again when it fails.
Result<void> vacuumInto(QSqlDatabase db, const QString &target)
{
    if (auto r = createPrivate(target); !r)
        return r;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(target);
    if (!q.exec()) {
        QFile::remove(target);
        return Error::internal(
            Tr::tr("Cannot write the backup %1: %2").arg(shown(target), q.lastError().text()));
    }
    return {};
}

// A byte-for-byte copy made 0600 from the start.
Result<void> copyPrivately(const QString &from, const QString &to)
{
    QFile in(from);
    QFile out(to);
    if (!in.open(QIODevice::ReadOnly))
        return Error::invalid(Tr::tr("Cannot read %1: %2").arg(shown(from), in.errorString()));
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly))
        return Error::internal(Tr::tr("Cannot write %1: %2").arg(shown(to), out.errorString()));
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(1 << 20);
        if (chunk.isEmpty() && in.error() != QFile::NoError)
            break;
        if (out.write(chunk) != chunk.size())
            break;
    }
    if (in.error() != QFile::NoError || out.error() != QFile::NoError || !out.flush()) {
        const QString why = in.error() != QFile::NoError ? in.errorString() : out.errorString();
        out.close();
        QFile::remove(to);
        return Error::internal(Tr::tr("Cannot copy %1 to %2: %3").arg(shown(from), shown(to), why));
    }
    return {};
}

// Where a copy is made before it takes its name: hidden, beside it, removed when stale.
QString partName(const QString &target)
{
    const QFileInfo info(target);
    return info.dir().filePath(QLatin1Char('.') + info.fileName() + QStringLiteral(".part"));
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

// Keeps the database at path as aside: a consistent copy through SQLite when it opens (what its
// -wal holds included), else the files as they are (a damaged database is kept too).
Result<void> copyAside(const QString &path, const QString &aside)
{
    if (auto r = dataLocation::makePrivateDir(QFileInfo(aside).absolutePath()); !r)
        return r;
    const bool copied = withConnection(path, QString(), [&](QSqlDatabase &db, const QString &err) {
        return err.isEmpty() && vacuumInto(db, aside).ok();
    });
    if (copied)
        return {};
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        if (!QFileInfo::exists(path + suffix))
            continue;
        QFile::remove(aside + suffix); // a failed VACUUM INTO may have left it
        if (auto r = copyPrivately(path + suffix, aside + suffix); !r)
            return r;
    }
    return {};
}

} // namespace

Result<void> write(const Database &db, const QString &target)
{
    return vacuumInto(db.connection(), QFileInfo(target).absoluteFilePath());
}

Result<int> writeChecked(const Database &db, const QString &target)
{
    const QString absolute = QFileInfo(target).absoluteFilePath();
    if (QFileInfo::exists(absolute))
        return Error::invalid(
            Tr::tr("%1 exists already: choose another file for the backup.").arg(shown(absolute)));
    const QString part = partName(absolute);
    QFile::remove(part); // left by a copy that was interrupted
    if (auto r = write(db, part); !r)
        return r.error();
    auto version = verify(part);
    // QFile::rename never replaces: a file made meanwhile under that name is kept.
    if (version && !QFile::rename(part, absolute))
        version = Error::invalid(
            Tr::tr("%1 exists already: choose another file for the backup.").arg(shown(absolute)));
    if (!version)
        QFile::remove(part);
    return version;
}

Result<int> verify(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return Error::notFound(Tr::tr("No file %1.").arg(shown(path)));
    // Immutable: nothing (not even a -shm) is written beside the file being checked.
    const QString uri =
        QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded) +
        QStringLiteral("?immutable=1");
    return withConnection(uri, QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"),
                          [&](QSqlDatabase &db, const QString &openError) -> Result<int> {
                              if (!openError.isEmpty())
                                  return Error::invalid(
                                      Tr::tr("%1 is not a readable SQLite database (%2). Nothing "
                                             "was changed.")
                                          .arg(shown(path), openError));
                              return check(db, path);
                          });
}

QString folderFor(const QString &databasePath)
{
    return QFileInfo(databasePath).dir().filePath(QStringLiteral("backups"));
}

QString defaultName(const QString &folder, const QString &stem, const QString &kind)
{
    return QDir(folder).filePath(
        stem + QLatin1Char('-') + kind + QLatin1Char('-') +
        QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) +
        QStringLiteral(".sqlite"));
}

QString dailyName(const QString &folder, const QString &stem, QDate day)
{
    return QDir(folder).filePath(stem + QStringLiteral("-daily-") +
                                 day.toString(QStringLiteral("yyyy-MM-dd")) +
                                 QStringLiteral(".sqlite"));
}

QStringList dailyCopies(const QString &folder, const QString &stem)
{
    const QRegularExpression daily(QRegularExpression::anchoredPattern(
        QRegularExpression::escape(stem) + QStringLiteral("-daily-\\d{4}-\\d\\d-\\d\\d\\.sqlite")));
    QStringList names = QDir(folder).entryList(QDir::Files, QDir::Name | QDir::Reversed);
    names.removeIf([&](const QString &name) { return !daily.match(name).hasMatch(); });
    QStringList paths;
    for (const QString &name : std::as_const(names))
        paths << QDir(folder).filePath(name);
    return paths; // ISO dates: by name is by day
}

Result<QString> keepDaily(const Database &db, const QString &folder, const QString &stem, QDate day,
                          int keep)
{
    if (keep <= 0)
        return QString();
    const QString today = dailyName(folder, stem, day);
    QString made;
    if (!QFileInfo::exists(today)) {
        if (auto r = writeChecked(db, today); !r)
            return r.error();
        made = today;
    }
    const QStringList copies = dailyCopies(folder, stem);
    for (qsizetype i = keep; i < copies.size(); ++i)
        QFile::remove(copies.at(i));
    return made;
}

Result<Restored> restore(const QString &file, const QString &target, const QString &aside)
{
    const QFileInfo source(file);
    if (source.exists() && source.canonicalFilePath() == QFileInfo(target).canonicalFilePath())
        return Error::invalid(
            Tr::tr("%1 is the database itself: choose a backup copy to restore. Nothing was "
                   "changed.")
                .arg(shown(file)));
    auto version = verify(file);
    if (!version)
        return version.error();
    // The copy that will take the database's place, beside it (the same file system, so the
    // final rename is atomic), checked again there.
    const QString part = partName(target);
    QFile::remove(part);
    if (auto r = copyPrivately(source.absoluteFilePath(), part); !r)
        return r.error();
    if (auto r = verify(part); !r) {
        QFile::remove(part);
        return r.error();
    }
    Restored restored{version.value(), {}};
    if (QFileInfo::exists(target)) {
        if (auto r = copyAside(target, aside); !r) {
            QFile::remove(part);
            return r.error();
        }
        restored.aside = aside;
    }
    // The old -wal must go before the copy takes the name: SQLite would replay it onto the copy.
    QFile::remove(target + QStringLiteral("-wal"));
    QFile::remove(target + QStringLiteral("-shm"));
    if (std::rename(QFile::encodeName(part).constData(), QFile::encodeName(target).constData()) !=
        0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        QFile::remove(part);
        return Error::internal(
            Tr::tr("Cannot put %1 in place of %2: %3").arg(shown(file), shown(target), why));
    }
    return restored;
}

} // namespace st::backup
