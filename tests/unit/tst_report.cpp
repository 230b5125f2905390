// ReportService: clipping at the period's edges, splitting at local midnight (DST days included),
// running entries, rounding of costs, and agreement with the History totals. Runs in
// Europe/Paris (see CMakeLists.txt: TZ), where 2026-03-29 has 23 hours and 2026-10-25 has 25.
#include "TestStore.h"
#include "domain/Format.h"
#include "domain/Money.h"
#include "report/ReportService.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>

using namespace st;

namespace {

constexpr Ms kMinute = 60'000;
constexpr Ms kHour = 60 * kMinute;

Ms local(int y, int m, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, mi)).toMSecsSinceEpoch();
}

EntryFilter period(const QDate &first, const QDate &last)
{
    const format::Range r = format::days(first, last);
    EntryFilter f;
    f.from = r.from;
    f.to = r.to;
    return f;
}

const ReportGroup *group(const Report &r, const QString &key)
{
    for (const ReportGroup &g : r.groups) {
        if (g.key == key)
            return &g;
    }
    return nullptr;
}

void checkGroupsAddUp(const Report &r)
{
    Ms ms = 0;
    qint64 cents = 0;
    for (const ReportGroup &g : r.groups) {
        ms += g.billableMs;
        cents += g.costCents;
    }
    QCOMPARE(ms, r.total.billableMs);
    QCOMPARE(cents, r.total.costCents);
}

} // namespace

class TestReport final : public QObject
{
    Q_OBJECT

    TimeEntry add(test::TestStore &s, const QString &type, Ms from, Ms to,
                  const QString &userId = {}, const QString &roomId = {}, Ms pausedMs = 0)
    {
        ManualEntry m;
        m.userId = userId.isEmpty() ? s.userId() : userId;
        m.taskTypeId = s.typeId(type);
        m.roomId = roomId;
        m.startedAt = from;
        m.endedAt = to;
        m.pausedMs = pausedMs;
        auto added = s.service->addManual(m);
        if (!added)
            qFatal("addManual: %s", qPrintable(added.error().message));
        return added.value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The DST expectations below hold in Paris only.
        QCOMPARE(QDate(2026, 3, 29).startOfDay().secsTo(QDate(2026, 3, 30).startOfDay()),
                 23 * 3600);
    }

    void clipsEntriesAtThePeriodEdges()
    {
        test::TestStore s;
        // 22:00 on the 10th to 02:00 on the 12th: 28 hours, of which the 11th holds 24.
        add(s, QStringLiteral("Recording"), local(2025, 11, 10, 22), local(2025, 11, 12, 2));
        ReportService reports(*s.service);
        auto r = reports.build(period(QDate(2025, 11, 11), QDate(2025, 11, 11)),
                               ReportGrouping::TaskType);
        QVERIFY(r.ok());
        QCOMPARE(r->total.billableMs, 24 * kHour);
        QCOMPARE(r->total.costCents, 24 * 6000);
        QCOMPARE(r->total.entries, 1);
        QCOMPARE(r->groups.size(), 1);
        QCOMPARE(r->groups.first().name, QStringLiteral("Recording"));
        QCOMPARE(r->groups.first().billableMs, 24 * kHour);

        // An entry ending exactly where the period starts is not in it.
        auto after = reports.build(period(QDate(2025, 11, 12), QDate(2025, 11, 12)),
                                   ReportGrouping::TaskType);
        QCOMPARE(after->total.billableMs, 2 * kHour);
        auto later = reports.build(period(QDate(2025, 11, 13), QDate(2025, 11, 13)),
                                   ReportGrouping::TaskType);
        QCOMPARE(later->total.entries, 0);
        QVERIFY(later->groups.isEmpty());
    }

    void splitsAnEntryAtLocalMidnight()
    {
        test::TestStore s;
        add(s, QStringLiteral("Mixing"), local(2025, 11, 10, 22, 30), local(2025, 11, 11, 1, 15));
        auto r = ReportService(*s.service)
                     .build(period(QDate(2025, 11, 10), QDate(2025, 11, 11)), ReportGrouping::Day);
        QVERIFY(r.ok());
        QCOMPARE(r->groups.size(), 2);
        QCOMPARE(r->groups.at(0).key, QStringLiteral("2025-11-10"));
        QCOMPARE(r->groups.at(0).billableMs, 90 * kMinute);
        QCOMPARE(r->groups.at(1).key, QStringLiteral("2025-11-11"));
        QCOMPARE(r->groups.at(1).billableMs, 75 * kMinute);
        QCOMPARE(r->groups.at(0).entries, 1);
        QCOMPARE(r->groups.at(1).entries, 1);
        QCOMPARE(r->total.entries, 1);
        // 2:45 at 55.00 = 151.25, rounded once and shared: 82.50 + 68.75.
        QCOMPARE(r->total.costCents, 15125);
        QCOMPARE(r->groups.at(0).costCents, 8250);
        QCOMPARE(r->groups.at(1).costCents, 6875);
        checkGroupsAddUp(*r);
    }

    void dstDaysHave23And25Hours()
    {
        test::TestStore s;
        ReportService reports(*s.service);
        // Noon to noon across the spring change: 12 + 23 + 12 hours.
        add(s, QStringLiteral("Recording"), local(2026, 3, 28, 12), local(2026, 3, 30, 12));
        auto spring =
            reports.build(period(QDate(2026, 3, 28), QDate(2026, 3, 30)), ReportGrouping::Day);
        QVERIFY(spring.ok());
        QCOMPARE(spring->groups.size(), 3);
        QCOMPARE(spring->groups.at(0).billableMs, 12 * kHour);
        QCOMPARE(spring->groups.at(1).billableMs, 23 * kHour);
        QCOMPARE(spring->groups.at(1).to - spring->groups.at(1).from, 23 * kHour);
        QCOMPARE(spring->groups.at(2).billableMs, 12 * kHour);
        QCOMPARE(spring->total.billableMs, 47 * kHour);
        checkGroupsAddUp(*spring);

        // And the autumn change: 12 + 25 + 12 hours.
        add(s, QStringLiteral("Mixing"), local(2026, 10, 24, 12), local(2026, 10, 26, 12));
        auto autumn =
            reports.build(period(QDate(2026, 10, 24), QDate(2026, 10, 26)), ReportGrouping::Day);
        QCOMPARE(autumn->groups.size(), 3);
        QCOMPARE(autumn->groups.at(1).key, QStringLiteral("2026-10-25"));
        QCOMPARE(autumn->groups.at(1).billableMs, 25 * kHour);
        QCOMPARE(autumn->groups.at(1).costCents, 25 * 5500);
        QCOMPARE(autumn->total.billableMs, 49 * kHour);
        checkGroupsAddUp(*autumn);

        // A report of the 25-hour day alone.
        auto day = reports.build(period(QDate(2026, 10, 25), QDate(2026, 10, 25)),
                                 ReportGrouping::TaskType);
        QCOMPARE(day->total.billableMs, 25 * kHour);
    }

    void runningEntriesCountUpToNow()
    {
        test::TestStore s(local(2025, 11, 20, 10));
        auto started =
            s.service->start({s.userId(), s.typeId(QStringLiteral("Recording")), {}, {}, {}, {}});
        QVERIFY(started.ok());
        s.clock.advanceMinutes(90);
        ReportService reports(*s.service);
        const EntryFilter today = period(QDate(2025, 11, 20), QDate(2025, 11, 20));
        auto r = reports.build(today, ReportGrouping::User);
        QCOMPARE(r->total.billableMs, 90 * kMinute);
        QCOMPARE(r->total.costCents, 9000);
        QCOMPARE(r->groups.first().name, s.profile.user.name);
        QCOMPARE(r->now, s.clock.nowMs());

        // Paused: the time after the pause does not count.
        QVERIFY(s.service->pause(s.userId()).ok());
        s.clock.advanceMinutes(30);
        r = reports.build(today, ReportGrouping::TaskType);
        QCOMPARE(r->total.billableMs, 90 * kMinute);
        const Totals history = s.service->totals(today);
        QCOMPARE(r->total.billableMs, history.billableMs);
        QCOMPARE(r->total.costCents, history.costCents);
    }

    void pausesAreSharedInProportion()
    {
        test::TestStore s;
        // 4 hours, 1 of them paused, 2 on each side of midnight: 1:30 billable on each day.
        add(s, QStringLiteral("Setup"), local(2025, 11, 10, 22), local(2025, 11, 11, 2), {}, {},
            kHour);
        auto r = ReportService(*s.service)
                     .build(period(QDate(2025, 11, 10), QDate(2025, 11, 11)), ReportGrouping::Day);
        QCOMPARE(r->groups.at(0).billableMs, 90 * kMinute);
        QCOMPARE(r->groups.at(1).billableMs, 90 * kMinute);
        QCOMPARE(r->total.costCents, 12000);
    }

    void billablePiecesAddUpExactly()
    {
        TimeEntry e;
        e.startedAt = 1'000'000'000'007;
        e.endedAt = e.startedAt + 7 * kHour + 12'345;
        e.pausedMs = 3 * kHour + 777;
        const Ms total = e.billableMs(0);
        QCOMPARE(e.billableMsWithin(e.startedAt - kHour, *e.endedAt + kHour, 0), total);
        auto *rng = QRandomGenerator::global();
        for (int round = 0; round < 50; ++round) {
            QList<Ms> cuts{e.startedAt, *e.endedAt};
            for (int i = 0; i < 5; ++i)
                cuts << e.startedAt + Ms(rng->bounded(quint64(*e.endedAt - e.startedAt)));
            std::sort(cuts.begin(), cuts.end());
            Ms sum = 0;
            for (qsizetype i = 1; i < cuts.size(); ++i)
                sum += e.billableMsWithin(cuts.at(i - 1), cuts.at(i), 0);
            QCOMPARE(sum, total);
        }
        QCOMPARE(e.billableMsWithin(*e.endedAt, e.startedAt, 0), Ms(0));

        // A running entry paused for now: its billable time lies before the pause.
        TimeEntry running;
        running.startedAt = 1'000'000'000'000;
        running.pausedAt = running.startedAt + 2 * kHour;
        const Ms now = running.startedAt + 5 * kHour;
        QCOMPARE(running.billableMs(now), 2 * kHour);
        QCOMPARE(running.billableMsWithin(running.startedAt, running.startedAt + kHour, now),
                 kHour);
        QCOMPARE(running.billableMsWithin(*running.pausedAt, now, now), Ms(0));
    }

    void costsAreSumsOfRoundedEntryCosts()
    {
        test::TestStore s;
        // One minute of Mixing at 55.00/h is 91.67 cents: each entry rounds to 92.
        for (int i = 0; i < 3; ++i)
            add(s, QStringLiteral("Mixing"), local(2025, 11, 10, 9, i * 2),
                local(2025, 11, 10, 9, i * 2 + 1));
        auto r =
            ReportService(*s.service)
                .build(period(QDate(2025, 11, 10), QDate(2025, 11, 10)), ReportGrouping::TaskType);
        QCOMPARE(r->total.costCents, 276);
        QCOMPARE(r->total.entries, 3);
    }

    void groupsByUserAndRoomInNameOrder()
    {
        test::TestStore s;
        auto zoe = s.service->ensureUser(QStringLiteral("Zoé"));
        auto adam = s.service->ensureUser(QStringLiteral("adam"));
        auto roomB = s.service->saveRoom(Room{{}, {}, QStringLiteral("Studio B"), false, 0});
        auto roomA = s.service->saveRoom(Room{{}, {}, QStringLiteral("Studio A"), false, 0});
        QVERIFY(zoe && adam && roomA && roomB);
        add(s, QStringLiteral("Recording"), local(2025, 11, 10, 9), local(2025, 11, 10, 10),
            zoe->id, roomB->id);
        add(s, QStringLiteral("Recording"), local(2025, 11, 10, 9), local(2025, 11, 10, 11),
            adam->id, roomA->id);
        add(s, QStringLiteral("Break"), local(2025, 11, 10, 12), local(2025, 11, 10, 13), adam->id);
        ReportService reports(*s.service);
        const EntryFilter f = period(QDate(2025, 11, 10), QDate(2025, 11, 10));

        auto byUser = reports.build(f, ReportGrouping::User);
        QCOMPARE(byUser->groups.size(), 2);
        QCOMPARE(byUser->groups.at(0).name, QStringLiteral("adam"));
        QCOMPARE(byUser->groups.at(0).billableMs, 3 * kHour);
        QCOMPARE(byUser->groups.at(0).costCents, 12000); // the break is not billed
        QCOMPARE(byUser->groups.at(1).name, QStringLiteral("Zoé"));

        auto byRoom = reports.build(f, ReportGrouping::Room);
        QCOMPARE(byRoom->groups.size(), 3);
        QCOMPARE(byRoom->groups.at(0).name, QStringLiteral("Studio A"));
        QCOMPARE(byRoom->groups.at(1).name, QStringLiteral("Studio B"));
        QCOMPARE(byRoom->groups.at(2).key, QString());
        QCOMPARE(byRoom->groups.at(2).name, QStringLiteral("No room"));

        auto byTask = reports.build(f, ReportGrouping::TaskType);
        QCOMPARE(byTask->groups.size(), 2);
        QCOMPARE(byTask->groups.at(0).name, QStringLiteral("Recording"));
        QCOMPARE(byTask->groups.at(0).color,
                 s.service->findTaskType(QStringLiteral("Recording"))->color);
        QCOMPARE(byTask->groups.at(1).name, QStringLiteral("Break"));
        QCOMPARE(byTask->groups.at(1).costCents, 0);
    }

    void weeksAndMonthsCoverThePeriod()
    {
        test::TestStore s;
        add(s, QStringLiteral("Recording"), local(2025, 10, 31, 23), local(2025, 11, 1, 1));
        add(s, QStringLiteral("Recording"), local(2025, 11, 9, 23), local(2025, 11, 10, 1));
        ReportService reports(*s.service);
        const EntryFilter f = period(QDate(2025, 10, 15), QDate(2025, 11, 15));
        auto months = reports.build(f, ReportGrouping::Month);
        QCOMPARE(months->groups.size(), 2);
        QCOMPARE(months->groups.at(0).key, QStringLiteral("2025-10"));
        QCOMPARE(months->groups.at(0).from, *f.from); // clipped to the period
        QCOMPARE(months->groups.at(0).billableMs, kHour);
        QCOMPARE(months->groups.at(1).key, QStringLiteral("2025-11"));
        QCOMPARE(months->groups.at(1).billableMs, 3 * kHour);
        checkGroupsAddUp(*months);

        auto weeks = reports.build(f, ReportGrouping::Week);
        // 15 Oct (W42) to 15 Nov (W46): five ISO weeks, empty ones included.
        QCOMPARE(weeks->groups.size(), 5);
        QCOMPARE(weeks->groups.first().key, QStringLiteral("2025-W42"));
        QCOMPARE(weeks->groups.last().key, QStringLiteral("2025-W46"));
        // Sunday 9 Nov 23:00 to Monday 1:00: one hour in W45, one in W46.
        QCOMPARE(group(*weeks, QStringLiteral("2025-W45"))->billableMs, kHour);
        QCOMPARE(group(*weeks, QStringLiteral("2025-W46"))->billableMs, kHour);
        QCOMPARE(group(*weeks, QStringLiteral("2025-W43"))->entries, 0);
        checkGroupsAddUp(*weeks);
    }

    void totalsEqualHistoryTotals()
    {
        test::TestStore s(local(2025, 11, 20, 16));
        auto other = s.service->ensureUser(QStringLiteral("Second engineer"));
        auto room = s.service->saveRoom(Room{{}, {}, QStringLiteral("Live room"), false, 0});
        QVERIFY(other && room);
        const QStringList types{QStringLiteral("Setup"), QStringLiteral("Recording"),
                                QStringLiteral("Mixing"), QStringLiteral("Mastering"),
                                QStringLiteral("Break")};
        // Odd durations and pauses inside 10..19 November, none crossing the edges.
        Ms t = local(2025, 11, 10, 8);
        for (int i = 0; i < 40; ++i) {
            const Ms length = (7 + (i * 37) % 190) * kMinute + i * 1013;
            add(s, types.at(i % 5), t, t + length, i % 2 ? other->id : s.userId(),
                i % 3 ? QString() : room->id, (i % 4) * 61'111);
            t += length + (i % 7) * 13 * kMinute;
        }
        QVERIFY(t < local(2025, 11, 20, 0));
        // And a running timer today.
        QVERIFY(s.service
                    ->start({s.userId(),
                             s.typeId(QStringLiteral("Mixing")),
                             {},
                             {},
                             local(2025, 11, 20, 9, 17),
                             {}})
                    .ok());

        ReportService reports(*s.service);
        const EntryFilter f = period(QDate(2025, 11, 10), QDate(2025, 11, 20));
        const Totals history = s.service->totals(f);
        QCOMPARE(history.entries, 41);
        for (ReportGrouping by :
             {ReportGrouping::TaskType, ReportGrouping::User, ReportGrouping::Room,
              ReportGrouping::Day, ReportGrouping::Week, ReportGrouping::Month}) {
            auto r = reports.build(f, by);
            QVERIFY(r.ok());
            QCOMPARE(r->total.billableMs, history.billableMs);
            QCOMPARE(r->total.costCents, history.costCents);
            QCOMPARE(r->total.entries, history.entries);
            checkGroupsAddUp(*r);
        }
        // Per task type too, and with a filter.
        auto byTask = reports.build(f, ReportGrouping::TaskType);
        QCOMPARE(byTask->groups.size(), history.perTaskType.size());
        for (qsizetype i = 0; i < byTask->groups.size(); ++i) {
            QCOMPARE(byTask->groups.at(i).key, history.perTaskType.at(i).taskTypeId);
            QCOMPARE(byTask->groups.at(i).costCents, history.perTaskType.at(i).costCents);
        }
        EntryFilter onlyOther = f;
        onlyOther.userIds = {other->id};
        QCOMPARE(reports.build(onlyOther, ReportGrouping::Day)->total.costCents,
                 s.service->totals(onlyOther).costCents);
    }

    void entriesComeOldestFirst()
    {
        test::TestStore s;
        const int count = 2007; // more than a page of the paging this replaced
        ManualBatch batch;      // one transaction: quicker than one per entry
        Ms t = local(2025, 1, 1, 0);
        for (int i = 0; i < count; ++i, t += 2 * kMinute)
            batch.entries << ManualEntry{
                s.userId(), s.typeId(QStringLiteral("Recording")), {}, {}, t, t + kMinute, {}, 0};
        QVERIFY(s.service->addManualBatch(batch).ok());
        const QList<TimeEntry> all = ReportService(*s.service).entries({});
        QCOMPARE(all.size(), count);
        for (qsizetype i = 1; i < all.size(); ++i)
            QVERIFY(all.at(i - 1).startedAt < all.at(i).startedAt);
    }

    // 20,000 entries over four years (some crossing midnight, some paused, one running), read in
    // one pass: every grouping's total is the sum of the entries' own clipped times and rounded
    // costs, and its groups add up to it.
    void aLongHistoryTotalsItsEntries()
    {
        test::TestStore s(local(2026, 6, 1, 12));
        auto other = s.service->ensureUser(QStringLiteral("Second engineer"));
        auto room = s.service->saveRoom(Room{{}, {}, QStringLiteral("Live room"), false, 0});
        QVERIFY(other && room);
        QHash<QString, qint64> rates;
        QStringList typeIds;
        for (const TaskType &t : s.service->taskTypes(true)) {
            rates.insert(t.id, t.effectiveRateCents());
            typeIds << t.id;
        }
        QList<TimeEntry> stored;
        Ms t = local(2022, 1, 1, 8);
        for (int b = 0; b < 10; ++b) {
            ManualBatch batch;
            for (int i = 0; i < 2000; ++i) {
                const int n = b * 2000 + i;
                const Ms length = (20 + (n * 37) % 100) * kMinute + n % 1000;
                const Ms paused = n % 9 == 0 ? (n % 17) * kMinute : 0;
                batch.entries << ManualEntry{n % 2 ? other->id : s.userId(),
                                             typeIds.at(n % typeIds.size()),
                                             n % 3 ? QString() : room->id,
                                             {},
                                             t,
                                             t + length,
                                             {},
                                             paused};
                TimeEntry e;
                e.taskTypeId = typeIds.at(n % typeIds.size());
                e.startedAt = t;
                e.endedAt = t + length;
                e.pausedMs = paused;
                stored << e;
                t += length + (5 + (n * 13) % 30) * kMinute;
            }
            QVERIFY(s.service->addManualBatch(batch).ok());
        }
        QVERIFY(t < local(2026, 5, 1));
        auto running =
            s.service->start({s.userId(), typeIds.at(1), {}, {}, local(2026, 5, 31, 22, 30), {}});
        QVERIFY(running);
        stored << running.value();

        // The period cuts an entry at each end (the running one at its end).
        EntryFilter f;
        f.from = local(2022, 1, 1, 9);
        f.to = local(2026, 6, 1, 11);
        const Ms now = s.clock.nowMs();
        Ms billable = 0;
        qint64 cents = 0;
        int entries = 0;
        QHash<QString, qint64> centsByType;
        for (const TimeEntry &e : std::as_const(stored)) {
            if (e.effectiveEnd(now) <= *f.from || e.startedAt >= *f.to)
                continue;
            const Ms ms = e.billableMsWithin(*f.from, *f.to, now);
            billable += ms;
            cents += money::costCents(ms, rates.value(e.taskTypeId));
            centsByType[e.taskTypeId] += money::costCents(ms, rates.value(e.taskTypeId));
            ++entries;
        }
        QCOMPARE(entries, 20'000); // the first entry ends before the period; the second crosses in
        ReportService reports(*s.service);
        for (ReportGrouping by :
             {ReportGrouping::TaskType, ReportGrouping::User, ReportGrouping::Room,
              ReportGrouping::Day, ReportGrouping::Week, ReportGrouping::Month}) {
            auto r = reports.build(f, by);
            QVERIFY(r.ok());
            QCOMPARE(r->total.entries, entries);
            QCOMPARE(r->total.billableMs, billable);
            QCOMPARE(r->total.costCents, cents);
            checkGroupsAddUp(*r);
            if (by == ReportGrouping::TaskType) {
                for (const ReportGroup &g : r->groups)
                    QCOMPARE(g.costCents, centsByType.value(g.key));
            }
        }
    }

    void aFailedReadIsAnErrorNotAnEmptyReport()
    {
        test::TestStore s;
        add(s, QStringLiteral("Recording"), local(2025, 11, 10, 9), local(2025, 11, 10, 10));
        QSqlQuery drop(s.db->connection());
        QVERIFY(drop.exec(QStringLiteral("DROP TABLE entry_audit")));
        QVERIFY(drop.exec(QStringLiteral("DROP TABLE time_entries")));
        ReportService reports(*s.service);
        const EntryFilter f = period(QDate(2025, 11, 1), QDate(2025, 11, 30));
        for (ReportGrouping by : {ReportGrouping::TaskType, ReportGrouping::Day}) {
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                                   "Query failed: .*time_entries.* with \\[.*")));
            auto r = reports.build(f, by);
            QVERIFY(!r);
            QCOMPARE(r.error().code, ErrorCode::Internal);
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Query failed: ")));
        auto read = reports.readEntries(f);
        QVERIFY(!read);
        QCOMPARE(read.error().code, ErrorCode::Internal);
    }

    void jsonAndCsvShapes()
    {
        test::TestStore s;
        add(s, QStringLiteral("Recording"), local(2025, 11, 10, 9), local(2025, 11, 10, 10, 30));
        ReportService reports(*s.service);
        auto r =
            reports.build(period(QDate(2025, 11, 10), QDate(2025, 11, 11)), ReportGrouping::Day);
        const QJsonObject json = reports.toJson(*r);
        for (const char *key : {"from", "to", "by", "currency", "groups", "total"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QCOMPARE(json.value(QStringLiteral("by")).toString(), QStringLiteral("day"));
        QCOMPARE(json.value(QStringLiteral("from")).toString(),
                 QStringLiteral("2025-11-10T00:00:00+01:00"));
        const QJsonObject first = json.value(QStringLiteral("groups")).toArray().first().toObject();
        for (const char *key : {"key", "name", "durationSeconds", "costCents", "entries"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QCOMPARE(first.value(QStringLiteral("durationSeconds")).toInteger(), 5400);
        QCOMPARE(first.value(QStringLiteral("costCents")).toInteger(), 9000);
        const QJsonObject total = json.value(QStringLiteral("total")).toObject();
        QCOMPARE(total.value(QStringLiteral("entries")).toInt(), 1);
        QCOMPARE(total.value(QStringLiteral("durationSeconds")).toInteger(), 5400);

        const QString csv = reports.toCsv(*r);
        QVERIFY(csv.startsWith(QStringLiteral("key,name,durationSeconds,duration,cost,currency,"
                                              "entries\r\n")));
        QVERIFY(csv.contains(QStringLiteral("2025-11-10,2025-11-10,5400,1:30:00,90.00,")));
        QVERIFY(csv.contains(QStringLiteral("total,Total,5400,1:30:00,90.00,")));
    }

    void refusesAPeriodWithoutEndsOrBackwards()
    {
        test::TestStore s;
        ReportService reports(*s.service);
        QVERIFY(!reports.build({}, ReportGrouping::Day).ok());
        EntryFilter backwards;
        backwards.from = local(2025, 11, 10);
        backwards.to = local(2025, 11, 9);
        QVERIFY(!reports.build(backwards, ReportGrouping::Day).ok());
        QCOMPARE(reportGroupingFromName(QStringLiteral("Week")), ReportGrouping::Week);
        QVERIFY(!reportGroupingFromName(QStringLiteral("year")));
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
