// `studiotimer sync ...` (issue 11): the real studiotimer binary against a real hub — in process
// (TestHub, to look at what it holds) or the studiotimer-hub process with its own certificate
// (issue 15: pinned wss://). Runs under tests/support/with-keyring.sh, so `--token` goes to a real
// Secret Service.

#include "TestHub.h"
#include "domain/Clock.h"
#include "store/Database.h"
#include "sync/Outbox.h"
#include "sync/SyncConfig.h"

#include <QDate>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace st;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    qint64 ms = 0;
};

// Runs studiotimer with the event loop turning (an in-process hub must answer meanwhile).
Run studiotimer(const QString &dataDir, const QStringList &args)
{
    QProcess p;
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    p.start(QStringLiteral(STUDIOTIMER_BIN),
            QStringList{QStringLiteral("--data-dir"), dataDir} + args);
    loop.exec();
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError()), clock.elapsed()};
}

QJsonObject object(const Run &r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QString writeTokenFile(const QTemporaryDir &dir, const QString &token, QFile::Permissions mode)
{
    const QString path = dir.filePath(QStringLiteral("token"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write the token file");
    file.write(token.toUtf8() + '\n');
    file.close();
    file.setPermissions(mode);
    return path;
}

constexpr auto kOwnerOnly = QFile::ReadOwner | QFile::WriteOwner;

} // namespace

class TestSyncCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void joinAddSyncNowDelivers();
    void tokenGoesToTheKeychain();
    void tokenFileReadableByOthersIsRefused();
    void unreachableHubExitsOneWithinTenSeconds();
    void severalHubsTriedInTurn();
    void malformedCommandsExitTwo_data();
    void malformedCommandsExitTwo();
    void conflictsJsonShape();
    void pinnedHubProcess();
};

void TestSyncCli::joinAddSyncNowDelivers()
{
    test::TestHub<SystemClock> hub;
    QTemporaryDir desk;
    const QString url = QStringLiteral("ws://127.0.0.1:%1").arg(hub.port);
    const QString tokenFile = writeTokenFile(desk, hub.token, kOwnerOnly);

    const Run joined = studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("join"),
                                                 url, QStringLiteral("--token-file"), tokenFile});
    QCOMPARE(joined.exitCode, 0);
    QVERIFY2(joined.err.contains(QStringLiteral("plain text")), qPrintable(joined.err));

    // Yesterday: the hub refuses times ahead of its clock, and 09:00 today may be to come.
    const QString day = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
    for (const char *from : {"09:00", "11:00"}) {
        const QString start = day + QLatin1Char('T') + QString::fromLatin1(from);
        const Run added =
            studiotimer(desk.path(), {QStringLiteral("add"), QStringLiteral("Recording"),
                                      QStringLiteral("--from"), start, QStringLiteral("--to"),
                                      start.left(13) + QStringLiteral(":30")});
        QCOMPARE(added.exitCode, 0);
    }
    QCOMPARE(hub.entryCount(), 0);
    const QJsonObject before = object(studiotimer(
        desk.path(), {QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")}));
    QCOMPARE(before.value(QLatin1String("joined")).toBool(), true);
    QCOMPARE(before.value(QLatin1String("mode")).toString(), QStringLiteral("join"));
    QCOMPARE(before.value(QLatin1String("hub")).toString(), url);
    QCOMPARE(before.value(QLatin1String("tls")).toBool(), false);
    QCOMPARE(before.value(QLatin1String("tokenFile")).toString(), tokenFile);
    QCOMPARE(before.value(QLatin1String("appRunning")).toBool(), false);
    QVERIFY(before.value(QLatin1String("outbox")).toInt() >= 2);
    QVERIFY(before.value(QLatin1String("lastSync")).isNull());
    QCOMPARE(before.value(QLatin1String("conflicts")).toInt(), 0);

    const Run synced = studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("now")});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    QCOMPARE(hub.entryCount(), 2);

    const QJsonObject after = object(studiotimer(
        desk.path(), {QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")}));
    QCOMPARE(after.value(QLatin1String("outbox")).toInt(), 0);
    QVERIFY(!after.value(QLatin1String("lastSync")).toString().isEmpty());
    QCOMPARE(after.value(QLatin1String("org")).toObject().value(QLatin1String("id")).toString(),
             hub.orgId);

    // Off: later changes stay here, and the settings say so.
    QCOMPARE(studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("off")}).exitCode, 0);
    const QJsonObject off = object(studiotimer(
        desk.path(), {QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")}));
    QCOMPARE(off.value(QLatin1String("joined")).toBool(), false);
    QCOMPARE(studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("now")}).exitCode, 1);
}

void TestSyncCli::tokenGoesToTheKeychain()
{
    if (qEnvironmentVariable("ST_KEYRING_SESSION") != QLatin1String("1"))
        QFAIL("needs a keyring: run it through tests/support/with-keyring.sh, as ctest does");
    test::TestHub<SystemClock> hub;
    QTemporaryDir desk;
    const QString url = QStringLiteral("ws://127.0.0.1:%1").arg(hub.port);
    const Run joined = studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("join"),
                                                 url, QStringLiteral("--token"), hub.token});
    QVERIFY2(joined.exitCode == 0, qPrintable(joined.err));
    // The token is not in the database: only the keychain has it.
    {
        QFile db(QDir(desk.path()).filePath(QStringLiteral("studiotimer.sqlite")));
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.readAll().contains(hub.token.toUtf8()));
    }
    QCOMPARE(
        studiotimer(desk.path(), {QStringLiteral("start"), QStringLiteral("Recording")}).exitCode,
        0);
    const Run synced = studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("now")});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    QCOMPARE(hub.entryCount(), 1);
}

void TestSyncCli::tokenFileReadableByOthersIsRefused()
{
    test::TestHub<SystemClock> hub;
    QTemporaryDir desk;
    const QString tokenFile =
        writeTokenFile(desk, hub.token, kOwnerOnly | QFile::ReadGroup | QFile::ReadOther);
    const Run joined = studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("join"),
                                                 QStringLiteral("wss://127.0.0.1:%1").arg(hub.port),
                                                 QStringLiteral("--token-file"), tokenFile});
    QCOMPARE(joined.exitCode, 1);
    QVERIFY2(joined.err.contains(QStringLiteral("chmod 600")), qPrintable(joined.err));
    const QJsonObject status = object(studiotimer(
        desk.path(), {QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")}));
    QCOMPARE(status.value(QLatin1String("joined")).toBool(), false); // nothing changed

    // Joined with a good file that later becomes readable by others: `sync now` refuses too.
    QFile::setPermissions(tokenFile, kOwnerOnly);
    QCOMPARE(studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("join"),
                                       QStringLiteral("ws://127.0.0.1:%1").arg(hub.port),
                                       QStringLiteral("--token-file"), tokenFile})
                 .exitCode,
             0);
    QFile::setPermissions(tokenFile, kOwnerOnly | QFile::ReadOther);
    const Run now = studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("now")});
    QCOMPARE(now.exitCode, 1);
    QVERIFY2(now.err.contains(QStringLiteral("chmod 600")), qPrintable(now.err));
}

void TestSyncCli::unreachableHubExitsOneWithinTenSeconds()
{
    QTcpServer closed; // a port nobody listens on once this is closed
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    QTemporaryDir desk;
    const QString tokenFile = writeTokenFile(desk, QStringLiteral("some-token"), kOwnerOnly);
    QCOMPARE(studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("join"),
                                       QStringLiteral("ws://127.0.0.1:%1").arg(port),
                                       QStringLiteral("--token-file"), tokenFile})
                 .exitCode,
             0);
    const Run now = studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("now")});
    QCOMPARE(now.exitCode, 1);
    QVERIFY2(now.err.contains(QStringLiteral("Cannot reach the hub")), qPrintable(now.err));
    QVERIFY2(now.ms >= 9000 && now.ms < 15000, qPrintable(QString::number(now.ms)));
}

void TestSyncCli::malformedCommandsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    const QString fp = QStringLiteral("ab").repeated(32);
    QTest::newRow("no subcommand") << QStringList{QStringLiteral("sync")};
    QTest::newRow("unknown") << QStringList{QStringLiteral("sync"), QStringLiteral("pull")};
    QTest::newRow("no url") << QStringList{QStringLiteral("sync"), QStringLiteral("join")};
    QTest::newRow("no token") << QStringList{QStringLiteral("sync"), QStringLiteral("join"),
                                             QStringLiteral("wss://hub:7345")};
    QTest::newRow("both tokens") << QStringList{
        QStringLiteral("sync"),    QStringLiteral("join"), QStringLiteral("wss://hub"),
        QStringLiteral("--token"), QStringLiteral("t"),    QStringLiteral("--token-file"),
        QStringLiteral("f")};
    QTest::newRow("bad scheme") << QStringList{QStringLiteral("sync"), QStringLiteral("join"),
                                               QStringLiteral("http://hub"),
                                               QStringLiteral("--token"), QStringLiteral("t")};
    QTest::newRow("bad port") << QStringList{QStringLiteral("sync"), QStringLiteral("join"),
                                             QStringLiteral("wss://hub:99999"),
                                             QStringLiteral("--token"), QStringLiteral("t")};
    QTest::newRow("short fingerprint") << QStringList{
        QStringLiteral("sync"),    QStringLiteral("join"), QStringLiteral("wss://hub"),
        QStringLiteral("--token"), QStringLiteral("t"),    QStringLiteral("--fingerprint"),
        QStringLiteral("AB:CD")};
    QTest::newRow("pin on ws") << QStringList{QStringLiteral("sync"),
                                              QStringLiteral("join"),
                                              QStringLiteral("ws://hub"),
                                              QStringLiteral("--token"),
                                              QStringLiteral("t"),
                                              QStringLiteral("--fingerprint"),
                                              fp};
    // URL[,URL…]: each one checked, the whole list refused for one bad address.
    const auto join = [](const char *urls) {
        return QStringList{QStringLiteral("sync"), QStringLiteral("join"),
                           QString::fromLatin1(urls), QStringLiteral("--token"),
                           QStringLiteral("t")};
    };
    QTest::newRow("second url bad scheme") << join("wss://hub-a,http://hub-b");
    QTest::newRow("second url bad port") << join("wss://hub-a,wss://hub-b:99999");
    QTest::newRow("empty between commas") << join("wss://hub-a,,wss://hub-b");
    QTest::newRow("wss and ws mixed") << join("wss://hub-a,ws://hub-b");
    QTest::newRow("json on now") << QStringList{QStringLiteral("sync"), QStringLiteral("now"),
                                                QStringLiteral("--json")};
    QTest::newRow("token on status")
        << QStringList{QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--token"),
                       QStringLiteral("t")};
}

void TestSyncCli::malformedCommandsExitTwo()
{
    QFETCH(QStringList, args);
    QTemporaryDir desk;
    const Run r = studiotimer(desk.path(), args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
    const QJsonObject status = object(studiotimer(
        desk.path(), {QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")}));
    QCOMPARE(status.value(QLatin1String("joined")).toBool(), false);
}

void TestSyncCli::severalHubsTriedInTurn()
{
    test::TestHub<SystemClock> hub;
    QTemporaryDir desk;
    const QString tokenFile = writeTokenFile(desk, hub.token, kOwnerOnly);
    quint16 deadPort = 0; // nothing listens there: a hub that is down
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        deadPort = probe.serverPort();
    }
    const QString dead = QStringLiteral("ws://127.0.0.1:%1").arg(deadPort);
    const QString live = QStringLiteral("ws://127.0.0.1:%1").arg(hub.port);
    // A pasted .../socket.io/ path, a space after a comma and a repeat are all fine.
    const Run joined = studiotimer(
        desk.path(), {QStringLiteral("sync"), QStringLiteral("join"),
                      dead + QStringLiteral(", ") + live + QStringLiteral("/socket.io/,") + dead,
                      QStringLiteral("--token-file"), tokenFile});
    QVERIFY2(joined.exitCode == 0, qPrintable(joined.err));
    QVERIFY2(joined.out.contains(dead + QStringLiteral(", ") + live), qPrintable(joined.out));
    const auto status = [&] {
        return object(studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("status"),
                                                QStringLiteral("--json")}));
    };
    QJsonObject before = status();
    QCOMPARE(before.value(QLatin1String("hub")).toString(), dead); // the first, the app closed
    QCOMPARE(before.value(QLatin1String("hubs")).toArray(), (QJsonArray{dead, live}));
    const Run text = studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("status")});
    QVERIFY2(text.out.contains(dead + QStringLiteral(", ") + live), qPrintable(text.out));

    // A list with one bad address changes nothing.
    const Run refused = studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("join"),
                                                  live + QStringLiteral(",wss://hub:0"),
                                                  QStringLiteral("--token-file"), tokenFile});
    QCOMPARE(refused.exitCode, 2);
    QCOMPARE(status(), before);

    // The first hub is down: `sync now` moves to the second at once and syncs through it.
    const QString day = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
    QCOMPARE(studiotimer(desk.path(), {QStringLiteral("add"), QStringLiteral("Recording"),
                                       QStringLiteral("--from"), day + QStringLiteral("T09:00"),
                                       QStringLiteral("--to"), day + QStringLiteral("T09:30")})
                 .exitCode,
             0);
    const Run synced = studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("now")});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    QVERIFY2(synced.out.contains(live), qPrintable(synced.out));
    QCOMPARE(hub.entryCount(), 1);
}

void TestSyncCli::conflictsJsonShape()
{
    QTemporaryDir desk;
    const Run empty = studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("conflicts"),
                                                QStringLiteral("--json")});
    QCOMPARE(empty.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(empty.out.toUtf8()).array().size(), 0);
    // A change the hub refused, as the sync client files it.
    {
        auto db = Database::open(QDir(desk.path()).filePath(QStringLiteral("studiotimer.sqlite")));
        QVERIFY(db);
        SystemClock clock;
        Outbox outbox(*db.value(), clock);
        protocol::TimerStop stop;
        auto opId = outbox.record(protocol::Request{stop});
        QVERIFY(opId);
        QVERIFY(outbox.refuse(*opId, Error::notFound(QStringLiteral("Nothing is running."))));
    }
    const Run listed =
        studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("conflicts"),
                                  QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray rows = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.first().toObject();
    QCOMPARE(row.value(QLatin1String("event")).toString(), QStringLiteral("timer:stop"));
    QCOMPARE(row.value(QLatin1String("code")).toString(), QStringLiteral("not_found"));
    QCOMPARE(row.value(QLatin1String("message")).toString(), QStringLiteral("Nothing is running."));
    for (const char *key : {"id", "at", "entryId", "seen", "request"})
        QVERIFY2(row.contains(QLatin1String(key)), key);
    const Run text =
        studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("conflicts")});
    QVERIFY2(text.out.contains(QStringLiteral("Nothing is running.")), qPrintable(text.out));
    const QJsonObject status = object(studiotimer(
        desk.path(), {QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")}));
    QCOMPARE(status.value(QLatin1String("conflicts")).toInt(), 1);
}

void TestSyncCli::pinnedHubProcess()
{
    QTemporaryDir hubDir, desk;
    QProcess org;
    org.start(QStringLiteral(STUDIOTIMER_HUB_BIN),
              {QStringLiteral("--data-dir"), hubDir.path(), QStringLiteral("org"),
               QStringLiteral("create"), QStringLiteral("Studio Nord")});
    QVERIFY(org.waitForFinished(30000));
    QCOMPARE(org.exitCode(), 0);
    const QJsonObject created = QJsonDocument::fromJson(org.readAllStandardOutput()).object();
    const QString fingerprint = created.value(QLatin1String("fingerprint")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"))
                 .match(fingerprint)
                 .hasMatch(),
             qPrintable(fingerprint));
    QVERIFY(QFile::exists(QDir(hubDir.path()).filePath(QStringLiteral("hub-key.pem"))));
    QCOMPARE(QFile::permissions(QDir(hubDir.path()).filePath(QStringLiteral("hub-key.pem"))) &
                 (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());

    QProcess hub;
    hub.start(QStringLiteral(STUDIOTIMER_HUB_BIN),
              {QStringLiteral("--data-dir"), hubDir.path(), QStringLiteral("--port"),
               QStringLiteral("0"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
               QStringLiteral("--tls-self-signed")});
    QString banner;
    QTRY_VERIFY_WITH_TIMEOUT((banner += QString::fromUtf8(hub.readAllStandardError()))
                                 .contains(QStringLiteral("fingerprint")),
                             20000);
    QVERIFY2(banner.contains(fingerprint), qPrintable(banner)); // the same certificate, reused
    const auto port =
        QRegularExpression(QStringLiteral("listening on port (\\d+)")).match(banner).captured(1);
    const QString url = QStringLiteral("wss://127.0.0.1:") + port;
    const QString tokenFile =
        writeTokenFile(desk, created.value(QLatin1String("token")).toString(), kOwnerOnly);

    // Another certificate's fingerprint: refused, saying what to check.
    const QString wrong = QStringLiteral("0f").repeated(32);
    QCOMPARE(studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("join"), url,
                                       QStringLiteral("--token-file"), tokenFile,
                                       QStringLiteral("--fingerprint"), wrong})
                 .exitCode,
             0);
    const Run refused = studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("now")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("fingerprint")) &&
                 refused.err.contains(fingerprint),
             qPrintable(refused.err));

    // The right one, typed in lower case without colons: synced over wss.
    const Run joined = studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("join"),
                                                 url, QStringLiteral("--token-file"), tokenFile,
                                                 QStringLiteral("--fingerprint"),
                                                 fingerprint.toLower().remove(QLatin1Char(':'))});
    QCOMPARE(joined.exitCode, 0);
    QVERIFY2(joined.err.isEmpty(), qPrintable(joined.err)); // no plain-text warning
    QCOMPARE(studiotimer(desk.path(), {QStringLiteral("add"), QStringLiteral("Recording"),
                                       QStringLiteral("--from"), QStringLiteral("09:00"),
                                       QStringLiteral("--to"), QStringLiteral("10:00")})
                 .exitCode,
             0);
    const Run synced = studiotimer(desk.path(), {QStringLiteral("sync"), QStringLiteral("now")});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    const QJsonObject status = object(studiotimer(
        desk.path(), {QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")}));
    QCOMPARE(status.value(QLatin1String("outbox")).toInt(), 0);
    QCOMPARE(status.value(QLatin1String("tls")).toBool(), true);
    QCOMPARE(status.value(QLatin1String("fingerprint")).toString(), fingerprint);

    hub.terminate();
    QVERIFY(hub.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(TestSyncCli)
#include "tst_sync_cli.moc"
