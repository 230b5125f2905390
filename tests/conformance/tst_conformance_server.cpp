// sio_conformance_server as a process, driven by a raw client: a few of the socket.io-protocol
// suite's cases, so the test program cannot rot between runs of the official suite.

#include "HubTestClient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace st;
using namespace st::test;

class TestConformanceServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void openPacketHasTheSuiteTimings();
    void connectAnswersAndSendsAuth();
    void unknownNamespaceRefused();
    void eventsEchoedWithAndWithoutAck();
    void binaryEchoedWithItsAttachment();
    void silentClientsClosed();

private:
    QProcess m_server;
    quint16 m_port = 0;
};

void TestConformanceServer::initTestCase()
{
    m_server.start(QStringLiteral(SIO_CONFORMANCE_SERVER_BIN),
                   {QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(m_server.waitForStarted(5000));
    static const QRegularExpression portLine(QStringLiteral("listening on port (\\d+)"));
    QString err;
    QTRY_VERIFY_WITH_TIMEOUT(
        (err += QString::fromUtf8(m_server.readAllStandardError()), portLine.match(err).hasMatch()),
        10000);
    m_port = quint16(portLine.match(err).captured(1).toUInt());
    QVERIFY(m_port != 0);
}

void TestConformanceServer::cleanupTestCase()
{
    m_server.terminate();
    QVERIFY(m_server.waitForFinished(5000));
}

void TestConformanceServer::openPacketHasTheSuiteTimings()
{
    HubTestClient c;
    QVERIFY(c.open(m_port));
    const auto open = sio::decodeOpen(QStringView(c.frames.first()).mid(1));
    QVERIFY(open.ok());
    QCOMPARE(open->pingInterval, 300);
    QCOMPARE(open->pingTimeout, 200);
    QCOMPARE(open->maxPayload, 1000000);
    QVERIFY(open->upgrades.isEmpty());
}

void TestConformanceServer::connectAnswersAndSendsAuth()
{
    HubTestClient c;
    QVERIFY(c.open(m_port));
    QVERIFY(c.handshake({})); // no auth needed
    QVERIFY(!c.connectAnswer->value(QLatin1String("sid")).toString().isEmpty());
    QVERIFY(c.waitForEvent(QStringLiteral("auth")));
    QCOMPARE(c.eventsNamed(QStringLiteral("auth")).first(), QJsonObject());

    const QJsonObject auth{{QStringLiteral("token"), QStringLiteral("123")}};
    c.send(sio::encodeMessage(sio::Packet::connect(auth, QStringLiteral("/custom"))));
    QTRY_VERIFY_WITH_TIMEOUT(c.frames.contains(QStringLiteral("42/custom,[\"auth\",{\"token\":"
                                                              "\"123\"}]")),
                             5000);
    QVERIFY(std::any_of(c.frames.cbegin(), c.frames.cend(), [](const QString &f) {
        return f.startsWith(QLatin1String("40/custom,{\"sid\":\""));
    }));
}

void TestConformanceServer::unknownNamespaceRefused()
{
    HubTestClient c;
    QVERIFY(c.open(m_port));
    c.send(QStringLiteral("40/random,"));
    QTRY_VERIFY_WITH_TIMEOUT(
        c.frames.contains(QStringLiteral("44/random,{\"message\":\"Invalid namespace\"}")), 5000);
    QVERIFY(!c.closed); // only that namespace is refused
}

void TestConformanceServer::eventsEchoedWithAndWithoutAck()
{
    HubTestClient c;
    QVERIFY(c.open(m_port));
    QVERIFY(c.handshake({}));
    c.send(QStringLiteral("42[\"message\",1,\"2\",{\"3\":[true]}]"));
    QTRY_VERIFY_WITH_TIMEOUT(
        c.frames.contains(QStringLiteral("42[\"message-back\",1,\"2\",{\"3\":[true]}]")), 5000);
    c.send(QStringLiteral("42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]"));
    QTRY_VERIFY_WITH_TIMEOUT(c.frames.contains(QStringLiteral("43456[1,\"2\",{\"3\":[false]}]")),
                             5000);
}

void TestConformanceServer::binaryEchoedWithItsAttachment()
{
    HubTestClient c;
    QList<QByteArray> binaries;
    connect(&c.socket(), &QWebSocket::binaryMessageReceived, this,
            [&](const QByteArray &data) { binaries.append(data); });
    QVERIFY(c.open(m_port));
    QVERIFY(c.handshake({}));
    c.send(QStringLiteral("451-[\"message\",{\"_placeholder\":true,\"num\":0}]"));
    c.sendBinary(QByteArray("\x01\x02\x03", 3));
    QTRY_VERIFY_WITH_TIMEOUT(binaries.size() == 1, 5000);
    QVERIFY(c.frames.contains(
        QStringLiteral("451-[\"message-back\",{\"_placeholder\":true,\"num\":0}]")));
    QCOMPARE(binaries.first(), QByteArray("\x01\x02\x03", 3));

    c.send(QStringLiteral("451-789[\"message-with-ack\",{\"_placeholder\":true,\"num\":0}]"));
    c.sendBinary(QByteArray("\x04", 1));
    QTRY_VERIFY_WITH_TIMEOUT(binaries.size() == 2, 5000);
    QVERIFY(c.frames.contains(QStringLiteral("461-789[{\"_placeholder\":true,\"num\":0}]")));
    QCOMPARE(binaries.last(), QByteArray("\x04", 1));
}

void TestConformanceServer::silentClientsClosed()
{
    // No pong within pingInterval + pingTimeout: closed (the suite's heartbeat case).
    HubTestClient asleep;
    asleep.autoPong = false;
    QVERIFY(asleep.open(m_port));
    QVERIFY(asleep.handshake({}));
    QVERIFY(asleep.waitClosed());
    QVERIFY(asleep.frames.contains(QStringLiteral("2")));
    // No CONNECT within the connect timeout: closed too, though it answers pings.
    HubTestClient mute;
    QVERIFY(mute.open(m_port));
    QVERIFY(mute.waitClosed());
    QVERIFY(mute.frames.size() >= 2 && mute.frames.contains(QStringLiteral("2")));
}

QTEST_GUILESS_MAIN(TestConformanceServer)
#include "tst_conformance_server.moc"
