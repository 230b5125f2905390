// Presence across hubs (issue 14): two studiotimer-hub processes on one PostgreSQL database. A
// desk connected to one hub is in the presence list of the desks on the other (CONNECT answer and
// deltas), its person shows there, and it leaves that list when it disconnects, or when its hub
// is killed and stops beating (docs/SCALING.md, "Presence").

#include "MultiHubEnv.h"

#include <QElapsedTimer>
#include <QTest>

using namespace st;
using namespace st::test;

namespace {

constexpr int kWait = 10000;

bool sees(const HubTestClient &desk, const QString &entry)
{
    return desk.presenceNames().contains(entry);
}

} // namespace

class TestHubMultiPresence final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void desksOfTheOtherHubJoinChangeAndLeave();
    void killedHubsDesksLeave();
};

void TestHubMultiPresence::desksOfTheOtherHubJoinChangeAndLeave()
{
    MultiEnv env;
    Org org;
    HubTestClient deskA;
    HubTestClient deskB;
    QVERIFY(env.twoHubsOneOrg(org, deskA, deskB));
    const QString onA = QStringLiteral("Desk on A/"), onB = QStringLiteral("Desk on B/");

    // Each desk lists the other, connected to the other hub.
    QVERIFY2(QTest::qWaitFor([&] { return sees(deskA, onB); }, kWait),
             qPrintable(deskA.presenceNames().join(QLatin1Char(','))));
    QVERIFY2(QTest::qWaitFor([&] { return sees(deskB, onA); }, kWait),
             qPrintable(deskB.presenceNames().join(QLatin1Char(','))));

    // A desk that connects to B later finds A's desk in its CONNECT answer, and A hears it join.
    HubTestClient late;
    QVERIFY(late.join(env.hubs.at(1)->port(), org.token, QStringLiteral("Late")));
    QVERIFY(QTest::qWaitFor([&] { return sees(late, onA) && sees(late, onB); }, kWait));
    QVERIFY(QTest::qWaitFor([&] { return sees(deskA, QStringLiteral("Late/")); }, kWait));

    // Ana works at the desk on B: A's desk sees her there (presence:changed).
    QVERIFY(isOk(deskB.request(
        QStringLiteral("timer:start"),
        startPayload(newId(), org.recordingId, user(newId(), QStringLiteral("Ana"))))));
    QVERIFY2(QTest::qWaitFor([&] { return sees(deskA, QStringLiteral("Desk on B/Ana")); }, kWait),
             qPrintable(deskA.presenceNames().join(QLatin1Char(','))));

    // The desk on B disconnects: it leaves A's list, the others stay.
    deskB.socket().close();
    QVERIFY(QTest::qWaitFor([&] { return !sees(deskA, QStringLiteral("Desk on B/Ana")); }, kWait));
    QCOMPARE(deskA.presenceNames(), (QStringList{onA, QStringLiteral("Late/")}));
    bool toldLeft = false;
    for (const QJsonObject &left : deskA.eventsNamed(QStringLiteral("presence:left")))
        toldLeft =
            toldLeft ||
            left.value(QLatin1String("ids")).toArray().contains(QStringLiteral("dev-Desk on B"));
    QVERIFY(toldLeft);
    // Deltas only: nobody was sent the whole list again.
    QVERIFY(deskA.eventsNamed(QStringLiteral("presence")).isEmpty());
    QVERIFY(late.eventsNamed(QStringLiteral("presence")).isEmpty());
}

void TestHubMultiPresence::killedHubsDesksLeave()
{
    MultiEnv env;
    Org org;
    HubTestClient deskA;
    HubTestClient deskB;
    QVERIFY(env.twoHubsOneOrg(org, deskA, deskB));
    QVERIFY(QTest::qWaitFor([&] { return sees(deskA, QStringLiteral("Desk on B/")); }, kWait));

    // Hub B dies without a word: its heartbeat stops, and A drops its desks after the TTL.
    QElapsedTimer sinceKill;
    env.hubs.at(1)->killNow();
    sinceKill.start();
    QVERIFY(QTest::qWaitFor([&] { return !sees(deskA, QStringLiteral("Desk on B/")); }, 15000));
    qInfo("the killed hub's desk left the other hub's list after %lld ms", sinceKill.elapsed());
    QCOMPARE(deskA.presenceNames(), QStringList{QStringLiteral("Desk on A/")});
    // Its rows are gone from the database too.
    QVERIFY(QTest::qWaitFor(
        [&] {
            return env.scalar(QStringLiteral("SELECT COUNT(*) FROM hub_presence")).toInt() == 1;
        },
        5000));

    // A hub that starts again on the database is listed with its desks as before.
    const quint16 again = env.addHub();
    QVERIFY(again);
    HubTestClient back;
    QVERIFY(back.join(again, org.token, QStringLiteral("Back")));
    QVERIFY(QTest::qWaitFor([&] { return sees(deskA, QStringLiteral("Back/")); }, kWait));
    QVERIFY(QTest::qWaitFor([&] { return sees(back, QStringLiteral("Desk on A/")); }, kWait));
}

QTEST_GUILESS_MAIN(TestHubMultiPresence)
#include "tst_hub_multi_presence.moc"
