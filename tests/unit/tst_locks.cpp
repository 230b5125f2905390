// Closed periods (issue 12, "Locking closed periods"; docs/REPORTS.md "Closed periods"): once the
// period up to a day is locked, no entry starting on or before that day can be added, adjusted,
// deleted, restored, imported or repriced, and each refusal names the day and changes nothing; a
// running timer can still be stopped; lock and unlock are audited.
#include "TestStore.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace st;

namespace {

Ms local(int y, int m, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, mi)).toMSecsSinceEpoch();
}

ManualEntry manual(test::TestStore &s, Ms from, Ms to)
{
    ManualEntry m;
    m.userId = s.userId();
    m.taskTypeId = s.typeId(QStringLiteral("Recording"));
    m.startedAt = from;
    m.endedAt = to;
    return m;
}

TimeEntry added(test::TestStore &s, Ms from, Ms to)
{
    auto e = s.service->addManual(manual(s, from, to));
    if (!e)
        qFatal("addManual: %s", qPrintable(e.error().message));
    return e.value();
}

// Every row of the tables a refused change could touch, as text: equal before and after.
QString tables(test::TestStore &s)
{
    QString all;
    for (const char *table : {"time_entries", "entry_audit", "sync_outbox"}) {
        QSqlQuery q(s.db->connection());
        q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(QLatin1String(table)));
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                all += q.value(i).toString() + QLatin1Char('|');
            all += QLatin1Char('\n');
        }
    }
    return all;
}

} // namespace

class TestLocks final : public QObject
{
    Q_OBJECT

    // The clock: Friday 2025-11-28, 15:00 local. The period up to Wednesday the 26th is locked.
    static Ms now() { return local(2025, 11, 28, 15); }
    static QDate lockDay() { return QDate(2025, 11, 26); }

    // A refusal as a user meets it: forbidden, naming the lock day, nothing written.
    static bool refusedByLock(const Error &error)
    {
        return error.code == ErrorCode::Forbidden &&
               error.message.contains(QStringLiteral("2025-11-26"));
    }

private Q_SLOTS:
    void everyChangeInTheClosedPeriodIsRefused()
    {
        test::TestStore s(now());
        const TimeEntry inside = added(s, local(2025, 11, 26, 10), local(2025, 11, 26, 11));
        const TimeEntry deleted = added(s, local(2025, 11, 25, 10), local(2025, 11, 25, 11));
        QVERIFY(s.service->remove(deleted.id, s.userId(), QStringLiteral("wrong day")));
        const TimeEntry after = added(s, local(2025, 11, 27, 10), local(2025, 11, 27, 11));
        QVERIFY(s.service->lockUntil(lockDay(), s.userId()));
        QCOMPARE(s.service->lockedUntil(), std::optional<QDate>(lockDay()));
        const QString before = tables(s);

        // Added: a manual entry on the locked day (its last minute), a timer started in it.
        auto add =
            s.service->addManual(manual(s, local(2025, 11, 26, 23), local(2025, 11, 26, 23, 59)));
        QVERIFY(!add);
        QVERIFY2(refusedByLock(add.error()), qPrintable(add.error().message));
        StartRequest start{
            s.userId(), s.typeId(QStringLiteral("Mixing")), {}, {}, local(2025, 11, 26, 20), {}};
        auto started = s.service->start(start);
        QVERIFY(!started);
        QVERIFY(refusedByLock(started.error()));

        // Adjusted, deleted, restored.
        Adjustment note;
        note.entryId = inside.id;
        note.actorId = s.userId();
        note.note = QStringLiteral("late fix");
        note.reason = QStringLiteral("typo");
        auto adjusted = s.service->adjust(note);
        QVERIFY(!adjusted);
        QVERIFY(refusedByLock(adjusted.error()));
        auto removed = s.service->remove(inside.id, s.userId());
        QVERIFY(!removed);
        QVERIFY(refusedByLock(removed.error()));
        auto restored = s.service->restore(deleted.id, s.userId());
        QVERIFY(!restored);
        QVERIFY(refusedByLock(restored.error()));

        // An entry after the period moved into it.
        Adjustment move;
        move.entryId = after.id;
        move.actorId = s.userId();
        move.startedAt = local(2025, 11, 26, 12);
        move.endedAt = local(2025, 11, 26, 13);
        move.reason = QStringLiteral("wrong day");
        auto moved = s.service->adjust(move);
        QVERIFY(!moved);
        QVERIFY(refusedByLock(moved.error()));

        // An import of two entries, one in the period: all or nothing.
        ManualBatch batch;
        batch.entries = {manual(s, local(2025, 11, 27, 14), local(2025, 11, 27, 15)),
                         manual(s, local(2025, 11, 20, 14), local(2025, 11, 20, 15))};
        int failedIndex = -2;
        auto imported = s.service->addManualBatch(batch, &failedIndex);
        QVERIFY(!imported);
        QVERIFY(refusedByLock(imported.error()));
        QCOMPARE(failedIndex, 1);

        // A reprice reaching into the period.
        auto repriced =
            s.service->reprice(s.typeId(QStringLiteral("Recording")), QDate(2025, 11, 20),
                               QDate(2025, 11, 28), s.userId(), true);
        QVERIFY(!repriced);
        QVERIFY(refusedByLock(repriced.error()));

        QCOMPARE(tables(s), before); // nothing written by any of them
    }

    void theDayAfterTheLockIsOpen()
    {
        test::TestStore s(now());
        QVERIFY(s.service->lockUntil(lockDay(), s.userId()));
        auto e = s.service->addManual(manual(s, local(2025, 11, 27, 0), local(2025, 11, 27, 1)));
        QVERIFY2(e, qPrintable(e ? QString() : e.error().message));
        Adjustment a;
        a.entryId = e->id;
        a.actorId = s.userId();
        a.endedAt = local(2025, 11, 27, 2);
        a.reason = QStringLiteral("longer");
        QVERIFY(s.service->adjust(a));
        QVERIFY(s.service->remove(e->id, s.userId()));
        QVERIFY(s.service->restore(e->id, s.userId()));
    }

    void aRunningTimerCanStillBeStopped()
    {
        test::TestStore s(local(2025, 11, 26, 22));
        QVERIFY(s.service->start(
            {s.userId(), s.typeId(QStringLiteral("Recording")), {}, {}, std::nullopt, {}}));
        s.clock.set(now());
        QVERIFY(s.service->lockUntil(lockDay(), s.userId()));
        auto stopped = s.service->stop(s.userId());
        QVERIFY2(stopped, qPrintable(stopped ? QString() : stopped.error().message));
        QCOMPARE(*stopped->endedAt, now());
        // ...but, stopped, it is closed work like any other.
        auto removed = s.service->remove(stopped->id, s.userId());
        QVERIFY(!removed);
        QVERIFY(refusedByLock(removed.error()));
    }

    void lockAndUnlockAreAudited()
    {
        test::TestStore s(now());
        auto locked = s.service->lockUntil(lockDay(), s.userId());
        QVERIFY(locked);
        s.clock.advanceMinutes(5);
        auto later = s.service->lockUntil(QDate(2025, 11, 27), s.userId());
        QVERIFY(later);
        s.clock.advanceMinutes(5);
        auto unlocked = s.service->unlock(s.userId());
        QVERIFY(unlocked);
        QCOMPARE(s.service->lockedUntil(), std::nullopt);

        const QList<LockRecord> trail = s.service->lockTrail();
        QCOMPARE(trail.size(), 3);
        QCOMPARE(trail.at(0).until, std::optional<QDate>(lockDay()));
        QCOMPARE(trail.at(0).previous, std::nullopt);
        QCOMPARE(trail.at(1).until, std::optional<QDate>(QDate(2025, 11, 27)));
        QCOMPARE(trail.at(1).previous, std::optional<QDate>(lockDay()));
        QVERIFY(trail.at(2).isUnlock());
        QCOMPARE(trail.at(2).previous, std::optional<QDate>(QDate(2025, 11, 27)));
        QCOMPARE(trail.at(2).at, now() + 10 * 60'000);
        for (const LockRecord &r : trail) {
            QCOMPARE(r.actorId, s.userId());
            QCOMPARE(r.actorName, s.profile.user.name);
            QVERIFY(!r.deviceId.isEmpty());
        }
        // Open again: a change in the old period goes through.
        QVERIFY(s.service->addManual(manual(s, local(2025, 11, 20, 9), local(2025, 11, 20, 10))));
    }

    void badLocksChangeNothing()
    {
        test::TestStore s(now());
        auto future = s.service->lockUntil(QDate(2025, 11, 29), s.userId());
        QVERIFY(!future);
        QCOMPARE(future.error().code, ErrorCode::Invalid);
        auto nothing = s.service->unlock(s.userId());
        QVERIFY(!nothing);
        QCOMPARE(nothing.error().code, ErrorCode::Conflict);
        QVERIFY(s.service->lockUntil(lockDay(), s.userId()));
        auto again = s.service->lockUntil(lockDay(), s.userId());
        QVERIFY(!again);
        auto nobody = s.service->lockUntil(QDate(2025, 11, 20), newId());
        QVERIFY(!nobody);
        QCOMPARE(nobody.error().code, ErrorCode::NotFound);
        QCOMPARE(s.service->lockTrail().size(), 1);
        QCOMPARE(s.service->lockedUntil(), std::optional<QDate>(lockDay()));
    }
};

QTEST_GUILESS_MAIN(TestLocks)
#include "tst_locks.moc"
