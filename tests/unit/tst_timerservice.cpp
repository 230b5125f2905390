#include "TestStore.h"
#include "domain/Money.h"

#include <QSignalSpy>
#include <QTest>

using namespace st;

namespace {
constexpr Ms kMinute = 60'000;
constexpr Ms kHour = 60 * kMinute;
} // namespace

class TestTimerService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startStopBillsTheElapsedTime()
    {
        test::TestStore s;
        auto started = s.service->start({s.userId(),
                                         s.typeId(QStringLiteral("Recording")),
                                         {},
                                         QStringLiteral("Drums"),
                                         std::nullopt,
                                         {}});
        QVERIFY(started);
        QVERIFY(started->isRunning());
        s.clock.advance(90 * kMinute);
        QCOMPARE(s.service->costCents(*s.service->running(s.userId())), 9000); // 1.5 h at 60.00
        auto stopped = s.service->stop(s.userId());
        QVERIFY(stopped);
        QCOMPARE(stopped->endedAt, started->startedAt + 90 * kMinute);
        QVERIFY(!s.service->running(s.userId()));
    }

    void startingWhileRunningSwitchesAtTheSameInstant()
    {
        test::TestStore s;
        auto first = s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Setup")), {}, {}, std::nullopt, {}});
        QVERIFY(first);
        s.clock.advance(20 * kMinute);
        QSignalSpy changed(s.service.get(), &TimerService::entryChanged);
        auto second = s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Recording")), {}, {}, std::nullopt, {}});
        QVERIFY(second);
        const auto stoppedFirst = s.service->entry(first->id);
        QCOMPARE(stoppedFirst->endedAt, second->startedAt);
        QCOMPARE(s.service->running(s.userId())->id, second->id);
        QCOMPARE(changed.count(), 2);
    }

    void pausedTimeIsNotBilled()
    {
        test::TestStore s;
        QVERIFY(s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Mixing")), {}, {}, std::nullopt, {}}));
        s.clock.advance(30 * kMinute);
        QVERIFY(s.service->pause(s.userId()));
        QCOMPARE(s.service->pause(s.userId()).error().code, ErrorCode::Conflict);
        s.clock.advance(45 * kMinute); // lunch
        QCOMPARE(s.service->running(s.userId())->billableMs(s.clock.nowMs()), 30 * kMinute);
        QVERIFY(s.service->resume(s.userId()));
        QCOMPARE(s.service->resume(s.userId()).error().code, ErrorCode::Conflict);
        s.clock.advance(30 * kMinute);
        auto stopped = s.service->stop(s.userId());
        QVERIFY(stopped);
        QCOMPARE(stopped->pausedMs, 45 * kMinute);
        QCOMPARE(stopped->billableMs(s.clock.nowMs()), kHour);
        QCOMPARE(s.service->costCents(*stopped), 5500);
    }

    void stoppingWhilePausedFoldsThePause()
    {
        test::TestStore s;
        QVERIFY(s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Mixing")), {}, {}, std::nullopt, {}}));
        s.clock.advance(kHour);
        QVERIFY(s.service->pause(s.userId()));
        s.clock.advance(kHour);
        auto stopped = s.service->stop(s.userId());
        QVERIFY(stopped);
        QVERIFY(!stopped->isPaused());
        QCOMPARE(stopped->billableMs(s.clock.nowMs()), kHour);
    }

    void nothingToStop()
    {
        test::TestStore s;
        QCOMPARE(s.service->stop(s.userId()).error().code, ErrorCode::NotFound);
        QCOMPARE(s.service->pause(s.userId()).error().code, ErrorCode::NotFound);
    }

    void eachUserHasTheirOwnTimer()
    {
        test::TestStore s;
        auto bob = s.service->ensureUser(QStringLiteral("Bob"));
        QVERIFY(bob);
        QCOMPARE(s.service->ensureUser(QStringLiteral("bob"))->id, bob->id); // any case
        QVERIFY(s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Recording")), {}, {}, std::nullopt, {}}));
        QVERIFY(s.service->start(
            {bob->id, s.typeId(QStringLiteral("Mixing")), {}, {}, std::nullopt, {}}));
        QCOMPARE(s.service->runningEntries().size(), 2);
    }

    void aRunningTimerSurvivesTheProcess()
    {
        test::TestStore s;
        auto started = s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Recording")), {}, {}, std::nullopt, {}});
        QVERIFY(started);
        s.service.reset();
        s.db.reset();
        auto db = Database::open(s.path());
        QVERIFY(db);
        TimerService again(*db.value(), s.clock, s.profile.org.id);
        QCOMPARE(again.running(s.userId())->id, started->id);
    }

    void archivedTaskTypesCannotStart()
    {
        test::TestStore s;
        TaskType setup = *s.service->findTaskType(QStringLiteral("Setup"));
        setup.archived = true;
        QVERIFY(s.service->saveTaskType(setup));
        auto r = s.service->start({s.userId(), setup.id, {}, {}, std::nullopt, {}});
        QCOMPARE(r.error().code, ErrorCode::Invalid);
        QVERIFY(!s.service->running(s.userId()));
    }

    // Two task types (or rooms) with one name in different case would make `start recording`
    // ambiguous; another organisation's row can't be overwritten through this one.
    void taskTypeAndRoomNamesAreUniqueInAnyCase()
    {
        test::TestStore s;
        TaskType copy = *s.service->findTaskType(QStringLiteral("Recording"));
        copy.id.clear();
        copy.name = QStringLiteral(" recording ");
        auto dup = s.service->saveTaskType(copy);
        QVERIFY(!dup);
        QCOMPARE(dup.error().code, ErrorCode::Conflict);
        QVERIFY(dup.error().message.contains(QStringLiteral("Recording")));
        QCOMPARE(s.service->taskTypes(true).size(), 5);

        TaskType renamed = *s.service->findTaskType(QStringLiteral("Recording"));
        renamed.name = QStringLiteral("Tracking");
        auto saved = s.service->saveTaskType(renamed);
        QVERIFY(saved);
        QCOMPARE(saved->name, QStringLiteral("Tracking"));
        QCOMPARE(saved->orgId, s.profile.org.id);

        auto room = s.service->saveRoom({{}, {}, QStringLiteral("Studio A"), false, 0});
        QVERIFY(room);
        auto sameRoom = s.service->saveRoom({{}, {}, QStringLiteral("STUDIO A"), false, 0});
        QCOMPARE(sameRoom.error().code, ErrorCode::Conflict);
        QCOMPARE(s.service->rooms(true).size(), 1);

        TimerService other(*s.db, s.clock, QStringLiteral("another-org"));
        Room stolen = *room;
        stolen.name = QStringLiteral("Mine now");
        QCOMPARE(other.saveRoom(stolen).error().code, ErrorCode::NotFound);
        QCOMPARE(s.service->room(room->id)->name, QStringLiteral("Studio A"));
    }

    void manualEntriesMayNotOverlap()
    {
        test::TestStore s;
        const Ms t = s.clock.nowMs() - 8 * kHour;
        auto first = s.service->addManual(
            {s.userId(), s.typeId(QStringLiteral("Recording")), {}, {}, t, t + kHour, {}});
        QVERIFY(first);
        QCOMPARE(first->source, EntrySource::Manual);
        auto clash = s.service->addManual({s.userId(),
                                           s.typeId(QStringLiteral("Mixing")),
                                           {},
                                           {},
                                           t + 30 * kMinute,
                                           t + 2 * kHour,
                                           {}});
        QVERIFY(!clash);
        QCOMPARE(clash.error().code, ErrorCode::Conflict);
        // The message names the entry it collides with.
        QVERIFY2(clash.error().message.contains(first->id.left(8)),
                 qPrintable(clash.error().message));
        QVERIFY2(clash.error().message.contains(QStringLiteral("Recording")),
                 qPrintable(clash.error().message));
        // Touching is fine.
        QVERIFY(s.service->addManual({s.userId(),
                                      s.typeId(QStringLiteral("Mixing")),
                                      {},
                                      {},
                                      t + kHour,
                                      t + 2 * kHour,
                                      {}}));
        // Another user may work at the same time.
        auto bob = s.service->ensureUser(QStringLiteral("Bob"));
        QVERIFY(s.service->addManual(
            {bob->id, s.typeId(QStringLiteral("Mixing")), {}, {}, t, t + kHour, {}}));
        QCOMPARE(s.service->count({}), 3);
    }

    void manualEntryMayNotOverlapTheRunningTimer()
    {
        test::TestStore s;
        QVERIFY(s.service->start({s.userId(),
                                  s.typeId(QStringLiteral("Recording")),
                                  {},
                                  {},
                                  s.clock.nowMs() - kHour,
                                  {}}));
        auto clash = s.service->addManual({s.userId(),
                                           s.typeId(QStringLiteral("Mixing")),
                                           {},
                                           {},
                                           s.clock.nowMs() - 30 * kMinute,
                                           s.clock.nowMs() - 10 * kMinute,
                                           {}});
        QCOMPARE(clash.error().code, ErrorCode::Conflict);
    }

    void impossibleTimesAreRefused()
    {
        test::TestStore s;
        const Ms t = s.clock.nowMs() - 8 * kHour;
        const QString rec = s.typeId(QStringLiteral("Recording"));
        QCOMPARE(s.service->addManual({s.userId(), rec, {}, {}, t, t - 1, {}}).error().code,
                 ErrorCode::Invalid);
        QCOMPARE(s.service->addManual({s.userId(), rec, {}, {}, t, t, {}}).error().code,
                 ErrorCode::Invalid);
        QCOMPARE(s.service->addManual({s.userId(), QStringLiteral("nope"), {}, {}, t, t + 1, {}})
                     .error()
                     .code,
                 ErrorCode::NotFound);
        QCOMPARE(s.service->count({}), 0);
    }

    void adjustmentsNeedAReasonAndKeepAnAuditTrail()
    {
        test::TestStore s;
        const Ms t = s.clock.nowMs() - 8 * kHour;
        auto e = s.service->addManual({s.userId(),
                                       s.typeId(QStringLiteral("Recording")),
                                       {},
                                       QStringLiteral("Vocals"),
                                       t,
                                       t + kHour,
                                       {}});
        QVERIFY(e);

        Adjustment a;
        a.entryId = e->id;
        a.actorId = s.userId();
        a.endedAt = t + 2 * kHour;
        QCOMPARE(s.service->adjust(a).error().code, ErrorCode::Invalid); // no reason
        a.reason = QStringLiteral("   ");
        QVERIFY(!s.service->adjust(a));
        QCOMPARE(s.service->entry(e->id)->endedAt, t + kHour);

        a.reason = QStringLiteral("Forgot to stop the timer");
        a.taskTypeId = s.typeId(QStringLiteral("Mixing"));
        auto adjusted = s.service->adjust(a);
        QVERIFY2(adjusted, adjusted ? "" : qPrintable(adjusted.error().message));
        QVERIFY(adjusted->adjusted);
        QCOMPARE(adjusted->rev, e->rev + 1);
        QCOMPARE(adjusted->endedAt, t + 2 * kHour);

        const auto trail = s.service->auditTrail(e->id);
        QCOMPARE(trail.size(), 1);
        QCOMPARE(trail[0].actorId, s.userId());
        QCOMPARE(trail[0].actorName, s.profile.user.name);
        QCOMPARE(trail[0].at, s.clock.nowMs());
        QCOMPARE(trail[0].reason, QStringLiteral("Forgot to stop the timer"));
        QCOMPARE(trail[0].before.value(QStringLiteral("endedAt")).toDouble(), double(t + kHour));
        QCOMPARE(trail[0].after.value(QStringLiteral("endedAt")).toDouble(), double(t + 2 * kHour));
        QCOMPARE(trail[0].before.value(QStringLiteral("taskTypeId")).toString(), e->taskTypeId);
    }

    void aRunningTimersNoteEditIsNotAnAdjustment()
    {
        test::TestStore s;
        auto running = s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Recording")), {}, {}, std::nullopt, {}});
        QVERIFY(running);
        Adjustment a;
        a.entryId = running->id;
        a.actorId = s.userId();
        a.note = QStringLiteral("Vocals, take 3");
        a.reason = QStringLiteral("Note edited while running");
        auto noted = s.service->adjust(a);
        QVERIFY(noted);
        QCOMPARE(noted->note, QStringLiteral("Vocals, take 3"));
        QVERIFY(!noted->adjusted);                              // not marked Adjusted
        QCOMPARE(s.service->auditTrail(running->id).size(), 1); // still in the trail
        // Its times changed: an adjustment.
        Adjustment earlier;
        earlier.entryId = running->id;
        earlier.actorId = s.userId();
        earlier.startedAt = running->startedAt - 60'000;
        earlier.reason = QStringLiteral("Started a minute earlier");
        QVERIFY(s.service->adjust(earlier)->adjusted);
    }

    void adjustmentsMayNotEndBeforeTheStartOrOverlap()
    {
        test::TestStore s;
        const Ms t = s.clock.nowMs() - 8 * kHour;
        const QString rec = s.typeId(QStringLiteral("Recording"));
        auto a1 = s.service->addManual({s.userId(), rec, {}, {}, t, t + kHour, {}});
        auto a2 = s.service->addManual({s.userId(), rec, {}, {}, t + 2 * kHour, t + 3 * kHour, {}});
        QVERIFY(a1 && a2);
        Adjustment a;
        a.entryId = a1->id;
        a.actorId = s.userId();
        a.reason = QStringLiteral("typo");
        a.endedAt = t - kMinute;
        QCOMPARE(s.service->adjust(a).error().code, ErrorCode::Invalid);
        a.endedAt = t + 150 * kMinute;
        auto clash = s.service->adjust(a);
        QCOMPARE(clash.error().code, ErrorCode::Conflict);
        QVERIFY(clash.error().message.contains(a2->id.left(8)));
        QVERIFY(s.service->auditTrail(a1->id).isEmpty());
    }

    void deleteIsSoftAndCanBeUndone()
    {
        test::TestStore s;
        const Ms t = s.clock.nowMs() - 8 * kHour;
        auto e = s.service->addManual(
            {s.userId(), s.typeId(QStringLiteral("Recording")), {}, {}, t, t + kHour, {}});
        QVERIFY(e);
        auto removed = s.service->remove(e->id, s.userId(), QStringLiteral("duplicate"));
        QVERIFY(removed);
        QCOMPARE(s.service->count({}), 0);
        EntryFilter bin;
        bin.deleted = true;
        QCOMPARE(s.service->count(bin), 1);
        QCOMPARE(s.service->remove(e->id, s.userId()).error().code, ErrorCode::NotFound);

        auto restored = s.service->restore(e->id, s.userId());
        QVERIFY(restored);
        QCOMPARE(s.service->count({}), 1);
        const auto trail = s.service->auditTrail(e->id);
        QCOMPARE(trail.size(), 2);
        QCOMPARE(trail[0].action, QStringLiteral("delete"));
        QCOMPARE(trail[0].reason, QStringLiteral("duplicate"));
        QCOMPARE(trail[1].action, QStringLiteral("restore"));
    }

    void restoreRefusesWhenTheTimeWasTakenMeanwhile()
    {
        test::TestStore s;
        const Ms t = s.clock.nowMs() - 8 * kHour;
        const QString rec = s.typeId(QStringLiteral("Recording"));
        auto e = s.service->addManual({s.userId(), rec, {}, {}, t, t + kHour, {}});
        QVERIFY(s.service->remove(e->id, s.userId()));
        QVERIFY(s.service->addManual({s.userId(), rec, {}, {}, t, t + kHour, {}}));
        QCOMPARE(s.service->restore(e->id, s.userId()).error().code, ErrorCode::Conflict);
    }

    void listFiltersAndTotals()
    {
        test::TestStore s;
        const Ms day = 24 * kHour;
        const Ms t = s.clock.nowMs() - 3 * day;
        const QString rec = s.typeId(QStringLiteral("Recording"));
        const QString mix = s.typeId(QStringLiteral("Mixing"));
        const QString brk = s.typeId(QStringLiteral("Break"));
        auto room = s.service->saveRoom({{}, {}, QStringLiteral("Studio A"), false, 0});
        QVERIFY(room);
        auto bob = s.service->ensureUser(QStringLiteral("Bob"));
        QVERIFY(s.service->addManual(
            {s.userId(), rec, room->id, QStringLiteral("Drums"), t, t + kHour, {}}));
        QVERIFY(s.service->addManual({s.userId(), brk, {}, {}, t + kHour, t + 2 * kHour, {}}));
        QVERIFY(s.service->addManual(
            {bob->id, mix, {}, QStringLiteral("Rough mix"), t + day, t + day + 30 * kMinute, {}}));
        // 20 s at 55.00/h = 30.56 cents, rounded to 31.
        QVERIFY(
            s.service->addManual({bob->id, mix, {}, {}, t + 2 * day, t + 2 * day + 20'000, {}}));

        QCOMPARE(s.service->count({}), 4);
        EntryFilter f;
        f.userIds = {bob->id};
        QCOMPARE(s.service->count(f), 2);
        f = {};
        f.taskTypeIds = {rec, brk};
        QCOMPARE(s.service->count(f), 2);
        f = {};
        f.roomIds = {room->id};
        QCOMPARE(s.service->count(f), 1);
        f = {};
        f.text = QStringLiteral("MIX");
        QCOMPARE(s.service->list(f).first().note, QStringLiteral("Rough mix"));
        f = {};
        f.text = QStringLiteral("%");
        QCOMPARE(s.service->count(f), 0); // wildcards are plain text
        f = {};
        f.from = t + day - kMinute;
        f.to = t + day + kMinute; // overlaps the rough mix only
        QCOMPARE(s.service->count(f), 1);

        const Totals totals = s.service->totals({});
        QCOMPARE(totals.entries, 4);
        QCOMPARE(totals.billableMs, 2 * kHour + 30 * kMinute + 20'000);
        QCOMPARE(totals.costCents, 6000 + 0 + 2750 + 31);
        QCOMPARE(totals.perTaskType.size(), 3);
        QCOMPARE(totals.perTaskType[0].taskTypeId, rec); // in task type order
        QCOMPARE(totals.perTaskType[2].taskTypeId, brk);
        QCOMPARE(totals.perTaskType[2].costCents, 0);

        // Paging returns each entry once, newest first by default.
        const auto page1 = s.service->list({}, {}, 3, 0);
        const auto page2 = s.service->list({}, {}, 3, 3);
        QCOMPARE(page1.size(), 3);
        QCOMPARE(page2.size(), 1);
        QVERIFY(page1[0].startedAt > page1[1].startedAt);
        const auto byDuration = s.service->list({}, {EntrySortKey::Duration, false});
        QCOMPARE(byDuration.first().billableMs(0), Ms(20'000));
    }

    void rangeIncludesAnEntryThatStartedLongBefore()
    {
        test::TestStore s;
        const Ms t = s.clock.nowMs() - 10 * 24 * kHour;
        const QString rec = s.typeId(QStringLiteral("Recording"));
        // A 50-hour marathon, then a range in its middle.
        QVERIFY(s.service->addManual({s.userId(), rec, {}, {}, t, t + 50 * kHour, {}}));
        EntryFilter f;
        f.from = t + 40 * kHour;
        f.to = t + 41 * kHour;
        QCOMPARE(s.service->count(f), 1);
        // And a timer running since long ago belongs to today's range.
        QVERIFY(s.service->start({s.userId(), rec, {}, {}, t + 60 * kHour, {}}));
        f.from = s.clock.nowMs() - kHour;
        f.to = s.clock.nowMs() + kHour;
        QCOMPARE(s.service->count(f), 1);
    }

    void mutationsAreRecordedInTheSameTransaction()
    {
        test::TestStore s;
        QList<Mutation> recorded;
        bool refuse = false;
        s.service->setMutationSink([&](const Mutation &m) -> Result<void> {
            if (refuse)
                return Error::internal(QStringLiteral("outbox full"));
            recorded.append(m);
            return {};
        });
        auto e = s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Recording")), {}, {}, std::nullopt, {}});
        QVERIFY(e);
        QCOMPARE(recorded.size(), 1);
        const QJsonObject payload = protocol::encode(recorded[0].request);
        QCOMPARE(protocol::eventName(recorded[0].event()), QStringLiteral("timer:start"));
        QCOMPARE(payload.value(QStringLiteral("entryId")).toString(), e->id);
        QCOMPARE(payload.value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 s.profile.user.name);

        // When recording fails, the change itself is rolled back.
        refuse = true;
        s.clock.advance(kMinute);
        QVERIFY(!s.service->stop(s.userId()));
        QVERIFY(s.service->running(s.userId()));
    }
};

QTEST_GUILESS_MAIN(TestTimerService)
#include "tst_timerservice.moc"
