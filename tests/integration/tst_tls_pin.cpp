// TLS between desks (issue 15): the hub's own certificate (made once, reused, key 0600), a desk
// pinned to it syncs over wss://, and a desk pinned to another certificate sends nothing — not
// the token, not even the HTTP upgrade — to a fake TLS server that records what it receives.

#include "TestHub.h"
#include "TestStore.h"
#include "sync/ClockOffset.h"
#include "sync/Outbox.h"
#include "sync/SelfSignedCertificate.h"
#include "sync/SyncClient.h"
#include "sync/SyncConfig.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace st;

namespace {

constexpr int kWait = 10000;

// Accepts TLS connections with the given identity and keeps every byte it decrypts.
class RecordingTlsServer final : public QTcpServer
{
public:
    explicit RecordingTlsServer(QSslConfiguration tls)
        : m_tls(std::move(tls))
    {}
    QByteArray received;
    int handshakes = 0;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSslConfiguration(m_tls);
        connect(socket, &QSslSocket::encrypted, this, [this] { ++handshakes; });
        connect(socket, &QSslSocket::readyRead, this,
                [this, socket] { received += socket->readAll(); });
        socket->startServerEncryption();
    }

private:
    QSslConfiguration m_tls;
};

// A desk's store with a sync client on it (the hub's time is not under test here).
struct Desk
{
    test::TestStore store;
    SystemClock local;
    ClockOffset offset;
    Outbox outbox{*store.db, local};
    SyncClient client{*store.db, *store.service, outbox, offset, local};

    Desk()
    {
        outbox.attach(*store.service);
        client.setBackoff(50, 200);
    }
    void connectTo(quint16 port, const QString &token, const QByteArray &pin)
    {
        client.start({hubUrl(QStringLiteral("127.0.0.1"), port, true), token,
                      store.profile.deviceId, QStringLiteral("Desk"), pin});
    }
};

} // namespace

class TestTlsPin final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theHubsCertificateIsMadeOnceAndReused();
    void aPinnedDeskSyncsOverWss();
    void aWrongPinSendsNothing();
    void aCertificateWithoutPinOrCaIsRefused();
    void fingerprintsAndInviteCodesParse();
};

void TestTlsPin::theHubsCertificateIsMadeOnceAndReused()
{
    QTemporaryDir dir;
    const auto first = selfsigned::ensure(dir.path());
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    QCOMPARE(first->sha256.size(), 32);
    QVERIFY(!first->tls.privateKey().isNull());
    const QString key = dir.filePath(QString::fromLatin1(selfsigned::kKeyFile));
    QCOMPARE(QFile::permissions(key) & ~(QFile::ReadUser | QFile::WriteUser),
             QFile::ReadOwner | QFile::WriteOwner);
    const auto second = selfsigned::ensure(dir.path());
    QVERIFY(second);
    QCOMPARE(second->sha256, first->sha256); // reused, not made again

    // Another hub's folder: another certificate.
    QTemporaryDir other;
    const auto third = selfsigned::ensure(other.path());
    QVERIFY(third);
    QVERIFY(third->sha256 != first->sha256);
}

void TestTlsPin::aPinnedDeskSyncsOverWss()
{
    QTemporaryDir certDir;
    const auto identity = selfsigned::ensure(certDir.path());
    QVERIFY(identity);
    test::TestHub<SystemClock> hub;
    hub.stop();
    HubOptions options;
    options.bind = QHostAddress::LocalHost;
    options.port = 0;
    options.tls = identity->tls;
    hub.hub = std::make_unique<Hub>(*hub.db, hub.clock, options);
    QVERIFY(hub.hub->listen());

    Desk desk;
    QVERIFY(desk.store.service->start({desk.store.userId(),
                                       desk.store.typeId(QStringLiteral("Recording")),
                                       {},
                                       {},
                                       std::nullopt,
                                       {}}));
    desk.connectTo(hub.hub->port(), hub.token, identity->sha256);
    QTRY_COMPARE_WITH_TIMEOUT(desk.client.state(), SyncState::Connected, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(hub.entryCount(), 1, kWait);
}

void TestTlsPin::aWrongPinSendsNothing()
{
    QTemporaryDir certDir;
    const auto identity = selfsigned::ensure(certDir.path());
    QVERIFY(identity);
    RecordingTlsServer server(identity->tls);
    QVERIFY(server.listen(QHostAddress::LocalHost));

    // The right pin first: the fake server does see the connection's bytes (the upgrade request),
    // so an empty record below means nothing was sent, not that nothing was recorded.
    {
        Desk desk;
        desk.connectTo(server.serverPort(), QStringLiteral("right-pin-token"), identity->sha256);
        QTRY_VERIFY_WITH_TIMEOUT(server.received.contains("GET /socket.io/"), kWait);
        desk.client.stop();
    }
    server.received.clear();

    Desk desk;
    QSignalSpy states(&desk.client, &SyncClient::stateChanged);
    QByteArray wrong = identity->sha256;
    wrong[0] = char(wrong[0] ^ 0x5a);
    desk.connectTo(server.serverPort(), QStringLiteral("secret-token-never-sent"), wrong);
    QTRY_COMPARE_WITH_TIMEOUT(desk.client.state(), SyncState::Unauthorized, kWait);
    const QString message = desk.client.errorMessage();
    QVERIFY2(message.contains(syncconfig::formatFingerprint(identity->sha256)) &&
                 message.contains(syncconfig::formatFingerprint(wrong)) &&
                 message.contains(QStringLiteral("studiotimer-hub org invite")),
             qPrintable(message));
    QTest::qWait(500); // anything late would arrive now
    QCOMPARE(server.received, QByteArray());
    // No retry storm: a refused pin stays refused.
    QCOMPARE(desk.client.state(), SyncState::Unauthorized);
}

void TestTlsPin::aCertificateWithoutPinOrCaIsRefused()
{
    QTemporaryDir certDir;
    const auto identity = selfsigned::ensure(certDir.path());
    QVERIFY(identity);
    RecordingTlsServer server(identity->tls);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    Desk desk;
    desk.connectTo(server.serverPort(), QStringLiteral("secret-token-never-sent"), {});
    QTRY_VERIFY_WITH_TIMEOUT(!desk.client.errorMessage().isEmpty(), kWait);
    QTest::qWait(300);
    QVERIFY(desk.client.state() != SyncState::Connected);
    QCOMPARE(server.received, QByteArray());
}

void TestTlsPin::fingerprintsAndInviteCodesParse()
{
    const QByteArray sha = QByteArray::fromHex(QByteArrayLiteral("a1b2").repeated(16));
    const QString upper = syncconfig::formatFingerprint(sha);
    QCOMPARE(upper.size(), 95);
    const QStringList typings{
        upper, upper.toLower(), QString(upper).remove(QLatin1Char(':')),
        QString(QStringLiteral("  ") + upper.toLower() + QStringLiteral(" "))};
    for (const QString &typed : typings) {
        const auto parsed = syncconfig::parseFingerprint(typed);
        QVERIFY2(parsed, qPrintable(typed));
        QCOMPARE(*parsed, sha);
    }
    QVERIFY(!syncconfig::parseFingerprint(upper.left(94)));
    QVERIFY(!syncconfig::parseFingerprint(QString(upper).replace(0, 1, QStringLiteral("G"))));

    const QString code = syncconfig::inviteCode(QStringLiteral("tok_EN-1"), sha);
    const auto invite = syncconfig::parseInvite(code);
    QVERIFY(invite);
    QCOMPARE(invite->token, QStringLiteral("tok_EN-1"));
    QCOMPARE(invite->fingerprint, sha);
    const auto plain = syncconfig::parseInvite(QStringLiteral("tok_EN-1"));
    QVERIFY(plain && plain->fingerprint.isEmpty());
    QVERIFY(!syncconfig::parseInvite(code.left(code.size() - 3))); // cut short: refused

    const auto hubUrl =
        syncconfig::parseHubUrl(QStringLiteral("wss://studio.local:7400/socket.io/"));
    QVERIFY(hubUrl && hubUrl->tls && hubUrl->host == QStringLiteral("studio.local") &&
            hubUrl->port == 7400);
    const auto plainUrl = syncconfig::parseHubUrl(QStringLiteral("ws://10.0.0.2"));
    QVERIFY(plainUrl && !plainUrl->tls && plainUrl->port == 7345);
    const auto bare = syncconfig::parseHubUrl(QStringLiteral("10.0.0.2:7000"));
    QVERIFY(bare && bare->tls); // TLS unless plain text is chosen
    QVERIFY(!syncconfig::parseHubUrl(QStringLiteral("https://10.0.0.2")));
}

QTEST_GUILESS_MAIN(TestTlsPin)
#include "tst_tls_pin.moc"
