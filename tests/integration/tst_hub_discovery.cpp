// Issue 16: the headless hub announces itself on the LAN like a desk's own hub, so a desk's
// "Join a hub" finds it: real studiotimer-hub processes, and the discovery browser the join page
// uses, listening where it listens (UDP port 7346, the hubs' broadcasts). The announcement of a
// hub that serves wss:// carries its certificate's fingerprint; --no-announce keeps a hub quiet.

#include "domain/Clock.h"
#include "sync/Discovery.h"
#include "sync/SyncConfig.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace st;

namespace {

constexpr int kWait = 10000;

// A studiotimer-hub process on a free port, on every address (as a server runs it).
struct HubProcess
{
    QTemporaryDir dir;
    QProcess process;
    QString err;
    quint16 port = 0;
    QByteArray fingerprint; // the one it prints when it serves wss://

    ~HubProcess()
    {
        if (process.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(process.processId()), SIGTERM);
        if (!process.waitForFinished(5000))
            process.kill();
    }

    // Waits for the "listening on port" line; false (with err) when it does not come.
    bool start(const QStringList &args)
    {
        process.start(QStringLiteral(STUDIOTIMER_HUB_BIN),
                      QStringList{QStringLiteral("--data-dir"), dir.path(),
                                  QStringLiteral("--port"), QStringLiteral("0")} +
                          args);
        static const QRegularExpression portLine(QStringLiteral("listening on port (\\d+)"));
        static const QRegularExpression printLine(QStringLiteral("fingerprint ([0-9A-F:]+)"));
        const bool listening = QTest::qWaitFor(
            [&] {
                err += QString::fromUtf8(process.readAllStandardError());
                return portLine.match(err).hasMatch();
            },
            kWait);
        if (!listening)
            return false;
        port = quint16(portLine.match(err).captured(1).toUInt());
        if (const auto m = printLine.match(err); m.hasMatch()) {
            if (auto parsed = syncconfig::parseFingerprint(m.captured(1)))
                fingerprint = *parsed;
        }
        return port != 0;
    }
};

// The hub the browser heard on this port, if any.
std::optional<discovery::FoundHub> heard(const discovery::Browser &browser, quint16 port)
{
    for (const discovery::FoundHub &hub : browser.hubs()) {
        if (hub.announcement.port == port)
            return hub;
    }
    return std::nullopt;
}

} // namespace

class TestHubDiscovery final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void helpNamesTheSwitch();
    void joinAHubFindsHeadlessHubsUnlessTheyStayQuiet();
};

void TestHubDiscovery::helpNamesTheSwitch()
{
    QProcess help;
    help.start(QStringLiteral(STUDIOTIMER_HUB_BIN), {QStringLiteral("--help")});
    QVERIFY(help.waitForFinished(kWait));
    QCOMPARE(help.exitCode(), 0);
    const QString text = QString::fromUtf8(help.readAllStandardOutput());
    QVERIFY2(text.contains(QStringLiteral("--no-announce")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("7346")), qPrintable(text));
}

void TestHubDiscovery::joinAHubFindsHeadlessHubsUnlessTheyStayQuiet()
{
    // The join page's browser, where desks listen (shared with any other listener here).
    const SystemClock clock;
    discovery::Browser browser(clock);
    QVERIFY2(browser.start(), qPrintable(browser.errorString()));

    // One organisation on the wss:// hub: its name is the hint people choose by.
    HubProcess tls;
    {
        QProcess create;
        create.start(QStringLiteral(STUDIOTIMER_HUB_BIN),
                     {QStringLiteral("--data-dir"), tls.dir.path(), QStringLiteral("org"),
                      QStringLiteral("create"), QStringLiteral("Studio Nord")});
        QVERIFY(create.waitForFinished(kWait));
        QCOMPARE(create.exitCode(), 0);
    }
    QVERIFY2(tls.start({QStringLiteral("--tls-self-signed")}), qPrintable(tls.err));
    QCOMPARE(tls.fingerprint.size(), 32);
    HubProcess plain;
    QVERIFY2(plain.start({}), qPrintable(plain.err));
    HubProcess quiet;
    QVERIFY2(quiet.start({QStringLiteral("--no-announce")}), qPrintable(quiet.err));

    QTRY_VERIFY_WITH_TIMEOUT(heard(browser, tls.port) && heard(browser, plain.port), kWait);
    const discovery::FoundHub secure = *heard(browser, tls.port);
    QCOMPARE(secure.announcement.name, QSysInfo::machineHostName());
    QCOMPARE(secure.announcement.orgHint, QStringLiteral("Studio Nord"));
    QCOMPARE(secure.announcement.fingerprint, tls.fingerprint); // as its invite codes carry it
    const discovery::FoundHub open = *heard(browser, plain.port);
    QVERIFY(open.announcement.fingerprint.isEmpty()); // plain ws://: nothing to pin
    QVERIFY(open.announcement.orgHint.isEmpty());     // no organisation yet

    // The address the join page fills in reaches the hub.
    QTcpSocket socket;
    socket.connectToHost(secure.host, secure.announcement.port);
    QVERIFY2(socket.waitForConnected(kWait), qPrintable(secure.address()));

    // Two announcement intervals more: the quiet hub never shows up.
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 2 * discovery::kDefaultIntervalMs) {
        QVERIFY2(!heard(browser, quiet.port), qPrintable(quiet.err));
        QTest::qWait(100);
    }
    QVERIFY(heard(browser, tls.port) && heard(browser, plain.port)); // still heard
    for (HubProcess *hub : {&tls, &quiet})
        hub->err += QString::fromUtf8(hub->process.readAllStandardError());
    QVERIFY2(!quiet.err.contains(QStringLiteral("announced")), qPrintable(quiet.err));
    QVERIFY2(tls.err.contains(QStringLiteral("announced on the LAN")), qPrintable(tls.err));
}

QTEST_GUILESS_MAIN(TestHubDiscovery)
#include "tst_hub_discovery.moc"
