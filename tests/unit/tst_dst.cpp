// Runs with TZ=Europe/Paris (see CMakeLists.txt): 2026-03-29 has 23 hours, 2026-10-25 has 25.
#include "TestStore.h"
#include "domain/Format.h"

#include <QDateTime>
#include <QTest>

using namespace st;

namespace {
constexpr Ms kHour = 3'600'000;
Ms local(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min)).toMSecsSinceEpoch();
}
} // namespace

class TestDst : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theZoneIsParis()
    {
        QCOMPARE(QDateTime(QDate(2026, 7, 1), QTime(12, 0)).offsetFromUtc(), 7200);
    }

    void daysHave23Or25Hours()
    {
        const auto spring = format::days(QDate(2026, 3, 29), QDate(2026, 3, 29));
        QCOMPARE(spring.to - spring.from, 23 * kHour);
        const auto autumn = format::days(QDate(2026, 10, 25), QDate(2026, 10, 25));
        QCOMPARE(autumn.to - autumn.from, 25 * kHour);
    }

    void anEntryAcrossTheAutumnChangeBillsRealTime()
    {
        test::TestStore s(local(2026, 10, 26, 12));
        // 01:30 to 03:30 local on the night clocks go back: three real hours.
        const Ms start = local(2026, 10, 25, 1, 30);
        const Ms end = local(2026, 10, 25, 3, 30);
        QCOMPARE(end - start, 3 * kHour);
        auto e = s.service->addManual(
            {s.userId(), s.typeId(QStringLiteral("Recording")), {}, {}, start, end, {}});
        QVERIFY(e);
        QCOMPARE(s.service->costCents(*e), 18000);
        EntryFilter f;
        const auto day = format::days(QDate(2026, 10, 25), QDate(2026, 10, 25));
        f.from = day.from;
        f.to = day.to;
        QCOMPARE(s.service->totals(f).billableMs, 3 * kHour);
    }

    void anEntryAcrossMidnightBelongsToBothDays()
    {
        test::TestStore s(local(2026, 11, 28, 12));
        auto e = s.service->addManual({s.userId(),
                                       s.typeId(QStringLiteral("Mixing")),
                                       {},
                                       {},
                                       local(2026, 11, 26, 23),
                                       local(2026, 11, 27, 1),
                                       {}});
        QVERIFY(e);
        for (const QDate &d : {QDate(2026, 11, 26), QDate(2026, 11, 27)}) {
            EntryFilter f;
            const auto day = format::days(d, d);
            f.from = day.from;
            f.to = day.to;
            QCOMPARE(s.service->count(f), 1);
        }
        EntryFilter f;
        const auto day = format::days(QDate(2026, 11, 28), QDate(2026, 11, 28));
        f.from = day.from;
        f.to = day.to;
        QCOMPARE(s.service->count(f), 0);
    }

    void isoOutputCarriesTheOffsetOfThatDay()
    {
        QCOMPARE(format::isoWithOffset(local(2026, 7, 1, 9, 30)),
                 QStringLiteral("2026-07-01T09:30:00+02:00"));
        QCOMPARE(format::isoWithOffset(local(2026, 12, 1, 9, 30)),
                 QStringLiteral("2026-12-01T09:30:00+01:00"));
    }
};

QTEST_GUILESS_MAIN(TestDst)
#include "tst_dst.moc"
