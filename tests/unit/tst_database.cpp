#include "FakeClock.h"
#include "store/Database.h"
#include "store/Repositories.h"
#include "timer/Profile.h"
#include "timer/TimerService.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace st;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsAndMigratesAnEmptyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/folder/db.sqlite"));
        auto db = Database::open(path);
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(Database::latestSchemaVersion() >= 1);

        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void reopensWithDataIntact()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("db.sqlite"));
        test::FakeClock clock;
        QString orgId;
        {
            auto db = Database::open(path);
            QVERIFY(db);
            auto p = profile::ensure(*db.value(), clock);
            QVERIFY(p);
            orgId = p->org.id;
        }
        auto db = Database::open(path);
        QVERIFY(db);
        auto p = profile::ensure(*db.value(), clock);
        QVERIFY(p);
        QCOMPARE(p->org.id, orgId); // the same organisation, not a second one
        CatalogRepository catalog(*db.value());
        QCOMPARE(catalog.organizations().value().size(), 1);
        QCOMPARE(catalog.taskTypes(orgId).value().size(), 5);
    }

    void firstRunSeedsDefaults()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(db);
        test::FakeClock clock;
        auto p = profile::ensure(*db.value(), clock);
        QVERIFY(p);
        QCOMPARE(p->user.name, profile::osUserName());
        QVERIFY(isValidId(p->deviceId));
        CatalogRepository catalog(*db.value());
        const auto types = catalog.taskTypes(p->org.id).value();
        QStringList names;
        for (const TaskType &t : types) {
            names << t.name;
            QCOMPARE(t.billable, t.name != QLatin1String("Break"));
            QVERIFY(t.billable ? t.hourlyRateCents > 0 : t.hourlyRateCents == 0);
        }
        QCOMPARE(names, (QStringList{QStringLiteral("Setup"), QStringLiteral("Recording"),
                                     QStringLiteral("Mixing"), QStringLiteral("Mastering"),
                                     QStringLiteral("Break")}));
    }

    void refusesANewerSchemaAndLeavesTheFileUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("db.sqlite"));
        {
            auto db = Database::open(path);
            QVERIFY(db);
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_migrations VALUES (9999, 0)")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        const QByteArray before = readAll(path);
        auto db = Database::open(path);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::Invalid);
        QVERIFY2(db.error().message.contains(QStringLiteral("newer version")),
                 qPrintable(db.error().message));
        QCOMPARE(readAll(path), before);
    }

    void refusesAFileThatIsNotSqlite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        const QByteArray content = "Session notes: not a database at all.\n";
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        auto db = Database::open(path);
        QVERIFY(!db);
        QVERIFY2(db.error().message.contains(QStringLiteral("untouched")),
                 qPrintable(db.error().message));
        QCOMPARE(readAll(path), content);
    }

    void refusesADamagedDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("db.sqlite"));
        {
            auto db = Database::open(path);
            QVERIFY(db);
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        // Keep SQLite's header, overwrite the schema page with garbage.
        QByteArray bytes = readAll(path);
        QVERIFY(bytes.size() > 4096);
        for (qsizetype i = 100; i < 4096; ++i)
            bytes[i] = char(0xA5);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        auto db = Database::open(path);
        QVERIFY(!db);
        QVERIFY2(db.error().message.contains(QStringLiteral("damaged")),
                 qPrintable(db.error().message));
        QCOMPARE(readAll(path), bytes);
    }

    void oneRunningEntryPerUserIsEnforcedByTheSchema()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(db);
        test::FakeClock clock;
        auto p = profile::ensure(*db.value(), clock);
        QVERIFY(p);
        CatalogRepository catalog(*db.value());
        EntryRepository entries(*db.value());
        TimeEntry e;
        e.id = newId();
        e.orgId = p->org.id;
        e.userId = p->user.id;
        e.taskTypeId = catalog.taskTypes(p->org.id).value().first().id;
        e.startedAt = clock.nowMs();
        QVERIFY(entries.insert(e));
        e.id = newId();
        QVERIFY(!entries.insert(e)); // a second running entry for the same user
        e.endedAt = clock.nowMs() + 1;
        QVERIFY(entries.insert(e));
    }

    void transactionRollsBackUnlessCommitted()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(db);
        {
            Transaction tx(*db.value());
            QVERIFY(tx.isActive());
            QVERIFY(db.value()->setMeta(QStringLiteral("k"), QStringLiteral("v")));
        }
        QCOMPARE(db.value()->meta(QStringLiteral("k"), QStringLiteral("none")),
                 QStringLiteral("none"));
        {
            Transaction tx(*db.value());
            QVERIFY(db.value()->setMeta(QStringLiteral("k"), QStringLiteral("v")));
            QVERIFY(tx.commit());
        }
        QCOMPARE(db.value()->meta(QStringLiteral("k")), QStringLiteral("v"));
    }

    void anInnerRollbackKeepsTheOutersWork()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(db);
        const Database &d = *db.value();
        {
            Transaction outer(d);
            QVERIFY(outer.isActive());
            QVERIFY(!outer.isNested());
            QVERIFY(d.setMeta(QStringLiteral("outer"), QStringLiteral("kept")));
            {
                Transaction inner(d);
                QVERIFY(inner.isActive());
                QVERIFY(inner.isNested());
                QVERIFY(d.setMeta(QStringLiteral("inner"), QStringLiteral("dropped")));
                QVERIFY(d.setMeta(QStringLiteral("outer"), QStringLiteral("overwritten")));
            } // not committed: back to where the inner one started
            QCOMPARE(d.meta(QStringLiteral("outer")), QStringLiteral("kept"));
            QVERIFY(d.setMeta(QStringLiteral("after"), QStringLiteral("kept too")));
            QVERIFY(outer.commit());
        }
        QCOMPARE(d.meta(QStringLiteral("outer")), QStringLiteral("kept"));
        QCOMPARE(d.meta(QStringLiteral("after")), QStringLiteral("kept too"));
        QCOMPARE(d.meta(QStringLiteral("inner"), QStringLiteral("none")), QStringLiteral("none"));

        // The next transaction is an outermost one again, and commits on its own.
        {
            Transaction tx(d);
            QVERIFY(tx.isActive());
            QVERIFY(!tx.isNested());
            QVERIFY(d.setMeta(QStringLiteral("next"), QStringLiteral("v")));
            QVERIFY(tx.commit());
        }
        auto other = Database::open(dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(other);
        QCOMPARE(other.value()->meta(QStringLiteral("next")), QStringLiteral("v"));
        QCOMPARE(other.value()->meta(QStringLiteral("outer")), QStringLiteral("kept"));
    }

    void anOuterRollbackDropsTheInnersCommittedWork()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(db);
        const Database &d = *db.value();
        {
            Transaction outer(d);
            QVERIFY(d.setMeta(QStringLiteral("outer"), QStringLiteral("v")));
            {
                Transaction inner(d);
                QVERIFY(d.setMeta(QStringLiteral("inner"), QStringLiteral("v")));
                {
                    Transaction innermost(d);
                    QVERIFY(innermost.isNested());
                    QVERIFY(d.setMeta(QStringLiteral("innermost"), QStringLiteral("v")));
                    QVERIFY(innermost.commit());
                }
                QVERIFY(inner.commit());
            }
            QCOMPARE(d.meta(QStringLiteral("innermost")), QStringLiteral("v"));
            // A second connection sees none of it before the outer commit.
            auto other = Database::open(dir.filePath(QStringLiteral("db.sqlite")));
            QVERIFY(other);
            QCOMPARE(other.value()->meta(QStringLiteral("inner"), QStringLiteral("none")),
                     QStringLiteral("none"));
        } // the outer one is not committed
        for (const char *key : {"outer", "inner", "innermost"})
            QCOMPARE(d.meta(QLatin1String(key), QStringLiteral("none")), QStringLiteral("none"));
    }

    void aFailureInTheMiddleOfACompoundChangeLeavesNothing()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(db);
        const Database &d = *db.value();
        test::FakeClock clock;
        auto p = profile::ensure(d, clock);
        QVERIFY(p);
        CatalogRepository catalog(d);
        EntryRepository entries(d);
        const auto countEntries = [&d] {
            QSqlQuery q(d.connection());
            return q.exec(QStringLiteral("SELECT COUNT(*) FROM time_entries")) && q.next()
                       ? q.value(0).toInt()
                       : -1;
        };
        QCOMPARE(countEntries(), 0);

        // One step of a compound change, itself transactional (as a service's method is).
        const auto startEntry = [&](qint64 at) -> Result<void> {
            Transaction tx(d);
            if (!tx.isActive())
                return tx.error();
            TimeEntry e;
            e.id = newId();
            e.orgId = p->org.id;
            e.userId = p->user.id;
            e.taskTypeId = catalog.taskTypes(p->org.id).value().first().id;
            e.startedAt = at;
            if (auto r = entries.insert(e); !r)
                return r;
            return tx.commit();
        };
        // The compound change: its second step fails (one running entry per user).
        const auto startTwo = [&]() -> Result<void> {
            Transaction tx(d);
            if (!tx.isActive())
                return tx.error();
            if (auto r = startEntry(clock.nowMs()); !r)
                return r;
            if (auto r = startEntry(clock.nowMs() + 1000); !r)
                return r;
            return tx.commit();
        };
        const auto result = startTwo();
        QVERIFY(!result);
        QCOMPARE(countEntries(), 0); // the first step's committed savepoint went with the rest

        // Alone, the first step is saved.
        QVERIFY(startEntry(clock.nowMs()));
        QCOMPARE(countEntries(), 1);
    }

    // A query that fails is an error for the user, never "not found"; the log has its SQL and
    // bound values.
    void aFailedReadIsAnErrorNotANotFound()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("db.sqlite")));
        QVERIFY(db);
        const Database &d = *db.value();
        test::FakeClock clock;
        auto p = profile::ensure(d, clock);
        QVERIFY(p);
        TimerService service(d, clock, p->org.id);
        const QString typeId = service.taskTypes().first().id;
        auto started = service.start({p->user.id, typeId, {}, {}, {}, {}});
        QVERIFY(started);
        const QString entryId = started->id;

        // The entries table disappears underneath (a damaged or foreign file would do the same).
        QSqlQuery drop(d.connection());
        QVERIFY(drop.exec(QStringLiteral("DROP TABLE entry_audit")));
        QVERIFY(drop.exec(QStringLiteral("DROP TABLE time_entries")));

        const auto isReadError = [](const Error &e) {
            return e.code == ErrorCode::Internal && !e.message.startsWith(QLatin1String("No "));
        };
        QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(
                QStringLiteral("Query failed: SELECT .* FROM time_entries e WHERE e.user_id = \\? "
                               ".* with \\['%1'\\]: .*no such table")
                    .arg(p->user.id)));
        auto stopped = service.stop(p->user.id);
        QVERIFY(!stopped);
        QVERIFY2(isReadError(stopped.error()), qPrintable(stopped.error().message));

        QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(QStringLiteral("Query failed: .* with \\['%1'\\]").arg(entryId)));
        auto removed = service.remove(entryId, p->user.id, QStringLiteral("gone"));
        QVERIFY(!removed);
        QVERIFY2(isReadError(removed.error()), qPrintable(removed.error().message));

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Query failed: ")));
        auto found = service.findEntry(entryId);
        QVERIFY(!found);
        QVERIFY2(isReadError(found.error()), qPrintable(found.error().message));

        // A read of the catalogue that fails is not taken for a first run either.
        QVERIFY(
            drop.exec(QStringLiteral("ALTER TABLE organizations RENAME TO organisations_gone")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Query failed: ")));
        auto again = profile::ensure(d, clock);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Internal);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
