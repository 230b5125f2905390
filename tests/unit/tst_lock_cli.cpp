// `studiotimer lock` and `unlock` as a real process (issue 12, "Locking closed periods"): a
// change in the closed period exits 1 naming the day and changes nothing, a malformed day exits 2,
// `lock --json` shows the lock and its trail, and unlock opens the period again.
#include "CliProcess.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = st::test::CliRun;

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestLockCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    // The child runs in UTC (CliProcess.h).
    const QDate m_today = QDateTime::currentDateTimeUtc().date();

    Run run(const QStringList &args)
    {
        return st::test::runCli(QStringLiteral(STUDIOTIMER_BIN), m_dir.path(), args);
    }

    QString day(int daysAgo) const { return m_today.addDays(-daysAgo).toString(Qt::ISODate); }

    QString entries()
    {
        const Run r =
            run({s("list"), s("--json"), s("--from"), s("2020-01-01"), s("--to"), s("today")});
        if (r.exitCode != 0)
            qFatal("list: %s", qPrintable(r.err));
        return r.out;
    }

    QJsonObject status()
    {
        const Run r = run({s("lock"), s("--json")});
        if (r.exitCode != 0)
            qFatal("lock --json: %s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

private Q_SLOTS:
    void lockRefusesAndUnlockOpens()
    {
        Run r = run({s("lock")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, s("No period is locked.\n"));
        r = run({s("add"), s("Mixing"), s("--from"), day(2) + s("T10:00"), s("--to"),
                 day(2) + s("T11:00")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(entries().toUtf8()).array();
        QCOMPARE(list.size(), 1);
        const QString id = list.at(0)[s("id")].toString();
        QCOMPARE(id.size(), 36);

        r = run({s("lock"), s("--until"), s("yesterday")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(day(1)), qPrintable(r.out));

        // Every change in the period: exit 1, the day named, nothing changed.
        const QString before = entries();
        const QList<QStringList> refused{
            {s("add"), s("Mixing"), s("--from"), day(1) + s("T23:00"), s("--to"),
             day(1) + s("T23:30")},
            {s("delete"), id, s("--reason"), s("wrong")},
            {s("adjust"), id, s("--to"), day(2) + s("T11:30"), s("--reason"), s("longer")},
        };
        for (const QStringList &args : refused) {
            r = run(args);
            QVERIFY2(r.exitCode == 1, qPrintable(args.join(QLatin1Char(' ')) + r.err));
            QVERIFY2(r.err.contains(s("The period up to ") + day(1) + s(" is locked")),
                     qPrintable(r.err));
        }
        QCOMPARE(entries(), before);
        // Today is open.
        r = run({s("add"), s("Mixing"), s("--from"), m_today.toString(Qt::ISODate) + s("T00:10"),
                 s("--to"), m_today.toString(Qt::ISODate) + s("T00:20")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // The lock and who made it.
        QJsonObject lock = status();
        QCOMPARE(lock.value(s("lockedUntil")).toString(), day(1));
        QJsonArray trail = lock.value(s("trail")).toArray();
        QCOMPARE(trail.size(), 1);
        QCOMPARE(trail.at(0)[s("untilDay")].toString(), day(1));
        QVERIFY(trail.at(0)[s("previousDay")].isNull());
        QVERIFY(!trail.at(0)[s("user")][s("name")].toString().isEmpty());
        r = run({s("lock")});
        QVERIFY2(r.out.startsWith(s("Locked up to ") + day(1)), qPrintable(r.out));

        // Unlock: audited, and the period opens.
        r = run({s("unlock")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(day(1)), qPrintable(r.out));
        lock = status();
        QVERIFY(lock.value(s("lockedUntil")).isNull());
        trail = lock.value(s("trail")).toArray();
        QCOMPARE(trail.size(), 2);
        QVERIFY(trail.at(1)[s("untilDay")].isNull());
        QCOMPARE(trail.at(1)[s("previousDay")].toString(), day(1));
        r = run({s("delete"), id, s("--reason"), s("wrong")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void badLocksExitWithTheirCode()
    {
        QTemporaryDir fresh;
        const auto inFresh = [&](const QStringList &args) {
            return st::test::runCli(QStringLiteral(STUDIOTIMER_BIN), fresh.path(), args);
        };
        Run r = inFresh({s("lock"), s("--until"), s("2026-13-45")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(s("--until")), qPrintable(r.err));
        r = inFresh({s("lock"), s("--until"), m_today.addDays(1).toString(Qt::ISODate)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(s("today at the latest")), qPrintable(r.err));
        r = inFresh({s("unlock")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(s("No period is locked")), qPrintable(r.err));
        r = inFresh({s("lock"), s("--until"), s("yesterday"), s("--json")});
        QCOMPARE(r.exitCode, 2);
        r = inFresh({s("lock"), s("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(
            QJsonDocument::fromJson(r.out.toUtf8()).object().value(s("trail")).toArray().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLockCli)
#include "tst_lock_cli.moc"
