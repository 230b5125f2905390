#include "FakeClock.h"
#include "sync/Discovery.h"

#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

using namespace st;
using namespace st::discovery;

namespace {
// A free UDP port on the loopback interface for this run.
quint16 freePort()
{
    QUdpSocket probe;
    if (!probe.bind(QHostAddress::LocalHost, 0))
        return 0;
    return probe.localPort();
}
} // namespace

class TestDiscovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void announcementsRoundTrip()
    {
        const Announcement a{QStringLiteral("Desk A"), 7345, QStringLiteral("Studio Nord")};
        const auto decoded = decode(encode(a));
        QVERIFY(decoded);
        QCOMPARE(*decoded, a);
    }

    void theCertificateFingerprintIsAnnounced()
    {
        const QByteArray sha256 = QByteArray::fromHex(QByteArrayLiteral("0a1b").repeated(16));
        const Announcement a{QStringLiteral("Desk A"), 7345, QStringLiteral("Studio Nord"), sha256};
        const QByteArray datagram = encode(a);
        QVERIFY2(datagram.contains("\"tls\":\"0A:1B:0A:1B"), datagram.constData());
        const auto decoded = decode(datagram);
        QVERIFY(decoded);
        QCOMPARE(decoded->fingerprint, sha256);
        // A plain hub announces none; a malformed one is refused, not half-read.
        QVERIFY(!encode({QStringLiteral("Desk A"), 7345, {}, {}}).contains("tls"));
        QVERIFY(!decode(R"({"app":"studiotimer-hub","v":1,"name":"x","port":1,"tls":"AB:CD"})"));
        QVERIFY(!decode(R"({"app":"studiotimer-hub","v":1,"name":"x","port":1,"tls":7})"));
    }

    void foreignOrMalformedDatagramsAreRefused()
    {
        QVERIFY(!decode({}));
        QVERIFY(!decode("hello"));
        QVERIFY(!decode(R"({"app":"other","v":1,"name":"x","port":1})"));
        QVERIFY(!decode(R"({"app":"studiotimer-hub","v":2,"name":"x","port":1})"));
        QVERIFY(!decode(R"({"app":"studiotimer-hub","v":1,"name":"x","port":0})"));
        QVERIFY(!decode(R"({"app":"studiotimer-hub","v":1,"name":"x","port":70000})"));
        QVERIFY(!decode(R"({"app":"studiotimer-hub","v":1,"name":"x","port":1.5})"));
        QVERIFY(!decode(R"({"app":"studiotimer-hub","v":1,"name":"  ","port":1})"));
        QVERIFY(!decode(R"({"app":"studiotimer-hub","v":1,"name":7,"port":1})"));
        QVERIFY(!decode(QByteArray(kMaxDatagram + 1, ' ')));
        QVERIFY(decode(R"({"app":"studiotimer-hub","v":1,"name":"x","port":1})"));
    }

    void aBrowserFindsAnAnnouncingHubOverLoopback()
    {
        const quint16 port = freePort();
        QVERIFY(port != 0);
        test::FakeClock clock;
        Browser browser(clock);
        QVERIFY2(browser.start(QHostAddress::LocalHost, port), qPrintable(browser.errorString()));
        QSignalSpy changed(&browser, &Browser::hubsChanged);

        Announcer announcer;
        announcer.setTarget(QHostAddress::LocalHost, port);
        announcer.setInterval(100);
        announcer.start({QStringLiteral("Desk A"), 7345, QStringLiteral("Studio Nord")});
        QVERIFY(announcer.isRunning());

        QTRY_COMPARE(browser.hubs().size(), 1);
        const FoundHub hub = browser.hubs().first();
        QCOMPARE(hub.announcement.name, QStringLiteral("Desk A"));
        QCOMPARE(hub.announcement.port, quint16(7345));
        QCOMPARE(hub.announcement.orgHint, QStringLiteral("Studio Nord"));
        QCOMPARE(hub.host, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(hub.address(), QStringLiteral("127.0.0.1:7345"));
        QCOMPARE(hub.lastSeen, clock.nowMs());
        QCOMPARE(changed.count(), 1);

        // A second hub on the same host but another port is listed separately.
        Announcer second;
        second.setTarget(QHostAddress::LocalHost, port);
        second.start({QStringLiteral("Desk B"), 7400, {}});
        QTRY_COMPARE(browser.hubs().size(), 2);

        // Hubs that fall silent expire.
        announcer.stop();
        second.stop();
        clock.advance(60'000);
        QTRY_VERIFY(browser.hubs().isEmpty());
    }

    void garbageOnThePortIsIgnored()
    {
        const quint16 port = freePort();
        test::FakeClock clock;
        Browser browser(clock);
        QVERIFY(browser.start(QHostAddress::LocalHost, port));
        QUdpSocket sender;
        sender.writeDatagram("not json", QHostAddress::LocalHost, port);
        Announcer announcer;
        announcer.setTarget(QHostAddress::LocalHost, port);
        announcer.start({QStringLiteral("Desk C"), 7345, {}});
        QTRY_COMPARE(browser.hubs().size(), 1);
        QCOMPARE(browser.hubs().first().announcement.name, QStringLiteral("Desk C"));
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
