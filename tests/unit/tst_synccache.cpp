#include "TestStore.h"
#include "domain/Json.h"
#include "store/Repositories.h"
#include "sync/Outbox.h"
#include "sync/SyncCache.h"

#include <QSignalSpy>
#include <QTest>

using namespace st;

namespace {
constexpr Ms kMinute = 60'000;

// A change as the hub broadcasts it: the entry plus who and what.
QJsonObject timerData(const TimeEntry &e, const QString &userName, const QString &typeName)
{
    return {{QStringLiteral("entry"), json::fromEntry(e)},
            {QStringLiteral("user"),
             QJsonObject{{QStringLiteral("id"), e.userId}, {QStringLiteral("name"), userName}}},
            {QStringLiteral("taskType"),
             QJsonObject{{QStringLiteral("id"), e.taskTypeId}, {QStringLiteral("name"), typeName}}},
            {QStringLiteral("room"), QJsonValue()}};
}

TimeEntry remoteEntry(const test::TestStore &s, const QString &userId, const QString &typeId,
                      Ms start)
{
    TimeEntry e;
    e.id = newId();
    e.orgId = s.profile.org.id;
    e.userId = userId;
    e.taskTypeId = typeId;
    e.startedAt = start;
    e.updatedAt = start;
    return e;
}
} // namespace

class TestSyncCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appliesAnotherMachinesEntryWithoutRecordingIt()
    {
        test::TestStore s;
        Outbox outbox(*s.db, s.clock);
        outbox.attach(*s.service);
        SyncCache cache(*s.db, *s.service, outbox);
        cache.setHubOrganization(s.profile.org.id, QStringLiteral("Studio"));
        QVERIFY(!cache.needsJoin());
        QCOMPARE(cache.lastSeq(), 0);

        QSignalSpy changed(s.service.get(), &TimerService::entryChanged);
        QSignalSpy catalog(s.service.get(), &TimerService::catalogChanged);
        const QString bob = newId();
        const TimeEntry e =
            remoteEntry(s, bob, s.typeId(QStringLiteral("Recording")), s.clock.nowMs());
        auto applied =
            cache.apply(QStringLiteral("timer:started"),
                        timerData(e, QStringLiteral("Bob"), QStringLiteral("Recording")), 1);
        QVERIFY(applied);
        QCOMPARE(applied->subjectId, e.id);
        QCOMPARE(cache.lastSeq(), 1);
        QCOMPARE(s.service->entry(e.id)->userId, bob);
        QCOMPARE(s.service->user(bob)->name, QStringLiteral("Bob")); // learnt from the change
        QCOMPARE(changed.count(), 1);
        QCOMPARE(catalog.count(), 1);
        QCOMPARE(outbox.pendingCount(), 0); // nothing goes back to the hub

        // Applying it again changes nothing (idempotent).
        QVERIFY(cache.apply(QStringLiteral("timer:started"),
                            timerData(e, QStringLiteral("Bob"), QStringLiteral("Recording")), 1));
        QCOMPARE(s.service->runningEntries().size(), 1);
    }

    void unknownTaskTypesGetAPlaceholderUntilTheirChangeArrives()
    {
        test::TestStore s;
        Outbox outbox(*s.db, s.clock);
        SyncCache cache(*s.db, *s.service, outbox);
        cache.setHubOrganization(s.profile.org.id, {});
        const QString typeId = newId();
        const TimeEntry e = remoteEntry(s, newId(), typeId, s.clock.nowMs());
        QVERIFY(cache.apply(QStringLiteral("timer:started"),
                            timerData(e, QStringLiteral("Bob"), QStringLiteral("Foley")), 1));
        QCOMPARE(s.service->taskType(typeId)->name, QStringLiteral("Foley"));
        TaskType full;
        full.id = typeId;
        full.name = QStringLiteral("Foley");
        full.color = QStringLiteral("#112233");
        full.hourlyRateCents = 4200;
        QVERIFY(cache.apply(QStringLiteral("taskType:changed"),
                            {{QStringLiteral("taskType"), json::fromTaskType(full)}}, 2));
        QCOMPARE(s.service->taskType(typeId)->hourlyRateCents, 4200);
        QCOMPARE(cache.lastSeq(), 2);
    }

    void aRemoteStartEndsAStaleRunningEntryOfTheSameUser()
    {
        test::TestStore s;
        Outbox outbox(*s.db, s.clock);
        SyncCache cache(*s.db, *s.service, outbox);
        cache.setHubOrganization(s.profile.org.id, {});
        auto mine = s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Setup")), {}, {}, std::nullopt, {}});
        QVERIFY(mine);
        s.clock.advance(10 * kMinute);
        // The same person started on another desk (the hub's later truth).
        const TimeEntry other =
            remoteEntry(s, s.userId(), s.typeId(QStringLiteral("Mixing")), s.clock.nowMs());
        auto applied =
            cache.apply(QStringLiteral("timer:started"),
                        timerData(other, QStringLiteral("me"), QStringLiteral("Mixing")), 1);
        QVERIFY(applied);
        QCOMPARE(applied->entries.size(), 2);
        QCOMPARE(s.service->entry(mine->id)->endedAt, std::optional<Ms>(other.startedAt));
        QCOMPARE(s.service->running(s.userId())->id, other.id);
    }

    void entriesWithPendingChangesKeepTheLocalVersion()
    {
        test::TestStore s;
        Outbox outbox(*s.db, s.clock);
        outbox.attach(*s.service);
        SyncCache cache(*s.db, *s.service, outbox);
        cache.setHubOrganization(s.profile.org.id, {});
        auto mine = s.service->start({s.userId(),
                                      s.typeId(QStringLiteral("Setup")),
                                      {},
                                      QStringLiteral("local"),
                                      std::nullopt,
                                      {}});
        QVERIFY(mine);
        TimeEntry older = *mine;
        older.note = QStringLiteral("hub");
        QVERIFY(cache.apply(QStringLiteral("timer:started"),
                            timerData(older, QStringLiteral("me"), QStringLiteral("Setup")), 1));
        QCOMPARE(s.service->entry(mine->id)->note, QStringLiteral("local"));
        QCOMPARE(cache.lastSeq(), 1);
    }

    void malformedOrForeignChangesAreSkippedButCounted()
    {
        test::TestStore s;
        Outbox outbox(*s.db, s.clock);
        SyncCache cache(*s.db, *s.service, outbox);
        cache.setHubOrganization(s.profile.org.id, {});
        QVERIFY(cache.apply(QStringLiteral("timer:started"),
                            {{QStringLiteral("entry"), QJsonObject{{QStringLiteral("id"), 7}}}},
                            1));
        TimeEntry foreign =
            remoteEntry(s, newId(), s.typeId(QStringLiteral("Setup")), s.clock.nowMs());
        foreign.orgId = newId();
        QVERIFY(cache.apply(QStringLiteral("timer:started"),
                            timerData(foreign, QStringLiteral("Eve"), QStringLiteral("Setup")), 2));
        QVERIFY(!s.service->entry(foreign.id));
        QVERIFY(cache.apply(QStringLiteral("something:new"), {}, 3)); // a later version's change
        QCOMPARE(cache.lastSeq(), 3);
    }

    void remoteAdjustmentsKeepTheirAuditTrail()
    {
        test::TestStore s;
        Outbox outbox(*s.db, s.clock);
        SyncCache cache(*s.db, *s.service, outbox);
        cache.setHubOrganization(s.profile.org.id, {});
        TimeEntry e = remoteEntry(s, newId(), s.typeId(QStringLiteral("Mixing")),
                                  s.clock.nowMs() - 60 * kMinute);
        e.endedAt = s.clock.nowMs() - 30 * kMinute;
        QVERIFY(cache.apply(QStringLiteral("entry:created"),
                            timerData(e, QStringLiteral("Bob"), QStringLiteral("Mixing")), 1));
        TimeEntry after = e;
        after.endedAt = s.clock.nowMs() - 20 * kMinute;
        after.adjusted = true;
        after.rev = 2;
        QJsonObject data = timerData(after, QStringLiteral("Bob"), QStringLiteral("Mixing"));
        data.insert(QStringLiteral("previous"),
                    QJsonObject{{QStringLiteral("startedAt"), double(e.startedAt)},
                                {QStringLiteral("endedAt"), double(*e.endedAt)}});
        data.insert(QStringLiteral("reason"), QStringLiteral("forgot to stop"));
        QVERIFY(cache.apply(QStringLiteral("timer:adjusted"), data, 2));
        const auto trail = s.service->auditTrail(e.id);
        QCOMPARE(trail.size(), 1);
        QCOMPARE(trail.first().reason, QStringLiteral("forgot to stop"));
        QCOMPARE(trail.first().actorName, QStringLiteral("Bob"));
        QVERIFY(s.service->entry(e.id)->adjusted);
    }

    void aRefusedEntryUnknownToTheHubIsWithdrawn()
    {
        test::TestStore s;
        Outbox outbox(*s.db, s.clock);
        SyncCache cache(*s.db, *s.service, outbox);
        cache.setHubOrganization(s.profile.org.id, {});
        auto mine = s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Setup")), {}, {}, std::nullopt, {}});
        QVERIFY(mine);
        auto withdrawn = cache.withdrawUnknownEntry(mine->id);
        QVERIFY(withdrawn && withdrawn->has_value());
        QVERIFY(s.service->entry(mine->id)->deleted);
        QVERIFY(!s.service->running(s.userId()));
        QCOMPARE(s.service->auditTrail(mine->id).size(), 1);
        QVERIFY(!cache.withdrawUnknownEntry(mine->id)->has_value()); // once
    }

    void anotherHubStartsItsHistoryFromZero()
    {
        test::TestStore s;
        Outbox outbox(*s.db, s.clock);
        SyncCache cache(*s.db, *s.service, outbox);
        cache.setHubOrganization(s.profile.org.id, {});
        QVERIFY(cache.setLastSeq(42));
        cache.setHubOrganization(s.profile.org.id, {});
        QCOMPARE(cache.lastSeq(), 42);
        cache.setHubOrganization(newId(), QStringLiteral("Elsewhere"));
        QVERIFY(cache.needsJoin());
        QCOMPARE(cache.lastSeq(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncCache)
#include "tst_synccache.moc"
