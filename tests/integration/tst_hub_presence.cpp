// Presence at scale (issue 13): the full list once, in the CONNECT answer, then deltas gathered
// per organisation, so N desks coming and going cost O(N) messages, not O(N²).

#include "FakeClock.h"
#include "HubTestClient.h"
#include "RawWebSocket.h"
#include "TestDesk.h"
#include "TestHub.h"

#include <QJsonDocument>
#include <QTest>

#include <memory>
#include <vector>

using namespace st;
using namespace st::test;

namespace {

constexpr int kWait = 5000;

QJsonObject user(const QString &id, const QString &name)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}};
}

QJsonObject startPayload(const QString &taskTypeId, const QJsonObject &u)
{
    return {{QStringLiteral("opId"), newId()},
            {QStringLiteral("user"), u},
            {QStringLiteral("entryId"), newId()},
            {QStringLiteral("taskTypeId"), taskTypeId}};
}

bool isOk(const QJsonObject &answer)
{
    return answer.value(QLatin1String("ok")).toBool();
}

QStringList names(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *n : list)
        out.append(QString::fromUtf8(n));
    out.sort();
    return out;
}

} // namespace

class TestHubPresence final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presenceListsDevices()
    {
        TestHub<FakeClock> env;
        HubTestClient c1;
        QVERIFY(c1.join(env.port, env.token, QStringLiteral("Desk 1")));
        // Its own joining follows the CONNECT answer.
        QTRY_COMPARE_WITH_TIMEOUT(c1.presenceNames(), names({"Desk 1/"}), kWait);
        {
            HubTestClient c2;
            QVERIFY(c2.join(env.port, env.token, QStringLiteral("Desk 2")));
            QVERIFY(isOk(c2.request(QStringLiteral("timer:start"),
                                    startPayload(env.typeId(QStringLiteral("Recording")),
                                                 user(newId(), QStringLiteral("Jo"))))));
            QTRY_COMPARE_WITH_TIMEOUT(c1.presenceNames(), names({"Desk 1/", "Desk 2/Jo"}), kWait);
            QTRY_COMPARE_WITH_TIMEOUT(c2.presenceNames(), names({"Desk 1/", "Desk 2/Jo"}), kWait);
            // A third desk starts from the CONNECT answer and ends with the same list.
            HubTestClient c3;
            QVERIFY(c3.join(env.port, env.token, QStringLiteral("Desk 3")));
            QVERIFY(c3.presence().size() >= 2);
            QTRY_COMPARE_WITH_TIMEOUT(c3.presenceNames(),
                                      names({"Desk 1/", "Desk 2/Jo", "Desk 3/"}), kWait);
            c2.socket().close();
            QVERIFY(c2.waitClosed());
        }
        QTRY_COMPARE_WITH_TIMEOUT(c1.presenceNames(), names({"Desk 1/"}), kWait);
        // Nothing sends the whole list any more.
        QVERIFY(c1.eventsNamed(QStringLiteral("presence")).isEmpty());
    }

    void aNewUserNameSendsOneSmallChange()
    {
        TestHub<FakeClock> env;
        const QString recording = env.typeId(QStringLiteral("Recording"));
        HubTestClient watcher, desk;
        QVERIFY(watcher.join(env.port, env.token, QStringLiteral("Watcher")));
        QVERIFY(desk.join(env.port, env.token, QStringLiteral("Shared desk")));
        QTRY_COMPARE_WITH_TIMEOUT(watcher.presenceNames(), names({"Shared desk/", "Watcher/"}),
                                  kWait);
        const QString ann = newId();
        const QString bo = newId();
        QVERIFY(isOk(desk.request(QStringLiteral("timer:start"),
                                  startPayload(recording, user(ann, QStringLiteral("Ann"))))));
        QTRY_COMPARE_WITH_TIMEOUT(watcher.presenceNames(), names({"Shared desk/Ann", "Watcher/"}),
                                  kWait);
        // The same person again changes nothing; another one is one presence:changed that
        // names only that desk.
        QVERIFY(isOk(desk.request(QStringLiteral("timer:start"),
                                  startPayload(recording, user(ann, QStringLiteral("Ann"))))));
        QVERIFY(isOk(desk.request(QStringLiteral("timer:start"),
                                  startPayload(recording, user(bo, QStringLiteral("Bo"))))));
        QTRY_COMPARE_WITH_TIMEOUT(watcher.presenceNames(), names({"Shared desk/Bo", "Watcher/"}),
                                  kWait);
        const QList<QJsonObject> changed = watcher.eventsNamed(QStringLiteral("presence:changed"));
        QCOMPARE(changed.size(), 2);
        for (const QJsonObject &c : changed)
            QCOMPARE(c.value(QLatin1String("devices")).toArray().size(), 1);
    }

    void refusedRequestRenamesNobodyInPresence()
    {
        TestHub<FakeClock> env;
        const QString recording = env.typeId(QStringLiteral("Recording"));
        HubTestClient c1, c2;
        QVERIFY(c1.join(env.port, env.token, QStringLiteral("Desk 1")));
        QVERIFY(c2.join(env.port, env.token, QStringLiteral("Desk 2")));
        const QString annId = newId();
        QVERIFY(isOk(c1.request(QStringLiteral("timer:start"),
                                startPayload(recording, user(annId, QStringLiteral("Ann"))))));
        QTRY_COMPARE_WITH_TIMEOUT(c2.presenceNames(), names({"Desk 1/Ann", "Desk 2/"}), kWait);
        // timer:stop of an entry that does not exist, under a new name: refused.
        const QJsonObject refused =
            c1.request(QStringLiteral("timer:stop"),
                       {{QStringLiteral("opId"), newId()},
                        {QStringLiteral("entryId"), newId()},
                        {QStringLiteral("user"), user(annId, QStringLiteral("Annie"))}});
        QVERIFY(!refused.isEmpty() && !isOk(refused));
        // Then a change of Desk 2's: once it is told, anything the refusal sent would be too.
        QVERIFY(isOk(c2.request(QStringLiteral("timer:start"),
                                startPayload(recording, user(newId(), QStringLiteral("Bo"))))));
        QTRY_COMPARE_WITH_TIMEOUT(c2.presenceNames(), names({"Desk 1/Ann", "Desk 2/Bo"}), kWait);
        QCOMPARE((*CatalogRepository(*env.db).user(annId))->name, QStringLiteral("Ann"));
    }

    // N sockets connect at once, then all drop: the hub sends O(N) messages for it, and a desk
    // that stays sees the right list after each.
    void aCrowdComingAndGoingCostsLinearTraffic()
    {
        constexpr int kCrowd = 150;
        TestHub<FakeClock> env;
        env.options.presenceIntervalMs = 1000;
        env.options.maxPerToken = 0;
        env.stop();
        env.start();
        HubTestClient watcher;
        QVERIFY(watcher.join(env.port, env.token, QStringLiteral("Watcher")));
        QTRY_COMPARE_WITH_TIMEOUT(watcher.presence().size(), 1, kWait);

        const SioTraffic before = env.hub->traffic();
        std::vector<std::unique_ptr<RawWebSocket>> crowd;
        int connected = 0;
        for (int i = 0; i < kCrowd; ++i) {
            crowd.push_back(std::make_unique<RawWebSocket>());
            RawWebSocket *c = crowd.back().get();
            const QJsonObject auth{{QStringLiteral("token"), env.token},
                                   {QStringLiteral("deviceId"), QStringLiteral("dev-D%1").arg(i)},
                                   {QStringLiteral("deviceName"), QStringLiteral("D%1").arg(i)}};
            const QByteArray connect =
                QByteArray("40") + QJsonDocument(auth).toJson(QJsonDocument::Compact);
            c->onText = [c, connect, &connected](const QByteArray &text) {
                if (text.startsWith("0{"))
                    c->sendText(connect);
                else if (text.startsWith("40{"))
                    ++connected;
            };
            c->connectTo(env.port);
        }
        QTRY_COMPARE_WITH_TIMEOUT(connected, kCrowd, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(watcher.presence().size(), kCrowd + 1, kWait);
        const SioTraffic joined = env.hub->traffic();
        // Per socket: the open packet, the CONNECT answer and one presence:joined a second
        // (pings aside); the full list after every change was N²/2 = 75 N messages.
        const quint64 joinMessages = joined.messages - before.messages;
        QVERIFY2(joinMessages < quint64(20 * kCrowd), qPrintable(QString::number(joinMessages)));

        for (const auto &c : crowd)
            c->close();
        QTRY_COMPARE_WITH_TIMEOUT(env.hub->connectedCount(), 1, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(watcher.presenceNames(), names({"Watcher/"}), kWait);
        const SioTraffic left = env.hub->traffic();
        // The watcher is told in a few presence:left messages, each id once: a few kB, where
        // the full list sent to every remaining socket after each leave was megabytes.
        QVERIFY2(left.messages - joined.messages <= 10,
                 qPrintable(QString::number(left.messages - joined.messages)));
        QVERIFY2(left.bytes - joined.bytes < quint64(60 * kCrowd),
                 qPrintable(QString::number(left.bytes - joined.bytes)));
    }

    // The desktop's sync client keeps the list from the CONNECT answer and the deltas.
    void aDeskAppliesTheDeltas()
    {
        TestHub<FakeClock> env;
        TestDesk a(QStringLiteral("Desk A"), QStringLiteral("Alice"), env.clock.nowMs());
        a.connectTo(env);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(a.client->presence().size(), 1, kWait);
        HubTestClient other;
        QVERIFY(other.join(env.port, env.token, QStringLiteral("Other")));
        QTRY_COMPARE_WITH_TIMEOUT(a.client->presence().size(), 2, kWait);
        QVERIFY(isOk(other.request(QStringLiteral("timer:start"),
                                   startPayload(env.typeId(QStringLiteral("Recording")),
                                                user(newId(), QStringLiteral("Kim"))))));
        const auto userOf = [&](const QString &deviceName) {
            const QList<PresenceDevice> list = a.client->presence();
            for (const PresenceDevice &d : list) {
                if (d.name == deviceName)
                    return d.userName;
            }
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(userOf(QStringLiteral("Other")), QStringLiteral("Kim"), kWait);
        // A desk that connects later starts from the CONNECT answer.
        TestDesk b(QStringLiteral("Desk B"), QStringLiteral("Bob"), env.clock.nowMs());
        b.connectTo(env);
        QTRY_COMPARE_WITH_TIMEOUT(b.client->presence().size(), 3, kWait);
        other.socket().close();
        QVERIFY(other.waitClosed());
        QTRY_COMPARE_WITH_TIMEOUT(a.client->presence().size(), 2, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(b.client->presence().size(), 2, kWait);
        QCOMPARE(userOf(QStringLiteral("Other")), QString());
    }
};

QTEST_GUILESS_MAIN(TestHubPresence)
#include "tst_hub_presence.moc"
