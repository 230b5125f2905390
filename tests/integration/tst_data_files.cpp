// The data files against a careless admin and a hostile file (issue 15): created private
// (0600 files, 0700 folder), another program's SQLite file refused untouched, and a read-only
// data folder or file opened read-only (reads work, changes are refused with a clear message).
//
// Read-only as root: root may write whatever the permissions say, so when the test runs as root
// (CI) it hands the folder to "nobody" and runs the real binary as nobody through setpriv; as
// another user it takes the write bits off and runs the binary itself.

#include "TestTimeouts.h"
#include "store/DataLocation.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace st;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs program with args, as "nobody" when asNobody.
Run run(const QString &program, const QStringList &args, bool asNobody = false)
{
    QProcess p;
    if (asNobody)
        p.start(QStringLiteral("setpriv"),
                QStringList{QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                            QStringLiteral("--clear-groups"), program} +
                    args);
    else
        p.start(program, args);
    if (!p.waitForFinished(st::test::scaledTimeout(60000)))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

Run studiotimer(const QString &dataDir, const QStringList &args, bool asNobody = false)
{
    return run(QStringLiteral(STUDIOTIMER_BIN),
               QStringList{QStringLiteral("--data-dir"), dataDir} + args, asNobody);
}

QByteArray checksum(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

QFile::Permissions othersOf(const QString &path)
{
    return QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                            QFile::ReadOther | QFile::WriteOther | QFile::ExeOther);
}

bool ownerOnlyFile(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() && othersOf(path) == QFile::Permissions() &&
           info.permissions().testFlag(QFile::ReadOwner) &&
           info.permissions().testFlag(QFile::WriteOwner);
}

} // namespace

class TestDataFiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newFilesAndFoldersArePrivate();
    void anOldWorldReadableFileIsTightened();
    void foreignSqliteRefusedUntouched();
    void readOnlyOpensReadOnly_data();
    void readOnlyOpensReadOnly();
};

void TestDataFiles::newFilesAndFoldersArePrivate()
{
    QTemporaryDir tmp;
    const QString dataDir = tmp.filePath(QStringLiteral("new/StudioTimer"));
    const Run added = studiotimer(dataDir, {QStringLiteral("add"), QStringLiteral("Recording"),
                                            QStringLiteral("--from"), QStringLiteral("09:00"),
                                            QStringLiteral("--to"), QStringLiteral("10:00")});
    QCOMPARE(added.exitCode, 0);
    QCOMPARE(QFileInfo(dataDir).permissions() &
                 (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | othersOf(dataDir)),
             QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QCOMPARE(othersOf(dataDir), QFile::Permissions());
    QVERIFY(ownerOnlyFile(dataLocation::databasePath(dataDir)));

    // While open, SQLite's -wal and -shm take the database file's permissions.
    {
        auto db = Database::open(dataLocation::databasePath(dataDir));
        QVERIFY(db.ok());
        QVERIFY(db.value()->setMeta(QStringLiteral("test"), QStringLiteral("x")).ok());
        for (const char *suffix : {"-wal", "-shm"}) {
            const QString file = dataLocation::databasePath(dataDir) + QLatin1String(suffix);
            QVERIFY2(ownerOnlyFile(file), qPrintable(file));
        }
    }

    const QString hubDir = tmp.filePath(QStringLiteral("hub"));
    const Run created = run(QStringLiteral(STUDIOTIMER_HUB_BIN),
                            {QStringLiteral("--data-dir"), hubDir, QStringLiteral("org"),
                             QStringLiteral("create"), QStringLiteral("Studio")});
    QCOMPARE(created.exitCode, 0);
    QCOMPARE(othersOf(hubDir), QFile::Permissions());
    QVERIFY(ownerOnlyFile(QDir(hubDir).filePath(QStringLiteral("hub.sqlite"))));
}

void TestDataFiles::anOldWorldReadableFileIsTightened()
{
    QTemporaryDir tmp;
    const QString path = dataLocation::databasePath(tmp.path());
    QVERIFY(Database::open(path).ok());
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                            QFile::ReadOther)); // 0644, as older versions made it
    QVERIFY(Database::open(path).ok());
    QVERIFY(ownerOnlyFile(path));
}

void TestDataFiles::foreignSqliteRefusedUntouched()
{
    QTemporaryDir tmp;
    const QString path = dataLocation::databasePath(tmp.path());
    {
        QSqlDatabase other =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        other.setDatabaseName(path);
        QVERIFY(other.open());
        QSqlQuery q(other);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE cars (plate TEXT, owner TEXT)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO cars VALUES ('AB-123', 'Kai')")));
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    const QByteArray before = checksum(path);
    QVERIFY(!before.isEmpty());
    const QStringList filesBefore = QDir(tmp.path()).entryList(QDir::Files);

    const auto opened = Database::open(path);
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().message.contains(QLatin1String("another program")),
             qPrintable(opened.error().message));
    const Run status = studiotimer(tmp.path(), {QStringLiteral("status")});
    QVERIFY(status.exitCode != 0);
    QVERIFY2(status.err.contains(QLatin1String("another program")), qPrintable(status.err));
    QVERIFY(status.out.isEmpty());

    QCOMPARE(checksum(path), before);
    QCOMPARE(QDir(tmp.path()).entryList(QDir::Files), filesBefore);
}

void TestDataFiles::readOnlyOpensReadOnly_data()
{
    QTest::addColumn<bool>("folderToo");
    QTest::newRow("read-only folder") << true;
    QTest::newRow("read-only file") << false;
}

void TestDataFiles::readOnlyOpensReadOnly()
{
    QFETCH(bool, folderToo);
    QTemporaryDir tmp;
    const QString dataDir = tmp.filePath(QStringLiteral("data"));
    const QString path = dataLocation::databasePath(dataDir);
    QCOMPARE(studiotimer(dataDir, {QStringLiteral("add"), QStringLiteral("Recording"),
                                   QStringLiteral("--from"), QStringLiteral("09:00"),
                                   QStringLiteral("--to"), QStringLiteral("10:00"),
                                   QStringLiteral("--note"), QStringLiteral("kept")})
                 .exitCode,
             0);

    const bool asNobody = ::geteuid() == 0;
    if (asNobody) {
        QVERIFY(QFile::setPermissions(tmp.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                      QFile::ExeOwner | QFile::ExeOther));
        QCOMPARE(run(QStringLiteral("chown"),
                     {QStringLiteral("-R"), QStringLiteral("nobody:nogroup"), dataDir})
                     .exitCode,
                 0);
    }
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner));
    if (folderToo)
        QVERIFY(QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::ExeOwner));
    const QByteArray before = checksum(path);

    const Run status = studiotimer(dataDir, {QStringLiteral("status")}, asNobody);
    QVERIFY2(status.exitCode == 0, qPrintable(status.err));
    const Run listed =
        studiotimer(dataDir, {QStringLiteral("list"), QStringLiteral("--json")}, asNobody);
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
    QVERIFY(listed.out.contains(QLatin1String("kept")));
    const Run report = studiotimer(
        dataDir, {QStringLiteral("report"), QStringLiteral("--by"), QStringLiteral("task")},
        asNobody);
    QVERIFY2(report.exitCode == 0, qPrintable(report.err));
    QVERIFY(report.out.contains(QLatin1String("Recording")));

    const Run start =
        studiotimer(dataDir, {QStringLiteral("start"), QStringLiteral("Mixing")}, asNobody);
    QVERIFY(start.exitCode != 0);
    QVERIFY2(start.err.contains(QLatin1String("read-only")), qPrintable(start.err));
    QVERIFY2(!start.err.contains(QLatin1String("damaged")), qPrintable(start.err));
    QCOMPARE(checksum(path), before);

    // Writable again, the folder is used as before.
    QVERIFY(QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    QCOMPARE(studiotimer(dataDir, {QStringLiteral("start"), QStringLiteral("Mixing")}, asNobody)
                 .exitCode,
             0);
}

QTEST_GUILESS_MAIN(TestDataFiles)
#include "tst_data_files.moc"
