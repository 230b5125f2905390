// Billing in reports (issue 12, docs/REPORTS.md "Clients and projects", "Rounding"): groups by
// client, project and tag; billable and non-billable apart; rounding per entry, in reports only.
#include "TestStore.h"
#include "domain/Rounding.h"
#include "report/ReportService.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTest>

using namespace st;

namespace {

constexpr Ms kMinute = 60'000;
constexpr Ms kHour = 60 * kMinute;

Ms local(int y, int m, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, mi)).toMSecsSinceEpoch();
}

EntryFilter november(test::TestStore &s)
{
    EntryFilter f;
    f.orgId = s.profile.org.id;
    f.from = local(2025, 11, 1);
    f.to = local(2025, 12, 1);
    return f;
}

QString clientId(test::TestStore &s, const QString &name, std::optional<qint64> rate = {})
{
    Client c;
    c.name = name;
    c.color = QStringLiteral("#336699");
    c.hourlyRateCents = rate;
    return s.service->saveClient(c)->id;
}

QString projectId(test::TestStore &s, const QString &name, const QString &client,
                  std::optional<qint64> rate = {})
{
    Project p;
    p.name = name;
    p.clientId = client;
    p.color = QStringLiteral("#996633");
    p.hourlyRateCents = rate;
    return s.service->saveProject(p)->id;
}

void add(test::TestStore &s, const QString &type, Ms from, Ms to, const QString &project = {},
         const QStringList &tags = {}, bool billable = true)
{
    ManualEntry m;
    m.userId = s.userId();
    m.taskTypeId = s.typeId(type);
    m.startedAt = from;
    m.endedAt = to;
    m.projectId = project;
    m.tags = tags;
    m.billable = billable;
    if (auto r = s.service->addManual(m); !r)
        qFatal("addManual: %s", qPrintable(r.error().message));
}

Report build(test::TestStore &s, ReportGrouping by, Rounding rounding = {},
             bool billableOnly = false)
{
    EntryFilter f = november(s);
    f.billableOnly = billableOnly;
    auto r = ReportService(*s.service).build(f, by, rounding);
    if (!r)
        qFatal("report: %s", qPrintable(r.error().message));
    return r.value();
}

const ReportGroup *group(const Report &r, const QString &name)
{
    for (const ReportGroup &g : r.groups) {
        if (g.name == name)
            return &g;
    }
    return nullptr;
}

Rounding rounding(int minutes, Rounding::Mode mode)
{
    Rounding r;
    r.minutes = minutes;
    r.mode = mode;
    return r;
}

} // namespace

class TestBilling final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundingAtEveryStepAndDirection_data()
    {
        QTest::addColumn<int>("minutes");
        QTest::addColumn<Ms>("ms");
        QTest::addColumn<Ms>("up");
        QTest::addColumn<Ms>("nearest");
        QTest::addColumn<Ms>("down");
        // 7 min 30 s: half of a quarter hour rounds up when nearest.
        const Ms t = 7 * kMinute + 30'000;
        QTest::newRow("1") << 1 << t << 8 * kMinute << 8 * kMinute << 7 * kMinute;
        QTest::newRow("5") << 5 << t << 10 * kMinute << 10 * kMinute << 5 * kMinute;
        QTest::newRow("6") << 6 << t << 12 * kMinute << 6 * kMinute << 6 * kMinute;
        QTest::newRow("10") << 10 << t << 10 * kMinute << 10 * kMinute << 0LL;
        QTest::newRow("15") << 15 << t << 15 * kMinute << 15 * kMinute << 0LL;
        QTest::newRow("30") << 30 << t << 30 * kMinute << 0LL << 0LL;
        QTest::newRow("15 exact") << 15 << 30 * kMinute << 30 * kMinute << 30 * kMinute
                                  << 30 * kMinute;
        QTest::newRow("15 one ms over") << 15 << 30 * kMinute + 1 << 45 * kMinute << 30 * kMinute
                                        << 30 * kMinute;
        QTest::newRow("zero stays zero") << 15 << 0LL << 0LL << 0LL << 0LL;
    }
    void roundingAtEveryStepAndDirection()
    {
        QFETCH(int, minutes);
        QFETCH(Ms, ms);
        QFETCH(Ms, up);
        QFETCH(Ms, nearest);
        QFETCH(Ms, down);
        QCOMPARE(rounding(minutes, Rounding::Mode::Up).apply(ms), up);
        QCOMPARE(rounding(minutes, Rounding::Mode::Nearest).apply(ms), nearest);
        QCOMPARE(rounding(minutes, Rounding::Mode::Down).apply(ms), down);
        QCOMPARE(Rounding{}.apply(ms), ms); // none
    }

    void roundingIsParsedStrictly()
    {
        QCOMPARE(Rounding::parse(QStringLiteral("15")), rounding(15, Rounding::Mode::Up));
        QCOMPARE(Rounding::parse(QStringLiteral("6:nearest")),
                 rounding(6, Rounding::Mode::Nearest));
        QCOMPARE(Rounding::parse(QStringLiteral("30:DOWN")), rounding(30, Rounding::Mode::Down));
        QCOMPARE(Rounding::parse(QStringLiteral("none")), Rounding{});
        for (const char *bad : {"7", "15:sideways", "", "15:up:down", "-15", "x"})
            QVERIFY2(!Rounding::parse(QString::fromLatin1(bad)), bad);
        QCOMPARE(rounding(10, Rounding::Mode::Nearest).name(), QStringLiteral("10:nearest"));
    }

    void reportRoundsEachEntryOnItsOwnAndKeepsStoredTimes()
    {
        test::TestStore s;
        // Two entries of 7 minutes at 60.00/h: 14 minutes unrounded; 30 billed by quarter hours.
        add(s, QStringLiteral("Recording"), local(2025, 11, 3, 10), local(2025, 11, 3, 10, 7));
        add(s, QStringLiteral("Recording"), local(2025, 11, 3, 11), local(2025, 11, 3, 11, 7));
        const Report plain = build(s, ReportGrouping::TaskType);
        QCOMPARE(plain.total.billableMs, 14 * kMinute);
        QCOMPARE(plain.total.costCents, 1400);
        const Report up = build(s, ReportGrouping::TaskType, rounding(15, Rounding::Mode::Up));
        QCOMPARE(up.total.billableMs, 30 * kMinute);
        QCOMPARE(up.total.costCents, 3000);
        QCOMPARE(up.groups.first().costCents, 3000);
        const Report nearest =
            build(s, ReportGrouping::TaskType, rounding(15, Rounding::Mode::Nearest));
        QCOMPARE(nearest.total.billableMs, 0);
        QCOMPARE(nearest.total.costCents, 0);
        const Report down = build(s, ReportGrouping::TaskType, rounding(5, Rounding::Mode::Down));
        QCOMPARE(down.total.billableMs, 10 * kMinute);
        QCOMPARE(down.total.costCents, 1000);
        // The stored entries are untouched.
        QCOMPARE(build(s, ReportGrouping::TaskType).total.billableMs, 14 * kMinute);
        QCOMPARE(ReportService(*s.service).toJson(up).value(QStringLiteral("rounding")).toString(),
                 QStringLiteral("15:up"));
    }

    void roundedEntryAcrossMidnightStillAddsUp()
    {
        test::TestStore s;
        // 23:50 to 00:17, 27 minutes rounded up to 30: the two days share the 30 minutes.
        add(s, QStringLiteral("Mixing"), local(2025, 11, 3, 23, 50), local(2025, 11, 4, 0, 17));
        const Report days = build(s, ReportGrouping::Day, rounding(30, Rounding::Mode::Up));
        Ms sum = 0;
        qint64 cents = 0;
        for (const ReportGroup &g : days.groups) {
            sum += g.billableMs;
            cents += g.costCents;
        }
        QCOMPARE(sum, 30 * kMinute);
        QCOMPARE(days.total.billableMs, 30 * kMinute);
        QCOMPARE(cents, days.total.costCents);
        QCOMPARE(days.total.costCents, 2750); // 30 min at 55.00
    }

    void groupsByClientAndProjectAreNamed()
    {
        test::TestStore s;
        const QString label = clientId(s, QStringLiteral("Blue Label"), 9000);
        const QString album = projectId(s, QStringLiteral("Nightfall"), label);
        const QString single = projectId(s, QStringLiteral("Single"), label, 8000);
        const QString jingle = projectId(s, QStringLiteral("Jingle"), QString());
        add(s, QStringLiteral("Recording"), local(2025, 11, 3, 9), local(2025, 11, 3, 10), album);
        add(s, QStringLiteral("Recording"), local(2025, 11, 3, 10), local(2025, 11, 3, 11), single);
        add(s, QStringLiteral("Recording"), local(2025, 11, 3, 11), local(2025, 11, 3, 12), jingle);
        add(s, QStringLiteral("Recording"), local(2025, 11, 3, 12), local(2025, 11, 3, 13));

        const Report byProject = build(s, ReportGrouping::Project);
        QCOMPARE(byProject.groups.size(), 4);
        QCOMPARE(group(byProject, QStringLiteral("Nightfall"))->costCents, 9000); // client's
        QCOMPARE(group(byProject, QStringLiteral("Single"))->costCents, 8000);    // project's
        QCOMPARE(group(byProject, QStringLiteral("Jingle"))->costCents, 6000);    // task type's
        QCOMPARE(byProject.groups.last().name, QStringLiteral("No project"));
        QCOMPARE(byProject.groups.last().key, QString());
        QCOMPARE(byProject.total.costCents, 9000 + 8000 + 6000 + 6000);

        const Report byClient = build(s, ReportGrouping::Client);
        QCOMPARE(byClient.groups.size(), 2);
        QCOMPARE(byClient.groups.first().name, QStringLiteral("Blue Label"));
        QCOMPARE(byClient.groups.first().billableMs, 2 * kHour);
        QCOMPARE(byClient.groups.first().costCents, 17000);
        QCOMPARE(byClient.groups.last().name, QStringLiteral("No client"));
        QCOMPARE(byClient.groups.last().billableMs, 2 * kHour); // Jingle and no project
    }

    void byTagAnEntryCountsUnderEachOfItsTags()
    {
        test::TestStore s;
        add(s, QStringLiteral("Recording"), local(2025, 11, 3, 9), local(2025, 11, 3, 10), {},
            {QStringLiteral("vocals"), QStringLiteral("overdub")});
        add(s, QStringLiteral("Recording"), local(2025, 11, 3, 10), local(2025, 11, 3, 11), {},
            {QStringLiteral("Vocals")});
        add(s, QStringLiteral("Recording"), local(2025, 11, 3, 11), local(2025, 11, 3, 12));
        const Report byTag = build(s, ReportGrouping::Tag);
        QCOMPARE(byTag.groups.size(), 3);
        QCOMPARE(byTag.groups.at(0).name, QStringLiteral("overdub"));
        QCOMPARE(byTag.groups.at(0).billableMs, kHour);
        QCOMPARE(byTag.groups.at(1).name, QStringLiteral("vocals")); // any case: one tag
        QCOMPARE(byTag.groups.at(1).billableMs, 2 * kHour);
        QCOMPARE(byTag.groups.at(1).entries, 2);
        QCOMPARE(byTag.groups.at(2).name, QStringLiteral("No tag"));
        QCOMPARE(byTag.total.billableMs, 3 * kHour); // each entry once
        QCOMPARE(byTag.total.entries, 3);
    }

    void billableAndNonBillableApartAndBillableOnly()
    {
        test::TestStore s;
        add(s, QStringLiteral("Recording"), local(2025, 11, 3, 9), local(2025, 11, 3, 10));
        add(s, QStringLiteral("Recording"), local(2025, 11, 3, 10), local(2025, 11, 3, 11), {}, {},
            false);
        add(s, QStringLiteral("Break"), local(2025, 11, 3, 11), local(2025, 11, 3, 11, 30));
        const Report all = build(s, ReportGrouping::TaskType, rounding(15, Rounding::Mode::Up));
        QCOMPARE(all.total.billableMs, 2 * kHour + 30 * kMinute);
        QCOMPARE(all.total.nonBillableMs, kHour + 30 * kMinute);
        QCOMPARE(all.total.costCents, 6000);
        QCOMPARE(all.total.entries, 3);
        const QJsonObject total =
            ReportService(*s.service).toJson(all).value(QStringLiteral("total")).toObject();
        QCOMPARE(total.value(QStringLiteral("nonBillableDurationMs")).toInteger(),
                 kHour + 30 * kMinute);
        QCOMPARE(total.value(QStringLiteral("billableDurationMs")).toInteger(), kHour);

        const Report billed =
            build(s, ReportGrouping::TaskType, rounding(15, Rounding::Mode::Up), true);
        QCOMPARE(billed.total.billableMs, kHour);
        QCOMPARE(billed.total.nonBillableMs, 0);
        QCOMPARE(billed.total.costCents, 6000);
        QCOMPARE(billed.total.entries, 1);
        QCOMPARE(billed.groups.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBilling)
#include "tst_billing.moc"
