// `studiotimer backup [FILE]` and `studiotimer restore FILE` with the real binary (issue 15): a
// round trip gives the data back exactly, the replaced database is kept aside, and a damaged copy,
// another program's SQLite file, a newer schema or a missing file are refused with the database
// unchanged — as is any restore while the desktop app holds the data folder.
#include "CliProcess.h"
#include "TestStore.h"
#include "backend/Backend.h"
#include "cli/ForwardedCommand.h"
#include "cli/SingleInstance.h"
#include "store/Backup.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace st;

namespace {

using test::studiotimer;
using Run = test::CliRun;

// Every row of every table, in a fixed order: equal dumps, equal data.
QString dump(const QString &file)
{
    const QString name = QUuid::createUuid().toString();
    QString text;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            return QStringLiteral("cannot open ") + file;
        QSqlQuery tables(db);
        tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                                   "NOT LIKE 'sqlite_%' ORDER BY name"));
        QStringList names;
        while (tables.next())
            names << tables.value(0).toString();
        for (const QString &table : std::as_const(names)) {
            QSqlQuery rows(db);
            rows.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table));
            QStringList lines;
            while (rows.next()) {
                QStringList values;
                for (int i = 0; i < rows.record().count(); ++i)
                    values << (rows.isNull(i) ? QStringLiteral("NULL") : rows.value(i).toString());
                lines << values.join(QLatin1Char('|'));
            }
            lines.sort();
            text += QStringLiteral("## %1 (%2 rows)\n").arg(table).arg(lines.size()) +
                    lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
        }
    }
    QSqlDatabase::removeDatabase(name);
    return text;
}

QByteArray sha256(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly)
               ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex()
               : QByteArray("missing");
}

// What a refused restore must leave as it was: the database's bytes and every file name.
QString state(const QString &dataDir)
{
    QString s =
        QString::fromLatin1(sha256(QDir(dataDir).filePath(QStringLiteral("studiotimer.sqlite"))));
    QDirIterator it(dataDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    return s + QLatin1Char('\n') + files.join(QLatin1Char('\n'));
}

QString entryId(const QString &line)
{
    static const QRegularExpression id(QStringLiteral("\\[([0-9a-f]{8})\\]"));
    return id.match(line).captured(1);
}

} // namespace

class TestBackupCli final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void backupNeverOverwrites();
    void badCopiesAreRefusedUnchanged_data();
    void badCopiesAreRefusedUnchanged();
    void entryIdsStillRestoreEntries();
    void whileTheAppRuns();

private:
    // A data folder with a few entries, and a checked copy of it (made by the command).
    void prepare(const QString &dataDir, QString *copy);
};

void TestBackupCli::prepare(const QString &dataDir, QString *copy)
{
    const Run added =
        studiotimer(dataDir, {QStringLiteral("add"), QStringLiteral("Mixing"),
                              QStringLiteral("--from"), QStringLiteral("2026-11-02T09:00"),
                              QStringLiteral("--to"), QStringLiteral("2026-11-02T10:30"),
                              QStringLiteral("--note"), QStringLiteral("Vocals, take 3")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QCOMPARE(studiotimer(dataDir, {QStringLiteral("start"), QStringLiteral("Recording")}).exitCode,
             0);
    QCOMPARE(studiotimer(dataDir, {QStringLiteral("task-types"), QStringLiteral("set"),
                                   QStringLiteral("Mastering"), QStringLiteral("--rate"),
                                   QStringLiteral("120")})
                 .exitCode,
             0);
    const Run gone =
        studiotimer(dataDir, {QStringLiteral("add"), QStringLiteral("Setup"),
                              QStringLiteral("--from"), QStringLiteral("2026-11-03T09:00"),
                              QStringLiteral("--to"), QStringLiteral("2026-11-03T09:20")});
    QCOMPARE(gone.exitCode, 0);
    QCOMPARE(studiotimer(dataDir, {QStringLiteral("delete"), entryId(gone.out)}).exitCode, 0);

    const Run backedUp = studiotimer(dataDir, {QStringLiteral("backup")});
    QVERIFY2(backedUp.exitCode == 0, qPrintable(backedUp.err));
    QVERIFY(backedUp.err.isEmpty());
    *copy = backedUp.out.trimmed();
    QCOMPARE(backedUp.out, *copy + QLatin1Char('\n')); // the path alone, for scripts
    QCOMPARE(QFileInfo(*copy).absolutePath(), QDir(dataDir).filePath(QStringLiteral("backups")));
    QVERIFY2(QRegularExpression(QStringLiteral("^studiotimer-backup-\\d{8}-\\d{6}\\.sqlite$"))
                 .match(QFileInfo(*copy).fileName())
                 .hasMatch(),
             qPrintable(*copy));
    QCOMPARE(QFileInfo(*copy).permissions() &
                 (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
             QFile::Permissions());
    QVERIFY(backup::verify(*copy).ok());
}

void TestBackupCli::roundTrip()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("studiotimer.sqlite"));
    QString copy;
    prepare(dir.path(), &copy);
    if (QTest::currentTestFailed())
        return;
    const QString atBackup = dump(db);
    QCOMPARE(dump(copy), atBackup);
    QVERIFY(atBackup.contains(QLatin1String("Vocals, take 3")));

    // Later changes, which the restore takes back.
    QCOMPARE(studiotimer(dir.path(), {QStringLiteral("stop")}).exitCode, 0);
    QCOMPARE(studiotimer(dir.path(), {QStringLiteral("add"), QStringLiteral("Break"),
                                      QStringLiteral("--from"), QStringLiteral("2026-11-04T12:00"),
                                      QStringLiteral("--to"), QStringLiteral("2026-11-04T13:00"),
                                      QStringLiteral("--note"), QStringLiteral("after the copy")})
                 .exitCode,
             0);
    const QString beforeRestore = dump(db);
    QVERIFY(beforeRestore != atBackup);

    const Run restored = studiotimer(dir.path(), {QStringLiteral("restore"), copy});
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
    QCOMPARE(dump(db), atBackup);
    // The database it replaced is kept aside, complete (what its -wal held included).
    static const QRegularExpression asideLine(QStringLiteral("kept as (\\S+studiotimer-before-"
                                                             "restore-\\d{8}-\\d{6}\\.sqlite)"));
    const QString aside = asideLine.match(restored.out).captured(1);
    QVERIFY2(!aside.isEmpty(), qPrintable(restored.out));
    QCOMPARE(dump(aside), beforeRestore);
    QVERIFY(backup::verify(aside).ok());
    QVERIFY(!QFileInfo::exists(db + QStringLiteral("-wal")));
    // The app's commands work on it as before the changes.
    const Run list = studiotimer(dir.path(), {QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains(QLatin1String("Vocals, take 3")));
    QVERIFY(!list.out.contains(QLatin1String("after the copy")));
    const Run status = studiotimer(dir.path(), {QStringLiteral("status")});
    QVERIFY2(status.out.contains(QLatin1String("Recording")), qPrintable(status.out));

    // And back to the later state from the copy kept aside, found by a relative path.
    const Run back =
        studiotimer(dir.path(), {QStringLiteral("restore"), QFileInfo(aside).fileName()},
                    {.workingDirectory = QFileInfo(aside).absolutePath()});
    QVERIFY2(back.exitCode == 0, qPrintable(back.err));
    QCOMPARE(dump(db), beforeRestore);
}

void TestBackupCli::backupNeverOverwrites()
{
    QTemporaryDir dir;
    QCOMPARE(studiotimer(dir.path(), {QStringLiteral("status")}).exitCode, 0);
    // A relative FILE is the caller's working directory's.
    const Run relative =
        studiotimer(dir.path(), {QStringLiteral("backup"), QStringLiteral("mine.sqlite")},
                    {.workingDirectory = dir.path()});
    QCOMPARE(relative.exitCode, 0);
    const QString file = dir.filePath(QStringLiteral("mine.sqlite"));
    QCOMPARE(relative.out, file + QLatin1Char('\n'));
    const QByteArray before = sha256(file);
    const Run again = studiotimer(dir.path(), {QStringLiteral("backup"), file});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(QLatin1String("exists already")), qPrintable(again.err));
    QCOMPARE(sha256(file), before);
}

void TestBackupCli::badCopiesAreRefusedUnchanged_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message"); // a pattern
    QTest::newRow("damaged") << QStringLiteral("damaged")
                             << QStringLiteral("is damaged|not a readable SQLite");
    QTest::newRow("another program's")
        << QStringLiteral("foreign") << QStringLiteral("not a Studio Timer database");
    QTest::newRow("newer schema") << QStringLiteral("newer") << QStringLiteral("newer version");
    QTest::newRow("not SQLite") << QStringLiteral("text") << QStringLiteral("not a readable");
    QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("No file");
    QTest::newRow("the database itself")
        << QStringLiteral("itself") << QStringLiteral("the database itself");
}

void TestBackupCli::badCopiesAreRefusedUnchanged()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QTemporaryDir elsewhere;
    QString copy;
    prepare(dir.path(), &copy);
    if (QTest::currentTestFailed())
        return;
    QString bad = elsewhere.filePath(kind + QStringLiteral(".sqlite"));
    if (kind == QLatin1String("damaged") || kind == QLatin1String("newer")) {
        QVERIFY(QFile::copy(copy, bad));
        QVERIFY(QFile::setPermissions(bad, QFile::ReadOwner | QFile::WriteOwner));
    }
    if (kind == QLatin1String("damaged")) {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(4096)); // page 2: VACUUM INTO leaves no free page, so a table's
        f.write(QByteArray(4096, '\xff'));
    } else if (kind == QLatin1String("foreign") || kind == QLatin1String("newer")) {
        const QString name = QUuid::createUuid().toString();
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            other.setDatabaseName(bad);
            QVERIFY(other.open());
            QVERIFY(QSqlQuery(other).exec(
                kind == QLatin1String("foreign")
                    ? QStringLiteral("CREATE TABLE songs (title TEXT)")
                    : QStringLiteral("INSERT INTO schema_migrations (version, applied_at) "
                                     "VALUES (999, 0)")));
        }
        QSqlDatabase::removeDatabase(name);
    } else if (kind == QLatin1String("text")) {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("title,artist\nSo What,Miles Davis\n");
    } else if (kind == QLatin1String("itself")) {
        bad = dir.filePath(QStringLiteral("studiotimer.sqlite"));
    }

    // (The dump first: reading the database makes its -shm.)
    const QString data = dump(dir.filePath(QStringLiteral("studiotimer.sqlite")));
    const QString before = state(dir.path());
    const Run refused = studiotimer(dir.path(), {QStringLiteral("restore"), bad});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QRegularExpression(message)), qPrintable(refused.err));
    if (kind != QLatin1String("missing"))
        QVERIFY2(refused.err.contains(QLatin1String("Nothing was changed")),
                 qPrintable(refused.err));
    QVERIFY(refused.out.isEmpty());
    QCOMPARE(state(dir.path()), before);
    QCOMPARE(dump(dir.filePath(QStringLiteral("studiotimer.sqlite"))), data);
}

void TestBackupCli::entryIdsStillRestoreEntries()
{
    QTemporaryDir dir;
    const Run added =
        studiotimer(dir.path(), {QStringLiteral("add"), QStringLiteral("Mixing"),
                                 QStringLiteral("--from"), QStringLiteral("2026-11-02T09:00"),
                                 QStringLiteral("--to"), QStringLiteral("2026-11-02T10:00")});
    QCOMPARE(added.exitCode, 0);
    const QString id = entryId(added.out);
    QCOMPARE(studiotimer(dir.path(), {QStringLiteral("delete"), id}).exitCode, 0);
    const Run restored = studiotimer(dir.path(), {QStringLiteral("restore"), id});
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
    QVERIFY(restored.out.startsWith(QLatin1String("Restored Mixing")));
    // Not a file, not an entry: the entry's error, not the file's.
    const Run unknown =
        studiotimer(dir.path(), {QStringLiteral("restore"), QStringLiteral("deadbeef")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(!unknown.err.contains(QLatin1String("file"), Qt::CaseInsensitive),
             qPrintable(unknown.err));
    // A FILE with an option is malformed.
    QCOMPARE(studiotimer(dir.path(), {QStringLiteral("restore"), QStringLiteral("x.sqlite"),
                                      QStringLiteral("--user"), QStringLiteral("Ana")})
                 .exitCode,
             2);
}

void TestBackupCli::whileTheAppRuns()
{
    // The desktop app's side, as app/DesktopApp.cpp sets it up: commands handed to its backend.
    test::TestStore store;
    Backend app(store.path(), store.clock, store.profile.org.id);
    const QString dataDir = store.dir.path();
    const auto add = [&store](const QString &note, Ms from) {
        return store.service
            ->addManual({store.userId(),
                         store.typeId(QStringLiteral("Mixing")),
                         {},
                         note,
                         from,
                         from + 600'000,
                         {}})
            .ok();
    };
    QVERIFY(add(QStringLiteral("in the app"), 1'764'316'000'000));
    SingleInstance instance(dataDir);
    QVERIFY(instance.listen());
    instance.setCommandHandler(
        [&app, &instance](const SingleInstance::Request &request, SingleInstance::Reply reply) {
            forwarded::run(app, request, &instance, std::move(reply));
        });

    // backup works through the app (on its reader, beside its writer). The app is this process:
    // its event loop turns while a command waits for it.
    const Run backedUp = studiotimer(dataDir, {QStringLiteral("backup")},
                                     {.workingDirectory = {}, .eventLoop = true});
    QVERIFY2(backedUp.exitCode == 0, qPrintable(backedUp.err));
    const QString copy = backedUp.out.trimmed();
    QVERIFY(backup::verify(copy).ok());
    QVERIFY(dump(copy).contains(QLatin1String("in the app")));

    // restore is refused while the app holds the database, which stays as it is.
    QVERIFY(add(QStringLiteral("after the copy"), 1'764'317'000'000));
    const Run refused = studiotimer(dataDir, {QStringLiteral("restore"), copy},
                                    {.workingDirectory = {}, .eventLoop = true});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QLatin1String("app is running")), qPrintable(refused.err));
    QVERIFY(dump(store.path()).contains(QLatin1String("after the copy")));
    QVERIFY(store.service->findTaskType(QStringLiteral("Mixing")).ok()); // still open, still works
    QVERIFY(QDir(QFileInfo(copy).absolutePath())
                .entryList({QStringLiteral("*before-restore*")}, QDir::Files)
                .isEmpty());
}

QTEST_GUILESS_MAIN(TestBackupCli)
#include "tst_backup_cli.moc"
