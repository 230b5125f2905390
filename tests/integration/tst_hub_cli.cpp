// studiotimer-hub as a process: the org commands of DESIGN.md ("The hub's command line"), their
// errors, and a clean stop on SIGINT/SIGTERM with the data kept.

#include "HubTestClient.h"
#include "TestTimeouts.h"
#include "domain/Types.h"
#include "store/Backup.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <vector>

using namespace st;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QJsonObject json(const QString &line)
{
    return QJsonDocument::fromJson(line.trimmed().toUtf8()).object();
}

Run runHub(const QString &dataDir, const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(STUDIOTIMER_HUB_BIN),
            QStringList{QStringLiteral("--data-dir"), dataDir} + args);
    if (!p.waitForFinished(st::test::scaledTimeout(30000)))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// Starts a hub serving dataDir on a free loopback port; the port, or 0 when it did not start.
quint16 startHub(QProcess &server, const QString &dataDir)
{
    server.start(QStringLiteral(STUDIOTIMER_HUB_BIN),
                 {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--port"),
                  QStringLiteral("0"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1")});
    static const QRegularExpression portLine(QStringLiteral("listening on port (\\d+)"));
    QString err;
    QRegularExpressionMatch m;
    if (!QTest::qWaitFor(
            [&] {
                err += QString::fromUtf8(server.readAllStandardError());
                m = portLine.match(err);
                return m.hasMatch();
            },
            10000))
        return 0;
    return quint16(m.captured(1).toUInt());
}

QJsonObject roomUpsert(const QString &name)
{
    return {{QStringLiteral("opId"), newId()},
            {QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), newId()},
                                                 {QStringLiteral("name"), QStringLiteral("Kai")}}},
            {QStringLiteral("room"),
             QJsonObject{{QStringLiteral("id"), newId()}, {QStringLiteral("name"), name}}}};
}

// A line of /proc/PID/status in kB (VmRSS: resident now, VmHWM: the peak), -1 when unreadable.
qint64 procStatusKb(qint64 pid, const char *field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

class TestHubCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void orgCommands();
    void errorsGoToStderr_data();
    void errorsGoToStderr();
    void stopsCleanlyOnSignals_data();
    void stopsCleanlyOnSignals();
    void revokeFromAnotherProcessClosesListeners();
    void strangersCannotMakeTheHubHoldMemory();
    void backupIsACheckedCopy();

private:
    Run hub(const QStringList &args) { return runHub(m_dir.path(), args); }

    QTemporaryDir m_dir;
};

void TestHubCli::orgCommands()
{
    const Run created =
        hub({QStringLiteral("org"), QStringLiteral("create"), QStringLiteral("Studio A")});
    QCOMPARE(created.exitCode, 0);
    QCOMPARE(created.out.count(QLatin1Char('\n')), 1);
    const QJsonObject org = json(created.out);
    QCOMPARE(org.value(QLatin1String("name")).toString(), QStringLiteral("Studio A"));
    const QString orgId = org.value(QLatin1String("orgId")).toString();
    const QString token = org.value(QLatin1String("token")).toString();
    QVERIFY(isValidId(orgId));
    QVERIFY(token.size() >= 43); // 32 random bytes, base64url

    const Run invited = hub({QStringLiteral("org"), QStringLiteral("invite"), orgId});
    QCOMPARE(invited.exitCode, 0);
    const QJsonObject invite = json(invited.out);
    QCOMPARE(invite.value(QLatin1String("orgId")).toString(), orgId);
    const QString second = invite.value(QLatin1String("token")).toString();
    QVERIFY(!second.isEmpty() && second != token);

    QCOMPARE(
        hub({QStringLiteral("org"), QStringLiteral("create"), QStringLiteral("Studio B")}).exitCode,
        0);
    const Run listed = hub({QStringLiteral("org"), QStringLiteral("list")});
    QCOMPARE(listed.exitCode, 0);
    const QStringList lines = listed.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    bool foundA = false;
    for (const QString &line : lines) {
        const QJsonObject o = json(line);
        if (o.value(QLatin1String("orgId")).toString() == orgId) {
            foundA = true;
            QCOMPARE(o.value(QLatin1String("tokens")).toInt(), 2);
        }
    }
    QVERIFY(foundA);

    const Run revoked = hub({QStringLiteral("org"), QStringLiteral("revoke"), second});
    QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.err));
    QCOMPARE(json(revoked.out).value(QLatin1String("orgId")).toString(), orgId);
    const Run again = hub({QStringLiteral("org"), QStringLiteral("revoke"), second});
    QVERIFY(again.exitCode != 0);
    QVERIFY(again.out.isEmpty());
    QVERIFY(!again.err.isEmpty());

    // The stored file holds no token, only hashes.
    QFile file(m_dir.filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains(token.toUtf8()));
    QVERIFY(!bytes.contains(second.toUtf8()));
}

void TestHubCli::errorsGoToStderr_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("org without verb") << QStringList{QStringLiteral("org")};
    QTest::newRow("create without name")
        << QStringList{QStringLiteral("org"), QStringLiteral("create")};
    QTest::newRow("create empty name")
        << QStringList{QStringLiteral("org"), QStringLiteral("create"), QStringLiteral("  ")};
    QTest::newRow("invite unknown org")
        << QStringList{QStringLiteral("org"), QStringLiteral("invite"), QStringLiteral("nope")};
    QTest::newRow("revoke unknown token")
        << QStringList{QStringLiteral("org"), QStringLiteral("revoke"), QStringLiteral("nope")};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("bad port") << QStringList{QStringLiteral("--port"), QStringLiteral("99999")};
    // The socket.io-protocol set-up is a test program now (sio_conformance_server), not a mode.
    QTest::newRow("no conformance mode") << QStringList{QStringLiteral("--socketio-conformance")};
    QTest::newRow("bad bind") << QStringList{QStringLiteral("--bind"), QStringLiteral("nowhere")};
    QTest::newRow("cert without key")
        << QStringList{QStringLiteral("--tls-cert"), QStringLiteral("/nonexistent.pem")};
    QTest::newRow("missing cert") << QStringList{
        QStringLiteral("--tls-cert"), QStringLiteral("/nonexistent.pem"),
        QStringLiteral("--tls-key"), QStringLiteral("/nonexistent.key")};
}

void TestHubCli::errorsGoToStderr()
{
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    const Run r = runHub(dir.path(), args);
    QVERIFY(r.exitCode != 0);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.startsWith(QLatin1String("studiotimer-hub: ")), qPrintable(r.err));
    // Nothing was made.
    QCOMPARE(runHub(dir.path(), {QStringLiteral("org"), QStringLiteral("list")}).out, QString());
}

void TestHubCli::stopsCleanlyOnSignals_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestHubCli::stopsCleanlyOnSignals()
{
    QFETCH(int, signal);
    QTemporaryDir dir;
    QProcess create;
    create.start(QStringLiteral(STUDIOTIMER_HUB_BIN),
                 {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("org"),
                  QStringLiteral("create"), QStringLiteral("Studio")});
    QVERIFY(create.waitForFinished(30000));
    const QString token = json(QString::fromUtf8(create.readAllStandardOutput()))
                              .value(QLatin1String("token"))
                              .toString();

    QProcess server;
    const quint16 port = startHub(server, dir.path());
    QVERIFY(port != 0);

    test::HubTestClient client;
    QVERIFY(client.join(port, token, QStringLiteral("Desk")));
    const QJsonObject answer =
        client.request(QStringLiteral("rooms:upsert"), roomUpsert(QStringLiteral("A")));
    QVERIFY(answer.value(QLatin1String("ok")).toBool());

    ::kill(pid_t(server.processId()), signal);
    QVERIFY(server.waitForFinished(10000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    const QString err = QString::fromUtf8(server.readAllStandardError());
    QVERIFY2(err.contains(QLatin1String("stopped")), qPrintable(err));
    QVERIFY(client.waitClosed());

    // What was acknowledged is there: the room change is the head of the log.
    QProcess list;
    list.start(
        QStringLiteral(STUDIOTIMER_HUB_BIN),
        {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("org"), QStringLiteral("list")});
    QVERIFY(list.waitForFinished(30000));
    QCOMPARE(
        json(QString::fromUtf8(list.readAllStandardOutput())).value(QLatin1String("head")).toInt(),
        answer.value(QLatin1String("seq")).toInt());
}

// "org revoke" in another process while the hub runs: every socket of that token, even one that
// only listens, is closed within a second and hears nothing more; the token no longer gets in.
void TestHubCli::revokeFromAnotherProcessClosesListeners()
{
    const Run created =
        hub({QStringLiteral("org"), QStringLiteral("create"), QStringLiteral("Revoke")});
    const QString orgId = json(created.out).value(QLatin1String("orgId")).toString();
    const QString keep = json(created.out).value(QLatin1String("token")).toString();
    const QString leaked = json(hub({QStringLiteral("org"), QStringLiteral("invite"), orgId}).out)
                               .value(QLatin1String("token"))
                               .toString();
    QVERIFY(!keep.isEmpty() && !leaked.isEmpty());

    QProcess server;
    const quint16 port = startHub(server, m_dir.path());
    QVERIFY(port != 0);
    test::HubTestClient listener, listener2, worker;
    QVERIFY(listener.join(port, leaked, QStringLiteral("Listener")));
    QVERIFY(listener2.join(port, leaked, QStringLiteral("Listener 2")));
    QVERIFY(worker.join(port, keep, QStringLiteral("Worker")));
    QVERIFY(worker.request(QStringLiteral("rooms:upsert"), roomUpsert(QStringLiteral("Before")))
                .value(QLatin1String("ok"))
                .toBool());
    QVERIFY(listener.waitForEvent(QStringLiteral("room:changed")));

    const Run revoked = hub({QStringLiteral("org"), QStringLiteral("revoke"), leaked});
    QCOMPARE(revoked.exitCode, 0);
    QElapsedTimer sinceRevoke;
    sinceRevoke.start();
    QTRY_VERIFY_WITH_TIMEOUT(listener.closed && listener2.closed, 5000);
    const qint64 took = sinceRevoke.elapsed();
    QVERIFY2(took <= 1000, qPrintable(QStringLiteral("closed %1 ms after the revoke").arg(took)));
    QVERIFY(listener.frames.contains(QStringLiteral("41"))); // told DISCONNECT, not just cut
    const int heard = listener.eventsNamed(QStringLiteral("room:changed")).size();

    // The other token works on, and what it changes no longer reaches the revoked one.
    QVERIFY(!worker.closed);
    QVERIFY(worker.request(QStringLiteral("rooms:upsert"), roomUpsert(QStringLiteral("After")))
                .value(QLatin1String("ok"))
                .toBool());
    QVERIFY(worker.waitForEvent(QStringLiteral("room:changed"), 2));
    QCOMPARE(listener.eventsNamed(QStringLiteral("room:changed")).size(), heard);

    test::HubTestClient again;
    QVERIFY(!again.join(port, leaked, QStringLiteral("Again")));
    QCOMPARE(again.connectError->value(QLatin1String("message")).toString(),
             QStringLiteral("unauthorized"));

    server.terminate();
    QVERIFY(server.waitForFinished(10000));
}

// Issue 15: 60 connections that never authenticate announce 8 attachments of 1 MB each. The
// hub closes each at the header (or its first binary frame) and holds none of it: its memory,
// peak included, stays within a small bound of the idle hub's in the same run.
void TestHubCli::strangersCannotMakeTheHubHoldMemory()
{
    QTemporaryDir dir;
    const Run created = runHub(
        dir.path(), {QStringLiteral("org"), QStringLiteral("create"), QStringLiteral("Memory")});
    const QString token = json(created.out).value(QLatin1String("token")).toString();
    QProcess server;
    const quint16 port = startHub(server, dir.path());
    QVERIFY(port != 0);
    test::HubTestClient desk; // an idle hub has served a desk once
    QVERIFY(desk.join(port, token, QStringLiteral("Desk")));
    QVERIFY(desk.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), 0}})
                .value(QLatin1String("ok"))
                .toBool());
    QTest::qWait(200);
    const qint64 pid = server.processId();
    const qint64 idleKb = procStatusKb(pid, "VmRSS");
    QVERIFY(idleKb > 0);

    constexpr int kStrangers = 60;
    constexpr int kAttachments = 8;
    const QByteArray megabyte(1 << 20, 'x');
    QString header = QStringLiteral("45%1-[\"timer:start\"").arg(kAttachments);
    for (int i = 0; i < kAttachments; ++i)
        header += QStringLiteral(",{\"_placeholder\":true,\"num\":%1}").arg(i);
    header += QLatin1Char(']');
    std::vector<std::unique_ptr<test::HubTestClient>> strangers;
    for (int i = 0; i < kStrangers; ++i) {
        auto c = std::make_unique<test::HubTestClient>();
        QVERIFY(c->open(port));
        strangers.push_back(std::move(c));
    }
    for (const auto &c : strangers) {
        c->send(header);
        for (int i = 0; i < kAttachments; ++i)
            c->sendBinary(megabyte);
    }
    for (const auto &c : strangers)
        QVERIFY(c->waitClosed());
    QTest::qWait(500);
    const qint64 afterKb = procStatusKb(pid, "VmRSS");
    const qint64 peakKb = procStatusKb(pid, "VmHWM");
    qInfo("hub VmRSS idle %lld kB, after %lld kB, peak %lld kB", idleKb, afterKb, peakKb);
    // 60 x 8 MB were sent; a hub that buffered them would grow by hundreds of MB.
    QVERIFY2(peakKb - idleKb < 32 * 1024, qPrintable(QString::number(peakKb - idleKb)));
    QVERIFY2(afterKb - idleKb < 16 * 1024, qPrintable(QString::number(afterKb - idleKb)));
    // The desk that did authenticate is still served.
    QVERIFY(!desk.closed);
    QVERIFY(desk.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), 0}})
                .value(QLatin1String("ok"))
                .toBool());
    server.terminate();
    QVERIFY(server.waitForFinished(10000));
}

// "backup FILE": a copy that, put in place of hub.sqlite, serves the same organisations; an
// existing file is never overwritten; a damaged or foreign file fails the check unchanged.
void TestHubCli::backupIsACheckedCopy()
{
    QTemporaryDir dir;
    const QString orgId = json(runHub(dir.path(), {QStringLiteral("org"), QStringLiteral("create"),
                                                   QStringLiteral("Backed up")})
                                   .out)
                              .value(QLatin1String("orgId"))
                              .toString();
    QCOMPARE(runHub(dir.path(), {QStringLiteral("org"), QStringLiteral("invite"), orgId}).exitCode,
             0);
    const QString file = dir.filePath(QStringLiteral("copies/hub-copy.sqlite"));
    const Run backedUp = runHub(dir.path(), {QStringLiteral("backup"), file});
    QVERIFY2(backedUp.exitCode == 0, qPrintable(backedUp.err));
    QCOMPARE(json(backedUp.out).value(QLatin1String("backup")).toString(), file);
    QCOMPARE(QFileInfo(file).permissions() & (QFile::ReadOther | QFile::ReadGroup),
             QFile::Permissions());
    QVERIFY(backup::verify(file).ok());

    QTemporaryDir restored;
    QVERIFY(QFile::copy(file, restored.filePath(QStringLiteral("hub.sqlite"))));
    const Run list = runHub(dir.path(), {QStringLiteral("org"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(runHub(restored.path(), {QStringLiteral("org"), QStringLiteral("list")}).out,
             list.out);

    const QByteArray before = QCryptographicHash::hash(
        [&] {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }(),
        QCryptographicHash::Sha256);
    const Run again = runHub(dir.path(), {QStringLiteral("backup"), file});
    QVERIFY(again.exitCode != 0);
    QVERIFY(again.err.contains(file));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256), before);
    f.close();

    // A damaged copy (a page overwritten) and a file that is not ours fail the check untouched.
    const QString damaged = dir.filePath(QStringLiteral("damaged.sqlite"));
    QVERIFY(QFile::copy(file, damaged));
    QFile d(damaged);
    QVERIFY(d.open(QIODevice::ReadWrite));
    QVERIFY(d.seek(4096)); // page 2: VACUUM INTO leaves no free page, so a table's
    d.write(QByteArray(4096, '\xff'));
    d.close();
    QVERIFY(QFile::setPermissions(damaged, QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(!backup::verify(damaged).ok());
    QVERIFY(!backup::verify(dir.filePath(QStringLiteral("copies"))).ok());
    const QString foreign = dir.filePath(QStringLiteral("foreign.sqlite"));
    {
        QSqlDatabase other =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        other.setDatabaseName(foreign);
        QVERIFY(other.open());
        QVERIFY(QSqlQuery(other).exec(QStringLiteral("CREATE TABLE cars (plate TEXT)")));
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    const QDateTime foreignWritten = QFileInfo(foreign).lastModified();
    const Result<int> foreignChecked = backup::verify(foreign);
    QVERIFY(!foreignChecked.ok());
    QVERIFY(foreignChecked.error().message.contains(QLatin1String("not a Studio Timer")));
    QCOMPARE(QFileInfo(foreign).lastModified(), foreignWritten);
    QVERIFY(!backup::verify(dir.filePath(QStringLiteral("nothing.sqlite"))).ok());
}

QTEST_GUILESS_MAIN(TestHubCli)
#include "tst_hub_cli.moc"
