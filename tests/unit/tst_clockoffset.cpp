#include "FakeClock.h"
#include "sync/ClockOffset.h"

#include <QTest>

using namespace st;

namespace {
constexpr Ms kMinute = 60'000;
} // namespace

class TestClockOffset : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unknownUntilTheFirstSample()
    {
        ClockOffset offset;
        QVERIFY(!offset.isKnown());
        QCOMPARE(offset.offsetMs(), 0);
        QCOMPARE(offset.bestRttMs(), -1);
    }

    void aSymmetricRoundTripGivesTheExactOffset()
    {
        // The hub is 7 minutes ahead; the request takes 40 ms each way.
        const Ms skew = 7 * kMinute;
        test::FakeClock local;
        ClockOffset offset;
        const Ms t0 = local.nowMs();
        const Ms server = t0 + 40 + skew;
        offset.addSample(t0, server, t0 + 80);
        QVERIFY(offset.isKnown());
        QCOMPARE(offset.offsetMs(), skew);
        QCOMPARE(offset.bestRttMs(), 80);
        QCOMPARE(offset.toHub(t0), t0 + skew);
        QCOMPARE(offset.toLocal(t0 + skew), t0);
    }

    void theLowestRoundTripWins()
    {
        const Ms skew = -4 * kMinute; // the hub is behind
        ClockOffset offset;
        Ms t = 1'000'000;
        // A slow answer whose delay was all on the way back: its estimate is 1.5 s off.
        offset.addSample(t, t + 100 + skew, t + 3100);
        QCOMPARE(offset.offsetMs(), skew - 1450);
        t += 10'000;
        offset.addSample(t, t + 20 + skew, t + 40); // fast and symmetric
        QCOMPARE(offset.offsetMs(), skew);
        t += 10'000;
        offset.addSample(t, t + 900 + skew, t + 1000); // slow again: ignored
        QCOMPARE(offset.offsetMs(), skew);
        QCOMPARE(offset.bestRttMs(), 40);
        QCOMPARE(offset.sampleCount(), 3);
    }

    void theErrorIsBoundedByHalfTheRoundTrip()
    {
        const Ms skew = 3 * kMinute + 17;
        ClockOffset offset;
        Ms t = 5'000'000;
        // Any split of a 600 ms round trip between the two ways.
        for (Ms outbound : {0, 150, 300, 450, 600}) {
            offset.reset();
            offset.addSample(t, t + outbound + skew, t + 600);
            QVERIFY(std::abs(offset.offsetMs() - skew) <= 300);
            t += 1000;
        }
    }

    void oldSamplesLeaveTheWindow()
    {
        // The local clock was reset by 2 minutes: after a window of samples the estimate follows.
        ClockOffset offset(4);
        Ms t = 1'000'000;
        offset.addSample(t, t + 10 + kMinute, t + 20); // very fast, old skew
        for (int i = 0; i < 4; ++i) {
            t += 1000;
            offset.addSample(t, t + 50 + 3 * kMinute, t + 100);
        }
        QCOMPARE(offset.sampleCount(), 4);
        QCOMPARE(offset.offsetMs(), 3 * kMinute);
    }

    void backwardsSamplesAreIgnored()
    {
        ClockOffset offset;
        offset.addSample(2000, 5000, 1000);
        QVERIFY(!offset.isKnown());
    }

    void aRestoredEstimateHoldsUntilRealSamples()
    {
        ClockOffset offset;
        offset.restore(90'000);
        QVERIFY(offset.isKnown());
        QCOMPARE(offset.offsetMs(), 90'000);
        offset.addSample(1000, 1050 + 60'000, 1100);
        QCOMPARE(offset.offsetMs(), 60'000);
        offset.reset();
        QVERIFY(!offset.isKnown());
    }

    void twoMachinesWithSkewedClocksReadTheSameElapsedTime()
    {
        // The hub's clock, and two desks: one 5 minutes behind, one 3 minutes ahead.
        test::FakeClock hub;
        test::FakeClock deskA(hub.nowMs() - 5 * kMinute);
        test::FakeClock deskB(hub.nowMs() + 3 * kMinute);
        ClockOffset offsetA;
        ClockOffset offsetB;
        // Each desk measures with an asymmetric 300 ms round trip.
        auto tick = [&](Ms ms) {
            for (test::FakeClock *c : {&hub, &deskA, &deskB})
                c->advance(ms);
        };
        auto measure = [&](test::FakeClock &desk, ClockOffset &offset) {
            const Ms t0 = desk.nowMs();
            tick(250);
            const Ms server = hub.nowMs();
            tick(50);
            offset.addSample(t0, server, desk.nowMs());
        };
        measure(deskA, offsetA);
        measure(deskB, offsetB);
        HubClock clockA(deskA, offsetA);
        HubClock clockB(deskB, offsetB);

        // Desk A starts a timer (its HubClock stamps the start); 42 minutes later both desks show
        // the elapsed time.
        const Ms startedAt = clockA.nowMs();
        tick(42 * kMinute);
        const Ms elapsedA = clockA.nowMs() - startedAt;
        const Ms elapsedB = clockB.nowMs() - startedAt;
        const Ms elapsedHub = hub.nowMs() - startedAt;
        QVERIFY2(std::abs(elapsedA - elapsedB) < 1000,
                 qPrintable(QString::number(elapsedA - elapsedB)));
        QVERIFY(std::abs(elapsedA - elapsedHub) < 1000);
        // Without the correction the desks would disagree by 8 minutes.
        QCOMPARE((deskB.nowMs() - startedAt) - (deskA.nowMs() - startedAt), 8 * kMinute);
    }
};

QTEST_GUILESS_MAIN(TestClockOffset)
#include "tst_clockoffset.moc"
