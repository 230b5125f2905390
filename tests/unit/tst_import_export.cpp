// Export to and import from our CSV and JSON and Toggl Track's detailed CSV: round trips of
// awkward notes, duplicates, previews, and malformed files refused with nothing changed.
// Runs in Europe/Paris (CMakeLists.txt), the zone the fixtures' local times are written in.
#include "TestStore.h"
#include "report/EntryExport.h"
#include "report/EntryImport.h"
#include "report/JsonEntryReader.h"
#include "report/ReportService.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace st;

namespace {

constexpr Ms kMinute = 60'000;
constexpr Ms kHour = 60 * kMinute;

Ms local(int y, int m, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, mi)).toMSecsSinceEpoch();
}

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(ST_FIXTURES_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("Missing fixture %s", qPrintable(name));
    return f.readAll();
}

QString userName(const test::TestStore &s, const QString &id)
{
    return s.service->user(id).value_or(User{}).name;
}

// An entry's project as "client/project" ("/project" without a client; empty without one).
QString projectPath(const test::TestStore &s, const QString &projectId)
{
    for (const Project &p : s.service->projects(true)) {
        if (p.id != projectId)
            continue;
        const auto client =
            p.clientId.isEmpty() ? std::nullopt : std::optional(s.service->findClient(p.clientId));
        return (client && *client ? client->value().name : QString()) + QLatin1Char('/') + p.name;
    }
    return {};
}

// Everything that matters of an entry, by names, to compare two stores.
QString summary(const test::TestStore &s, const TimeEntry &e)
{
    return QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9")
        .arg(s.service->taskType(e.taskTypeId)->name, userName(s, e.userId),
             e.roomId.isEmpty() ? QString() : s.service->room(e.roomId)->name, e.note)
        .arg(e.startedAt / 1000)
        .arg(e.endedAt ? *e.endedAt / 1000 : -1)
        .arg(e.billableMs(s.clock.nowMs()) / 1000)
        .arg(s.service->costCents(e))
        .arg(projectPath(s, e.projectId) + QLatin1Char('|') + e.tags.join(QLatin1Char(' ')) +
             (e.billable ? QStringLiteral("|billable") : QStringLiteral("|not billable")));
}

QStringList summaries(const test::TestStore &s)
{
    QStringList out;
    for (const TimeEntry &e : ReportService(*s.service).entries({}))
        out << summary(s, e);
    return out;
}

int entryCount(const test::TestStore &s)
{
    return int(ReportService(*s.service).entries({}).size());
}

} // namespace

class TestImportExport final : public QObject
{
    Q_OBJECT

    // A studio's week: notes with commas, quotes and line breaks, a pause, a midnight crossing,
    // two people and two rooms; projects with and without a client (a name with a comma, one a
    // spreadsheet would take for a formula), tags and a non-billable entry.
    void fill(test::TestStore &s)
    {
        auto ben = s.service->ensureUser(QStringLiteral("Ben Okafor"));
        auto a = s.service->saveRoom(Room{{}, {}, QStringLiteral("Studio A"), false, 0});
        QVERIFY(ben && a);
        Client label;
        label.name = QStringLiteral("Nightjar Records");
        label.color = QStringLiteral("#4e79a7");
        const auto client = s.service->saveClient(label);
        QVERIFY(client);
        Project album, upkeep;
        album.name = QStringLiteral("Debut LP, deluxe");
        album.clientId = client->id;
        album.color = QStringLiteral("#f28e2b");
        upkeep.name = QStringLiteral("=Upkeep");
        upkeep.color = QStringLiteral("#59a14f");
        const auto lp = s.service->saveProject(album);
        const auto house = s.service->saveProject(upkeep);
        QVERIFY(lp && house);
        const QStringList projects{lp->id, lp->id, QString(), house->id, QString()};
        const QList<QStringList> tags{{QStringLiteral("vocals")},
                                      {QStringLiteral("mix"), QStringLiteral("late-night")},
                                      {},
                                      {QStringLiteral("-wip")},
                                      {}};
        const QStringList notes{QStringLiteral("Vocals, take 3"),
                                QStringLiteral("Rough mix \"v2\"\nwith notes\r\nand a CRLF"),
                                QStringLiteral("Café – 🎚️ final master, 24-bit"),
                                QStringLiteral("\"\""), QString()};
        Ms t = local(2025, 11, 3, 22, 30);
        for (int i = 0; i < notes.size(); ++i) {
            ManualEntry m;
            m.userId = i % 2 ? ben->id : s.userId();
            m.taskTypeId = s.typeId(i % 2 ? QStringLiteral("Mixing") : QStringLiteral("Recording"));
            m.roomId = i % 3 ? QString() : a->id;
            m.note = notes.at(i);
            m.startedAt = t;
            m.endedAt = t + 2 * kHour + i * 1000; // the first crosses midnight
            m.pausedMs = i == 1 ? 20 * kMinute : 0;
            m.projectId = projects.at(i);
            m.tags = tags.at(i);
            m.billable = i != 3;
            QVERIFY(s.service->addManual(m).ok());
            t += 3 * kHour;
        }
    }

    void roundTrip(TransferFormat format, bool idsKept)
    {
        test::TestStore source;
        fill(source);
        const QByteArray data = EntryExporter(*source.service)
                                    .write(ReportService(*source.service).entries({}), format);

        test::TestStore target;
        // Toggl keeps rooms only as tags: a room of that name must exist to take them.
        QVERIFY(target.service->saveRoom(Room{{}, {}, QStringLiteral("Studio A"), false, 0}));
        EntryImporter importer(*target.service, target.userId());
        QCOMPARE(EntryImporter::detectFormat(QStringLiteral("x.dat"), data), format);
        const ImportPlan plan = importer.preview(data, format);
        QVERIFY2(plan.ok(), qPrintable(importer.describe(plan, false)));
        QCOMPARE(plan.count(ImportRow::Action::Create), 5);
        QCOMPARE(plan.newProjects.size(), 2);
        QCOMPARE(plan.newClients.size(), 1);
        const QString preview = importer.describe(plan, false);
        QVERIFY2(preview.contains(QStringLiteral("New clients: Nightjar Records\n")) &&
                     preview.contains(QStringLiteral("New projects: Debut LP, deluxe, =Upkeep\n")),
                 qPrintable(preview));
        QCOMPARE(entryCount(target), 0); // a preview writes nothing
        QCOMPARE(target.service->projects(true).size(), 0);
        auto written = importer.apply(plan);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        QCOMPARE(written.value(), 5);
        for (const TimeEntry &e : ReportService(*target.service).entries({}))
            QCOMPARE(e.source, EntrySource::Manual);

        // The desk user of each store is "the OS user": the same name on both sides. The
        // projects and the client were made by the import, as in the source.
        QCOMPARE(summaries(target), summaries(source));
        QCOMPARE(target.service->projects(true).size(), 2);
        QCOMPARE(target.service->clients(true).size(), 1);
        const QList<TimeEntry> before = ReportService(*source.service).entries({});
        const QList<TimeEntry> after = ReportService(*target.service).entries({});
        for (qsizetype i = 0; i < before.size(); ++i) {
            QCOMPARE(after.at(i).id == before.at(i).id, idsKept);
            // Our JSON keeps the project's ID; the CSV formats name it.
            if (format == TransferFormat::Json)
                QCOMPARE(after.at(i).projectId, before.at(i).projectId);
        }

        // Importing the same file again finds only duplicates.
        const ImportPlan again = importer.preview(data, format);
        QVERIFY(again.ok());
        QCOMPARE(again.count(ImportRow::Action::Duplicate), 5);
        QCOMPARE(again.count(ImportRow::Action::Create), 0);
        QVERIFY(importer.apply(again).ok());
        QCOMPARE(entryCount(target), 5);
    }

private Q_SLOTS:
    void csvRoundTripKeepsEverything() { roundTrip(TransferFormat::Csv, true); }
    void jsonRoundTripKeepsEverything() { roundTrip(TransferFormat::Json, true); }
    void togglRoundTripKeepsEverythingButIds() { roundTrip(TransferFormat::TogglCsv, false); }

    void togglExportHasTogglsColumns()
    {
        test::TestStore s;
        fill(s);
        const QByteArray bytes =
            EntryExporter(*s.service)
                .write(ReportService(*s.service).entries({}), TransferFormat::TogglCsv);
        // With a byte order mark, as Toggl writes its files.
        QVERIFY(bytes.startsWith("\xEF\xBB\xBFUser,"));
        const QString text = QString::fromUtf8(bytes.mid(3));
        const QString currency = s.service->organization().currency;
        QVERIFY2(text.startsWith(QStringLiteral("User,Email,Client,Project,Task,Description,"
                                                "Billable,Start date,Start time,End date,End "
                                                "time,Duration,Tags,Amount (") +
                                 currency + QStringLiteral(")\r\n")),
                 qPrintable(text));
        // The second entry: 1:30 to 3:30:01 with a 20-minute pause, Mixing at 55.00/h, no room:
        // 1:40:01 billed, 91.68; its client, project (quoted for its comma) and tags in one cell.
        QVERIFY2(text.contains(QStringLiteral(
                     "Ben Okafor,,Nightjar Records,\"Debut LP, deluxe\",Mixing,\"Rough mix "
                     "\"\"v2\"\"\nwith notes\r\nand a CRLF\",Yes,2025-11-04,01:30:00,2025-11-04,"
                     "03:30:01,01:40:01,\"mix, late-night\",91.68\r\n")),
                 qPrintable(text));
        // The fourth: not billable (0.00), its room as the first tag, a project a spreadsheet
        // would run as a formula written inert.
        QVERIFY2(text.contains(QStringLiteral(",,'=Upkeep,Mixing,\"\"\"\"\"\",No,")) &&
                     text.contains(QStringLiteral(",\"Studio A, -wip\",0.00\r\n")),
                 qPrintable(text));
        // Our CSV: project, client, tags and billable last; the same guard on each cell.
        const QString ours = EntryExporter(*s.service).csv(ReportService(*s.service).entries({}));
        QVERIFY2(ours.contains(QStringLiteral(",'=Upkeep,,'-wip,false\r\n")) &&
                     ours.contains(QStringLiteral(",\"Debut LP, deluxe\",Nightjar Records,\"mix, "
                                                  "late-night\",true\r\n")),
                 qPrintable(ours));
    }

    void importsTogglsDetailedReport()
    {
        test::TestStore s;
        QVERIFY(s.service->saveRoom(Room{{}, {}, QStringLiteral("Studio A"), false, 0}));
        EntryImporter importer(*s.service, s.userId());
        const QByteArray data = fixture(QStringLiteral("toggl_detailed.csv"));
        QCOMPARE(EntryImporter::detectFormat(QStringLiteral("toggl_detailed.csv"), data),
                 TransferFormat::TogglCsv);
        const ImportPlan plan = importer.preview(data, TransferFormat::TogglCsv);
        QVERIFY2(plan.ok(), qPrintable(importer.describe(plan, false)));
        QCOMPARE(plan.rows.size(), 4);
        QCOMPARE(plan.rows.at(2).line, 5); // the quoted line break in row 2 spans lines 3-4
        QCOMPARE(plan.newUsers.size(), 2);
        QVERIFY(plan.newRooms.isEmpty()); // Toggl tags never invent rooms
        const int usersBefore = int(s.service->users().size());
        QVERIFY(importer.apply(plan).ok());
        QCOMPARE(int(s.service->users().size()), usersBefore + 2);

        const QList<TimeEntry> entries = ReportService(*s.service).entries({});
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries.at(0).note, QStringLiteral("Vocals, take 3"));
        QCOMPARE(entries.at(0).startedAt, local(2025, 11, 3, 9, 30));
        QCOMPARE(userName(s, entries.at(0).userId), QStringLiteral("Aisha Patel"));
        QCOMPARE(entries.at(1).note, QStringLiteral("Rough mix \"v2\"\r\nwith notes"));
        QCOMPARE(s.service->room(entries.at(1).roomId)->name, QStringLiteral("Studio A"));
        QCOMPARE(s.service->taskType(entries.at(2).taskTypeId)->name, QStringLiteral("Mastering"));
        QCOMPARE(*entries.at(2).endedAt, local(2025, 11, 4, 0, 45));
        QVERIFY(entries.at(2).roomId.isEmpty()); // "site, travel" names no room: they are tags
        QCOMPARE(entries.at(2).tags,
                 QStringList({QStringLiteral("site"), QStringLiteral("travel")}));
        // Its Task column is empty and no task type was chosen: the Project column names one (as
        // in Studio Timer's Toggl files before projects), so it is the task type, not a project.
        QVERIFY(entries.at(2).projectId.isEmpty());
        QVERIFY(s.service->projects(true).isEmpty());
        // Toggl's 00:45:00 over a 1-hour span: 15 minutes were not tracked.
        QCOMPARE(entries.at(3).billableMs(0), 45 * kMinute);
        QCOMPARE(entries.at(3).pausedMs, 15 * kMinute);
    }

    void importsOurTrickyCsvSkippingRunningRows()
    {
        test::TestStore s;
        EntryImporter importer(*s.service, s.userId());
        const ImportPlan plan =
            importer.preview(fixture(QStringLiteral("entries_tricky.csv")), TransferFormat::Csv);
        QVERIFY2(plan.ok(), qPrintable(importer.describe(plan, false)));
        QCOMPARE(plan.count(ImportRow::Action::Create), 4);
        QCOMPARE(plan.count(ImportRow::Action::Running), 1);
        QCOMPARE(plan.rows.last().line, 8);
        QCOMPARE(plan.newRooms.size(), 2);
        const QString preview = importer.describe(plan, false);
        QVERIFY2(preview.contains(QStringLiteral("Would import 4 entries, skipped 1.")),
                 qPrintable(preview));
        QVERIFY(preview.contains(QStringLiteral("New rooms: Studio A, Studio B\n")));
        QVERIFY(importer.apply(plan).ok());
        const auto entry = s.service->entry(QStringLiteral("4b0f7f0e-2d7a-4c39-9f43-2c1d2e0a0002"));
        QVERIFY(entry);
        QCOMPARE(entry->note, QStringLiteral("Rough mix \"v2\"\nwith notes\r\nand a CRLF"));
        const auto paused =
            s.service->entry(QStringLiteral("4b0f7f0e-2d7a-4c39-9f43-2c1d2e0a0004"));
        QCOMPARE(paused->pausedMs, 15 * kMinute);
        QCOMPARE(s.service->costCents(*paused), 3000);
        QVERIFY(!s.service->entry(QStringLiteral("4b0f7f0e-2d7a-4c39-9f43-2c1d2e0a0005")));
    }

    // JSON files are read an entry at a time: every shape we accept whole still reads, and the
    // rest of the file is checked as JSON to its end.
    void jsonEntriesAreReadOneAtATime_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("entries");
        QTest::addColumn<int>("status"); // JsonEntryReader::Status at the end
        using S = JsonEntryReader::Status;
        QTest::newRow("array") << QByteArray(" [ {\"a\": \"]}\\\"\"}, {} ] ") << 2 << int(S::End);
        QTest::newRow("our export") << QByteArray("{\"currency\": \"EUR\", \"entries\": [{\"x\": "
                                                  "[1, {\"y\": 2}]}], \"version\": 2}\n")
                                    << 1 << int(S::End);
        QTest::newRow("empty entries") << QByteArray("{\"entries\": []}") << 0 << int(S::End);
        QTest::newRow("no entries") << QByteArray("{\"entry\": []}") << 0 << int(S::NoEntries);
        QTest::newRow("entries not an array")
            << QByteArray("{\"entries\": 3}") << 0 << int(S::NoEntries);
        QTest::newRow("a number") << QByteArray("42") << 0 << int(S::NoEntries);
        QTest::newRow("garbage after") << QByteArray("[{}] x") << 1 << int(S::Invalid);
        QTest::newRow("bad member after")
            << QByteArray("{\"entries\": [{}], \"v\": tru}") << 1 << int(S::Invalid);
        QTest::newRow("bad entry") << QByteArray("[{}, {\"a\" 1}]") << 1 << int(S::Invalid);
        QTest::newRow("truncated")
            << QByteArray("{\"entries\": [{}, {\"a\": 1}") << 2 << int(S::Invalid);
        QTest::newRow("empty") << QByteArray() << 0 << int(S::Invalid);
    }

    void jsonEntriesAreReadOneAtATime()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, entries);
        QFETCH(int, status);
        QBuffer in(&json);
        QVERIFY(in.open(QIODevice::ReadOnly));
        JsonEntryReader reader(in);
        int read = 0;
        JsonEntryReader::Status last;
        while ((last = reader.next()) == JsonEntryReader::Status::Entry)
            ++read;
        QCOMPARE(read, entries);
        QCOMPARE(int(last), status);
        // What QJsonDocument says of the whole file agrees.
        QJsonParseError whole{};
        QJsonDocument::fromJson(json, &whole);
        if (last == JsonEntryReader::Status::Invalid && !json.isEmpty())
            QVERIFY(whole.error != QJsonParseError::NoError);
        else if (!json.isEmpty() && json.trimmed() != "42")
            QCOMPARE(whole.error, QJsonParseError::NoError);
    }

    void malformedFilesChangeNothing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad time") << QStringLiteral("bad_time.csv") << 3
                                  << QStringLiteral(
                                         "Line 3: startedAt \"2025-13-40T09:00:00+01:00\"");
        QTest::newRow("unterminated quote")
            << QStringLiteral("unterminated_quote.csv") << 0
            << QStringLiteral("Line 3: a quoted field is not closed");
        QTest::newRow("overlapping rows") << QStringLiteral("overlapping_rows.csv") << 3
                                          << QStringLiteral("Line 3: it overlaps line 2");
        QTest::newRow("ends before start")
            << QStringLiteral("ends_before_start.csv") << 3
            << QStringLiteral("Line 3: An entry cannot end before it starts.");
        QTest::newRow("wrong header") << QStringLiteral("wrong_header.csv") << 1
                                      << QStringLiteral("Line 1: the header has no \"taskType\"");
        QTest::newRow("short row") << QStringLiteral("short_row.csv") << 3
                                   << QStringLiteral("Line 3: it has 4 fields where the header "
                                                     "has 13.");
        QTest::newRow("unknown task type")
            << QStringLiteral("unknown_task.toggl.csv") << 3
            << QStringLiteral("Line 3: No task type \"Podcast editing\"");
        QTest::newRow("bad JSON entry") << QStringLiteral("bad_entry.json") << 2
                                        << QStringLiteral("Entry 2: \"startedAt\" is not a time");
        QTest::newRow("truncated JSON") << QStringLiteral("truncated.json") << 0
                                        << QStringLiteral("The file is not valid JSON");
    }

    void malformedFilesChangeNothing()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, message);
        test::TestStore s;
        const int users = int(s.service->users().size());
        int mutations = 0;
        s.service->setMutationSink([&mutations](const Mutation &) {
            ++mutations;
            return Result<void>{};
        });
        EntryImporter importer(*s.service, s.userId());
        const QByteArray data = fixture(file);
        const auto format = EntryImporter::detectFormat(file, data);
        QVERIFY(format.has_value());
        const ImportPlan plan = importer.preview(data, *format);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.errors.size(), 1); // only the bad row: the good ones are fine
        QCOMPARE(plan.errors.first().line, line);
        QVERIFY2(plan.errors.first().message.startsWith(message),
                 qPrintable(plan.errors.first().message));
        auto applied = importer.apply(plan);
        QVERIFY(!applied.ok());
        QCOMPARE(entryCount(s), 0);
        QCOMPARE(int(s.service->users().size()), users);
        QCOMPARE(s.service->rooms(true).size(), 0);
        QCOMPARE(mutations, 0);
        QVERIFY(importer.describe(plan, false).contains(QStringLiteral("Nothing was imported")));
    }

    void overlapWithAStoredEntryIsAnErrorNamingIt()
    {
        test::TestStore s;
        auto aisha = s.service->ensureUser(QStringLiteral("Aisha Patel"));
        ManualEntry m{aisha->id,
                      s.typeId(QStringLiteral("Setup")),
                      {},
                      {},
                      local(2025, 11, 5, 12, 30),
                      local(2025, 11, 5, 12, 45),
                      {},
                      0};
        auto stored = s.service->addManual(m);
        QVERIFY(stored.ok());
        EntryImporter importer(*s.service, s.userId());
        const ImportPlan plan =
            importer.preview(fixture(QStringLiteral("bad_time.csv"))
                                 .replace("2025-13-40T09:00:00", "2025-11-05T10:00:00"),
                             TransferFormat::Csv);
        QCOMPARE(plan.errors.size(), 1);
        QCOMPARE(plan.errors.first().line, 4);
        QVERIFY2(plan.errors.first().message.contains(stored->id.left(8)),
                 qPrintable(plan.errors.first().message));
        QCOMPARE(entryCount(s), 1);
    }

    void aChangeBetweenPreviewAndApplyRollsEverythingBack()
    {
        test::TestStore s;
        EntryImporter importer(*s.service, s.userId());
        const ImportPlan plan = importer.preview(fixture(QStringLiteral("toggl_detailed.csv")),
                                                 TransferFormat::TogglCsv);
        QVERIFY(plan.ok());
        QCOMPARE(plan.newUsers.size(), 2);
        // Meanwhile someone records time where Ben's Break (line 6) goes. Ben is new, so the
        // conflict can only be met inside the batch: the users made before it roll back too.
        const int users = int(s.service->users().size());
        int mutations = 0;
        s.service->setMutationSink([&mutations](const Mutation &) {
            ++mutations;
            return Result<void>{};
        });
        ManualBatch other;
        other.newUsers = {User{newId(), {}, QStringLiteral("Ben Okafor"), 0}};
        other.entries = {ManualEntry{other.newUsers.first().id,
                                     s.typeId(QStringLiteral("Setup")),
                                     {},
                                     {},
                                     local(2025, 11, 4, 12, 30),
                                     local(2025, 11, 4, 14),
                                     {},
                                     0}};
        QVERIFY(s.service->addManualBatch(other).ok());
        mutations = 0;
        auto applied = importer.apply(plan);
        QVERIFY(!applied.ok());
        QVERIFY2(applied.error().message.contains(QStringLiteral("exists already")),
                 qPrintable(applied.error().message));
        QCOMPARE(entryCount(s), 1);
        QCOMPARE(int(s.service->users().size()), users + 1);
        QCOMPARE(mutations, 0);

        // Previewed again, the file now names the existing Ben and meets his entry: refused at
        // line 6 before anything is written.
        const ImportPlan again = importer.preview(fixture(QStringLiteral("toggl_detailed.csv")),
                                                  TransferFormat::TogglCsv);
        QCOMPARE(again.errors.size(), 1);
        QCOMPARE(again.errors.first().line, 6);
    }

    void batchReportsTheFailingEntry()
    {
        test::TestStore s;
        ManualBatch batch;
        const QString recording = s.typeId(QStringLiteral("Recording"));
        batch.entries = {
            ManualEntry{s.userId(),
                        recording,
                        {},
                        {},
                        local(2025, 11, 5, 9),
                        local(2025, 11, 5, 10),
                        {},
                        0},
            ManualEntry{s.userId(),
                        recording,
                        {},
                        {},
                        local(2025, 11, 5, 10),
                        local(2025, 11, 5, 11),
                        {},
                        0},
            ManualEntry{s.userId(),
                        recording,
                        {},
                        {},
                        local(2025, 11, 5, 10, 30),
                        local(2025, 11, 5, 12),
                        {},
                        0},
        };
        int failed = -1;
        auto r = s.service->addManualBatch(batch, &failed);
        QVERIFY(!r.ok());
        QCOMPARE(failed, 2);
        QCOMPARE(r.error().code, ErrorCode::Conflict);
        QCOMPARE(entryCount(s), 0);
        batch.entries.removeLast();
        int emitted = 0;
        connect(s.service.get(), &TimerService::entryChanged, this, [&emitted] { ++emitted; });
        QVERIFY(s.service->addManualBatch(batch, &failed).ok());
        QCOMPARE(emitted, 2);
        QCOMPARE(entryCount(s), 2);
    }

    void aFailingSyncSinkRollsTheBatchBack()
    {
        test::TestStore s;
        int calls = 0;
        s.service->setMutationSink([&calls](const Mutation &m) -> Result<void> {
            if (protocol::eventName(m.event()) == QLatin1String("timeEntries:create") &&
                ++calls == 2)
                return Error::internal(QStringLiteral("outbox full"));
            return {};
        });
        EntryImporter importer(*s.service, s.userId());
        const ImportPlan plan =
            importer.preview(fixture(QStringLiteral("entries_tricky.csv")), TransferFormat::Csv);
        QVERIFY(plan.ok());
        auto applied = importer.apply(plan);
        QVERIFY(!applied.ok());
        QVERIFY2(applied.error().message.startsWith(QStringLiteral("Line 3: outbox full")),
                 qPrintable(applied.error().message));
        QCOMPARE(entryCount(s), 0);
        QCOMPARE(s.service->rooms(true).size(), 0);
        QVERIFY(!s.service->findUser(QStringLiteral("Ben Okafor")).ok());
    }

    void duplicatesInsideTheFileAreSkipped()
    {
        test::TestStore s;
        QByteArray data = fixture(QStringLiteral("toggl_detailed.csv"));
        const QByteArray firstRow =
            "Aisha Patel,aisha@example.com,Acme Records,Recording,,\"Vocals, take 3\",Yes,"
            "2025-11-03,09:30:00,2025-11-03,11:00:00,01:30:00,,90.00\r\n";
        QVERIFY(data.contains(firstRow));
        data += firstRow;
        EntryImporter importer(*s.service, s.userId());
        const ImportPlan plan = importer.preview(data, TransferFormat::TogglCsv);
        QVERIFY2(plan.ok(), qPrintable(importer.describe(plan, false)));
        QCOMPARE(plan.count(ImportRow::Action::Duplicate), 1);
        QCOMPARE(plan.rows.last().duplicateOf, QStringLiteral("line 2"));
    }

    void jsonExportShape()
    {
        test::TestStore s;
        fill(s);
        const QJsonObject doc =
            QJsonDocument::fromJson(
                EntryExporter(*s.service)
                    .write(ReportService(*s.service).entries({}), TransferFormat::Json))
                .object();
        QCOMPARE(doc.value(QStringLiteral("format")).toString(),
                 QStringLiteral("studiotimer-entries"));
        const QJsonArray entries = doc.value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 5);
        const QJsonObject e = entries.at(1).toObject();
        for (const char *key : {"id", "taskType", "user", "room", "note", "startedAt", "endedAt",
                                "durationSeconds", "costCents", "currency", "adjusted"})
            QVERIFY2(e.contains(QLatin1String(key)), key);
        QCOMPARE(e.value(QStringLiteral("startedAt")).toString(),
                 QStringLiteral("2025-11-04T01:30:00+01:00"));
        QCOMPARE(e.value(QStringLiteral("pausedSeconds")).toInt(), 1200);
        QVERIFY(e.value(QStringLiteral("room")).isNull());
        QCOMPARE(e.value(QStringLiteral("project")).toString(), QStringLiteral("Debut LP, deluxe"));
        QCOMPARE(e.value(QStringLiteral("client")).toString(), QStringLiteral("Nightjar Records"));
        QVERIFY(isValidId(e.value(QStringLiteral("projectId")).toString()));
        QVERIFY(isValidId(e.value(QStringLiteral("clientId")).toString()));
        QCOMPARE(e.value(QStringLiteral("tags")).toArray(),
                 QJsonArray({QStringLiteral("mix"), QStringLiteral("late-night")}));
        QCOMPARE(e.value(QStringLiteral("billable")).toBool(), true);
        const QJsonObject none = entries.at(2).toObject(); // no project
        QVERIFY(none.value(QStringLiteral("project")).isNull());
        QVERIFY(none.value(QStringLiteral("clientId")).isNull());
        QCOMPARE(entries.at(3).toObject().value(QStringLiteral("billable")).toBool(true), false);
    }
};

QTEST_GUILESS_MAIN(TestImportExport)
#include "tst_import_export.moc"
