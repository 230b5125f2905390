// studiotimer-hub as a process: the org commands of DESIGN.md ("The hub's command line"), their
// errors, and a clean stop on SIGINT/SIGTERM with the data kept.

#include "HubTestClient.h"
#include "domain/Types.h"

#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

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
    if (!p.waitForFinished(30000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
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
    QCOMPARE(revoked.exitCode, 0);
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
    server.start(QStringLiteral(STUDIOTIMER_HUB_BIN),
                 {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--port"),
                  QStringLiteral("0"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1")});
    QString err;
    static const QRegularExpression portLine(QStringLiteral("listening on port (\\d+)"));
    QRegularExpressionMatch m;
    QTRY_VERIFY_WITH_TIMEOUT((err += QString::fromUtf8(server.readAllStandardError()),
                              m = portLine.match(err), m.hasMatch()),
                             10000);
    const quint16 port = quint16(m.captured(1).toUInt());

    test::HubTestClient client;
    QVERIFY(client.join(port, token, QStringLiteral("Desk")));
    const QJsonObject room{{QStringLiteral("id"), newId()},
                           {QStringLiteral("name"), QStringLiteral("A")}};
    const QJsonObject answer = client.request(
        QStringLiteral("rooms:upsert"),
        {{QStringLiteral("opId"), newId()},
         {QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), newId()},
                                              {QStringLiteral("name"), QStringLiteral("Kai")}}},
         {QStringLiteral("room"), room}});
    QVERIFY(answer.value(QLatin1String("ok")).toBool());

    ::kill(pid_t(server.processId()), signal);
    QVERIFY(server.waitForFinished(10000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    err += QString::fromUtf8(server.readAllStandardError());
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

QTEST_GUILESS_MAIN(TestHubCli)
#include "tst_hub_cli.moc"
