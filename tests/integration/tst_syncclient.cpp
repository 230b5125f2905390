// The sync client against the real Hub, in process over loopback (issue 4): joining, live
// broadcasts with attribution, offline changes, refusals, seq gaps, clock skew, bad tokens.

#include "TestDesk.h"
#include "TestHub.h"
#include "domain/Json.h"
#include "store/Repositories.h"
#include "sync/ConflictReapply.h"
#include "sync/Hub.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace st;
using namespace st::test;

namespace {

constexpr Ms kMinute = 60'000;
constexpr Ms kHubStart = 1'764'316'800'000; // 2025-11-28T08:00:00Z
constexpr int kWait = 10000;

// The hub on its own database, on a loopback port kept across restarts, on a clock moved by hand.
struct HubEnv : TestHub<FakeClock>
{
    HubEnv()
        : TestHub<FakeClock>(kHubStart)
    {}
};

// A desk (tests/support/TestDesk.h) whose clock may be wrong by skew, with the shortcuts these
// tests use.
struct Desk : TestDesk
{
    Desk(const QString &deskName, const QString &userName, Ms skew = 0)
        : TestDesk(deskName, userName, kHubStart + skew)
    {}
    Result<TimeEntry> start(const QString &typeName, const QString &roomId = {})
    {
        return service->start({userId, typeId(typeName), roomId, {}, std::nullopt, {}});
    }
    void tick(Ms ms) { local.advance(ms); }
};

} // namespace

class TestSyncClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void joiningAdoptsTheHubOrganisationAndCarriesLocalDataOver()
    {
        HubEnv env;
        Desk a(QStringLiteral("Desk A"), QStringLiteral("Alice"));
        const QString localOrg = a.service->orgId();
        // Made before joining: a finished entry, a custom task type, a room and a running timer.
        TaskType foley;
        foley.name = QStringLiteral("Foley");
        foley.color = QStringLiteral("#123456");
        foley.hourlyRateCents = 4500;
        auto savedFoley = a.service->saveTaskType(foley);
        QVERIFY(savedFoley);
        Room room;
        room.name = QStringLiteral("Studio A");
        auto savedRoom = a.service->saveRoom(room);
        QVERIFY(savedRoom);
        auto finished = a.service->addManual({a.userId,
                                              a.typeId(QStringLiteral("Mixing")),
                                              {},
                                              {},
                                              kHubStart - 3 * 60 * kMinute,
                                              kHubStart - 2 * 60 * kMinute,
                                              {}});
        QVERIFY(finished);
        auto foleyEntry = a.service->addManual({a.userId,
                                                savedFoley->id,
                                                savedRoom->id,
                                                {},
                                                kHubStart - 2 * 60 * kMinute,
                                                kHubStart - 90 * kMinute,
                                                {}});
        QVERIFY(foleyEntry);
        auto running = a.start(QStringLiteral("Recording"), savedRoom->id);
        QVERIFY(running);
        const QString localRecording = a.typeId(QStringLiteral("Recording"));

        QSignalSpy joined(a.client.get(), &SyncClient::organizationJoined);
        a.connectTo(env);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        QCOMPARE(joined.count(), 1);
        QCOMPARE(joined.first().at(0).toString(), env.orgId);

        // The cache is now the hub's organisation; the old one is gone.
        QCOMPARE(a.service->orgId(), env.orgId);
        QCOMPARE(a.db->meta(QStringLiteral("org_id")), env.orgId);
        QVERIFY(!CatalogRepository(*a.db).organization(localOrg).value());
        QCOMPARE(a.service->organization().name, QStringLiteral("Studio Nord"));
        // Task types merged by name; the custom one carried over with its ID.
        QCOMPARE(a.typeId(QStringLiteral("Recording")), env.typeId(QStringLiteral("Recording")));
        QVERIFY(!CatalogRepository(*a.db).taskType(localRecording).value());
        QCOMPARE(a.service->taskTypes(true).size(), 6);
        QVERIFY(env.typeId(QStringLiteral("Foley")) == savedFoley->id);
        // Every entry reached the hub with its ID and the hub's task type.
        const auto atHub = env.entry(finished->id);
        QVERIFY(atHub);
        QCOMPARE(atHub->taskTypeId, env.typeId(QStringLiteral("Mixing")));
        QCOMPARE(atHub->startedAt, finished->startedAt);
        QCOMPARE(atHub->endedAt, finished->endedAt);
        QCOMPARE(env.entry(foleyEntry->id)->roomId, savedRoom->id);
        const auto runningAtHub = env.entry(running->id);
        QVERIFY(runningAtHub && runningAtHub->isRunning());
        QCOMPARE(a.service->entry(running->id)->taskTypeId,
                 env.typeId(QStringLiteral("Recording")));
        QVERIFY(a.outbox->conflicts().isEmpty());
        QCOMPARE(a.client->lastSeq(), env.head());

        // A second start of the client changes nothing more.
        const qint64 head = env.head();
        a.client->stop();
        a.connectTo(env);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        QCOMPARE(env.head(), head);
        QCOMPARE(joined.count(), 1);
    }

    void machinesSeeEachOthersTimersWithAttribution()
    {
        HubEnv env;
        Desk a(QStringLiteral("Desk A"), QStringLiteral("Alice"));
        Desk b(QStringLiteral("Desk B"), QStringLiteral("Bob"));
        Desk c(QStringLiteral("Desk C"), QStringLiteral("Carol"));
        for (Desk *d : {&a, &b, &c})
            d->connectTo(env);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp() && b.caughtUp() && c.caughtUp(), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(b.client->presence().size(), 3, kWait);

        Room room;
        room.name = QStringLiteral("Studio A");
        auto savedRoom = a.service->saveRoom(room);
        QVERIFY(savedRoom);
        QSignalSpy activityB(b.client.get(), &SyncClient::remoteActivity);
        QSignalSpy activityC(c.client.get(), &SyncClient::remoteActivity);
        QSignalSpy activityA(a.client.get(), &SyncClient::remoteActivity);
        auto started = a.start(QStringLiteral("Recording"), savedRoom->id);
        QVERIFY(started);
        QTRY_COMPARE_WITH_TIMEOUT(activityB.count(), 1, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(activityC.count(), 1, kWait);
        const auto activity = activityB.first().first().value<RemoteActivity>();
        QCOMPARE(protocol::eventName(activity.event), QStringLiteral("timer:started"));
        QCOMPARE(activity.userName, QStringLiteral("Alice"));
        QCOMPARE(activity.taskTypeName, QStringLiteral("Recording"));
        QCOMPARE(activity.roomName, QStringLiteral("Studio A"));
        QCOMPARE(activity.deviceName, QStringLiteral("Desk A"));
        QCOMPARE(activity.entry.id, started->id);
        QCOMPARE(activityA.count(), 0); // one's own events are not "remote activity"

        const auto timers = b.client->remoteTimers();
        QCOMPARE(timers.size(), 1);
        QCOMPARE(timers.first().entry.id, started->id);
        QCOMPARE(timers.first().userName, QStringLiteral("Alice"));
        QCOMPARE(timers.first().taskTypeName, QStringLiteral("Recording"));
        QCOMPARE(timers.first().roomName, QStringLiteral("Studio A"));
        QCOMPARE(timers.first().deviceName, QStringLiteral("Desk A"));
        QVERIFY(a.client->remoteTimers().isEmpty()); // Alice's own timer is not "another machine"

        // B switches task: A and C see it, and B's earlier timer is not affected by A's.
        auto bStarted = b.start(QStringLiteral("Mixing"));
        QVERIFY(bStarted);
        QTRY_COMPARE_WITH_TIMEOUT(a.client->remoteTimers().size(), 1, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(c.client->remoteTimers().size(), 2, kWait);

        a.tick(30 * kMinute);
        env.clock.advance(30 * kMinute); // time passes at the hub too (it refuses stamps ahead)
        QVERIFY(a.service->stop(a.userId));
        QTRY_VERIFY_WITH_TIMEOUT(!b.service->entry(started->id)->isRunning(), kWait);
        QCOMPARE(b.service->entry(started->id)->endedAt, a.service->entry(started->id)->endedAt);
        QTRY_COMPARE_WITH_TIMEOUT(activityB.count(), 2, kWait);
        QCOMPARE(protocol::eventName(activityB.last().first().value<RemoteActivity>().event),
                 QStringLiteral("timer:stopped"));
        QTRY_COMPARE_WITH_TIMEOUT(c.client->remoteTimers().size(), 1, kWait);
    }

    void offlineChangesConvergeAfterReconnect()
    {
        HubEnv env;
        Desk a(QStringLiteral("Desk A"), QStringLiteral("Alice"));
        Desk b(QStringLiteral("Desk B"), QStringLiteral("Bob"));
        a.connectTo(env);
        b.connectTo(env);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp() && b.caughtUp(), kWait);

        env.stop();
        QTRY_COMPARE_WITH_TIMEOUT(a.client->state(), SyncState::Offline, kWait);
        QSignalSpy pending(a.client.get(), &SyncClient::pendingCountChanged);
        auto first = a.start(QStringLiteral("Setup"));
        QVERIFY(first);
        a.tick(10 * kMinute);
        auto second = a.start(QStringLiteral("Recording")); // a switch
        QVERIFY(second);
        a.tick(5 * kMinute);
        env.clock.advance(15 * kMinute); // time passed at the hub too (it refuses stamps ahead)
        QVERIFY(a.service->pause(a.userId));
        auto manual = b.service->addManual({b.userId,
                                            b.typeId(QStringLiteral("Mastering")),
                                            {},
                                            {},
                                            kHubStart - 60 * kMinute,
                                            kHubStart - 30 * kMinute,
                                            {}});
        QVERIFY(manual);
        QCOMPARE(a.client->pendingCount(), 3);
        QVERIFY(pending.count() >= 3);
        QCOMPARE(pending.last().first().toInt(), 3);
        const auto sentBefore = a.outbox->pending();
        const qint64 headBefore = env.head();

        env.start(); // the hub is back on the same port and database
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp() && b.caughtUp(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(b.service->entry(second->id).has_value() &&
                                     a.service->entry(manual->id).has_value(),
                                 kWait);
        QTRY_COMPARE_WITH_TIMEOUT(b.client->lastSeq(), env.head(), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(a.client->lastSeq(), env.head(), kWait);
        // Everything arrived once: 3 entries at the hub, the first stopped at the switch.
        QCOMPARE(env.entryCount(), 3);
        QCOMPARE(env.entry(first->id)->endedAt, std::optional<Ms>(second->startedAt));
        QVERIFY(env.entry(second->id)->isPaused());
        QCOMPARE(b.service->entry(second->id)->pausedAt, env.entry(second->id)->pausedAt);
        QCOMPARE(b.service->entry(first->id)->endedAt, env.entry(first->id)->endedAt);
        // start, stop (switch), start, pause, create: five changes since the hub went down.
        QCOMPARE(env.head() - headBefore, 5);

        // A replay of the same requests (an acknowledgement lost on the way) is applied once.
        const qint64 head = env.head();
        for (const OutboxOp &op : sentBefore) {
            QSqlQuery q(a.db->connection());
            q.prepare(QStringLiteral("INSERT INTO sync_outbox (op_id, position, event, payload, "
                                     "created_at, attempts) VALUES (?, ?, ?, ?, ?, 1)"));
            q.addBindValue(op.opId);
            q.addBindValue(op.position + 1000);
            q.addBindValue(protocol::eventName(op.event));
            q.addBindValue(QString::fromUtf8(QJsonDocument(op.payload).toJson()));
            q.addBindValue(op.createdAt);
            QVERIFY(q.exec());
        }
        a.client->stop();
        a.connectTo(env);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        QCOMPARE(env.head(), head);
        QCOMPARE(env.entryCount(), 3);
        QVERIFY(a.outbox->conflicts().isEmpty());
    }

    void aRefusedChangeLandsInConflictsAndIsRolledBack()
    {
        HubEnv env;
        Desk a(QStringLiteral("Desk A"), QStringLiteral("Alice"));
        Desk b(QStringLiteral("Desk B"), QStringLiteral("Bob"));
        a.connectTo(env);
        b.connectTo(env);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp() && b.caughtUp(), kWait);
        auto entry = a.service->addManual({a.userId,
                                           a.typeId(QStringLiteral("Mixing")),
                                           {},
                                           {},
                                           kHubStart - 60 * kMinute,
                                           kHubStart - 30 * kMinute,
                                           {}});
        QVERIFY(entry);
        QTRY_VERIFY_WITH_TIMEOUT(b.service->entry(entry->id).has_value(), kWait);

        // B goes offline and edits the entry; meanwhile A deletes it at the hub.
        b.client->stop();
        Adjustment adj;
        adj.entryId = entry->id;
        adj.actorId = b.userId;
        adj.note = QStringLiteral("vocals comp");
        adj.reason = QStringLiteral("forgot the note");
        QVERIFY(b.service->adjust(adj));
        QVERIFY(a.service->remove(entry->id, a.userId, QStringLiteral("duplicate")));
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        QVERIFY(env.entry(entry->id)->deleted);

        QSignalSpy conflicts(b.client.get(), &SyncClient::conflictsChanged);
        b.connectTo(env);
        QTRY_VERIFY_WITH_TIMEOUT(b.caughtUp(), kWait);
        QCOMPARE(conflicts.count(), 1);
        QCOMPARE(conflicts.first().first().toInt(), 1);
        const auto list = b.client->conflicts();
        QCOMPARE(list.size(), 1);
        QCOMPARE(protocol::eventName(list.first().event), QStringLiteral("timeEntries:adjust"));
        QCOMPARE(list.first().entryId, entry->id);
        // B's change was based on a version the delete replaced: a conflict, with the hub's entry.
        QCOMPARE(list.first().code, ErrorCode::Conflict);
        QVERIFY(!list.first().message.isEmpty());
        QVERIFY(list.first().theirs && list.first().theirs->deleted);
        // The cache shows the hub's truth: deleted, without B's note.
        QTRY_VERIFY_WITH_TIMEOUT(b.service->entry(entry->id)->deleted, kWait);
        QCOMPARE(b.service->entry(entry->id)->note, env.entry(entry->id)->note);
        QCOMPARE(b.client->pendingCount(), 0);
        b.client->markConflictsSeen();
        QCOMPARE(b.client->unseenConflictCount(), 0);
        QCOMPARE(b.client->conflicts().size(), 1); // kept, never dropped silently
    }

    // Issue 11: two desks edit the end of one entry while the hub is down (18:30 at desk-2, 19:30
    // at desk-1). The second to arrive is refused as a conflict and listed there with both sides;
    // both desks end with the hub's entry and the same trail, each row once; "Re-apply mine"
    // makes the refused change on the current version.
    void twoDesksEditingOneEntryOfflineMakeAConflict()
    {
        HubEnv env;
        Desk ben(QStringLiteral("desk-1"), QStringLiteral("Ben"));
        Desk ana(QStringLiteral("desk-2"), QStringLiteral("Ana"));
        ben.connectTo(env);
        ana.connectTo(env);
        QTRY_VERIFY_WITH_TIMEOUT(ben.caughtUp() && ana.caughtUp(), kWait);
        const Ms start = kHubStart - 3 * 60 * kMinute; // "17:00"
        auto entry = ben.service->addManual({ben.userId,
                                             ben.typeId(QStringLiteral("Mixing")),
                                             {},
                                             {},
                                             start,
                                             start + 60 * kMinute,
                                             {}});
        QVERIFY(entry);
        QTRY_VERIFY_WITH_TIMEOUT(ana.service->entry(entry->id).has_value(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(ben.caughtUp() && ana.caughtUp(), kWait);

        env.stop();
        QTRY_COMPARE_WITH_TIMEOUT(ben.client->state(), SyncState::Offline, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(ana.client->state(), SyncState::Offline, kWait);
        const Ms anaEnd = start + 90 * kMinute;  // 18:30
        const Ms benEnd = start + 150 * kMinute; // 19:30
        Adjustment byAna;
        byAna.entryId = entry->id;
        byAna.actorId = ana.userId;
        byAna.endedAt = anaEnd;
        byAna.reason = QStringLiteral("ended at half past six");
        QVERIFY(ana.service->adjust(byAna));
        Adjustment byBen = byAna;
        byBen.actorId = ben.userId;
        byBen.endedAt = benEnd;
        byBen.reason = QStringLiteral("ended at half past seven");
        QVERIFY(ben.service->adjust(byBen));

        // Ana's desk reaches the hub first.
        ben.client->stop();
        env.start();
        QTRY_VERIFY_WITH_TIMEOUT(ana.caughtUp(), kWait);
        QCOMPARE(env.entry(entry->id)->endedAt, std::optional<Ms>(anaEnd));
        QSignalSpy conflicts(ben.client.get(), &SyncClient::conflictsChanged);
        ben.connectTo(env);
        QTRY_VERIFY_WITH_TIMEOUT(ben.caughtUp(), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(ben.client->lastSeq(), env.head(), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(ana.client->lastSeq(), env.head(), kWait);

        // The later arrival did not win: the hub kept 18:30, and Ben's desk lists its change.
        QCOMPARE(env.entry(entry->id)->endedAt, std::optional<Ms>(anaEnd));
        QCOMPARE(conflicts.count(), 1);
        const QList<SyncConflict> list = ben.client->conflicts();
        QCOMPARE(list.size(), 1);
        const SyncConflict &c = list.first();
        QCOMPARE(c.code, ErrorCode::Conflict);
        QCOMPARE(c.entryId, entry->id);
        QCOMPARE(c.baseRev, std::optional<qint64>(entry->rev)); // yours: based on the first version
        QCOMPARE(c.payload.value(QLatin1String("endedAt")).toDouble(), double(benEnd)); // yours
        QVERIFY(c.theirs.has_value());
        QCOMPARE(c.theirs->endedAt, std::optional<Ms>(anaEnd)); // theirs
        QCOMPARE(c.theirsUser, QStringLiteral("Ana"));          // by Ana at desk-2
        QCOMPARE(c.theirsDevice, QStringLiteral("desk-2"));
        QTRY_COMPARE_WITH_TIMEOUT(ben.service->entry(entry->id)->endedAt, std::optional<Ms>(anaEnd),
                                  kWait);
        QCOMPARE(ana.service->entry(entry->id)->endedAt, std::optional<Ms>(anaEnd));

        // One trail, the same on both desks and the hub: Ana's row once, made at desk-2.
        const auto trail = [](const QList<AuditRecord> &rows) {
            QJsonArray out;
            for (const AuditRecord &row : rows)
                out.append(audit::toWire(row));
            return QJsonDocument(out).toJson(QJsonDocument::Compact);
        };
        const QList<AuditRecord> atHub = EntryRepository(*env.db).auditTrail(entry->id).value();
        QCOMPARE(atHub.size(), 1);
        QCOMPARE(atHub.first().actorName, QStringLiteral("Ana"));
        QCOMPARE(atHub.first().deviceName, QStringLiteral("desk-2"));
        QCOMPARE(atHub.first().deviceId, ana.profile.deviceId);
        QCOMPARE(trail(ana.service->auditTrail(entry->id)), trail(atHub));
        QCOMPARE(trail(ben.service->auditTrail(entry->id)), trail(atHub));

        // Re-apply mine: Ben's end on the current version, accepted, trails still alike.
        auto again = reapplyConflict(*ben.service, *ben.outbox, c.id);
        QVERIFY2(again, again ? "" : qPrintable(again.error().message));
        QVERIFY(ben.client->conflicts().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(ben.caughtUp(), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(ana.client->lastSeq(), env.head(), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(ben.client->lastSeq(), env.head(), kWait);
        QCOMPARE(env.entry(entry->id)->endedAt, std::optional<Ms>(benEnd));
        QTRY_COMPARE_WITH_TIMEOUT(ana.service->entry(entry->id)->endedAt, std::optional<Ms>(benEnd),
                                  kWait);
        const QList<AuditRecord> finalTrail =
            EntryRepository(*env.db).auditTrail(entry->id).value();
        QCOMPARE(finalTrail.size(), 2);
        QCOMPARE(finalTrail.last().deviceName, QStringLiteral("desk-1"));
        QTRY_COMPARE_WITH_TIMEOUT(trail(ana.service->auditTrail(entry->id)), trail(finalTrail),
                                  kWait);
        QTRY_COMPARE_WITH_TIMEOUT(trail(ben.service->auditTrail(entry->id)), trail(finalTrail),
                                  kWait);
    }

    void aRefusedStartIsWithdrawnLocally()
    {
        HubEnv env;
        Desk a(QStringLiteral("Desk A"), QStringLiteral("Alice"));
        a.connectTo(env);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        // The hub archives Mastering while A, offline, starts a Mastering timer.
        a.client->stop();
        auto started = a.start(QStringLiteral("Mastering"));
        QVERIFY(started);
        {
            TaskType mastering = *CatalogRepository(*env.db)
                                      .taskType(env.typeId(QStringLiteral("Mastering")))
                                      .value();
            mastering.archived = true;
            QVERIFY(CatalogRepository(*env.db).saveTaskType(mastering));
        }
        a.connectTo(env);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        QCOMPARE(a.client->conflicts().size(), 1);
        QCOMPARE(protocol::eventName(a.client->conflicts().first().event),
                 QStringLiteral("timer:start"));
        QVERIFY(!env.entry(started->id));
        QTRY_VERIFY_WITH_TIMEOUT(a.service->entry(started->id)->deleted, kWait);
        QVERIFY(!a.service->running(a.userId));
    }

    void aGapInSeqTriggersAPull()
    {
        HubEnv env;
        Desk a(QStringLiteral("Desk A"), QStringLiteral("Alice"));
        Desk b(QStringLiteral("Desk B"), QStringLiteral("Bob"));
        a.connectTo(env);
        b.connectTo(env);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp() && b.caughtUp(), kWait);

        // A change B never hears of (logged without a broadcast)...
        const QString roomId = newId();
        {
            Room room{roomId, env.orgId, QStringLiteral("Live Room"), false, kHubStart};
            Transaction tx(*env.db);
            QVERIFY(CatalogRepository(*env.db).saveRoom(room));
            QVERIFY(
                env.hub->store().appendChange(env.orgId, QStringLiteral("room:changed"),
                                              {{QStringLiteral("room"), json::fromRoom(room)}}));
            QVERIFY(tx.commit());
        }
        // ...then one it hears of: seq jumps by two, so B pulls and gets both.
        QVERIFY(a.start(QStringLiteral("Setup")));
        QTRY_VERIFY_WITH_TIMEOUT(b.service->room(roomId).has_value(), kWait);
        QCOMPARE(b.service->room(roomId)->name, QStringLiteral("Live Room"));
        QTRY_COMPARE_WITH_TIMEOUT(b.client->lastSeq(), env.head(), kWait);
        QCOMPARE(b.service->runningEntries().size(), 1);
    }

    void aChangeOfAKindThisVersionDoesNotKnowIsSkippedAndCounted()
    {
        HubEnv env;
        Desk a(QStringLiteral("Desk A"), QStringLiteral("Alice"));
        Desk b(QStringLiteral("Desk B"), QStringLiteral("Bob"));
        a.connectTo(env);
        b.connectTo(env);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp() && b.caughtUp(), kWait);
        // A later version's change in the hub's history (no broadcast), then a start B hears of:
        // B pulls, skips the unknown one, applies the start and counts both.
        {
            Transaction tx(*env.db);
            QVERIFY(env.hub->store().appendChange(
                env.orgId, QStringLiteral("desk:renamed"),
                {{QStringLiteral("device"),
                  QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}}}}));
            QVERIFY(tx.commit());
        }
        auto started = a.start(QStringLiteral("Setup"));
        QVERIFY(started);
        QTRY_VERIFY_WITH_TIMEOUT(b.service->entry(started->id).has_value(), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(b.client->lastSeq(), env.head(), kWait);
        QVERIFY(b.caughtUp());
        QCOMPARE(b.client->errorMessage(), QString());
    }

    void clocksMinutesApartShowTheSameElapsedTime()
    {
        HubEnv env;
        Desk a(QStringLiteral("Desk A"), QStringLiteral("Alice"), -7 * kMinute); // 7 min slow
        Desk b(QStringLiteral("Desk B"), QStringLiteral("Bob"), 4 * kMinute);    // 4 min fast
        a.connectTo(env);
        b.connectTo(env);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp() && b.caughtUp(), kWait);
        QVERIFY(std::abs(a.offset.offsetMs() - 7 * kMinute) < 1000);
        QVERIFY(std::abs(b.offset.offsetMs() + 4 * kMinute) < 1000);

        auto started = a.start(QStringLiteral("Recording"));
        QVERIFY(started);
        // Stamped in the hub's time, not A's wrong clock.
        QVERIFY(std::abs(started->startedAt - env.clock.nowMs()) < 1000);
        QTRY_VERIFY_WITH_TIMEOUT(b.service->entry(started->id).has_value(), kWait);

        for (FakeClock *c : {&env.clock, &a.local, &b.local})
            c->advance(42 * kMinute + 10'000);
        const Ms onA = b.service->entry(started->id)->billableMs(a.clock.nowMs());
        const Ms onB = b.service->entry(started->id)->billableMs(b.clock.nowMs());
        const Ms atHub = env.entry(started->id)->billableMs(env.clock.nowMs());
        QVERIFY2(std::abs(onA - onB) < 1000, qPrintable(QString::number(onA - onB)));
        QVERIFY(std::abs(onA - atHub) < 1000);
        QVERIFY(std::abs(onA - (42 * kMinute + 10'000)) < 1000);
    }

    // A desk's clock is stepped back 3 minutes while it stays connected (NTP, a wrong manual
    // change): the hub's answers to its next requests carry the hub's time, and the offset
    // follows without a reconnect, so its timers keep the hub's time.
    void aClockMovedWhileConnectedIsFollowed()
    {
        HubEnv env;
        Desk a(QStringLiteral("Desk A"), QStringLiteral("Alice"));
        a.connectTo(env);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        QVERIFY(std::abs(a.offset.offsetMs()) < 1000);

        a.tick(-3 * kMinute);
        auto started = a.start(QStringLiteral("Recording"));
        QVERIFY(started);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        QVERIFY2(std::abs(a.offset.offsetMs() - 3 * kMinute) < 1000,
                 qPrintable(QString::number(a.offset.offsetMs())));
        QVERIFY(a.service->stop(a.userId));
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        // Stopped in the hub's time, not the stepped-back local clock.
        QVERIFY(std::abs(*a.service->entry(started->id)->endedAt - env.clock.nowMs()) < 1000);
    }

    void aRefusedTokenStopsRetrying()
    {
        HubEnv env;
        Desk a(QStringLiteral("Desk A"), QStringLiteral("Alice"));
        QSignalSpy states(a.client.get(), &SyncClient::stateChanged);
        a.connectTo(env, QStringLiteral("not-a-valid-token"));
        QTRY_COMPARE_WITH_TIMEOUT(a.client->state(), SyncState::Unauthorized, kWait);
        QVERIFY(a.client->errorMessage().contains(QStringLiteral("token")));
        const int changes = states.count();
        // No reconnect storm: nothing is scheduled and the state stays put.
        QTest::qWait(300);
        QCOMPARE(a.client->state(), SyncState::Unauthorized);
        QCOMPARE(states.count(), changes);

        // A revoked token is refused the same way.
        Desk b(QStringLiteral("Desk B"), QStringLiteral("Bob"));
        auto second = env.hub->store().issueToken(env.orgId);
        QVERIFY(second);
        QVERIFY(env.hub->revokeToken(second.value()));
        b.connectTo(env, second.value());
        QTRY_COMPARE_WITH_TIMEOUT(b.client->state(), SyncState::Unauthorized, kWait);
    }

    void reconnectsWithBackoffAfterTheHubGoesAway()
    {
        HubEnv env;
        Desk a(QStringLiteral("Desk A"), QStringLiteral("Alice"));
        a.client->setBackoff(50, 400);
        env.stop();
        a.connectTo(env);
        QTRY_COMPARE_WITH_TIMEOUT(a.client->state(), SyncState::Offline, kWait);
        // Delays grow, stay under the cap, and are jittered into [d/2, d].
        QList<int> delays;
        QSignalSpy states(a.client.get(), &SyncClient::stateChanged);
        for (int i = 0; i < 5; ++i) {
            delays << a.client->nextRetryDelayMs();
            const int seen = states.count();
            QTRY_VERIFY_WITH_TIMEOUT(states.count() >= seen + 2, kWait); // connecting, offline
        }
        QVERIFY(delays.last() <= 400);
        QVERIFY(delays.last() >= 200);
        env.start();
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        QCOMPARE(a.client->errorMessage(), QString());
    }
};

QTEST_GUILESS_MAIN(TestSyncClient)
#include "tst_syncclient.moc"
