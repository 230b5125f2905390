#include "domain/Json.h"
#include "domain/Types.h"

#include <QJsonArray>
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

    void closingAPauseFoldsItIn()
    {
        TimeEntry e = entry(kT0, std::nullopt);
        e.pausedAt = kT0 + kHour;
        e.closePause(kT0 + 2 * kHour);
        QCOMPARE(e.pausedMs, kHour);
        QVERIFY(!e.isPaused());
        e.closePause(kT0 + 5 * kHour); // no pause open: nothing changes
        QCOMPARE(e.pausedMs, kHour);
    }

    void auditRowsHaveOneShape()
    {
        TimeEntry before = entry(kT0, kT0 + kHour);
        TimeEntry after = before;
        after.endedAt = kT0 + 2 * kHour;
        AuditRecord row;
        row.id = newId();
        row.entryId = before.id;
        row.actorId = before.userId;
        row.actorName = QStringLiteral("Ana");
        row.deviceId = newId();
        row.deviceName = QStringLiteral("desk-2");
        row.at = kT0 + 3 * kHour + 7;
        row.action = QStringLiteral("adjust");
        row.before = audit::entryState(before);
        row.after = audit::entryState(after);
        row.reason = QStringLiteral("ended later");
        const QJsonObject shown = audit::toJson(row);
        QCOMPARE(shown.keys(), (QStringList{QStringLiteral("after"), QStringLiteral("at"),
                                            QStringLiteral("before"), QStringLiteral("device"),
                                            QStringLiteral("reason"), QStringLiteral("user")}));
        QCOMPARE(shown.value(QStringLiteral("at")).toString(),
                 QStringLiteral("2025-11-28T11:00:00.007Z"));
        QCOMPARE(shown.value(QStringLiteral("device")).toObject().value(QStringLiteral("name")),
                 QJsonValue(QStringLiteral("desk-2")));
        QCOMPARE(row.before.value(QStringLiteral("roomId")), QJsonValue()); // null: no room
        QCOMPARE(row.after.value(QStringLiteral("endedAt")).toDouble(), double(kT0 + 2 * kHour));
        // The wire form reads back to the same row; a row without a usable id does not.
        const auto back = audit::fromWire(audit::toWire(row));
        QVERIFY(back);
        QCOMPARE(audit::toWire(*back), audit::toWire(row));
        QCOMPARE(back->at, row.at);
        QJsonObject broken = audit::toWire(row);
        broken.insert(QStringLiteral("id"), QStringLiteral("x"));
        QVERIFY(!audit::fromWire(broken));
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
        // Found by fuzz_protocol: a time past any integer type is refused, not converted.
        bad = o;
        bad.insert(QStringLiteral("startedAt"), 1.76432e21);
        QCOMPARE(json::toEntry(bad).error().code, ErrorCode::Invalid);
    }

    void wholeNumbersStayInJavaScriptsSafeRange()
    {
        QCOMPARE(json::wholeNumber(QJsonValue(-5)), std::optional<qint64>(-5));
        QCOMPARE(json::wholeNumber(QJsonValue(9007199254740991.0)),
                 std::optional<qint64>(9007199254740991LL));
        for (const QJsonValue &v :
             {QJsonValue(9007199254740992.0), QJsonValue(1.76432e21), QJsonValue(-1e300),
              QJsonValue(1.5), QJsonValue(qQNaN()), QJsonValue(QStringLiteral("7")), QJsonValue()})
            QVERIFY(!json::wholeNumber(v));
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
