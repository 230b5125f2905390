// Several hubs on one PostgreSQL database (issue 14), as real studiotimer-hub processes on a
// PostgreSQL 15 the test starts itself: a change made on one hub reaches the desks of the other,
// organisations stay apart, concurrent starts leave one running timer, a cut LISTEN connection
// loses nothing, and PostgreSQL going away is "unavailable" until it is back.

#include "MultiHubEnv.h"

#include <QJsonArray>
#include <QTest>

using namespace st;
using namespace st::test;

class TestHubMulti final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crossHubBroadcastBothWays();
    void organisationsIsolatedAcrossHubs();
    void concurrentStartsOnTwoHubsLeaveOneRunningTimer();
    void cutListenConnectionCatchesUpWithoutLossOrDuplicate();
    void postgresqlAwayIsUnavailableThenServedAgain();
};

void TestHubMulti::crossHubBroadcastBothWays()
{
    MultiEnv env;
    Org org;
    HubTestClient deskA;
    HubTestClient deskB;
    QVERIFY(env.twoHubsOneOrg(org, deskA, deskB));

    // Started on A: B's desk hears it, with who and from which desk.
    const QJsonObject ana = user(newId(), QStringLiteral("Ana"));
    const QString entryId = newId();
    const QJsonObject started =
        deskA.request(QStringLiteral("timer:start"), startPayload(entryId, org.recordingId, ana));
    QVERIFY2(isOk(started), QJsonDocument(started).toJson().constData());
    QVERIFY(deskB.waitForEvent(QStringLiteral("timer:started")));
    const QJsonObject heard = deskB.eventsNamed(QStringLiteral("timer:started")).first();
    QCOMPARE(seqOf(heard), seqOf(started));
    QCOMPARE(heard.value(QLatin1String("user")).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("Ana"));
    QCOMPARE(
        heard.value(QLatin1String("device")).toObject().value(QLatin1String("name")).toString(),
        QStringLiteral("Desk on A"));
    QCOMPARE(heard.value(QLatin1String("entry")).toObject().value(QLatin1String("id")).toString(),
             entryId);

    // Stopped on B: A's desk hears it; each desk heard each change once.
    const QJsonObject stopped =
        deskB.request(QStringLiteral("timer:stop"), stopPayload(ana, entryId));
    QVERIFY(isOk(stopped));
    QCOMPARE(seqOf(stopped), seqOf(started) + 1);
    QVERIFY(deskA.waitForEvent(QStringLiteral("timer:stopped")));
    QTest::qWait(300);
    for (HubTestClient *desk : {&deskA, &deskB}) {
        QCOMPARE(desk->eventsNamed(QStringLiteral("timer:started")).size(), 1);
        QCOMPARE(desk->eventsNamed(QStringLiteral("timer:stopped")).size(), 1);
    }
    QCOMPARE(deskA.eventsNamed(QStringLiteral("timer:stopped"))
                 .first()
                 .value(QLatin1String("device"))
                 .toObject()
                 .value(QLatin1String("name"))
                 .toString(),
             QStringLiteral("Desk on B"));
}

void TestHubMulti::organisationsIsolatedAcrossHubs()
{
    MultiEnv env;
    const quint16 a = env.addHub();
    const quint16 b = env.addHub();
    QVERIFY(a && b);
    const Org nord = env.createOrg(QStringLiteral("Studio Nord"));
    const Org sud = env.createOrg(QStringLiteral("Studio Sud"));
    HubTestClient nordOnA;
    HubTestClient sudOnB;
    HubTestClient nordOnB;
    QVERIFY(nordOnA.join(a, nord.token, QStringLiteral("Nord A")));
    QVERIFY(sudOnB.join(b, sud.token, QStringLiteral("Sud B")));
    QVERIFY(nordOnB.join(b, nord.token, QStringLiteral("Nord B")));

    QVERIFY(isOk(nordOnA.request(
        QStringLiteral("timer:start"),
        startPayload(newId(), nord.recordingId, user(newId(), QStringLiteral("Ana"))))));
    QVERIFY(nordOnB.waitForEvent(QStringLiteral("timer:started")));
    // Sud's own change arrives at Sud's desk, Nord's never does.
    QVERIFY(isOk(sudOnB.request(
        QStringLiteral("timer:start"),
        startPayload(newId(), sud.recordingId, user(newId(), QStringLiteral("Ben"))))));
    QVERIFY(sudOnB.waitForEvent(QStringLiteral("timer:started")));
    QTest::qWait(300);
    QCOMPARE(sudOnB.eventsNamed(QStringLiteral("timer:started")).size(), 1);
    QCOMPARE(sudOnB.eventsNamed(QStringLiteral("timer:started"))
                 .first()
                 .value(QLatin1String("user"))
                 .toObject()
                 .value(QLatin1String("name"))
                 .toString(),
             QStringLiteral("Ben"));
    QCOMPARE(nordOnA.eventsNamed(QStringLiteral("timer:started")).size(), 1);
}

void TestHubMulti::concurrentStartsOnTwoHubsLeaveOneRunningTimer()
{
    MultiEnv env;
    Org org;
    HubTestClient deskA;
    HubTestClient deskB;
    QVERIFY(env.twoHubsOneOrg(org, deskA, deskB));
    const QJsonObject ana = user(newId(), QStringLiteral("Ana"));
    constexpr int kRounds = 20;
    for (int i = 0; i < kRounds; ++i) {
        // The same person starts on both hubs at once, without waiting for either answer.
        deskA.send(sio::encodeMessage(
            sio::Packet::event(QStringLiteral("timer:start"),
                               {startPayload(newId(), org.recordingId, ana)}, 100 + i)));
        deskB.send(sio::encodeMessage(
            sio::Packet::event(QStringLiteral("timer:start"),
                               {startPayload(newId(), org.recordingId, ana)}, 100 + i)));
    }
    QVERIFY(QTest::qWaitFor(
        [&] { return deskA.acks.size() == kRounds && deskB.acks.size() == kRounds; }, 30000));
    for (const HubTestClient *desk : {&deskA, &deskB}) {
        for (const QJsonObject &answer : desk->acks)
            QVERIFY2(isOk(answer), QJsonDocument(answer).toJson().constData());
    }
    // Each start stopped the one before, whichever hub took it: one timer runs.
    QCOMPARE(env.scalar(QStringLiteral("SELECT COUNT(*) FROM time_entries WHERE ended_at IS NULL "
                                       "AND deleted = 0"))
                 .toInt(),
             1);
    QCOMPARE(env.scalar(QStringLiteral("SELECT COUNT(*) FROM time_entries")).toInt(), 2 * kRounds);
    // The longest finished entry (which bounds report queries), noted by both hubs at once, is
    // the greatest: no hub put back a smaller one.
    QCOMPARE(env.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'longest_entry_ms'"))
                 .toLongLong(),
             env.scalar(QStringLiteral("SELECT MAX(ended_at - started_at) FROM time_entries"))
                 .toLongLong());
    // The log is gapless: seq 1..head, each once.
    const qint64 head =
        env.scalar(
               QStringLiteral("SELECT MAX(seq) FROM hub_changes WHERE org_id = '%1'").arg(org.id))
            .toLongLong();
    QCOMPARE(env.scalar(QStringLiteral("SELECT COUNT(DISTINCT seq) FROM hub_changes WHERE "
                                       "org_id = '%1'")
                            .arg(org.id))
                 .toLongLong(),
             head);
    // Both desks heard every start, in seq order, once.
    QVERIFY(deskA.waitForEvent(QStringLiteral("timer:started"), 2 * kRounds));
    QVERIFY(deskB.waitForEvent(QStringLiteral("timer:started"), 2 * kRounds));
    QTest::qWait(300);
    const QList<qint64> heardA = seqsOf(deskA.eventsNamed(QStringLiteral("timer:started")));
    QCOMPARE(heardA, seqsOf(deskB.eventsNamed(QStringLiteral("timer:started"))));
    QCOMPARE(heardA.size(), 2 * kRounds);
    for (qsizetype i = 1; i < heardA.size(); ++i)
        QVERIFY(heardA[i] > heardA[i - 1]);
}

void TestHubMulti::cutListenConnectionCatchesUpWithoutLossOrDuplicate()
{
    MultiEnv env;
    Org org;
    HubTestClient deskA;
    HubTestClient deskB;
    QVERIFY(env.twoHubsOneOrg(org, deskA, deskB));
    const QJsonObject ben = user(newId(), QStringLiteral("Ben"));

    // Hub A's LISTEN connection is cut; meanwhile B's desk keeps changing things.
    QVERIFY(env.pg.terminate(
        QStringLiteral("studiotimer-hub-%1-listen").arg(env.hubs.front()->pid()), env.database()));
    constexpr int kChanges = 10;
    QList<qint64> made;
    for (int i = 0; i < kChanges; ++i) {
        const QJsonObject answer = deskB.request(QStringLiteral("timer:start"),
                                                 startPayload(newId(), org.recordingId, ben));
        QVERIFY(isOk(answer));
        made.append(seqOf(answer));
    }
    // A reconnects its LISTEN and reads what it missed from the log: every start once, in order.
    QVERIFY(QTest::qWaitFor(
        [&] { return deskA.eventsNamed(QStringLiteral("timer:started")).size() >= kChanges; },
        10000));
    QTest::qWait(500);
    QCOMPARE(seqsOf(deskA.eventsNamed(QStringLiteral("timer:started"))), made);
    QCOMPARE(deskA.eventsNamed(QStringLiteral("timer:stopped")).size(), kChanges - 1);
    // And A's own changes still go out after the catch-up, once.
    const QJsonObject own =
        deskA.request(QStringLiteral("timer:start"), startPayload(newId(), org.recordingId, ben));
    QVERIFY(isOk(own));
    QVERIFY(deskB.waitForEvent(QStringLiteral("timer:started"), kChanges + 1));
    QVERIFY(deskA.waitForEvent(QStringLiteral("timer:started"), kChanges + 1));
    QTest::qWait(300);
    QCOMPARE(deskA.eventsNamed(QStringLiteral("timer:started")).size(), kChanges + 1);
}

void TestHubMulti::postgresqlAwayIsUnavailableThenServedAgain()
{
    MultiEnv env;
    Org org;
    HubTestClient deskA;
    HubTestClient deskB;
    QVERIFY(env.twoHubsOneOrg(org, deskA, deskB));
    const QJsonObject ana = user(newId(), QStringLiteral("Ana"));

    QVERIFY(env.pg.stop());
    // Refused for now, not lost: the desk keeps it in its outbox; the socket stays up.
    const QJsonObject refused =
        deskA.request(QStringLiteral("timer:start"), startPayload(newId(), org.recordingId, ana));
    QCOMPARE(errorCode(refused), QStringLiteral("unavailable"));
    QVERIFY(!deskA.closed);
    QTest::qWait(1500);
    QVERIFY(!deskA.closed && !deskB.closed);

    QVERIFY(env.pg.start());
    QElapsedTimer back;
    back.start();
    // No request is needed to wake the hubs: a change on A reaches B within 10 s of the return.
    QJsonObject answer;
    QVERIFY(QTest::qWaitFor(
        [&] {
            answer = deskA.request(QStringLiteral("timer:start"),
                                   startPayload(newId(), org.recordingId, ana));
            return isOk(answer);
        },
        10000));
    QVERIFY(deskB.waitForEvent(QStringLiteral("timer:started")));
    qInfo("served and broadcast again %lld ms after PostgreSQL was back", back.elapsed());
    QVERIFY(back.elapsed() < 10000);
}

QTEST_GUILESS_MAIN(TestHubMulti)
#include "tst_hub_multi.moc"
