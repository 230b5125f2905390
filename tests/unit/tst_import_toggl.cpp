// A real Toggl Track detailed export of a month (tests/fixtures/toggl_month.csv: clients,
// projects, a project with a comma in its name, tags with spaces, descriptions with commas and
// quotes, "Amount (USD)") imported without editing: clients and projects listed in the preview and
// made on apply, sent to the hub as `projects add` sends them; task types from the Task column or
// the chosen default; a bad row named by its line with nothing imported (issue 12).
// Runs in Europe/Paris (CMakeLists.txt), the zone the fixture's local times are written in.
#include "TestStore.h"
#include "report/EntryImport.h"
#include "report/ReportService.h"

#include <QFile>

using namespace st;

namespace {

constexpr Ms kMinute = 60'000;

QByteArray month()
{
    QFile f(QStringLiteral(ST_FIXTURES_DIR "/toggl_month.csv"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("Missing fixture toggl_month.csv");
    return f.readAll();
}

QStringList names(const auto &items)
{
    QStringList out;
    for (const auto &item : items)
        out << item.name;
    return out;
}

// The report's groups as "name hh:mm entries".
QStringList groups(const test::TestStore &s, ReportGrouping by)
{
    EntryFilter all;
    all.from = 0;
    all.to = s.clock.nowMs() + 1;
    const auto report = ReportService(*s.service).build(all, by);
    if (!report)
        return {report.error().message};
    QStringList out;
    for (const ReportGroup &g : report->groups)
        out << QStringLiteral("%1 %2 min %3")
                   .arg(g.name)
                   .arg(g.billableMs / kMinute)
                   .arg(g.entries);
    return out;
}

} // namespace

class TestImportToggl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importsARealTogglMonth()
    {
        test::TestStore s;
        QStringList sent;
        s.service->setMutationSink([&sent](const Mutation &m) {
            sent << protocol::eventName(m.event());
            return Result<void>{};
        });
        EntryImporter importer(*s.service, s.userId());
        importer.setDefaultTaskType(QStringLiteral("recording"));
        const QByteArray data = month();
        QCOMPARE(EntryImporter::detectFormat(QStringLiteral("export.csv"), data),
                 TransferFormat::TogglCsv);
        const ImportPlan plan = importer.preview(data, TransferFormat::TogglCsv);
        const QString preview = importer.describe(plan, false);
        QVERIFY2(plan.ok(), qPrintable(preview));
        QCOMPARE(plan.count(ImportRow::Action::Create), 36);
        QCOMPARE(names(plan.newClients),
                 QStringList({QStringLiteral("Nightjar Records"), QStringLiteral("Ola Haddad"),
                              QStringLiteral("Blue Fern Collective")}));
        QCOMPARE(names(plan.newProjects),
                 QStringList({QStringLiteral("Debut LP"), QStringLiteral("Rain (single)"),
                              QStringLiteral("Live session, November"),
                              QStringLiteral("Studio maintenance")}));
        QVERIFY2(preview.contains(QStringLiteral(
                     "New clients: Nightjar Records, Ola Haddad, Blue Fern Collective\n")),
                 qPrintable(preview));
        QVERIFY(preview.contains(QStringLiteral("New projects: Debut LP, Rain (single), Live "
                                                "session, November, Studio maintenance\n")));
        QVERIFY2(preview.contains(QStringLiteral("project Nightjar Records / Debut LP #vocals\n")),
                 qPrintable(preview));
        QVERIFY(preview.contains(QStringLiteral("Would import 36 entries, skipped 0.")));
        // A preview writes nothing.
        QVERIFY(s.service->clients(true).isEmpty());
        QVERIFY(s.service->projects(true).isEmpty());
        QVERIFY(sent.isEmpty());

        const auto written = importer.apply(plan);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        QCOMPARE(written.value(), 36);
        // Made and sent to the hub as `clients add` and `projects add` make and send them.
        QCOMPARE(sent.count(QStringLiteral("clients:upsert")), 3);
        QCOMPARE(sent.count(QStringLiteral("projects:upsert")), 4);
        QCOMPARE(names(s.service->clients(true)).size(), 3);
        const auto live = s.service->findProject(QStringLiteral("Live session, November"));
        QVERIFY(live);
        QCOMPARE(s.service->findClient(live->clientId)->name,
                 QStringLiteral("Blue Fern Collective"));
        QVERIFY(s.service->findProject(QStringLiteral("Studio maintenance"))->clientId.isEmpty());

        // What the month's reports show: 55:30 in all, 9:45 of it not billable.
        QCOMPARE(groups(s, ReportGrouping::Project),
                 QStringList({QStringLiteral("Debut LP 885 min 10"),
                              QStringLiteral("Live session, November 780 min 10"),
                              QStringLiteral("Rain (single) 1080 min 10"),
                              QStringLiteral("Studio maintenance 315 min 3"),
                              QStringLiteral("No project 270 min 3")}));
        QCOMPARE(groups(s, ReportGrouping::Client),
                 QStringList({QStringLiteral("Blue Fern Collective 780 min 10"),
                              QStringLiteral("Nightjar Records 885 min 10"),
                              QStringLiteral("Ola Haddad 1080 min 10"),
                              QStringLiteral("No client 585 min 6")}));
        QCOMPARE(groups(s, ReportGrouping::TaskType),
                 QStringList({QStringLiteral("Recording 3105 min 32"),
                              QStringLiteral("Mixing 225 min 4")}));
        const QList<TimeEntry> entries = ReportService(*s.service).entries({});
        QCOMPARE(entries.size(), 36);
        Ms total = 0, notBillable = 0;
        int lateNight = 0;
        for (const TimeEntry &e : entries) {
            total += e.billableMs(0);
            notBillable += e.billable ? 0 : e.billableMs(0);
            lateNight += e.tags.contains(QStringLiteral("late-night")); // Toggl's "late night"
        }
        QCOMPARE(total, 3330 * kMinute);
        QCOMPARE(notBillable, 585 * kMinute);
        QCOMPARE(lateNight, 4);
        // Descriptions keep their commas and quotes; the amounts in USD are Toggl's, not ours:
        // the first row (1:30 recording) costs 60.00/h here, not 120.00.
        QCOMPARE(entries.first().note, QStringLiteral("Vocals, take 3"));
        QCOMPARE(s.service->costCents(entries.first()), 9000);
        QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [](const TimeEntry &e) {
            return e.note == QStringLiteral("Comp \"lead\" vocal, verse 2") &&
                   e.tags == QStringList({QStringLiteral("overdub"), QStringLiteral("late-night")});
        }));

        // The same month again: only duplicates, no second client or project.
        const ImportPlan again = importer.preview(data, TransferFormat::TogglCsv);
        QCOMPARE(again.count(ImportRow::Action::Duplicate), 36);
        QVERIFY(again.newClients.isEmpty() && again.newProjects.isEmpty());
    }

    void rowsWithoutATaskTypeAreRefusedNamingTheirLine()
    {
        test::TestStore s;
        EntryImporter importer(*s.service, s.userId());
        const ImportPlan plan = importer.preview(month(), TransferFormat::TogglCsv);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.errors.size(), 32); // all but the four rows whose Task is Mixing
        QCOMPARE(plan.errors.first().line, 2);
        QVERIFY2(plan.errors.first().message.startsWith(
                     QStringLiteral("Line 2: No task type \"Debut LP\"")) &&
                     plan.errors.first().message.contains(QStringLiteral("--task")),
                 qPrintable(plan.errors.first().message));
        QVERIFY(!importer.apply(plan).ok());
        QVERIFY(ReportService(*s.service).entries({}).isEmpty());
        QVERIFY(s.service->projects(true).isEmpty());
        QVERIFY(s.service->clients(true).isEmpty());

        importer.setDefaultTaskType(QStringLiteral("Podcast editing"));
        const ImportPlan unknown = importer.preview(month(), TransferFormat::TogglCsv);
        QVERIFY(!unknown.ok());
        QVERIFY2(unknown.errors.first().message.contains(QStringLiteral("Podcast editing")),
                 qPrintable(unknown.errors.first().message));
    }

    void aBadDateIsNamedByLineAndNothingIsImported()
    {
        test::TestStore s;
        const int users = int(s.service->users().size());
        int sent = 0;
        s.service->setMutationSink([&sent](const Mutation &) {
            ++sent;
            return Result<void>{};
        });
        QByteArray data = month();
        // The 20th line's start date, as a person might have typed it in a spreadsheet.
        QList<QByteArray> lines = data.split('\n');
        QVERIFY(lines.at(19).contains(",2025-11-"));
        const qsizetype at = lines.at(19).indexOf(",2025-11-");
        const QByteArray day = lines.at(19).mid(at + 9, 2);
        lines[19].replace(at + 1, 10, QByteArray("11/" + day + "/2025"));
        data = lines.join('\n');

        EntryImporter importer(*s.service, s.userId());
        importer.setDefaultTaskType(QStringLiteral("Recording"));
        const ImportPlan plan = importer.preview(data, TransferFormat::TogglCsv);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.errors.size(), 1);
        QCOMPARE(plan.errors.first().line, 20);
        QVERIFY2(plan.errors.first().message.startsWith(
                     QStringLiteral("Line 20: the start \"11/%1/2025 ").arg(QLatin1String(day))),
                 qPrintable(plan.errors.first().message));
        const QString told = importer.describe(plan, false);
        QVERIFY(told.contains(QStringLiteral("Nothing was imported: the file has 1 bad row(s).")));
        QVERIFY(!importer.apply(plan).ok());
        QVERIFY(ReportService(*s.service).entries({}).isEmpty());
        QVERIFY(s.service->projects(true).isEmpty());
        QVERIFY(s.service->clients(true).isEmpty());
        QCOMPARE(int(s.service->users().size()), users);
        QCOMPARE(sent, 0);
    }
};

QTEST_GUILESS_MAIN(TestImportToggl)
#include "tst_import_toggl.moc"
