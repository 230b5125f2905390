#include "TestStore.h"
#include "timer/AwayDetector.h"
#include "timer/AwayResolution.h"
#include "timer/ForgottenTimers.h"

#include <QSignalSpy>
#include <QTest>

using namespace st;

namespace {
constexpr Ms kMinute = 60'000;
constexpr Ms kHour = 60 * kMinute;
} // namespace

class TestAway : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sleepIsTheWallClockJumpingAheadOfTheMonotonicOne()
    {
        test::FakeClock clock;
        qint64 mono = 0;
        AwayDetector detector(clock);
        detector.setMonotonicSource([&] { return mono; });
        QSignalSpy away(&detector, &AwayDetector::awayDetected);
        detector.start();

        // Awake: both clocks move together.
        clock.advance(15'000);
        mono += 15'000;
        detector.check();
        QCOMPARE(away.count(), 0);

        // Awake 15 s more, then the lid closed for 48 minutes: only the wall clock moved.
        const Ms leftAt = clock.nowMs() + 15'000;
        clock.advance(48 * kMinute + 15'000);
        mono += 15'000;
        detector.check();
        QCOMPARE(away.count(), 1);
        QCOMPARE(away.at(0).at(0).toLongLong(), leftAt);
        QCOMPARE(away.at(0).at(1).toLongLong(), clock.nowMs());

        // A late check (busy machine) is not mistaken for sleep.
        clock.advance(30'000);
        mono += 29'000;
        detector.check();
        QCOMPARE(away.count(), 1);
    }

    void idleSpanIsReportedWhenThePersonIsBack()
    {
        test::FakeClock clock;
        qint64 idle = 0;
        AwayDetector detector(clock);
        detector.setMonotonicSource([&] { return clock.nowMs(); });
        detector.setIdleSource([&] { return std::optional<qint64>(idle); });
        detector.setIdleThresholdMs(10 * kMinute);
        QVERIFY(detector.idleDetectionAvailable());
        QSignalSpy away(&detector, &AwayDetector::awayDetected);
        detector.start();

        const Ms lastInput = clock.nowMs();
        for (int i = 1; i <= 40; ++i) { // 40 minutes without input
            clock.advance(kMinute);
            idle = clock.nowMs() - lastInput;
            detector.check();
        }
        QCOMPARE(away.count(), 0); // still away: nothing to ask yet
        clock.advance(5'000);
        idle = 2'000; // a key was pressed 2 s ago
        detector.check();
        QCOMPARE(away.count(), 1);
        QCOMPARE(away.at(0).at(0).toLongLong(), lastInput);
        QCOMPARE(away.at(0).at(1).toLongLong(), clock.nowMs() - 2'000);
    }

    void withoutAnIdleSourceIdleDetectionIsOff()
    {
        test::FakeClock clock;
        AwayDetector detector(clock);
        QVERIFY(!detector.idleDetectionAvailable());
        detector.setIdleSource([] { return std::optional<qint64>(); });
        QVERIFY(!detector.idleDetectionAvailable());
    }

    void discardingTheAwayTimeMakesItAPause()
    {
        test::TestStore s;
        QVERIFY(s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Recording")), {}, {}, std::nullopt, {}}));
        const Ms leave = s.clock.nowMs() + kHour;
        s.clock.advance(2 * kHour);
        auto r =
            resolveAway(*s.service, s.userId(), AwayChoice::Discard, leave, leave + 48 * kMinute);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QVERIFY(r->isRunning());
        QCOMPARE(r->pausedMs, 48 * kMinute);
        QCOMPARE(r->billableMs(s.clock.nowMs()), 2 * kHour - 48 * kMinute);
    }

    void stoppingAtLeaveIsAnAuditedAdjustment()
    {
        test::TestStore s;
        auto e = s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Mixing")), {}, {}, std::nullopt, {}});
        const Ms leave = s.clock.nowMs() + kHour;
        s.clock.advance(3 * kHour);
        auto r =
            resolveAway(*s.service, s.userId(), AwayChoice::StopAtLeave, leave, s.clock.nowMs());
        QVERIFY(r);
        QCOMPARE(r->endedAt, leave);
        QVERIFY(r->adjusted);
        const auto trail = s.service->auditTrail(e->id);
        QCOMPARE(trail.size(), 1);
        QVERIFY(trail[0].reason.contains(QStringLiteral("Away")));
        QVERIFY(!s.service->running(s.userId()));
    }

    void keepingChangesNothing()
    {
        test::TestStore s;
        auto e = s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Mixing")), {}, {}, std::nullopt, {}});
        s.clock.advance(2 * kHour);
        auto r = resolveAway(*s.service, s.userId(), AwayChoice::Keep, e->startedAt + kHour,
                             s.clock.nowMs());
        QVERIFY(r);
        QCOMPARE(r->rev, e->rev);
        QCOMPARE(r->pausedMs, Ms(0));
    }

    void theQuestionNeverReachesBeforeTheStart()
    {
        // Issue 11: a timer started at 22:15 was asked about 22:10-22:15.
        TimeEntry e;
        e.startedAt = 22 * kHour + 15 * kMinute;
        const Ms started = e.startedAt;
        QVERIFY(!awayQuestion(e, started - 5 * kMinute, started, started));
        QVERIFY(!awayQuestion(e, started - 5 * kMinute, started + 30'000, started));
        // Away from before the start until later: asked from the start, and "Stop at" the start
        // (an entry with no time) is not offered.
        auto q = awayQuestion(e, started - 5 * kMinute, started + 20 * kMinute, started);
        QVERIFY(q);
        QCOMPARE(q->from, started);
        QCOMPARE(q->to, started + 20 * kMinute);
        QVERIFY(!q->canStop);
        // Away in the middle: every choice.
        q = awayQuestion(e, started + kHour, started + 2 * kHour, started);
        QVERIFY(q);
        QCOMPARE(q->from, started + kHour);
        QVERIFY(q->canStop);
        // Not before the watch began (a resume), and not about a paused entry.
        q = awayQuestion(e, started + kHour, started + 2 * kHour, started + 90 * kMinute);
        QVERIFY(q);
        QCOMPARE(q->from, started + 90 * kMinute);
        e.pausedAt = started + 3 * kHour;
        QVERIFY(!awayQuestion(e, started + kHour, started + 2 * kHour, started));
    }

    void stoppingWhereNothingIsLeftIsAClearRefusal()
    {
        // Issue 11: "Stop at 22:10" failed with "An entry needs a duration".
        test::TestStore s;
        auto e = s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Mixing")), {}, {}, std::nullopt, {}});
        QVERIFY(e);
        s.clock.advance(20 * kMinute);
        auto r = resolveAway(*s.service, s.userId(), AwayChoice::StopAtLeave,
                             e->startedAt - 5 * kMinute, s.clock.nowMs());
        QVERIFY(!r);
        QVERIFY(!r.error().message.contains(QStringLiteral("duration")));
        QVERIFY(r.error().message.contains(QStringLiteral("discard")));
        QVERIFY(s.service->running(s.userId())); // nothing changed
        QVERIFY(s.service->auditTrail(e->id).isEmpty());
        // Discarding from the start works: the entry counts from when they came back.
        r = resolveAway(*s.service, s.userId(), AwayChoice::Discard, e->startedAt - 5 * kMinute,
                        e->startedAt + 15 * kMinute);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->billableMs(s.clock.nowMs()), 5 * kMinute);
    }

    void forgottenTimersAreRemindedOnceEach()
    {
        // 2025-11-28 08:00 UTC; the test runs in UTC (see CMakeLists.txt).
        test::FakeClock clock;
        ForgottenTimers watch;
        watch.setThresholdMs(4 * kHour);
        watch.setEndOfDay(QTime(19, 0));
        TimeEntry e;
        e.id = newId();
        e.startedAt = clock.nowMs();
        QVERIFY(watch.due({e}, clock.nowMs() + 3 * kHour).isEmpty());
        auto due = watch.due({e}, clock.nowMs() + 4 * kHour);
        QCOMPARE(due.size(), 1);
        QCOMPARE(due[0].kind, ForgottenTimers::Kind::LongRunning);
        QVERIFY(watch.due({e}, clock.nowMs() + 5 * kHour).isEmpty()); // once
        due = watch.due({e}, clock.nowMs() + 11 * kHour);             // 19:00
        QCOMPARE(due.size(), 1);
        QCOMPARE(due[0].kind, ForgottenTimers::Kind::EndOfDay);
        QVERIFY(watch.due({e}, clock.nowMs() + 12 * kHour).isEmpty());
        // Stopped entries are forgotten; a new timer started after 19:00 is not nagged that day.
        TimeEntry late = e;
        late.id = newId();
        late.startedAt = clock.nowMs() + 12 * kHour;
        QVERIFY(watch.due({late}, clock.nowMs() + 13 * kHour).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAway)
#include "tst_away.moc"
