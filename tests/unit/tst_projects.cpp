// Clients and projects (issue 12, docs/REPORTS.md "Clients and projects"): an entry's rate is
// fixed when it is recorded, the project's before its client's before its task type's; a
// non-billable entry costs 0 and its time still counts; tags are words.
#include "TestStore.h"
#include "report/ReportService.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTest>

using namespace st;

namespace {

constexpr Ms kHour = 3'600'000;

Ms local(int y, int m, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, mi)).toMSecsSinceEpoch();
}

Client client(test::TestStore &s, const QString &name, std::optional<qint64> rate)
{
    Client c;
    c.name = name;
    c.color = QStringLiteral("#336699");
    c.hourlyRateCents = rate;
    auto saved = s.service->saveClient(c);
    if (!saved)
        qFatal("saveClient: %s", qPrintable(saved.error().message));
    return saved.value();
}

Project project(test::TestStore &s, const QString &name, const QString &clientId,
                std::optional<qint64> rate)
{
    Project p;
    p.name = name;
    p.clientId = clientId;
    p.color = QStringLiteral("#996633");
    p.hourlyRateCents = rate;
    auto saved = s.service->saveProject(p);
    if (!saved)
        qFatal("saveProject: %s", qPrintable(saved.error().message));
    return saved.value();
}

Result<TimeEntry> add(test::TestStore &s, const QString &type, Ms from, Ms to,
                      const QString &projectId = {}, bool billable = true,
                      const QStringList &tags = {})
{
    ManualEntry m;
    m.userId = s.userId();
    m.taskTypeId = s.typeId(type);
    m.startedAt = from;
    m.endedAt = to;
    m.projectId = projectId;
    m.billable = billable;
    m.tags = tags;
    return s.service->addManual(m);
}

int entryCount(test::TestStore &s)
{
    QSqlQuery q(s.db->connection());
    q.exec(QStringLiteral("SELECT COUNT(*) FROM time_entries"));
    return q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestProjects final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void projectRateComesFirst()
    {
        test::TestStore s;
        const Client label = client(s, QStringLiteral("Blue Label"), 9000);
        const Project album = project(s, QStringLiteral("Nightfall"), label.id, 8000);
        auto e = add(s, QStringLiteral("Recording"), local(2025, 11, 3, 10),
                     local(2025, 11, 3, 11), album.id);
        QVERIFY2(e, qPrintable(e ? QString() : e.error().message));
        QCOMPARE(e->hourlyRateCents, 8000);
        QCOMPARE(s.service->entry(e->id)->hourlyRateCents, 8000); // as stored
        QCOMPARE(s.service->entry(e->id)->projectId, album.id);
    }

    void clientRateWhenTheProjectHasNone()
    {
        test::TestStore s;
        const Client label = client(s, QStringLiteral("Blue Label"), 9000);
        const Project album = project(s, QStringLiteral("Nightfall"), label.id, std::nullopt);
        auto e = add(s, QStringLiteral("Mixing"), local(2025, 11, 3, 10), local(2025, 11, 3, 11),
                     album.id);
        QVERIFY(e);
        QCOMPARE(e->hourlyRateCents, 9000);
    }

    void taskTypeRateOnTheDayWhenNeitherHasOne()
    {
        test::TestStore s; // today: 2025-11-28
        const Client label = client(s, QStringLiteral("Blue Label"), std::nullopt);
        const Project album = project(s, QStringLiteral("Nightfall"), label.id, std::nullopt);
        const Project single = project(s, QStringLiteral("Single"), QString(), std::nullopt);
        // Recording: 60.00, then 65.00 from 2025-11-10.
        QVERIFY(s.service->setRate(s.typeId(QStringLiteral("Recording")), 6500, QDate(2025, 11, 10)));
        auto before = add(s, QStringLiteral("Recording"), local(2025, 11, 3, 10),
                          local(2025, 11, 3, 11), album.id);
        auto after = add(s, QStringLiteral("Recording"), local(2025, 11, 12, 10),
                         local(2025, 11, 12, 11), single.id);
        auto none = add(s, QStringLiteral("Recording"), local(2025, 11, 13, 10),
                        local(2025, 11, 13, 11));
        QVERIFY(before && after && none);
        QCOMPARE(before->hourlyRateCents, 6000);
        QCOMPARE(after->hourlyRateCents, 6500);
        QCOMPARE(none->hourlyRateCents, 6500);
    }

    void aRateZeroIsARateNotNone()
    {
        test::TestStore s;
        const Client label = client(s, QStringLiteral("Friends"), 0);
        const Project demo = project(s, QStringLiteral("Demo"), label.id, std::nullopt);
        auto e = add(s, QStringLiteral("Recording"), local(2025, 11, 3, 10),
                     local(2025, 11, 3, 11), demo.id);
        QVERIFY(e);
        QCOMPARE(e->hourlyRateCents, 0);
        QVERIFY(e->billable);
    }

    void recordedRateStaysWhenTheProjectRateChanges()
    {
        test::TestStore s;
        Project album = project(s, QStringLiteral("Nightfall"), QString(), 8000);
        auto e = add(s, QStringLiteral("Recording"), local(2025, 11, 3, 10),
                     local(2025, 11, 3, 11), album.id);
        QVERIFY(e);
        album.hourlyRateCents = 9900;
        QVERIFY(s.service->saveProject(album));
        QCOMPARE(s.service->entry(e->id)->hourlyRateCents, 8000);
        auto later = add(s, QStringLiteral("Recording"), local(2025, 11, 4, 10),
                         local(2025, 11, 4, 11), album.id);
        QVERIFY(later);
        QCOMPARE(later->hourlyRateCents, 9900);
    }

    void nonBillableCostsNothingButItsTimeCounts()
    {
        test::TestStore s;
        const Project album = project(s, QStringLiteral("Nightfall"), QString(), 8000);
        auto paid = add(s, QStringLiteral("Recording"), local(2025, 11, 3, 10),
                        local(2025, 11, 3, 11), album.id);
        auto unpaid = add(s, QStringLiteral("Recording"), local(2025, 11, 3, 11),
                        local(2025, 11, 3, 13), album.id, false);
        auto pause = add(s, QStringLiteral("Break"), local(2025, 11, 3, 13),
                         local(2025, 11, 3, 14), album.id);
        QVERIFY(paid && unpaid && pause);
        QVERIFY(paid->billable);
        QVERIFY(!unpaid->billable);
        QCOMPARE(unpaid->hourlyRateCents, 0);
        // Break is not billable by default, even in a project with a rate.
        QVERIFY(!pause->billable);
        QCOMPARE(pause->hourlyRateCents, 0);
        const auto used = s.service->projectUse(album.id);
        QVERIFY(used);
        QCOMPARE(used->billableMs, 4 * kHour);
        QCOMPARE(used->costCents, 8000);
        QCOMPARE(used->entries, 3);
    }

    void unknownOrForeignProjectIsRefusedAndNothingIsWritten()
    {
        test::TestStore s;
        const int before = entryCount(s);
        auto e = add(s, QStringLiteral("Recording"), local(2025, 11, 3, 10),
                     local(2025, 11, 3, 11), newId());
        QVERIFY(!e);
        QCOMPARE(e.error().code, ErrorCode::NotFound);
        StartRequest start{s.userId(), s.typeId(QStringLiteral("Recording")), {}, {}, {}, {}};
        start.projectId = newId();
        QVERIFY(!s.service->start(start));
        QCOMPARE(entryCount(s), before);
        Project orphan;
        orphan.name = QStringLiteral("Orphan");
        orphan.color = QStringLiteral("#123456");
        orphan.clientId = newId();
        QVERIFY(!s.service->saveProject(orphan));
        QVERIFY(s.service->projects(true).isEmpty());
    }

    void namesAreUniqueInAnyCase()
    {
        test::TestStore s;
        client(s, QStringLiteral("Blue Label"), std::nullopt);
        Client again;
        again.name = QStringLiteral("blue label");
        again.color = QStringLiteral("#000000");
        const auto refused = s.service->saveClient(again);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("Blue Label")));
        QCOMPARE(s.service->findClient(QStringLiteral("BLUE LABEL"))->name,
                 QStringLiteral("Blue Label"));
        const auto unknown = s.service->findProject(QStringLiteral("Nope"));
        QVERIFY(!unknown);
        QVERIFY(unknown.error().message.contains(QStringLiteral("Nope")));
    }

    void budgetIsHoursOrMoney()
    {
        test::TestStore s;
        Project p;
        p.name = QStringLiteral("Both");
        p.color = QStringLiteral("#123456");
        p.budgetMs = 10 * kHour;
        p.budgetCents = 100'000;
        QVERIFY(!s.service->saveProject(p));
        p.budgetCents.reset();
        const auto saved = s.service->saveProject(p);
        QVERIFY(saved);
        QCOMPARE(saved->budgetMs, std::optional<Ms>(10 * kHour));
        QVERIFY(!saved->budgetCents);
    }

    void tagsAreWordsKeptOnceInTheirOrder()
    {
        test::TestStore s;
        auto e = add(s, QStringLiteral("Recording"), local(2025, 11, 3, 10),
                     local(2025, 11, 3, 11), {}, true,
                     {QStringLiteral(" vocals"), QStringLiteral("overdub"), QStringLiteral("Vocals")});
        QVERIFY(e);
        QCOMPARE(s.service->entry(e->id)->tags,
                 (QStringList{QStringLiteral("vocals"), QStringLiteral("overdub")}));
        const int before = entryCount(s);
        for (const QString &bad : {QStringLiteral("two words"), QStringLiteral("a,b"),
                                   QString(41, QLatin1Char('x'))}) {
            auto refused = add(s, QStringLiteral("Recording"), local(2025, 11, 4, 10),
                               local(2025, 11, 4, 11), {}, true, {bad});
            QVERIFY2(!refused, qPrintable(bad));
            QCOMPARE(refused.error().code, ErrorCode::Invalid);
        }
        QCOMPARE(entryCount(s), before);
    }

    void startCarriesProjectAndTags()
    {
        test::TestStore s;
        const Project album = project(s, QStringLiteral("Nightfall"), QString(), 8000);
        StartRequest start{s.userId(), s.typeId(QStringLiteral("Mixing")), {}, {}, {}, {}};
        start.projectId = album.id;
        start.tags = {QStringLiteral("stems")};
        auto running = s.service->start(start);
        QVERIFY(running);
        const auto stored = s.service->entry(running->id);
        QCOMPARE(stored->projectId, album.id);
        QCOMPARE(stored->tags, QStringList{QStringLiteral("stems")});
        QCOMPARE(stored->hourlyRateCents, 8000);
        // Stopping keeps them.
        s.clock.advance(kHour);
        QVERIFY(s.service->stop(s.userId()));
        QCOMPARE(s.service->entry(running->id)->projectId, album.id);
        QCOMPARE(s.service->entry(running->id)->tags, QStringList{QStringLiteral("stems")});
    }

    void adjustingTheProjectTakesItsRate()
    {
        test::TestStore s;
        const Project album = project(s, QStringLiteral("Nightfall"), QString(), 8000);
        auto e = add(s, QStringLiteral("Recording"), local(2025, 11, 3, 10),
                     local(2025, 11, 3, 11));
        QVERIFY(e);
        QCOMPARE(e->hourlyRateCents, 6000);
        Adjustment a;
        a.entryId = e->id;
        a.actorId = s.userId();
        a.projectId = album.id;
        a.reason = QStringLiteral("billed to the album");
        auto adjusted = s.service->adjust(a);
        QVERIFY2(adjusted, qPrintable(adjusted ? QString() : adjusted.error().message));
        QCOMPARE(adjusted->hourlyRateCents, 8000);
        QCOMPARE(s.service->auditTrail(e->id).last().after.value(QStringLiteral("projectId")),
                 QJsonValue(album.id));
        // A Break entry switched to Recording becomes billable as Recording is.
        auto pause = add(s, QStringLiteral("Break"), local(2025, 11, 3, 12),
                         local(2025, 11, 3, 13));
        QVERIFY(pause && !pause->billable);
        Adjustment toRecording;
        toRecording.entryId = pause->id;
        toRecording.actorId = s.userId();
        toRecording.taskTypeId = s.typeId(QStringLiteral("Recording"));
        toRecording.reason = QStringLiteral("was not a break");
        auto recorded = s.service->adjust(toRecording);
        QVERIFY(recorded);
        QVERIFY(recorded->billable);
        QCOMPARE(recorded->hourlyRateCents, 6000);
    }

    void repriceKeepsTheProjectRateFirst()
    {
        test::TestStore s;
        const Project album = project(s, QStringLiteral("Nightfall"), QString(), 8000);
        auto inAlbum = add(s, QStringLiteral("Recording"), local(2025, 11, 3, 10),
                           local(2025, 11, 3, 11), album.id);
        auto plain = add(s, QStringLiteral("Recording"), local(2025, 11, 3, 12),
                         local(2025, 11, 3, 13));
        QVERIFY(inAlbum && plain);
        QVERIFY(s.service->setRate(s.typeId(QStringLiteral("Recording")), 7000, QDate(2025, 11, 1)));
        const auto summary = s.service->reprice(s.typeId(QStringLiteral("Recording")),
                                                QDate(2025, 11, 1), QDate(2025, 11, 30),
                                                s.userId(), true);
        QVERIFY(summary);
        QCOMPARE(summary->entries, 1);
        QCOMPARE(s.service->entry(inAlbum->id)->hourlyRateCents, 8000);
        QCOMPARE(s.service->entry(plain->id)->hourlyRateCents, 7000);
    }
};

QTEST_GUILESS_MAIN(TestProjects)
#include "tst_projects.moc"
