// The hub in process with raw Socket.IO clients over loopback (issue 4, integration tests): the
// connections (handshake, tokens, malformed frames, timeouts, rate limit, TLS, database failure).

#include "HubEnv.h"
#include "HubRequests.h"
#include "HubTestClient.h"
#include "sync/Hub.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace st;
using namespace st::test;

class TestHubConnection final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openPacketAndConnectAnswer();
    void wrongPathRefused();
    void wrongAndRevokedTokensRefused();
    void protocolVersionInTheHandshake();
    void oversizedAndMalformedCloseOnlyThatConnection_data();
    void oversizedAndMalformedCloseOnlyThatConnection();
    void binaryEventCloses();
    void pingTimeoutAndConnectTimeoutClose();
    void rateLimited();
    void tlsServesWss();
    void databaseFailureIsUnavailableNotUnauthorized();
};

void TestHubConnection::openPacketAndConnectAnswer()
{
    HubEnv env;
    const OrgFixture org = env.org(QStringLiteral("Studio A"));
    HubTestClient c;
    QVERIFY(c.open(env.port()));
    const auto open = sio::decodeOpen(QStringView(c.frames.first()).mid(1));
    QVERIFY(open.ok());
    QCOMPARE(open->pingInterval, 25000);
    QCOMPARE(open->pingTimeout, 20000);
    QCOMPARE(open->maxPayload, 1000000);
    QVERIFY(open->upgrades.isEmpty());
    QVERIFY(c.frames.first().startsWith(QLatin1String("0{\"sid\":")));

    QVERIFY(c.handshake({{QStringLiteral("token"), org.token},
                         {QStringLiteral("deviceId"), QStringLiteral("d1")},
                         {QStringLiteral("deviceName"), QStringLiteral("Desk 1")},
                         {QStringLiteral("since"), 0}}));
    const QJsonObject answer = *c.connectAnswer;
    QVERIFY(!answer.value(QLatin1String("sid")).toString().isEmpty());
    QCOMPARE(answer.value(QLatin1String("orgId")).toString(), org.id);
    QCOMPARE(answer.value(QLatin1String("orgName")).toString(), QStringLiteral("Studio A"));
    QCOMPARE(qint64(answer.value(QLatin1String("serverTime")).toDouble()), env.clock.nowMs());
    QCOMPARE(answer.value(QLatin1String("head")).toInt(), org.base);
    QCOMPARE(env.hub->connectedCount(), 1);
}

void TestHubConnection::wrongPathRefused()
{
    HubEnv env;
    for (const QString &query :
         {QStringLiteral("EIO=3&transport=websocket"), QStringLiteral("EIO=4&transport=polling"),
          QStringLiteral("transport=websocket")}) {
        QWebSocket socket;
        bool closed = false;
        QStringList frames;
        connect(&socket, &QWebSocket::disconnected, this, [&] { closed = true; });
        connect(&socket, &QWebSocket::textMessageReceived, this,
                [&](const QString &t) { frames.append(t); });
        socket.open(HubTestClient::url(env.port(), query));
        QTRY_VERIFY_WITH_TIMEOUT(closed, 5000);
        QVERIFY2(frames.isEmpty(), qPrintable(query));
    }
    // Beyond maxConnections a socket is refused; the ones inside keep working.
    HubOptions few;
    few.maxConnections = 2;
    HubEnv small(few);
    const OrgFixture org = small.org(QStringLiteral("Small"));
    HubTestClient first, second, third;
    QVERIFY(first.join(small.port(), org.token, QStringLiteral("1")));
    QVERIFY(second.join(small.port(), org.token, QStringLiteral("2")));
    QVERIFY(!third.open(small.port()));
    QVERIFY(third.waitClosed());
    QVERIFY(isOk(first.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), 0}})));

    QWebSocket wrongPath;
    bool closed = false;
    connect(&wrongPath, &QWebSocket::disconnected, this, [&] { closed = true; });
    wrongPath.open(
        QUrl(QStringLiteral("ws://127.0.0.1:%1/other/?EIO=4&transport=websocket").arg(env.port())));
    QTRY_VERIFY_WITH_TIMEOUT(closed, 5000);
}

void TestHubConnection::wrongAndRevokedTokensRefused()
{
    HubEnv env;
    const OrgFixture org = env.org(QStringLiteral("Studio A"));

    HubTestClient wrong;
    QVERIFY(!wrong.join(env.port(), QStringLiteral("not-a-token"), QStringLiteral("w")));
    QVERIFY(wrong.connectError.has_value());
    QCOMPARE(wrong.connectError->value(QLatin1String("message")).toString(),
             QStringLiteral("unauthorized"));
    QVERIFY(wrong.waitClosed());
    QVERIFY(wrong.frames.contains(QStringLiteral("44{\"message\":\"unauthorized\"}")));

    HubTestClient missing;
    QVERIFY(missing.open(env.port()));
    QVERIFY(!missing.handshake({}));
    QVERIFY(missing.waitClosed());

    auto second = env.hub->store().issueToken(org.id);
    QVERIFY(second.ok());
    HubTestClient live;
    QVERIFY(live.join(env.port(), *second, QStringLiteral("live")));
    HubTestClient other;
    QVERIFY(other.join(env.port(), org.token, QStringLiteral("other")));

    QVERIFY(env.hub->revokeToken(*second).ok());
    QVERIFY(live.waitClosed()); // its socket goes at once
    HubTestClient revoked;
    QVERIFY(!revoked.join(env.port(), *second, QStringLiteral("revoked")));
    QCOMPARE(revoked.connectError->value(QLatin1String("message")).toString(),
             QStringLiteral("unauthorized"));
    QVERIFY(!other.closed); // the other token still works
    QVERIFY(!env.hub->revokeToken(*second).ok());

    // Revoked from another process ("studiotimer-hub org revoke"): the next request ends it.
    auto third = env.hub->store().issueToken(org.id);
    QVERIFY(third.ok());
    HubTestClient elsewhere;
    QVERIFY(elsewhere.join(env.port(), *third, QStringLiteral("elsewhere")));
    QVERIFY(isOk(elsewhere.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), 0}})));
    QVERIFY(env.hub->store().revokeToken(*third).ok());
    QVERIFY(
        elsewhere.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), 0}}).isEmpty());
    QVERIFY(elsewhere.waitClosed());
    QVERIFY(elsewhere.frames.contains(QStringLiteral("41")));
    // Only the hash is stored.
    QSqlQuery q = env.db->prepare(QStringLiteral("SELECT token_hash FROM hub_tokens"));
    QVERIFY(env.db->exec(q).ok());
    while (q.next()) {
        QVERIFY(q.value(0).toString() != org.token);
        QCOMPARE(q.value(0).toString().size(), 64);
    }
}

void TestHubConnection::protocolVersionInTheHandshake()
{
    HubEnv env;
    const OrgFixture org = env.org(QStringLiteral("Studio A"));
    const auto auth = [&](const QString &device, const QJsonValue &protocol) {
        QJsonObject a{{QStringLiteral("token"), org.token}, {QStringLiteral("deviceId"), device}};
        if (!protocol.isUndefined())
            a.insert(QStringLiteral("protocol"), protocol);
        return a;
    };

    // No version (a plain socket.io-client script, a round-1 desk): the current one, and entries
    // sync as before.
    HubTestClient plain;
    QVERIFY(plain.open(env.port()));
    QVERIFY(plain.handshake(auth(QStringLiteral("plain"), QJsonValue::Undefined)));
    QCOMPARE(plain.connectAnswer->value(QLatin1String("protocol")).toInt(), 2);
    const QJsonObject kim = user(newId(), QStringLiteral("Kim"));
    QVERIFY(isOk(
        plain.request(QStringLiteral("timer:start"), startPayload(newId(), org.recordingId, kim))));
    QVERIFY(plain.waitForEvent(QStringLiteral("timer:started")));

    // The versions this hub knows: round 1's and the current one.
    for (int version : {1, 2}) {
        HubTestClient known;
        QVERIFY(known.open(env.port()));
        QVERIFY2(known.handshake(auth(QStringLiteral("v%1").arg(version), version)),
                 qPrintable(QString::number(version)));
    }

    // A version the hub does not know: refused with a message that says what to do.
    HubTestClient future;
    QVERIFY(future.open(env.port()));
    QVERIFY(!future.handshake(auth(QStringLiteral("future"), 5)));
    QVERIFY(future.connectError.has_value());
    QCOMPARE(future.connectError->value(QLatin1String("message")).toString(),
             QStringLiteral("This hub speaks sync protocol 2 and this desk speaks 5: update "
                            "Studio Timer."));
    const QJsonObject data = future.connectError->value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("code")).toString(), QStringLiteral("unsupported_protocol"));
    QCOMPARE(data.value(QLatin1String("protocol")).toInt(), 2);
    QVERIFY(future.waitClosed());

    // A version that is not a number is a malformed handshake.
    HubTestClient garbled;
    QVERIFY(garbled.open(env.port()));
    QVERIFY(!garbled.handshake(auth(QStringLiteral("garbled"), QStringLiteral("two"))));
    QCOMPARE(garbled.connectError->value(QLatin1String("message")).toString(),
             QStringLiteral("invalid handshake"));
    QVERIFY(garbled.waitClosed());
    QVERIFY(!plain.closed);
}

void TestHubConnection::oversizedAndMalformedCloseOnlyThatConnection_data()
{
    QTest::addColumn<QString>("frame");
    QTest::newRow("over maxPayload")
        << QStringLiteral("42[\"x\",\"") + QString(2000, QLatin1Char('a')) + QStringLiteral("\"]");
    QTest::newRow("engine.io type") << QStringLiteral("9");
    QTest::newRow("empty frame") << QString();
    QTest::newRow("socket.io type") << QStringLiteral("4abc");
    QTest::newRow("event object") << QStringLiteral("42{}");
    QTest::newRow("invalid ack id") << QStringLiteral("42abc[\"timer:start\",{}]");
    QTest::newRow("invalid json") << QStringLiteral("42[\"timer:start\",{]");
    QTest::newRow("too many attachments") << QStringLiteral("4511-[\"x\"]");
    QTest::newRow("client CONNECT_ERROR") << QStringLiteral("44{\"message\":\"x\"}");
    QTest::newRow("client open") << QStringLiteral("0{}");
    QTest::newRow("binary frame") << QStringLiteral("<binary>");
}

void TestHubConnection::oversizedAndMalformedCloseOnlyThatConnection()
{
    QFETCH(QString, frame);
    HubOptions options;
    options.maxPayload = 1000;
    HubEnv env(options);
    const OrgFixture org = env.org(QStringLiteral("Studio A"));
    HubTestClient bad, good1, good2;
    QVERIFY(bad.join(env.port(), org.token, QStringLiteral("Bad")));
    QVERIFY(good1.join(env.port(), org.token, QStringLiteral("Good 1")));
    QVERIFY(good2.join(env.port(), org.token, QStringLiteral("Good 2")));
    if (frame == QLatin1String("<binary>"))
        bad.sendBinary(QByteArray("\x01\x02\x03", 3));
    else
        bad.send(frame);
    QVERIFY(bad.waitClosed());
    QVERIFY(!good1.closed && !good2.closed);
    QVERIFY(isOk(good1.request(
        QStringLiteral("timer:start"),
        startPayload(newId(), org.recordingId, user(newId(), QStringLiteral("Ok"))))));
    QVERIFY(good2.waitForEvent(QStringLiteral("timer:started")));
    QCOMPARE(env.hub->connectedCount(), 2);
}

void TestHubConnection::binaryEventCloses()
{
    HubEnv env;
    const OrgFixture org = env.org(QStringLiteral("Studio A"));
    HubTestClient c;
    QVERIFY(c.join(env.port(), org.token, QStringLiteral("Desk")));
    // No request takes binary data: the header closes the connection (issue 15; it used to be
    // answered "invalid" after the attachment was buffered). tst_hub_security has the rest.
    c.send(QStringLiteral("451-7[\"timer:start\",{\"_placeholder\":true,\"num\":0}]"));
    c.sendBinary(QByteArray("abc"));
    QVERIFY(c.waitClosed());
    QVERIFY(!c.acks.contains(7));
}

void TestHubConnection::pingTimeoutAndConnectTimeoutClose()
{
    HubOptions options;
    // Short intervals, but a pong window wide enough for a loaded CI machine.
    options.pingInterval = 150;
    options.pingTimeout = 1000;
    options.connectTimeout = 500;
    HubEnv env(options);
    const OrgFixture org = env.org(QStringLiteral("Studio A"));

    HubTestClient ponging;
    QVERIFY(ponging.join(env.port(), org.token, QStringLiteral("Awake")));
    HubTestClient silent;
    silent.autoPong = false;
    QVERIFY(silent.join(env.port(), org.token, QStringLiteral("Asleep")));
    QVERIFY(silent.waitClosed());
    QVERIFY(silent.frames.contains(QStringLiteral("2")));

    HubTestClient noConnect;
    QVERIFY(noConnect.open(env.port()));
    QVERIFY(noConnect.waitClosed());

    // Several ping rounds later the ponging client is still there.
    QTRY_VERIFY_WITH_TIMEOUT(ponging.frames.count(QStringLiteral("2")) >= 3, 5000);
    QVERIFY(!ponging.closed);
}

void TestHubConnection::rateLimited()
{
    HubOptions options;
    options.rateBurst = 3;
    options.ratePerSecond = 1;
    HubEnv env(options);
    const OrgFixture org = env.org(QStringLiteral("Studio A"));
    HubTestClient c;
    QVERIFY(c.join(env.port(), org.token, QStringLiteral("Desk")));
    // Ten requests at once: the burst of three passes, then the bucket is empty (it refills one
    // per second, far slower than these arrive).
    for (qint64 id = 100; id < 110; ++id)
        c.send(sio::encodeMessage(sio::Packet::event(
            QStringLiteral("sync:pull"), {QJsonObject{{QStringLiteral("since"), 0}}}, id)));
    QTRY_VERIFY_WITH_TIMEOUT(c.acks.size() == 10, 5000);
    QStringList codes;
    for (qint64 id = 100; id < 110; ++id)
        codes.append(isOk(c.acks.value(id)) ? QStringLiteral("ok") : errorCode(c.acks.value(id)));
    QCOMPARE(codes.first(), QStringLiteral("ok"));
    QVERIFY2(codes.count(QStringLiteral("rate_limited")) >= 5, qPrintable(codes.join(u',')));
    QVERIFY(!c.closed);
}

void TestHubConnection::tlsServesWss()
{
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   key, QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=localhost")});
    QVERIFY2(openssl.waitForFinished(60000), "openssl is needed (tools/install-deps.sh)");
    QCOMPARE(openssl.exitCode(), 0);

    QVERIFY(!Hub::loadTls(cert, dir.filePath(QStringLiteral("missing.pem"))).ok());
    QVERIFY(!Hub::loadTls(key, key).ok()); // a key is not a certificate
    auto tls = Hub::loadTls(cert, key);
    QVERIFY2(tls.ok(), qPrintable(tls.ok() ? QString() : tls.error().message));
    HubOptions options;
    options.tls = tls.value();
    HubEnv env(options);
    const OrgFixture org = env.org(QStringLiteral("Studio TLS"));

    HubTestClient secure;
    secure.scheme = QStringLiteral("wss");
    QVERIFY(secure.join(env.port(), org.token, QStringLiteral("Secure desk")));
    QVERIFY(isOk(secure.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), 0}})));

    HubTestClient plain; // ws:// to a wss:// hub gets no session
    QVERIFY(!plain.open(env.port()));
}

void TestHubConnection::databaseFailureIsUnavailableNotUnauthorized()
{
    HubEnv env;
    const OrgFixture org = env.org(QStringLiteral("Studio A"));
    HubTestClient inside;
    QVERIFY(inside.join(env.port(), org.token, QStringLiteral("Inside")));
    const auto moveTokens = [&](const char *from, const char *to) {
        // Not prepared: PostgreSQL prepares no ALTER TABLE.
        QSqlQuery q(env.db->connection());
        return q.exec(QStringLiteral("ALTER TABLE %1 RENAME TO %2")
                          .arg(QLatin1String(from), QLatin1String(to)));
    };
    // The token table out of reach, as a failing disk would make it: the lookup fails, which is
    // not the same as a token nobody knows.
    QVERIFY(moveTokens("hub_tokens", "hub_tokens_away"));
    QVERIFY(!env.hub->store().organizationForToken(org.token).ok());
    QVERIFY(!env.hub->store().isRevokedHash(HubStore::hashToken(org.token)).ok());

    HubTestClient refused;
    QVERIFY(!refused.join(env.port(), org.token, QStringLiteral("Refused")));
    QVERIFY(refused.connectError.has_value());
    QCOMPARE(refused.connectError->value(QLatin1String("message")).toString(),
             QStringLiteral("unavailable")); // the desk tries again; "unauthorized" stops it
    QVERIFY(refused.waitClosed());
    // A request of a desk inside is refused for now ("internal": retried), not cut off as revoked.
    const QJsonObject answer =
        inside.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), 0}});
    QCOMPARE(errorCode(answer), QStringLiteral("internal"));
    QVERIFY(!inside.closed);
    QCOMPARE(env.hub->connectedCount(), 1);

    // The database is back: the same token gets in, and an unknown one is still unauthorized.
    QVERIFY(moveTokens("hub_tokens_away", "hub_tokens"));
    HubTestClient again;
    QVERIFY(again.join(env.port(), org.token, QStringLiteral("Again")));
    QVERIFY(isOk(inside.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), 0}})));
    HubTestClient stranger;
    QVERIFY(!stranger.join(env.port(), QStringLiteral("not-a-token"), QStringLiteral("S")));
    QCOMPARE(stranger.connectError->value(QLatin1String("message")).toString(),
             QStringLiteral("unauthorized"));
    QCOMPARE(env.hub->connectedCount(), 2);
}

QTEST_GUILESS_MAIN(TestHubConnection)
#include "tst_hub_connection.moc"
