#include "domain/Json.h"
#include "domain/Types.h"

#include <QTest>

using namespace st;

namespace {
constexpr Ms kHour = 3'600'000;
constexpr Ms kT0 = 1'764'316'800'000; // 2025-11-28T08:00:00Z

TimeEntry entry(Ms start, std::optional<Ms> end)
{
    TimeEntry e;
    e.id = newId();
    e.orgId = newId();
    e.userId = newId();
    e.taskTypeId = newId();
    e.startedAt = start;
    e.endedAt = end;
    return e;
}
} // namespace

class TestDomain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void idsAreUuids()
    {
        const QString a = newId();
        QVERIFY(isValidId(a));
        QVERIFY(a != newId());
        QVERIFY(!isValidId(QStringLiteral("not-a-uuid")));
        QVERIFY(!isValidId(QString()));
    }

    void billableTimeExcludesPauses()
    {
        TimeEntry e = entry(kT0, kT0 + 2 * kHour);
        e.pausedMs = 30 * 60'000;
        QCOMPARE(e.billableMs(kT0 + 10 * kHour), 90 * 60'000);
    }

    void runningEntryCountsToNowAndStopsAtItsPause()
    {
        TimeEntry e = entry(kT0, std::nullopt);
        QCOMPARE(e.billableMs(kT0 + kHour), kHour);
        e.pausedAt = kT0 + kHour;
        QCOMPARE(e.billableMs(kT0 + 3 * kHour), kHour);
    }

    void clippingSharesPausesProportionally()
    {
        TimeEntry e = entry(kT0, kT0 + 4 * kHour);
        e.pausedMs = kHour; // 3 billable hours over 4 wall hours
        QCOMPARE(e.billableMsWithin(kT0, kT0 + 2 * kHour, kT0), Ms(90 * 60'000));
        QCOMPARE(e.billableMsWithin(kT0 - kHour, kT0 + 5 * kHour, kT0), 3 * kHour);
        QCOMPARE(e.billableMsWithin(kT0 + 5 * kHour, kT0 + 6 * kHour, kT0), Ms(0));
    }

    void overlapIsHalfOpen()
    {
        QVERIFY(overlaps(0, 10, 5, 15));
        QVERIFY(!overlaps(0, 10, 10, 20)); // touching entries do not overlap
        QVERIFY(overlaps(0, 10, 2, 3));
    }

    void validation()
    {
        QVERIFY(!validate::entryTimes(kT0, kT0 - 1));
        QCOMPARE(validate::entryTimes(kT0, kT0 - 1).error().code, ErrorCode::Invalid);
        QVERIFY(validate::entryTimes(kT0, kT0));
        QVERIFY(validate::entryTimes(kT0, std::nullopt));
        QVERIFY(!validate::entryTimes(0, std::nullopt));
        QVERIFY(!validate::userName(QStringLiteral("   ")));
        QVERIFY(!validate::userName(QString(81, QLatin1Char('a'))));
        QVERIFY(!validate::note(QString(2001, QLatin1Char('a'))));

        TaskType t;
        t.id = newId();
        t.orgId = newId();
        t.name = QStringLiteral("Recording");
        t.color = QStringLiteral("#e15759");
        t.hourlyRateCents = 6000;
        QVERIFY(validate::taskType(t));
        t.color = QStringLiteral("red");
        QVERIFY(!validate::taskType(t));
        t.color = QStringLiteral("#e15759");
        t.hourlyRateCents = -1;
        QVERIFY(!validate::taskType(t));
    }

    void entryJsonRoundTrip()
    {
        TimeEntry e = entry(kT0, kT0 + kHour);
        e.note = QStringLiteral("Vocals, \"take 3\"\nwith a line break");
        e.roomId = newId();
        e.pausedMs = 60'000;
        e.rev = 4;
        e.adjusted = true;
        const auto back = json::toEntry(json::fromEntry(e));
        QVERIFY2(back, back ? "" : qPrintable(back.error().message));
        QCOMPARE(back->id, e.id);
        QCOMPARE(back->note, e.note);
        QCOMPARE(back->roomId, e.roomId);
        QCOMPARE(back->startedAt, e.startedAt);
        QCOMPARE(back->endedAt, e.endedAt);
        QCOMPARE(back->pausedMs, e.pausedMs);
        QCOMPARE(back->rev, 4);
        QVERIFY(back->adjusted);
    }

    void entryJsonRefusesBadFields()
    {
        QJsonObject o = json::fromEntry(entry(kT0, kT0 + kHour));
        QJsonObject bad = o;
        bad.insert(QStringLiteral("startedAt"), QStringLiteral("yesterday"));
        QVERIFY(!json::toEntry(bad));
        bad = o;
        bad.insert(QStringLiteral("endedAt"), double(kT0 - 1));
        QCOMPARE(json::toEntry(bad).error().code, ErrorCode::Invalid);
        bad = o;
        bad.insert(QStringLiteral("id"), QStringLiteral("1; DROP TABLE"));
        QVERIFY(!json::toEntry(bad));
        bad = o;
        bad.insert(QStringLiteral("startedAt"), 1.5);
        QVERIFY(!json::toEntry(bad));
        bad = o;
        bad.remove(QStringLiteral("taskTypeId"));
        QVERIFY(!json::toEntry(bad));
    }

    void errorCodesMatchTheProtocol()
    {
        QCOMPARE(errorCodeName(ErrorCode::NotFound), QStringLiteral("not_found"));
        QCOMPARE(errorCodeName(ErrorCode::RateLimited), QStringLiteral("rate_limited"));
        QCOMPARE(errorCodeFromName(QStringLiteral("conflict")), ErrorCode::Conflict);
        QVERIFY(!errorCodeFromName(QStringLiteral("oops")));
    }
};

QTEST_GUILESS_MAIN(TestDomain)
#include "tst_domain.moc"
