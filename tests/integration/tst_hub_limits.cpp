// The hub's connection limits (issue 13): a CONNECT over --max-per-token, --max-per-org or
// --max-unauthenticated gets a CONNECT_ERROR naming the limit; a storm within the limits is never
// refused. Backpressure is tst_hub_backpressure's.

#include "FakeClock.h"
#include "HubTestClient.h"
#include "RawWebSocket.h"
#include "TestHub.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace st;
using namespace st::test;

namespace {

constexpr int kWait = 5000;

QJsonObject auth(const QString &token, const QString &device)
{
    return {{QStringLiteral("token"), token},
            {QStringLiteral("deviceId"), QString(QStringLiteral("dev-") + device)},
            {QStringLiteral("deviceName"), device}};
}

QString refusalCode(const HubTestClient &c)
{
    return c.connectError ? c.connectError->value(QLatin1String("data"))
                                .toObject()
                                .value(QLatin1String("code"))
                                .toString()
                          : QString();
}

QString refusalMessage(const HubTestClient &c)
{
    return c.connectError ? c.connectError->value(QLatin1String("message")).toString() : QString();
}

} // namespace

class TestHubLimits final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void perTokenAndPerOrganisation()
    {
        TestHub<FakeClock> env;
        env.options.maxPerToken = 2;
        env.options.maxPerOrg = 3;
        env.stop();
        env.start();
        const QString second = *env.hub->store().issueToken(env.orgId);
        HubTestClient a1, a2, a3, b1, b2;
        QVERIFY(a1.join(env.port, env.token, QStringLiteral("A1")));
        QVERIFY(a2.join(env.port, env.token, QStringLiteral("A2")));
        // A third socket of the same token is refused, in words that name the option.
        QVERIFY(a3.open(env.port));
        QVERIFY(!a3.handshake(auth(env.token, QStringLiteral("A3"))));
        QCOMPARE(refusalCode(a3), QStringLiteral("over_limit"));
        QVERIFY2(refusalMessage(a3).contains(QLatin1String("--max-per-token")),
                 qPrintable(refusalMessage(a3)));
        QVERIFY(a3.waitClosed());
        // Another token of the organisation gets the organisation's last place, then no more.
        QVERIFY(b1.join(env.port, second, QStringLiteral("B1")));
        QVERIFY(b2.open(env.port));
        QVERIFY(!b2.handshake(auth(second, QStringLiteral("B2"))));
        QVERIFY2(refusalMessage(b2).contains(QLatin1String("--max-per-org")),
                 qPrintable(refusalMessage(b2)));
        // Those inside keep working; a place that frees up is taken again.
        QVERIFY(!a1.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), 0}}).isEmpty());
        a2.socket().close();
        QVERIFY(a2.waitClosed());
        QTRY_COMPARE_WITH_TIMEOUT(env.hub->connectedCount(), 2, kWait);
        HubTestClient a4;
        QVERIFY(a4.join(env.port, env.token, QStringLiteral("A4")));
    }

    void socketsWaitingToLogInAreLimited()
    {
        TestHub<FakeClock> env;
        env.options.maxUnauthenticated = 2;
        env.stop();
        env.start();
        HubTestClient w1, w2, w3;
        QVERIFY(w1.open(env.port));
        QVERIFY(w2.open(env.port));
        // The third is told at once, before it even sends its CONNECT, and closed.
        QVERIFY(w3.open(env.port));
        QTRY_VERIFY_WITH_TIMEOUT(w3.connectError.has_value(), kWait);
        QCOMPARE(refusalCode(w3), QStringLiteral("over_limit"));
        QVERIFY2(refusalMessage(w3).contains(QLatin1String("--max-unauthenticated")),
                 qPrintable(refusalMessage(w3)));
        QVERIFY(w3.waitClosed());
        // Once one of the waiting logs in, there is room again.
        QVERIFY(w1.handshake(auth(env.token, QStringLiteral("W1"))));
        HubTestClient w4;
        QVERIFY(w4.join(env.port, env.token, QStringLiteral("W4")));
    }

    // A hub restart: every desk reconnects at once, all within the limits: none is refused.
    void aStormWithinTheLimitsIsNeverRefused()
    {
        constexpr int kDesks = 120;
        TestHub<FakeClock> env;
        env.options.maxPerToken = 0;
        env.options.maxPerOrg = kDesks;
        env.options.maxUnauthenticated = kDesks;
        env.stop();
        env.start();
        std::vector<std::unique_ptr<RawWebSocket>> desks;
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < kDesks; ++i) {
            desks.push_back(std::make_unique<RawWebSocket>());
            RawWebSocket *d = desks.back().get();
            const QByteArray connect =
                QByteArray("40") + QJsonDocument(auth(env.token, QStringLiteral("D%1").arg(i)))
                                       .toJson(QJsonDocument::Compact);
            d->onText = [d, connect, &accepted, &refused](const QByteArray &text) {
                if (text.startsWith("0{"))
                    d->sendText(connect);
                else if (text.startsWith("40{"))
                    ++accepted;
                else if (text.startsWith("44"))
                    ++refused;
            };
            d->connectTo(env.port);
        }
        QTRY_COMPARE_WITH_TIMEOUT(accepted + refused, kDesks, 30000);
        QCOMPARE(refused, 0);
        QCOMPARE(env.hub->connectedCount(), kDesks);
    }
};

QTEST_GUILESS_MAIN(TestHubLimits)
#include "tst_hub_limits.moc"
