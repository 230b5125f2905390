#include "TestStore.h"
#include "sync/Outbox.h"

#include <QTest>

using namespace st;

namespace {
constexpr Ms kMinute = 60'000;
} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordsEachChangeInOrderWithItsOwnOpId()
    {
        test::TestStore s;
        Outbox outbox(*s.db, s.clock);
        outbox.attach(*s.service);
        auto started = s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Recording")), {}, {}, std::nullopt, {}});
        QVERIFY(started);
        s.clock.advance(5 * kMinute);
        QVERIFY(s.service->pause(s.userId()));
        s.clock.advance(kMinute);
        QVERIFY(s.service->resume(s.userId()));
        QVERIFY(s.service->stop(s.userId()));

        const auto ops = outbox.pending();
        QCOMPARE(ops.size(), 4);
        QCOMPARE(outbox.pendingCount(), 4);
        const QStringList events{
            protocol::eventName(ops[0].event), protocol::eventName(ops[1].event),
            protocol::eventName(ops[2].event), protocol::eventName(ops[3].event)};
        QCOMPARE(events,
                 (QStringList{QStringLiteral("timer:start"), QStringLiteral("timer:pause"),
                              QStringLiteral("timer:resume"), QStringLiteral("timer:stop")}));
        QSet<QString> ids;
        for (const OutboxOp &op : ops) {
            QVERIFY(isValidId(op.opId));
            ids.insert(op.opId);
            QCOMPARE(op.subjectId(), started->id);
            const QJsonObject request = op.request();
            QCOMPARE(request.value(QStringLiteral("opId")).toString(), op.opId);
            QCOMPARE(request.value(QStringLiteral("user"))
                         .toObject()
                         .value(QStringLiteral("id"))
                         .toString(),
                     s.userId());
        }
        QCOMPARE(ids.size(), 4);
        QVERIFY(ops[0].position < ops[1].position && ops[2].position < ops[3].position);
        QCOMPARE(ops[0].payload.value(QStringLiteral("startedAt")).toDouble(),
                 double(started->startedAt));
    }

    void aChangeAndItsRowAreOneTransaction()
    {
        test::TestStore s;
        Outbox outbox(*s.db, s.clock);
        // The row is written, then the sink fails: the change and the row both roll back.
        s.service->setMutationSink([&](const Mutation &m) -> Result<void> {
            if (auto r = outbox.record(m); !r)
                return r.error();
            return Error::internal(QStringLiteral("disk full"));
        });
        auto started = s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Mixing")), {}, {}, std::nullopt, {}});
        QVERIFY(!started);
        QCOMPARE(outbox.pendingCount(), 0);
        QVERIFY(!s.service->running(s.userId()));

        // A refused change records nothing either.
        outbox.attach(*s.service);
        QVERIFY(!s.service->stop(s.userId()));
        QCOMPARE(outbox.pendingCount(), 0);
    }

    void catalogueChangesAreRecordedToo()
    {
        test::TestStore s;
        Outbox outbox(*s.db, s.clock);
        outbox.attach(*s.service);
        Room room;
        room.name = QStringLiteral("Studio A");
        auto saved = s.service->saveRoom(room);
        QVERIFY(saved);
        const auto ops = outbox.pending();
        QCOMPARE(ops.size(), 1);
        QCOMPARE(protocol::eventName(ops[0].event), QStringLiteral("rooms:upsert"));
        QCOMPARE(ops[0].subjectId(), saved->id);
    }

    void pendingChangesSurviveARestartWithTheSameOpIds()
    {
        test::TestStore s;
        QStringList before;
        {
            Outbox outbox(*s.db, s.clock);
            outbox.attach(*s.service);
            QVERIFY(s.service->start(
                {s.userId(), s.typeId(QStringLiteral("Setup")), {}, {}, std::nullopt, {}}));
            QVERIFY(s.service->stop(s.userId()));
            for (const OutboxOp &op : outbox.pending())
                before << op.opId;
            QVERIFY(outbox.markSent(before.first()));
        }
        s.service->setMutationSink({});
        s.db.reset();
        auto reopened = Database::open(s.path());
        QVERIFY(reopened);
        Outbox again(*reopened.value(), s.clock);
        QStringList after;
        for (const OutboxOp &op : again.pending())
            after << op.opId;
        QCOMPARE(after, before);
        QCOMPARE(again.pending().first().attempts, 1);
        s.db = std::move(reopened).value();
    }

    void acknowledgedChangesLeaveTheOutbox()
    {
        test::TestStore s;
        Outbox outbox(*s.db, s.clock);
        outbox.attach(*s.service);
        QVERIFY(s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Setup")), {}, {}, std::nullopt, {}}));
        QVERIFY(s.service->stop(s.userId()));
        const auto ops = outbox.pending();
        QVERIFY(outbox.acknowledge(ops[0].opId));
        QCOMPARE(outbox.pendingCount(), 1);
        QCOMPARE(outbox.pending().first().opId, ops[1].opId);
        QVERIFY(outbox.conflicts().isEmpty());
    }

    void refusedChangesMoveToConflictsWithTheirReason()
    {
        test::TestStore s;
        Outbox outbox(*s.db, s.clock);
        outbox.attach(*s.service);
        auto started = s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Setup")), {}, {}, std::nullopt, {}});
        QVERIFY(started);
        const OutboxOp op = outbox.pending().first();
        auto conflict =
            outbox.refuse(op.opId, Error::conflict(QStringLiteral("Overlaps another entry.")));
        QVERIFY(conflict);
        QCOMPARE(outbox.pendingCount(), 0);
        const auto list = outbox.conflicts();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].opId, op.opId);
        QCOMPARE(protocol::eventName(list[0].event), QStringLiteral("timer:start"));
        QCOMPARE(list[0].entryId, started->id);
        QCOMPARE(list[0].code, ErrorCode::Conflict);
        QCOMPARE(list[0].message, QStringLiteral("Overlaps another entry."));
        QCOMPARE(list[0].payload, op.payload);
        QCOMPARE(outbox.unseenConflictCount(), 1);

        QVERIFY(outbox.markConflictsSeen());
        QCOMPARE(outbox.unseenConflictCount(), 0);
        QVERIFY(outbox.conflicts(false).isEmpty());
        QCOMPARE(outbox.conflicts(true).size(), 1); // kept, never dropped

        QCOMPARE(outbox.refuse(op.opId, Error::conflict(QStringLiteral("again"))).error().code,
                 ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
