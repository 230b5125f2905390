// The command line driven as a real process, as scripts and people use it.
#include "FakeClock.h"
#include "TestTimeouts.h"
#include "store/Database.h"
#include "sync/Outbox.h"
#include "sync/SyncCache.h"
#include "sync/SyncConfig.h"
#include "timer/Profile.h"
#include "timer/TimerService.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    Run run(const QStringList &args) { return runIn(m_dir.path(), args); }
    Run runIn(const QString &dataDir, const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("USER"), QStringLiteral("alice"));
        env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // commands need no display at all
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(STUDIOTIMER_BIN),
                QStringList{QStringLiteral("--data-dir"), dataDir} + args);
        if (!p.waitForFinished(st::test::scaledTimeout(30'000)))
            qFatal("studiotimer did not finish");
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QJsonArray listJson()
    {
        const Run r = run({QStringLiteral("list"), QStringLiteral("--json")});
        if (r.exitCode != 0)
            qFatal("list failed: %s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    // The store's state as list shows it, minus what grows by itself while a timer runs.
    QJsonArray stableListJson()
    {
        QJsonArray result;
        for (const QJsonValue &v : listJson()) {
            QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("endedAt")).isNull()) {
                e.remove(QStringLiteral("durationSeconds"));
                e.remove(QStringLiteral("durationMs"));
                e.remove(QStringLiteral("costCents"));
            }
            result.append(e);
        }
        return result;
    }

    QJsonObject status()
    {
        const Run r = run({QStringLiteral("status"), QStringLiteral("--json")});
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    // Runs a command that must fail, and checks it said why and changed nothing.
    void refused(const QStringList &args, int expectedExit, const QString &inMessage)
    {
        const QJsonArray before = stableListJson();
        const QJsonObject statusBefore = status();
        const Run r = run(args);
        QVERIFY2(r.exitCode == expectedExit,
                 qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(" -> ") +
                            QString::number(r.exitCode) + QLatin1Char(' ') + r.err));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        QVERIFY2(r.err.contains(inMessage, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("stderr: ") + r.err));
        QCOMPARE(stableListJson(), before);
        QCOMPARE(
            status().value(QStringLiteral("entry")).toObject().value(QStringLiteral("id")),
            statusBefore.value(QStringLiteral("entry")).toObject().value(QStringLiteral("id")));
    }

private Q_SLOTS:
    void taskTypes()
    {
        const Run r = run({QStringLiteral("task-types"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray types = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(types.size(), 5);
        const QJsonObject recording = types.at(1).toObject();
        QCOMPARE(recording.value(QStringLiteral("name")).toString(), QStringLiteral("Recording"));
        for (const char *key :
             {"id", "name", "color", "hourlyRateCents", "currency", "billable", "archived"})
            QVERIFY2(recording.contains(QLatin1String(key)), key);
        QCOMPARE(types.at(4).toObject().value(QStringLiteral("billable")).toBool(), false);
    }

    void startSwitchPauseResumeStop()
    {
        Run r = run({QStringLiteral("start"), QStringLiteral("recording"), QStringLiteral("--note"),
                     QStringLiteral("Vocals, take 3")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Started Recording")), qPrintable(r.out));

        QJsonObject s = status();
        QCOMPARE(s.value(QStringLiteral("running")).toBool(), true);
        const QJsonObject entry = s.value(QStringLiteral("entry")).toObject();
        QCOMPARE(entry.value(QStringLiteral("taskType")).toString(), QStringLiteral("Recording"));
        QCOMPARE(entry.value(QStringLiteral("user")).toString(), QStringLiteral("alice"));
        QCOMPARE(entry.value(QStringLiteral("note")).toString(), QStringLiteral("Vocals, take 3"));
        QVERIFY(entry.value(QStringLiteral("endedAt")).isNull());
        QVERIFY(entry.value(QStringLiteral("room")).isNull());
        QCOMPARE(entry.value(QStringLiteral("currency")).toString().size(), 3);
        QVERIFY(
            entry.value(QStringLiteral("startedAt")).toString().endsWith(QStringLiteral("+00:00")));

        r = run({QStringLiteral("start"), QStringLiteral("Mixing")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Stopped Recording")), qPrintable(r.out));
        QCOMPARE(status()
                     .value(QStringLiteral("entry"))
                     .toObject()
                     .value(QStringLiteral("taskType"))
                     .toString(),
                 QStringLiteral("Mixing"));

        QCOMPARE(run({QStringLiteral("pause")}).exitCode, 0);
        QCOMPARE(status()
                     .value(QStringLiteral("entry"))
                     .toObject()
                     .value(QStringLiteral("paused"))
                     .toBool(),
                 true);
        QCOMPARE(run({QStringLiteral("resume")}).exitCode, 0);
        QCOMPARE(run({QStringLiteral("stop")}).exitCode, 0);
        s = status();
        QCOMPARE(s.value(QStringLiteral("running")).toBool(), false);
        QVERIFY(s.value(QStringLiteral("entry")).isNull());

        const QJsonArray all = listJson();
        QCOMPARE(all.size(), 2);
        QVERIFY(!all.at(0).toObject().value(QStringLiteral("endedAt")).isNull());
    }

    void addAdjustDeleteRestore()
    {
        Run r = run({QStringLiteral("add"), QStringLiteral("Mastering"), QStringLiteral("--from"),
                     QStringLiteral("2026-11-20T10:00"), QStringLiteral("--to"),
                     QStringLiteral("2026-11-20T11:30"), QStringLiteral("--note"),
                     QStringLiteral("Album, \"final\"")});
        QCOMPARE(r.exitCode, 0);
        QJsonArray day =
            QJsonDocument::fromJson(run({QStringLiteral("list"), QStringLiteral("--from"),
                                         QStringLiteral("2026-11-20"), QStringLiteral("--to"),
                                         QStringLiteral("2026-11-20"), QStringLiteral("--json")})
                                        .out.toUtf8())
                .array();
        QCOMPARE(day.size(), 1);
        QJsonObject e = day.at(0).toObject();
        QCOMPARE(e.value(QStringLiteral("durationSeconds")).toInt(), 5400);
        QCOMPARE(e.value(QStringLiteral("costCents")).toInt(), 10500); // 1.5 h at 70.00
        QCOMPARE(e.value(QStringLiteral("startedAt")).toString(),
                 QStringLiteral("2026-11-20T10:00:00+00:00"));
        const QString id = e.value(QStringLiteral("id")).toString();

        r = run({QStringLiteral("adjust"), id.left(8), QStringLiteral("--to"),
                 QStringLiteral("2026-11-20T12:00"), QStringLiteral("--reason"),
                 QStringLiteral("Client stayed longer")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        day = QJsonDocument::fromJson(run({QStringLiteral("list"), QStringLiteral("--from"),
                                           QStringLiteral("2026-11-20"), QStringLiteral("--to"),
                                           QStringLiteral("2026-11-20"), QStringLiteral("--json")})
                                          .out.toUtf8())
                  .array();
        e = day.at(0).toObject();
        QCOMPARE(e.value(QStringLiteral("durationSeconds")).toInt(), 7200);
        QCOMPARE(e.value(QStringLiteral("adjusted")).toBool(), true);

        r = run({QStringLiteral("delete"), id});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("restore")));
        QCOMPARE(
            run({QStringLiteral("list"), QStringLiteral("--from"), QStringLiteral("2026-11-20"),
                 QStringLiteral("--to"), QStringLiteral("2026-11-20"), QStringLiteral("--json")})
                .out.trimmed(),
            QStringLiteral("[\n]"));
        QCOMPARE(run({QStringLiteral("restore"), id}).exitCode, 0);
        QCOMPARE(
            run({QStringLiteral("list"), QStringLiteral("--from"), QStringLiteral("2026-11-20"),
                 QStringLiteral("--to"), QStringLiteral("2026-11-20"), QStringLiteral("--csv")})
                .out.count(QStringLiteral("\r\n")),
            2); // header + the entry, its quoted note intact

        // The trail, oldest first: adjusted, deleted, restored, each with person and device.
        r = run({QStringLiteral("history"), id.left(8), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray trail = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(trail.size(), 3);
        const QJsonObject first = trail.at(0).toObject();
        QCOMPARE(first.keys(), (QStringList{QStringLiteral("after"), QStringLiteral("at"),
                                            QStringLiteral("before"), QStringLiteral("device"),
                                            QStringLiteral("reason"), QStringLiteral("user")}));
        QCOMPARE(first.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Client stayed longer"));
        QVERIFY(first.value(QStringLiteral("at")).toString().endsWith(QLatin1Char('Z')));
        QVERIFY(!first.value(QStringLiteral("device"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString()
                     .isEmpty());
        QCOMPARE(first.value(QStringLiteral("after")).toObject().value(QStringLiteral("endedAt")),
                 QJsonValue(double(QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC)
                                       .toMSecsSinceEpoch()))); // the command runs with TZ=UTC
        QCOMPARE(trail.at(1)
                     .toObject()
                     .value(QStringLiteral("after"))
                     .toObject()
                     .value(QStringLiteral("deleted")),
                 QJsonValue(true));
        QCOMPARE(trail.at(2)
                     .toObject()
                     .value(QStringLiteral("after"))
                     .toObject()
                     .value(QStringLiteral("deleted")),
                 QJsonValue(false));
        r = run({QStringLiteral("history"), id});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Client stayed longer")));
        QCOMPARE(run({QStringLiteral("history"), QStringLiteral("ffffffff")}).exitCode, 1);
    }

    void sharedDeskUsers()
    {
        QCOMPARE(run({QStringLiteral("start"), QStringLiteral("Setup"), QStringLiteral("--user"),
                      QStringLiteral("Bob")})
                     .exitCode,
                 0);
        QJsonObject s = status();
        QCOMPARE(
            s.value(QStringLiteral("entry")).toObject().value(QStringLiteral("user")).toString(),
            QStringLiteral("Bob"));
        QCOMPARE(run({QStringLiteral("stop")}).exitCode, 0); // Bob is now at the desk
        const Run bobs = run({QStringLiteral("list"), QStringLiteral("--user"),
                              QStringLiteral("bob"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(bobs.out.toUtf8()).array().size(), 1);
        refused({QStringLiteral("list"), QStringLiteral("--user"), QStringLiteral("Nobody")}, 1,
                QStringLiteral("No user"));
    }

    void badInputChangesNothing()
    {
        QCOMPARE(run({QStringLiteral("start"), QStringLiteral("Recording")}).exitCode, 0);
        refused({QStringLiteral("start"), QStringLiteral("Knitting")}, 1,
                QStringLiteral("Known task types"));
        refused({QStringLiteral("start")}, 2, QStringLiteral("needs more"));
        refused({QStringLiteral("start"), QStringLiteral("Mixing"), QStringLiteral("--room"),
                 QStringLiteral("Moon")},
                1, QStringLiteral("No room"));
        refused({QStringLiteral("start"), QStringLiteral("Mixing"), QStringLiteral("--bogus")}, 2,
                QStringLiteral("bogus"));
        refused({QStringLiteral("fly")}, 2, QStringLiteral("Unknown command"));
        refused({QStringLiteral("add"), QStringLiteral("Mixing"), QStringLiteral("--from"),
                 QStringLiteral("2026-11-20T12:00"), QStringLiteral("--to"),
                 QStringLiteral("2026-11-20T11:00")},
                1, QStringLiteral("before it starts"));
        refused({QStringLiteral("add"), QStringLiteral("Mixing"), QStringLiteral("--from"),
                 QStringLiteral("noon"), QStringLiteral("--to"), QStringLiteral("13:00")},
                2, QStringLiteral("--from")); // malformed (README): 2
        refused({QStringLiteral("add"), QStringLiteral("Mixing"), QStringLiteral("--from"),
                 QStringLiteral("10:00")},
                2, QStringLiteral("--to"));
        refused({QStringLiteral("adjust"), QStringLiteral("deadbeef"), QStringLiteral("--reason"),
                 QStringLiteral("x")},
                1, QStringLiteral("No entry"));
        const QString id = listJson().last().toObject().value(QStringLiteral("id")).toString();
        refused({QStringLiteral("adjust"), id, QStringLiteral("--to"), QStringLiteral("23:59")}, 2,
                QStringLiteral("--reason"));
        refused({QStringLiteral("delete"), QStringLiteral("not-an-id")}, 1,
                QStringLiteral("No entry"));
        refused({QStringLiteral("list"), QStringLiteral("--from"), QStringLiteral("2026-11-30"),
                 QStringLiteral("--to"), QStringLiteral("2026-11-01")},
                2, QStringLiteral("ends before"));
        refused({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--csv")}, 2,
                QStringLiteral("one of"));
        refused({QStringLiteral("pause"), QStringLiteral("extra")}, 2, QStringLiteral("extra"));
        QCOMPARE(run({QStringLiteral("stop")}).exitCode, 0);
        refused({QStringLiteral("stop")}, 1, QStringLiteral("No timer is running"));
    }

    void malformedCommandsExitTwo()
    {
        // Issue 11 / README: 2 for a malformed command, option or time; 1 when refused. One
        // case per kind of parse error, each changing nothing.
        QCOMPARE(run({QStringLiteral("start"), QStringLiteral("Recording")}).exitCode, 0);
        const QString id = listJson().last().toObject().value(QStringLiteral("id")).toString();
        const auto s = [](const char *text) {
            return QString::fromUtf8(text);
        };
        const QList<std::pair<QStringList, QString>> malformed{
            {{s("add"), s("Mixing"), s("--from"), s("25:00"), s("--to"), s("26:00")}, s("25:00")},
            {{s("add"), s("Mixing"), s("--from"), s("10:00"), s("--to"), s("9h")}, s("9h")},
            // Malformed before unknown: the time is told first, even with a task that is not.
            {{s("add"), s("Knitting"), s("--from"), s("10:61"), s("--to"), s("11:00")}, s("10:61")},
            {{s("add"), s("Mixing"), s("--to"), s("11:00")}, s("--from")},
            {{s("adjust"), id, s("--from"), s("2026-13-01T10:00"), s("--reason"), s("x")},
             s("--from")},
            {{s("adjust"), id, s("--to"), s("tomorrowish"), s("--reason"), s("x")}, s("--to")},
            {{s("adjust"), id, s("--to"), s("10:00")}, s("--reason")},
            {{s("list"), s("--from"), s("2026-02-30")}, s("--from")},
            {{s("list"), s("--to"), s("last week")}, s("--to")},
            {{s("list"), s("--limit"), s("ten")}, s("--limit")},
            {{s("list"), s("--limit"), s("0"), s("--task"), s("Knitting")}, s("--limit")},
            {{s("list"), s("--json"), s("--csv")}, s("one of")},
            {{s("report")}, s("--by")},
            {{s("report"), s("--by"), s("colour")}, s("colour")},
            {{s("report"), s("--by"), s("task"), s("--from"), s("someday")}, s("someday")},
            {{s("report"), s("--by"), s("task"), s("--from"), s("2026-11-20"), s("--to"),
              s("2026-11-01")},
             s("after")},
            {{s("export"), s("--format"), s("xlsx")}, s("xlsx")},
            {{s("export"), s("--from"), s("2026-11-32")}, s("--from")},
            {{s("export"), s("-o"), s("")}, s("-o")},
            {{s("import"), s("some.csv"), s("--format"), s("xml")}, s("xml")},
            {{s("import")}, s("needs more")},
            {{s("status"), s("--colour")}, s("colour")},
            {{s("status"), s("--user")}, s("user")},
            {{s("list"), s("--task"), s("A"), s("--task"), s("B")}, s("more than once")},
            {{s("stop"), s("now")}, s("now")},
            {{s("teleport")}, s("Unknown command")},
        };
        for (const auto &[args, message] : malformed)
            refused(args, 2, message);
        // Well formed but refused: 1.
        refused({s("add"), s("Knitting"), s("--from"), s("10:00"), s("--to"), s("11:00")}, 1,
                s("Known task types"));
        refused({s("list"), s("--task"), s("Knitting")}, 1, s("Known task types"));
        refused({s("adjust"), s("deadbeef"), s("--to"), s("10:00"), s("--reason"), s("x")}, 1,
                s("No entry"));
        QCOMPARE(run({QStringLiteral("stop")}).exitCode, 0);
    }

    void continueStartsTheLastEntryAgain()
    {
        // Issue 16: `studiotimer continue`.
        QTemporaryDir dir;
        const auto in = [&dir, this](const QStringList &args) {
            return runIn(dir.path(), args);
        };
        Run r = in({QStringLiteral("continue")});
        QCOMPARE(r.exitCode, 1); // nothing to continue yet
        QVERIFY2(r.err.contains(QStringLiteral("no entry")), qPrintable(r.err));
        QCOMPARE(
            in({QStringLiteral("projects"), QStringLiteral("add"), QStringLiteral("Blue Album")})
                .exitCode,
            0);
        QCOMPARE(
            in({QStringLiteral("start"), QStringLiteral("Mixing"), QStringLiteral("--note"),
                QStringLiteral("Chorus"), QStringLiteral("--project"), QStringLiteral("Blue Album"),
                QStringLiteral("--tag"), QStringLiteral("vocals")})
                .exitCode,
            0);
        QCOMPARE(in({QStringLiteral("stop")}).exitCode, 0);
        r = in({QStringLiteral("continue")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Started Mixing")), qPrintable(r.out));
        r = in({QStringLiteral("status"), QStringLiteral("--json")});
        const QJsonObject entry = QJsonDocument::fromJson(r.out.toUtf8())
                                      .object()
                                      .value(QStringLiteral("entry"))
                                      .toObject();
        QCOMPARE(entry.value(QStringLiteral("note")).toString(), QStringLiteral("Chorus"));
        // The project and tags go on too (issue 16: "and project once issue 9 lands").
        QCOMPARE(entry.value(QStringLiteral("project")).toString(), QStringLiteral("Blue Album"));
        QCOMPARE(entry.value(QStringLiteral("tags")).toArray(),
                 QJsonArray{QStringLiteral("vocals")});
        r = in({QStringLiteral("continue")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("already running")), qPrintable(r.err));
        QCOMPARE(in({QStringLiteral("pause")}).exitCode, 0);
        r = in({QStringLiteral("continue")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Resumed")), qPrintable(r.out));
        QCOMPARE(in({QStringLiteral("stop")}).exitCode, 0);
    }

    void aForeignDataFileIsRefusedAndKept()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("studiotimer.sqlite")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello");
        f.close();
        QProcess p;
        p.start(QStringLiteral(STUDIOTIMER_BIN),
                {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("status")});
        QVERIFY(p.waitForFinished(30'000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("untouched")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("hello"));
    }

    void helpListsTheCommands()
    {
        const Run r = run({QStringLiteral("help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *command : {"start", "stop", "pause", "resume", "status", "add", "adjust",
                                    "delete", "list", "task-types"})
            QVERIFY2(r.out.contains(QLatin1String(command)), command);
    }

    // A desk that syncs, with the app closed, whose clock is 5 minutes behind the hub's: the app
    // started Recording a minute ago in the hub's time. A desk button's `start Mixing` must
    // switch (Recording stops where Mixing starts), on the hub's time, and wait in the outbox.
    void withSyncOnACommandRunsOnTheHubsTimeAndWaitsInTheOutbox()
    {
        using namespace st;
        QTemporaryDir dir;
        const Ms offset = 5 * 60'000;
        {
            auto db = Database::open(dir.filePath(QStringLiteral("studiotimer.sqlite")));
            QVERIFY(db);
            test::FakeClock hubNow(QDateTime::currentMSecsSinceEpoch() + offset - 60'000);
            auto profile = profile::ensure(*db.value(), hubNow);
            QVERIFY(profile);
            QVERIFY(
                syncconfig::save(*db.value(), {SyncMode::Join, QStringLiteral("127.0.0.1"), 7345}));
            TimerService app(*db.value(), hubNow, profile->org.id);
            Outbox outbox(*db.value(), hubNow);
            SyncCache cache(*db.value(), app, outbox);
            QVERIFY(cache.saveClockOffset(offset));
            QVERIFY(app.start({profile->user.id,
                               app.findTaskType(QStringLiteral("Recording"))->id,
                               {},
                               {},
                               std::nullopt,
                               {}}));
        }

        const Run r = runIn(dir.path(), {QStringLiteral("start"), QStringLiteral("Mixing")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Stopped Recording")), qPrintable(r.out));
        const Run status = runIn(dir.path(), {QStringLiteral("status"), QStringLiteral("--json")});
        const QJsonObject entry = QJsonDocument::fromJson(status.out.toUtf8())
                                      .object()
                                      .value(QStringLiteral("entry"))
                                      .toObject();
        QCOMPARE(entry.value(QStringLiteral("taskType")).toString(), QStringLiteral("Mixing"));
        const Ms startedAt =
            QDateTime::fromString(entry.value(QStringLiteral("startedAt")).toString(), Qt::ISODate)
                .toMSecsSinceEpoch();
        QVERIFY(std::abs(startedAt - (QDateTime::currentMSecsSinceEpoch() + offset)) < 60'000);

        auto db = Database::open(dir.filePath(QStringLiteral("studiotimer.sqlite")));
        QVERIFY(db);
        test::FakeClock clock;
        const QList<OutboxOp> pending = Outbox(*db.value(), clock).pending();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(protocol::eventName(pending.first().event), QStringLiteral("timer:start"));
    }

    void versionIsPrinted()
    {
        const Run r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("studiotimer " PROJECT_VERSION "\n"));
        QVERIFY(r.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
