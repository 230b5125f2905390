// Rates through sync, with a real hub and two desks over loopback (issue 11, docs/REPORTS.md
// "Rates"): a rate history travels with its task type, and an entry travels with the rate it was
// recorded at, so a desk whose own rate differs still shows the entry's.

#include "FakeClock.h"
#include "TestDesk.h"
#include "TestHub.h"
#include "store/Repositories.h"

#include <QDateTime>
#include <QTest>

using namespace st;
using namespace st::test;

namespace {

constexpr Ms kHubStart = 1'764'316'800'000; // 2025-11-28T08:00:00Z
constexpr int kWait = 10000;

} // namespace

class TestRatesSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void entriesTravelWithTheirRate()
    {
        TestHub<FakeClock> hub(kHubStart);
        TestDesk a(QStringLiteral("Desk A"), QStringLiteral("Alice"), kHubStart);
        TestDesk b(QStringLiteral("Desk B"), QStringLiteral("Bob"), kHubStart);
        a.connectTo(hub);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        b.connectTo(hub);
        QTRY_VERIFY_WITH_TIMEOUT(b.caughtUp(), kWait);

        // A rate from a past day reaches the other desk with its history.
        const QString recA = a.typeId(QStringLiteral("Recording"));
        auto raised = a.service->setRate(recA, 8000, QDate(2025, 11, 1));
        QVERIFY2(raised, qPrintable(raised ? QString() : raised.error().message));
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        const QString recB = b.typeId(QStringLiteral("Recording"));
        QCOMPARE(recB, recA);
        QTRY_COMPARE_WITH_TIMEOUT(b.service->taskType(recB)->rates, raised->rates, kWait);

        // Desk B's own rate goes astray (written past sync): 99.00 an hour.
        TaskType astray = *b.service->taskType(recB);
        rates::setRateFrom(astray, rates::firstDay(), 9900);
        QVERIFY(CatalogRepository(*b.db).saveTaskType(astray));

        // Desk A's timer: the hub stamps the rate in effect (80.00); desk B keeps the entry's.
        auto started = a.service->start({a.userId, recA, {}, {}, std::nullopt, {}});
        QVERIFY(started);
        QCOMPARE(started->hourlyRateCents, 8000);
        QTRY_VERIFY_WITH_TIMEOUT(b.service->entry(started->id).has_value(), kWait);
        QCOMPARE(b.service->entry(started->id)->hourlyRateCents, 8000);

        a.local.advance(3'600'000);
        hub.clock.advance(3'600'000);
        b.local.advance(3'600'000);
        auto stopped = a.service->stop(a.userId);
        QVERIFY(stopped);
        QTRY_VERIFY_WITH_TIMEOUT(b.service->entry(started->id)->endedAt.has_value(), kWait);
        const TimeEntry atB = *b.service->entry(started->id);
        QCOMPARE(atB.hourlyRateCents, 8000);
        QCOMPARE(b.service->costCents(atB), 8000); // one hour at the entry's 80.00, not 99.00
    }

    void aRepriceGoesThroughTheHub()
    {
        TestHub<FakeClock> hub(kHubStart);
        TestDesk a(QStringLiteral("Desk A"), QStringLiteral("Alice"), kHubStart);
        TestDesk b(QStringLiteral("Desk B"), QStringLiteral("Bob"), kHubStart);
        a.connectTo(hub);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        b.connectTo(hub);
        QTRY_VERIFY_WITH_TIMEOUT(b.caughtUp(), kWait);
        const QString rec = a.typeId(QStringLiteral("Recording"));
        const auto day = [](int d, int h) {
            return QDateTime(QDate(2025, 11, d), QTime(h, 0)).toMSecsSinceEpoch();
        };

        // One entry from each desk, recorded at the old rate.
        auto fromA = a.service->addManual({a.userId, rec, {}, {}, day(20, 10), day(20, 11), {}});
        auto fromB = b.service->addManual({b.userId, rec, {}, {}, day(21, 10), day(21, 11), {}});
        QVERIFY(fromA && fromB);
        const qint64 oldRate = fromA->hourlyRateCents;
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp() && b.caughtUp(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(a.service->entry(fromB->id).has_value(), kWait);
        QVERIFY(b.service->entry(fromA->id).has_value());

        // A new rate from the 1st, then desk A reprices the month.
        QVERIFY(a.service->setRate(rec, oldRate + 2000, QDate(2025, 11, 1)));
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(b.service->taskType(rec)->hourlyRateCents, oldRate + 2000, kWait);
        auto repriced =
            a.service->reprice(rec, QDate(2025, 11, 1), QDate(2025, 11, 28), a.userId, true);
        QVERIFY2(repriced, qPrintable(repriced ? QString() : repriced.error().message));
        QCOMPARE(repriced->entries, 2);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);

        // Every desk and the hub hold the new rates, with the same single trail row per entry.
        for (const QString &id : {fromA->id, fromB->id}) {
            QCOMPARE(hub.entry(id)->hourlyRateCents, oldRate + 2000);
            QTRY_COMPARE_WITH_TIMEOUT(b.service->entry(id)->hourlyRateCents, oldRate + 2000, kWait);
            QCOMPARE(a.service->entry(id)->hourlyRateCents, oldRate + 2000);
            const auto repriceRows = [&](TimerService &svc) {
                QStringList ids;
                const QList<AuditRecord> trail = svc.auditTrail(id);
                for (const AuditRecord &row : trail) {
                    if (row.action == QLatin1String("reprice"))
                        ids << row.id;
                }
                return ids;
            };
            const QStringList atA = repriceRows(*a.service);
            QCOMPARE(atA.size(), 1);
            QTRY_COMPARE_WITH_TIMEOUT(repriceRows(*b.service), atA, kWait);
            QCOMPARE(a.service->auditTrail(id).last().deviceName, QStringLiteral("Desk A"));
        }
        QCOMPARE(a.outbox->conflicts().size(), 0);
        QCOMPARE(b.outbox->conflicts().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRatesSync)
#include "tst_rates_sync.moc"
