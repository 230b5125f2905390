// Outbox replay in a window (issue 13): a desk back from a day offline sends its queued changes
// pipelined, the hub applies them in the order they were made, a refusal stops the window and the
// rest is sent again (same opIds: what the hub applied meanwhile is answered, not applied twice).

#include "LoopWait.h"
#include "TestDesk.h"
#include "TestHub.h"
#include "store/Repositories.h"
#include "sync/Hub.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

#include <ctime>

using namespace st;
using namespace st::test;

namespace {

constexpr Ms kHubStart = 1'764'316'800'000; // 2025-11-28T08:00:00Z
constexpr int kWait = 30000;

// The entries the hub's log says were started, in log order.
QStringList startedAtHub(const Database &db, const QString &orgId)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT data FROM hub_changes WHERE org_id = ? AND "
                             "type = 'timer:started' ORDER BY seq"));
    q.addBindValue(orgId);
    QStringList ids;
    if (q.exec()) {
        while (q.next())
            ids.append(QJsonDocument::fromJson(q.value(0).toString().toUtf8())
                           .object()
                           .value(QLatin1String("entry"))
                           .toObject()
                           .value(QLatin1String("id"))
                           .toString());
    }
    return ids;
}

// Starts (each a switch from the one before) made while the desk is offline, 100 ms apart on
// both clocks; the entry IDs in the order made.
QStringList startOffline(TestDesk &desk, TestHub<FakeClock> &env, int count)
{
    const QStringList types{QStringLiteral("Recording"), QStringLiteral("Mixing")};
    QStringList made;
    for (int i = 0; i < count; ++i) {
        desk.local.advance(100);
        env.clock.advance(100);
        auto started = desk.service->start(
            {desk.userId, desk.typeId(types[i % 2]), {}, QString::number(i), std::nullopt, {}});
        if (!started)
            qFatal("cannot start offline: %s", qPrintable(started.error().message));
        made.append(started->id);
    }
    return made;
}

} // namespace

class TestOutboxReplay final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fiveHundredOfflineChangesReplayedInOrder();
    void refusalStopsTheWindowAndTheRestFollows();
};

void TestOutboxReplay::fiveHundredOfflineChangesReplayedInOrder()
{
    TestHub<FakeClock> env(kHubStart);
    TestDesk desk(QStringLiteral("Desk A"), QStringLiteral("Ana"), kHubStart);
    desk.connectTo(env);
    QTRY_VERIFY_WITH_TIMEOUT(desk.caughtUp(), kWait);
    desk.client->stop();
    const qint64 head = env.head();

    constexpr int kChanges = 500;
    const QStringList made = startOffline(desk, env, kChanges);
    QCOMPARE(desk.outbox->pendingCount(), kChanges);

    QElapsedTimer replay;
    replay.start();
    const std::clock_t cpu = std::clock();
    desk.connectTo(env);
    // On the event loop itself: QTest::qWaitFor would add its 10 ms sleeps to the time.
    QVERIFY(loopUntil([&] { return desk.caughtUp(); }, kWait));
    // Printed, not asserted (a shared machine's load decides the wall time): the hub and the desk
    // run in this one process, so the CPU time is both sides'.
    qInfo("%d offline changes replayed in %lld ms (CPU time of hub and desk: %ld ms)", kChanges,
          replay.elapsed(), long((std::clock() - cpu) * 1000 / CLOCKS_PER_SEC));

    // All applied once, in the order made; the desk shows what the hub has.
    QCOMPARE(startedAtHub(*env.db, env.orgId), made);
    QCOMPARE(env.head(), head + 2 * kChanges - 1); // each a switch but the first
    QCOMPARE(env.entryCount(), kChanges);
    QVERIFY(env.entry(made.last())->isRunning());
    QVERIFY(!env.entry(made.first())->isRunning());
    QCOMPARE(env.entry(made[kChanges / 2])->note, QString::number(kChanges / 2));
    QVERIFY(desk.outbox->conflicts().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(desk.client->lastSeq(), env.head(), kWait);
}

void TestOutboxReplay::refusalStopsTheWindowAndTheRestFollows()
{
    TestHub<FakeClock> env(kHubStart);
    TestDesk ana(QStringLiteral("Desk A"), QStringLiteral("Ana"), kHubStart);
    TestDesk ben(QStringLiteral("Desk B"), QStringLiteral("Ben"), kHubStart);
    ana.connectTo(env);
    ben.connectTo(env);
    QTRY_VERIFY_WITH_TIMEOUT(ana.caughtUp() && ben.caughtUp(), kWait);
    auto shared = ana.service->addManual({ana.userId,
                                          ana.typeId(QStringLiteral("Mixing")),
                                          {},
                                          {},
                                          kHubStart - 3'600'000,
                                          kHubStart - 1'800'000,
                                          {}});
    QVERIFY(shared);
    QTRY_VERIFY_WITH_TIMEOUT(ben.service->entry(shared->id).has_value(), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(ana.caughtUp() && ben.caughtUp(), kWait);

    // Ana, offline: 30 starts, a note on the shared entry, 30 more starts. Ben changes the shared
    // entry first, so Ana's note is refused half-way through her replay.
    ana.client->stop();
    QStringList made = startOffline(ana, env, 30);
    Adjustment note;
    note.entryId = shared->id;
    note.actorId = ana.userId;
    note.note = QStringLiteral("Ana's note");
    note.reason = QStringLiteral("typo");
    QVERIFY(ana.service->adjust(note));
    made += startOffline(ana, env, 30);
    Adjustment byBen = note;
    byBen.actorId = ben.userId;
    byBen.note = QStringLiteral("Ben's note");
    QVERIFY(ben.service->adjust(byBen));
    QTRY_VERIFY_WITH_TIMEOUT(ben.caughtUp(), kWait);
    QCOMPARE(ana.outbox->pendingCount(), 61);

    ana.connectTo(env);
    QTRY_VERIFY_WITH_TIMEOUT(ana.caughtUp(), kWait);

    // The note is a conflict; every start before and after it applied once, in order.
    const QList<SyncConflict> conflicts = ana.outbox->conflicts();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts.first().code, ErrorCode::Conflict);
    QCOMPARE(conflicts.first().entryId, shared->id);
    QCOMPARE(startedAtHub(*env.db, env.orgId), made);
    QCOMPARE(env.entryCount(), 61); // the shared entry and the 60 started
    QCOMPARE(env.entry(shared->id)->note, QStringLiteral("Ben's note"));
    QTRY_COMPARE_WITH_TIMEOUT(ana.service->entry(shared->id)->note, QStringLiteral("Ben's note"),
                              kWait);
    QVERIFY(ana.service->entry(made.last())->isRunning());
}

QTEST_GUILESS_MAIN(TestOutboxReplay)
#include "tst_outbox_replay.moc"
