// Clients, projects, tags and closed periods through a real hub and two desks over loopback
// (issue 12, docs/PROTOCOL.md): what one desk makes reaches the other with the same IDs, an
// entry keeps its project, tags and billable flag on every desk (its own included, after the
// hub's echo), and a locked period is refused locally and at the hub, from a desk that had not
// heard of the lock yet.

#include "FakeClock.h"
#include "TestDesk.h"
#include "TestHub.h"
#include "store/LockRepository.h"

#include <QDateTime>
#include <QTest>

using namespace st;
using namespace st::test;

namespace {

constexpr Ms kHubStart = 1'764'316'800'000; // 2025-11-28T08:00:00Z
constexpr Ms kHour = 3'600'000;
constexpr int kWait = 10000;

Ms local(int y, int m, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, mi)).toMSecsSinceEpoch();
}

template <class T> QString why(const Result<T> &r)
{
    return r ? QString() : r.error().message;
}

} // namespace

class TestProjectsSync : public QObject
{
    Q_OBJECT

    static void connectBoth(TestHub<FakeClock> &hub, TestDesk &a, TestDesk &b)
    {
        a.connectTo(hub);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        b.connectTo(hub);
        QTRY_VERIFY_WITH_TIMEOUT(b.caughtUp(), kWait);
    }

private Q_SLOTS:
    void clientsProjectsAndEntriesTravel()
    {
        TestHub<FakeClock> hub(kHubStart);
        TestDesk a(QStringLiteral("Desk A"), QStringLiteral("Alice"), kHubStart);
        TestDesk b(QStringLiteral("Desk B"), QStringLiteral("Bob"), kHubStart);
        connectBoth(hub, a, b);

        Client label;
        label.name = QStringLiteral("Blue Label");
        label.color = QStringLiteral("#336699");
        label.hourlyRateCents = 9000;
        auto savedClient = a.service->saveClient(label);
        QVERIFY2(savedClient, qPrintable(why(savedClient)));
        Project album;
        album.name = QStringLiteral("First Album");
        album.clientId = savedClient->id;
        album.color = QStringLiteral("#996633");
        album.budgetMs = 40 * kHour;
        auto savedProject = a.service->saveProject(album);
        QVERIFY2(savedProject, qPrintable(why(savedProject)));

        // A timer on the project with a tag: the hub stamps the client's rate (90.00), and desk
        // A's own entry keeps its project after the hub's answer and echo.
        auto started = a.service->start({a.userId,
                                         a.typeId(QStringLiteral("Recording")),
                                         {},
                                         {},
                                         std::nullopt,
                                         {},
                                         savedProject->id,
                                         {QStringLiteral("vocals")}});
        QVERIFY2(started, qPrintable(why(started)));
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(b.service->entry(started->id).has_value(), kWait);
        const TimeEntry atA = *a.service->entry(started->id);
        QCOMPARE(atA.projectId, savedProject->id);
        QCOMPARE(atA.tags, QStringList{QStringLiteral("vocals")});
        QCOMPARE(atA.hourlyRateCents, 9000);
        const TimeEntry atHub = *hub.entry(started->id);
        QCOMPARE(atHub.projectId, savedProject->id);
        QCOMPARE(atHub.tags, QStringList{QStringLiteral("vocals")});
        QCOMPARE(atHub.hourlyRateCents, 9000);
        const TimeEntry atB = *b.service->entry(started->id);
        QCOMPARE(atB.projectId, savedProject->id);
        QCOMPARE(atB.tags, QStringList{QStringLiteral("vocals")});

        // Desk B knows the client and the project by the same IDs, with their rates and budget.
        QTRY_COMPARE_WITH_TIMEOUT(b.service->projects().size(), 1, kWait);
        const Project atBProject = b.service->projects().first();
        QCOMPARE(atBProject.id, savedProject->id);
        QCOMPARE(atBProject.name, QStringLiteral("First Album"));
        QCOMPARE(atBProject.clientId, savedClient->id);
        QCOMPARE(atBProject.budgetMs, std::optional<Ms>(40 * kHour));
        QCOMPARE(b.service->clients().size(), 1);
        QCOMPARE(b.service->clients().first().hourlyRateCents, std::optional<qint64>(9000));

        // A manual entry, not billable, on the project: desk B has it not billable.
        auto manual = b.service->addManual({b.userId,
                                            b.typeId(QStringLiteral("Mixing")),
                                            {},
                                            {},
                                            local(2025, 11, 27, 10),
                                            local(2025, 11, 27, 11),
                                            {},
                                            0,
                                            TimeEntry::kUnstampedRate,
                                            savedProject->id,
                                            {QStringLiteral("stems")},
                                            false});
        QVERIFY2(manual, qPrintable(why(manual)));
        QTRY_VERIFY_WITH_TIMEOUT(a.service->entry(manual->id).has_value(), kWait);
        QCOMPARE(a.service->entry(manual->id)->billable, false);
        QCOMPARE(a.service->entry(manual->id)->projectId, savedProject->id);
        QCOMPARE(hub.entry(manual->id)->billable, false);

        // Its project cleared and tags changed by desk A: desk B follows.
        Adjustment clear;
        clear.entryId = manual->id;
        clear.actorId = a.userId;
        clear.projectId = QString();
        clear.tags = QStringList{QStringLiteral("rough"), QStringLiteral("mix")};
        clear.reason = QStringLiteral("not for the album");
        auto cleared = a.service->adjust(clear);
        QVERIFY2(cleared, qPrintable(why(cleared)));
        QTRY_VERIFY_WITH_TIMEOUT(b.service->entry(manual->id)->projectId.isEmpty(), kWait);
        QCOMPARE(b.service->entry(manual->id)->tags,
                 (QStringList{QStringLiteral("rough"), QStringLiteral("mix")}));
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        QVERIFY(a.service->entry(manual->id)->projectId.isEmpty());
        QVERIFY(hub.entry(manual->id)->projectId.isEmpty());
    }

    void aLockIsRefusedLocallyAndAtTheHub()
    {
        TestHub<FakeClock> hub(kHubStart);
        TestDesk a(QStringLiteral("Desk A"), QStringLiteral("Alice"), kHubStart);
        TestDesk b(QStringLiteral("Desk B"), QStringLiteral("Bob"), kHubStart);
        connectBoth(hub, a, b);
        const QDate day(2025, 11, 26);

        // Desk B goes offline and records an entry in what is about to be closed.
        b.client->stop();
        auto offline = b.service->addManual({b.userId,
                                             b.typeId(QStringLiteral("Mixing")),
                                             {},
                                             {},
                                             local(2025, 11, 26, 14),
                                             local(2025, 11, 26, 15),
                                             {}});
        QVERIFY2(offline, qPrintable(why(offline)));

        // Desk A closes the period up to the 26th: the hub and desk B (once back) hold the lock.
        auto locked = a.service->lockUntil(day, a.userId);
        QVERIFY2(locked, qPrintable(why(locked)));
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        QCOMPARE(LockRepository(*hub.db).lockedUntil(hub.orgId).value(), std::optional<QDate>(day));

        // At the hub: desk B's change, made before it knew, is refused (forbidden, naming the
        // day); it lands in B's conflicts and the entry is withdrawn, as any refusal.
        b.connectTo(hub);
        QTRY_COMPARE_WITH_TIMEOUT(b.outbox->conflicts().size(), 1, kWait);
        const SyncConflict refused = b.outbox->conflicts().first();
        QCOMPARE(refused.code, ErrorCode::Forbidden);
        QVERIFY2(refused.message.contains(QStringLiteral("2025-11-26")),
                 qPrintable(refused.message));
        QVERIFY(!hub.entry(offline->id).has_value());
        QTRY_VERIFY_WITH_TIMEOUT(b.caughtUp(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(b.service->entry(offline->id)->deleted, kWait);

        // Locally: desk B now holds the lock, with desk A's trail row, and refuses at once.
        QCOMPARE(b.service->lockedUntil(), std::optional<QDate>(day));
        QCOMPARE(b.service->lockTrail().size(), 1);
        QCOMPARE(b.service->lockTrail().first().id, locked->id);
        QCOMPARE(b.service->lockTrail().first().actorName, QStringLiteral("Alice"));
        QCOMPARE(b.service->lockTrail().first().deviceName, QStringLiteral("Desk A"));
        auto local26 = b.service->addManual({b.userId,
                                             b.typeId(QStringLiteral("Mixing")),
                                             {},
                                             {},
                                             local(2025, 11, 26, 16),
                                             local(2025, 11, 26, 17),
                                             {}});
        QVERIFY(!local26);
        QCOMPARE(local26.error().code, ErrorCode::Forbidden);
        QCOMPARE(b.outbox->pendingCount(), 0); // refused here: nothing sent

        // The day after is open; an unlock by desk B reaches desk A and the 26th opens again.
        QVERIFY(b.service->addManual({b.userId,
                                      b.typeId(QStringLiteral("Mixing")),
                                      {},
                                      {},
                                      local(2025, 11, 27, 16),
                                      local(2025, 11, 27, 17),
                                      {}}));
        QVERIFY(b.service->unlock(b.userId));
        QTRY_VERIFY_WITH_TIMEOUT(!a.service->lockedUntil().has_value(), kWait);
        QCOMPARE(a.service->lockTrail().size(), 2);
        QVERIFY(a.service->addManual({a.userId,
                                      a.typeId(QStringLiteral("Mixing")),
                                      {},
                                      {},
                                      local(2025, 11, 26, 9),
                                      local(2025, 11, 26, 10),
                                      {}}));
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        QCOMPARE(a.outbox->conflicts().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestProjectsSync)
#include "tst_projects_sync.moc"
