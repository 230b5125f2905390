// Rates are history (issue 11, docs/REPORTS.md "Rates"): each entry keeps the rate it was
// recorded at; a rate takes effect from a day; reprice rewrites a range, audited.
#include "TestStore.h"
#include "domain/Json.h"
#include "report/EntryExport.h"
#include "report/EntryImport.h"
#include "report/ReportService.h"
#include "store/Repositories.h"
#include "sync/Outbox.h"
#include "sync/SyncCache.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace st;

namespace {

constexpr Ms kHour = 3'600'000;

Ms local(int y, int m, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, mi)).toMSecsSinceEpoch();
}

EntryFilter period(test::TestStore &s, const QDate &first, const QDate &last)
{
    EntryFilter f;
    f.orgId = s.profile.org.id;
    f.from = first.startOfDay().toMSecsSinceEpoch();
    f.to = last.addDays(1).startOfDay().toMSecsSinceEpoch();
    return f;
}

TimeEntry add(test::TestStore &s, const QString &type, Ms from, Ms to)
{
    ManualEntry m;
    m.userId = s.userId();
    m.taskTypeId = s.typeId(type);
    m.startedAt = from;
    m.endedAt = to;
    auto added = s.service->addManual(m);
    if (!added)
        qFatal("addManual: %s", qPrintable(added.error().message));
    return added.value();
}

qint64 reportCents(test::TestStore &s, const QDate &first, const QDate &last)
{
    auto r = ReportService(*s.service).build(period(s, first, last), ReportGrouping::TaskType);
    if (!r)
        qFatal("report: %s", qPrintable(r.error().message));
    return r->total.costCents;
}

// Last month's Recording as in the issue: 3:00:03.6 at 60.00/h = 180.06 EUR.
void octoberRecording(test::TestStore &s)
{
    add(s, QStringLiteral("Recording"), local(2025, 10, 14, 10), local(2025, 10, 14, 12));
    add(s, QStringLiteral("Recording"), local(2025, 10, 21, 14),
        local(2025, 10, 21, 15) + 3'600); // 1:00:03.6
}

} // namespace

class TestRates final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void raisingARateKeepsLastMonthsReport()
    {
        test::TestStore s; // today: 2025-11-28
        octoberRecording(s);
        const QDate first(2025, 10, 1), last(2025, 10, 31);
        QCOMPARE(reportCents(s, first, last), 18006);

        const QString rec = s.typeId(QStringLiteral("Recording"));
        auto raised = s.service->setRate(rec, 8000, QDate(2025, 11, 28));
        QVERIFY2(raised, qPrintable(raised ? QString() : raised.error().message));
        QCOMPARE(raised->hourlyRateCents, 8000);

        // The report, the totals, the entries' own cost and the exports keep the recorded rate.
        QCOMPARE(reportCents(s, first, last), 18006);
        QCOMPARE(s.service->totals(period(s, first, last)).costCents, 18006);
        const QList<TimeEntry> october = s.service->list(period(s, first, last));
        QCOMPARE(october.size(), 2);
        qint64 sum = 0;
        for (const TimeEntry &e : october) {
            QCOMPARE(e.hourlyRateCents, 6000);
            sum += s.service->costCents(e);
        }
        QCOMPARE(sum, 18006);
        const QJsonArray exported = QJsonDocument::fromJson(EntryExporter(*s.service).json(october))
                                        .object()
                                        .value(QStringLiteral("entries"))
                                        .toArray();
        QCOMPARE(exported.size(), 2);
        qint64 exportedCents = 0;
        for (const QJsonValue &v : exported) {
            QCOMPARE(v.toObject().value(QStringLiteral("hourlyRateCents")).toInt(), 6000);
            exportedCents += v.toObject().value(QStringLiteral("costCents")).toInteger();
        }
        QCOMPARE(exportedCents, 18006);

        // An entry recorded today takes the new rate.
        const TimeEntry today =
            add(s, QStringLiteral("Recording"), local(2025, 11, 28, 7), local(2025, 11, 28, 8));
        QCOMPARE(today.hourlyRateCents, 8000);
        QCOMPARE(s.service->entry(today.id)->hourlyRateCents, 8000);
        QCOMPARE(reportCents(s, QDate(2025, 11, 28), QDate(2025, 11, 28)), 8000);
    }

    void aRateFromAPastDayNeverTouchesRecordedEntries()
    {
        test::TestStore s;
        octoberRecording(s);
        const QString rec = s.typeId(QStringLiteral("Recording"));
        QVERIFY(s.service->setRate(rec, 8000, QDate(2025, 10, 1)));
        QCOMPARE(reportCents(s, QDate(2025, 10, 1), QDate(2025, 10, 31)), 18006);

        // Entries recorded afterwards take the rate of their own day.
        const TimeEntry inOctober =
            add(s, QStringLiteral("Recording"), local(2025, 10, 22, 9), local(2025, 10, 22, 10));
        QCOMPARE(inOctober.hourlyRateCents, 8000);
        const TimeEntry inSeptember =
            add(s, QStringLiteral("Recording"), local(2025, 9, 30, 9), local(2025, 9, 30, 10));
        QCOMPARE(inSeptember.hourlyRateCents, 6000);

        // A rate from tomorrow is refused and changes nothing.
        auto future = s.service->setRate(rec, 9000, QDate(2025, 11, 29));
        QVERIFY(!future);
        QCOMPARE(future.error().code, ErrorCode::Invalid);
        QCOMPARE(s.service->taskType(rec)->hourlyRateCents, 8000);
    }

    void ratePrecedenceByDay()
    {
        test::TestStore s;
        const QString rec = s.typeId(QStringLiteral("Recording"));
        QVERIFY(s.service->setRate(rec, 7000, QDate(2025, 10, 10)));
        QVERIFY(s.service->setRate(rec, 8000, QDate(2025, 10, 20)));
        const TaskType type = *s.service->taskType(rec);
        QCOMPARE(type.rates.size(), 3);
        QCOMPARE(type.rates.first(), (RateStep{rates::firstDay(), 6000}));
        QCOMPARE(type.hourlyRateCents, 8000);

        const struct
        {
            QDate day;
            qint64 rate;
        } expected[] = {{QDate(2025, 10, 9), 6000},  {QDate(2025, 10, 10), 7000},
                        {QDate(2025, 10, 19), 7000}, {QDate(2025, 10, 20), 8000},
                        {QDate(2025, 11, 27), 8000}, {QDate(2001, 1, 1), 6000}};
        for (const auto &x : expected) {
            const Ms start = x.day.startOfDay().toMSecsSinceEpoch() + 23 * kHour; // 23:00 local
            const TimeEntry e = add(s, QStringLiteral("Recording"), start, start + kHour / 2);
            QCOMPARE(e.hourlyRateCents, x.rate);
        }

        // A rate from an earlier day replaces the steps after it: it holds from that day on.
        QVERIFY(s.service->setRate(rec, 7500, QDate(2025, 10, 15)));
        QCOMPARE(s.service->taskType(rec)->rates, (QList<RateStep>{{rates::firstDay(), 6000},
                                                                   {QDate(2025, 10, 10), 7000},
                                                                   {QDate(2025, 10, 15), 7500}}));

        // A type that is not billable stamps 0, whatever its rate.
        const TimeEntry pause =
            add(s, QStringLiteral("Break"), local(2025, 11, 27, 12), local(2025, 11, 27, 13));
        QCOMPARE(pause.hourlyRateCents, 0);
    }

    void repriceRewritesExactlyTheRangeAudited()
    {
        test::TestStore s;
        octoberRecording(s);
        const TimeEntry before =
            add(s, QStringLiteral("Recording"), local(2025, 9, 30, 9), local(2025, 9, 30, 10));
        const TimeEntry after =
            add(s, QStringLiteral("Recording"), local(2025, 11, 1, 9), local(2025, 11, 1, 10));
        const TimeEntry mixing =
            add(s, QStringLiteral("Mixing"), local(2025, 10, 15, 9), local(2025, 10, 15, 10));
        const QString rec = s.typeId(QStringLiteral("Recording"));
        QVERIFY(s.service->setRate(rec, 8000, QDate(2025, 9, 1)));

        // The preview changes nothing.
        auto preview =
            s.service->reprice(rec, QDate(2025, 10, 1), QDate(2025, 10, 31), s.userId(), false);
        QVERIFY(preview);
        QCOMPARE(preview->entries, 2);
        QCOMPARE(preview->oldCents, 18006);
        QCOMPARE(preview->newCents, 24008);
        QCOMPARE(reportCents(s, QDate(2025, 10, 1), QDate(2025, 10, 31)), 18006 + 5500);

        auto applied =
            s.service->reprice(rec, QDate(2025, 10, 1), QDate(2025, 10, 31), s.userId(), true);
        QVERIFY(applied);
        QCOMPARE(applied->entries, 2);
        // Recording moved to 240.08; Mixing (another type) kept its 55.00.
        QCOMPARE(reportCents(s, QDate(2025, 10, 1), QDate(2025, 10, 31)), 24008 + 5500);
        for (const TimeEntry &e :
             s.service->list(period(s, QDate(2025, 10, 1), QDate(2025, 10, 31)))) {
            const QList<AuditRecord> trail = s.service->auditTrail(e.id);
            if (e.id == mixing.id) {
                QCOMPARE(e.hourlyRateCents, 5500);
                QVERIFY(trail.isEmpty());
                continue;
            }
            QCOMPARE(e.hourlyRateCents, 8000);
            QCOMPARE(trail.size(), 1);
            QCOMPARE(trail.first().reason, QStringLiteral("reprice"));
            QCOMPARE(trail.first().before.value(QStringLiteral("hourlyRateCents")).toInt(), 6000);
            QCOMPARE(trail.first().after.value(QStringLiteral("hourlyRateCents")).toInt(), 8000);
            QVERIFY(!e.adjusted); // a new price is not a change of the times
        }
        // Outside the range: untouched, no audit.
        QCOMPARE(s.service->entry(before.id)->hourlyRateCents, 6000);
        QCOMPARE(s.service->entry(after.id)->hourlyRateCents, 6000);
        QVERIFY(s.service->auditTrail(before.id).isEmpty());
        QVERIFY(s.service->auditTrail(after.id).isEmpty());

        // Done once: a second run finds nothing to change.
        QCOMPARE(s.service->reprice(rec, QDate(2025, 10, 1), QDate(2025, 10, 31), s.userId(), true)
                     ->entries,
                 0);
    }

    void adjustKeepsTheRateUnlessTheTaskTypeChanges()
    {
        test::TestStore s;
        const TimeEntry e =
            add(s, QStringLiteral("Recording"), local(2025, 10, 14, 10), local(2025, 10, 14, 12));
        QVERIFY(
            s.service->setRate(s.typeId(QStringLiteral("Recording")), 8000, QDate(2025, 10, 1)));
        QVERIFY(s.service->setRate(s.typeId(QStringLiteral("Mixing")), 9000, QDate(2025, 10, 1)));

        Adjustment moved;
        moved.entryId = e.id;
        moved.actorId = s.userId();
        moved.endedAt = local(2025, 10, 14, 13);
        moved.reason = QStringLiteral("forgot to stop");
        QVERIFY(s.service->adjust(moved));
        QCOMPARE(s.service->entry(e.id)->hourlyRateCents, 6000);

        Adjustment retyped = moved;
        retyped.endedAt.reset();
        retyped.taskTypeId = s.typeId(QStringLiteral("Mixing"));
        retyped.reason = QStringLiteral("it was mixing");
        auto adjusted = s.service->adjust(retyped);
        QVERIFY(adjusted);
        QCOMPARE(adjusted->hourlyRateCents, 9000);
        QCOMPARE(s.service->entry(e.id)->hourlyRateCents, 9000);
    }

    void entriesCarryTheirRateThroughJsonAndImport()
    {
        test::TestStore s;
        TimeEntry e;
        e.id = newId();
        e.orgId = s.profile.org.id;
        e.userId = s.userId();
        e.taskTypeId = s.typeId(QStringLiteral("Recording"));
        e.startedAt = local(2025, 10, 14, 10);
        e.endedAt = local(2025, 10, 14, 11);
        e.hourlyRateCents = 4321;
        auto decoded = json::toEntry(json::fromEntry(e));
        QVERIFY(decoded);
        QCOMPARE(decoded->hourlyRateCents, 4321);
        QJsonObject roundOne = json::fromEntry(e);
        roundOne.remove(QStringLiteral("hourlyRateCents"));
        QCOMPARE(json::toEntry(roundOne)->hourlyRateCents, TimeEntry::kUnstampedRate);
        roundOne.insert(QStringLiteral("hourlyRateCents"), -5);
        QVERIFY(!json::toEntry(roundOne));

        // An imported JSON entry keeps its file's rate; one without takes the rate of its day.
        const QByteArray file =
            QJsonDocument(
                QJsonArray{
                    QJsonObject{{QStringLiteral("taskType"), QStringLiteral("Recording")},
                                {QStringLiteral("startedAt"), double(local(2025, 10, 1, 9))},
                                {QStringLiteral("endedAt"), double(local(2025, 10, 1, 10))},
                                {QStringLiteral("hourlyRateCents"), 5000}},
                    QJsonObject{{QStringLiteral("taskType"), QStringLiteral("Recording")},
                                {QStringLiteral("startedAt"), double(local(2025, 10, 2, 9))},
                                {QStringLiteral("endedAt"), double(local(2025, 10, 2, 10))}}})
                .toJson();
        EntryImporter importer(*s.service, s.userId());
        const ImportPlan plan = importer.preview(file, TransferFormat::Json);
        QVERIFY(plan.ok());
        QVERIFY(importer.apply(plan));
        QCOMPARE(reportCents(s, QDate(2025, 10, 1), QDate(2025, 10, 1)), 5000);
        QCOMPARE(reportCents(s, QDate(2025, 10, 2), QDate(2025, 10, 2)), 6000);
    }

    void theMigrationStampsExistingEntriesWithTodaysRates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v4.sqlite"));
        const QString org = newId(), user = newId(), rec = newId(), brk = newId();
        const QString recorded = newId(), paused = newId();
        {
            // A data folder as schema 4 left it: its tables, a few rows, no rates anywhere.
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v4"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const char *name :
                 {"0001_initial.sql", "0002_hub.sql", "0003_client.sql", "0004_perf.sql"}) {
                QFile file(QStringLiteral(":/migrations/") + QLatin1String(name));
                QVERIFY(file.open(QIODevice::ReadOnly));
                QString script;
                for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n'))
                    script += line.left(line.indexOf(QLatin1String("--"))) + u'\n';
                for (const QString &statement : script.split(u';')) {
                    if (!statement.trimmed().isEmpty())
                        QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
                }
            }
            const QStringList rows = {
                QStringLiteral("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                               "applied_at BIGINT NOT NULL)"),
                QStringLiteral("INSERT INTO schema_migrations VALUES (1, 0), (2, 0), (3, 0), "
                               "(4, 0)"),
                QStringLiteral("INSERT INTO organizations VALUES ('%1', 'Studio', 'EUR', 0)")
                    .arg(org),
                QStringLiteral("INSERT INTO users VALUES ('%1', '%2', 'ana', 0)").arg(user, org),
                QStringLiteral("INSERT INTO task_types VALUES ('%1', '%2', 'Recording', "
                               "'#e15759', 6000, 1, 0, 1, 0), ('%3', '%2', 'Break', '#bab0ac', "
                               "2500, 0, 0, 2, 0)")
                    .arg(rec, org, brk),
                QStringLiteral("INSERT INTO time_entries VALUES ('%1', '%2', '%3', '%4', NULL, "
                               "'', %5, %6, 0, NULL, 'manual', 1, 0, 0, 0), ('%7', '%2', '%3', "
                               "'%8', NULL, '', %6, %9, 0, NULL, 'manual', 1, 0, 0, 0)")
                    .arg(recorded, org, user, rec)
                    .arg(local(2025, 10, 14, 10))
                    .arg(local(2025, 10, 14, 12))
                    .arg(paused, brk)
                    .arg(local(2025, 10, 14, 13))};
            for (const QString &row : rows)
                QVERIFY2(q.exec(row), qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v4"));

        auto opened = Database::open(path);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        QVERIFY(opened.value()->schemaVersion() >= 5); // migrated through 5 (and any later)
        EntryRepository entries(*opened.value());
        QCOMPARE(entries.entry(recorded).value()->hourlyRateCents, 6000);
        QCOMPARE(entries.entry(paused).value()->hourlyRateCents, 0); // not billable
        const auto recording = CatalogRepository(*opened.value()).taskType(rec);
        QCOMPARE(recording.value()->rates, (QList<RateStep>{{rates::firstDay(), 6000}}));
        EntryFilter all;
        all.orgId = org;
        QCOMPARE(entries.totals(all, local(2025, 11, 28)).value().costCents, 12000);
    }

    void aDeskTakesTheEntrysRateFromTheHub()
    {
        test::TestStore s; // this desk still says 60.00 for Recording
        Outbox outbox(*s.db, s.clock);
        SyncCache cache(*s.db, *s.service, outbox);
        cache.setHubOrganization(s.profile.org.id, {});
        auto data = [&](const TimeEntry &e) {
            return QJsonObject{{QStringLiteral("entry"), json::fromEntry(e)}};
        };
        TimeEntry e;
        e.id = newId();
        e.orgId = s.profile.org.id;
        e.userId = s.userId();
        e.taskTypeId = s.typeId(QStringLiteral("Recording"));
        e.startedAt = local(2025, 11, 27, 9);
        e.endedAt = local(2025, 11, 27, 10);
        e.updatedAt = e.startedAt;
        e.hourlyRateCents = 8000; // stamped by the hub, where the rate is 80.00
        QVERIFY(cache.apply(QStringLiteral("entry:created"), data(e), 1));
        QCOMPARE(s.service->entry(e.id)->hourlyRateCents, 8000);
        QCOMPARE(reportCents(s, QDate(2025, 11, 27), QDate(2025, 11, 27)), 8000);

        // A round-1 hub sends no rate: the desk stamps its own, and a later change without a
        // rate keeps the one stored.
        TimeEntry old = e;
        old.id = newId();
        old.startedAt = local(2025, 11, 26, 9);
        old.endedAt = local(2025, 11, 26, 10);
        old.hourlyRateCents = TimeEntry::kUnstampedRate;
        QVERIFY(cache.apply(QStringLiteral("entry:created"), data(old), 2));
        QCOMPARE(s.service->entry(old.id)->hourlyRateCents, 6000);
        e.note = QStringLiteral("later");
        e.rev = 2;
        e.hourlyRateCents = TimeEntry::kUnstampedRate;
        QVERIFY(cache.apply(QStringLiteral("entry:restored"), data(e), 3));
        QCOMPARE(s.service->entry(e.id)->hourlyRateCents, 8000);
    }
};

QTEST_GUILESS_MAIN(TestRates)
#include "tst_rates.moc"
