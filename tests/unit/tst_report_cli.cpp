// `studiotimer report | export | import` driven as a real process, as scripts use them.
#include "TestTimeouts.h"
#include "cli/CommandLine.h"

#include <QDir>
#include <QFile>
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

QString fixture(const char *name)
{
    return QStringLiteral(ST_FIXTURES_DIR "/") + QLatin1String(name);
}

} // namespace

class TestReportCli final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static Run run(const QString &dataDir, const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("USER"), QStringLiteral("alice"));
        env.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Paris"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(STUDIOTIMER_BIN),
                QStringList{QStringLiteral("--data-dir"), dataDir} + args);
        if (!p.waitForFinished(st::test::scaledTimeout(60'000)))
            qFatal("studiotimer did not finish");
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QString dataDir(const QString &name) const { return m_dir.filePath(name); }

    static QJsonArray list(const QString &dir)
    {
        const Run r = run(dir, {QStringLiteral("list"), QStringLiteral("--json")});
        if (r.exitCode != 0)
            qFatal("list failed: %s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString studio = dataDir(QStringLiteral("studio"));
        // 22:00 to 02:00 across midnight, a note with a comma, quotes and a line break.
        const QList<QStringList> adds{
            {QStringLiteral("Recording"), QStringLiteral("--from"),
             QStringLiteral("2025-11-02T22:00"), QStringLiteral("--to"),
             QStringLiteral("2025-11-03T02:00"), QStringLiteral("--note"),
             QStringLiteral("Drums, \"room\" mics\nsecond line")},
            {QStringLiteral("Mixing"), QStringLiteral("--from"), QStringLiteral("2025-11-03T10:00"),
             QStringLiteral("--to"), QStringLiteral("2025-11-03T11:30")},
        };
        for (const QStringList &add : adds) {
            const Run r = run(studio, QStringList{QStringLiteral("add")} + add);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
    }

    void reportClipsAtThePeriodAsJson()
    {
        const Run r =
            run(dataDir(QStringLiteral("studio")),
                {QStringLiteral("report"), QStringLiteral("--from"), QStringLiteral("2025-11-03"),
                 QStringLiteral("--to"), QStringLiteral("2025-11-03"), QStringLiteral("--by"),
                 QStringLiteral("task"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("by")).toString(), QStringLiteral("task"));
        QCOMPARE(o.value(QStringLiteral("from")).toString(),
                 QStringLiteral("2025-11-03T00:00:00+01:00"));
        const QJsonArray groups = o.value(QStringLiteral("groups")).toArray();
        QCOMPARE(groups.size(), 2);
        const QJsonObject recording = groups.at(0).toObject();
        QCOMPARE(recording.value(QStringLiteral("name")).toString(), QStringLiteral("Recording"));
        QCOMPARE(recording.value(QStringLiteral("durationSeconds")).toInteger(), 7200); // clipped
        QCOMPARE(recording.value(QStringLiteral("costCents")).toInteger(), 12000);
        const QJsonObject total = o.value(QStringLiteral("total")).toObject();
        QCOMPARE(total.value(QStringLiteral("durationSeconds")).toInteger(), 7200 + 5400);
        QCOMPARE(total.value(QStringLiteral("costCents")).toInteger(), 12000 + 8250);
        QCOMPARE(total.value(QStringLiteral("entries")).toInt(), 2);
    }

    void reportByDaySplitsAtMidnightAsCsvAndText()
    {
        const QString studio = dataDir(QStringLiteral("studio"));
        const QStringList args{QStringLiteral("report"),     QStringLiteral("--from"),
                               QStringLiteral("2025-11-02"), QStringLiteral("--to"),
                               QStringLiteral("2025-11-03"), QStringLiteral("--by"),
                               QStringLiteral("day")};
        const Run csv = run(studio, args + QStringList{QStringLiteral("--csv")});
        QVERIFY2(csv.exitCode == 0, qPrintable(csv.err));
        QVERIFY2(csv.out.contains(QStringLiteral("2025-11-02,2025-11-02,7200,2:00:00,120.00,")),
                 qPrintable(csv.out));
        QVERIFY(csv.out.contains(QStringLiteral("2025-11-03,2025-11-03,12600,3:30:00,202.50,")));
        QVERIFY(csv.out.contains(QStringLiteral("total,Total,19800,5:30:00,322.50,")));
        const Run text = run(studio, args);
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("5:30:00")), qPrintable(text.out));
    }

    void reportRefusesBadArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no --by") << QStringList{QStringLiteral("report")} << 2;
        QTest::newRow("bad --by") << QStringList{QStringLiteral("report"), QStringLiteral("--by"),
                                                 QStringLiteral("year")}
                                  << 2;
        QTest::newRow("bad day") << QStringList{QStringLiteral("report"), QStringLiteral("--by"),
                                                QStringLiteral("task"), QStringLiteral("--from"),
                                                QStringLiteral("2025-02-30")}
                                 << 2;
        QTest::newRow("backwards")
            << QStringList{QStringLiteral("report"),     QStringLiteral("--by"),
                           QStringLiteral("task"),       QStringLiteral("--from"),
                           QStringLiteral("2025-11-05"), QStringLiteral("--to"),
                           QStringLiteral("2025-11-04")}
            << 2;
        QTest::newRow("json and csv")
            << QStringList{QStringLiteral("report"), QStringLiteral("--by"), QStringLiteral("day"),
                           QStringLiteral("--json"), QStringLiteral("--csv")}
            << 2;
        QTest::newRow("unknown user")
            << QStringList{QStringLiteral("report"), QStringLiteral("--by"), QStringLiteral("day"),
                           QStringLiteral("--user"), QStringLiteral("nobody")}
            << 1;
        QTest::newRow("bad export format")
            << QStringList{QStringLiteral("export"), QStringLiteral("--format"),
                           QStringLiteral("xlsx")}
            << 2;
        QTest::newRow("missing import file")
            << QStringList{QStringLiteral("import"), QStringLiteral("/nonexistent/file.csv")} << 1;
    }

    void reportRefusesBadArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const Run r = run(dataDir(QStringLiteral("studio")), args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.startsWith(QStringLiteral("studiotimer: ")));
    }

    void exportThenImportElsewhere_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("file");
        QTest::newRow("csv") << QStringLiteral("csv") << QStringLiteral("out.csv");
        QTest::newRow("json") << QStringLiteral("json") << QStringLiteral("out.json");
        QTest::newRow("toggl") << QStringLiteral("toggl-csv") << QStringLiteral("toggl.csv");
    }

    void exportThenImportElsewhere()
    {
        QFETCH(QString, format);
        QFETCH(QString, file);
        const QString studio = dataDir(QStringLiteral("studio"));
        const QString path = m_dir.filePath(file);
        const Run exported = run(studio, {QStringLiteral("export"), QStringLiteral("--format"),
                                          format, QStringLiteral("-o"), path});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY(exported.out.contains(QStringLiteral("Exported 2 entries")));
        QVERIFY(QFile::exists(path));

        const QString other = dataDir(QStringLiteral("other-") + format);
        const QJsonArray before = list(other);
        QCOMPARE(before.size(), 0);
        const Run dry = run(other, {QStringLiteral("import"), path, QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY2(dry.out.contains(QStringLiteral("Would import 2 entries")), qPrintable(dry.out));
        QCOMPARE(list(other), before); // the dry run changed nothing

        const Run imported = run(other, {QStringLiteral("import"), path});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY(imported.out.contains(QStringLiteral("Imported 2 entries")));
        const QJsonArray after = list(other);
        const QJsonArray original = list(studio);
        QCOMPARE(after.size(), 2);
        for (qsizetype i = 0; i < after.size(); ++i) {
            for (const char *key : {"taskType", "user", "note", "startedAt", "endedAt",
                                    "durationSeconds", "costCents"})
                QCOMPARE(after.at(i).toObject().value(QLatin1String(key)),
                         original.at(i).toObject().value(QLatin1String(key)));
            QCOMPARE(after.at(i).toObject().value(QStringLiteral("source")).toString(),
                     QStringLiteral("manual"));
        }

        const Run again = run(other, {QStringLiteral("import"), path});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QStringLiteral("Imported 0 entries, skipped 2.")),
                 qPrintable(again.out));
        QCOMPARE(list(other).size(), 2);
    }

    void exportWritesToStandardOutput()
    {
        const Run r =
            run(dataDir(QStringLiteral("studio")),
                {QStringLiteral("export"), QStringLiteral("--from"), QStringLiteral("2025-11-03"),
                 QStringLiteral("--to"), QStringLiteral("2025-11-03")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("id,taskType,user,room,note,startedAt,endedAt,")));
        QVERIFY(r.out.contains(QStringLiteral("\"Drums, \"\"room\"\" mics\nsecond line\"")));
    }

    void malformedImportsChangeNothing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad time") << fixture("bad_time.csv") << QStringLiteral("Line 3: ");
        QTest::newRow("unknown task")
            << fixture("unknown_task.toggl.csv") << QStringLiteral("Line 3: No task type");
        QTest::newRow("json") << fixture("bad_entry.json") << QStringLiteral("Entry 2: ");
    }

    void malformedImportsChangeNothing()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        const QString studio = dataDir(QStringLiteral("studio"));
        const QJsonArray before = list(studio);
        for (const bool dryRun : {true, false}) {
            QStringList args{QStringLiteral("import"), file};
            if (dryRun)
                args << QStringLiteral("--dry-run");
            const Run r = run(studio, args);
            QCOMPARE(r.exitCode, 1);
            QVERIFY(r.out.isEmpty());
            QVERIFY2(r.err.contains(message), qPrintable(r.err));
            QVERIFY(r.err.startsWith(QStringLiteral("studiotimer: ") + file));
            QVERIFY(r.err.contains(QStringLiteral("Nothing was imported")));
        }
        QCOMPARE(list(studio), before);
    }

    void importsWhatListWrites_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("file");
        QTest::newRow("list --csv") << QStringLiteral("--csv") << QStringLiteral("list.csv");
        QTest::newRow("list --json") << QStringLiteral("--json") << QStringLiteral("list.json");
    }

    void importsWhatListWrites()
    {
        QFETCH(QString, option);
        QFETCH(QString, file);
        const Run listed = run(dataDir(QStringLiteral("studio")), {QStringLiteral("list"), option});
        QCOMPARE(listed.exitCode, 0);
        const QString path = m_dir.filePath(file);
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(listed.out.toUtf8());
        out.close();
        const QString other = dataDir(QStringLiteral("from-") + file);
        const Run imported = run(other, {QStringLiteral("import"), path});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains(QStringLiteral("Imported 2 entries")),
                 qPrintable(imported.out));
        QCOMPARE(list(other).size(), 2);
    }

    void filesHandedToTheDesktopAppAreAbsolute()
    {
        const QString here = QDir::current().absoluteFilePath(QStringLiteral("x.csv"));
        using st::CommandLine;
        QCOMPARE(CommandLine::withAbsolutePaths({QStringLiteral("import"), QStringLiteral("x.csv"),
                                                 QStringLiteral("--dry-run")}),
                 QStringList({QStringLiteral("import"), here, QStringLiteral("--dry-run")}));
        QCOMPARE(
            CommandLine::withAbsolutePaths({QStringLiteral("import"), QStringLiteral("--format"),
                                            QStringLiteral("csv"), QStringLiteral("x.csv")}),
            QStringList({QStringLiteral("import"), QStringLiteral("--format"),
                         QStringLiteral("csv"), here}));
        // --task's value is a task type, not the file.
        QCOMPARE(
            CommandLine::withAbsolutePaths({QStringLiteral("import"), QStringLiteral("--task"),
                                            QStringLiteral("Mixing"), QStringLiteral("x.csv")}),
            QStringList({QStringLiteral("import"), QStringLiteral("--task"),
                         QStringLiteral("Mixing"), here}));
        QCOMPARE(CommandLine::withAbsolutePaths(
                     {QStringLiteral("export"), QStringLiteral("-o"), QStringLiteral("x.csv")}),
                 QStringList({QStringLiteral("export"), QStringLiteral("-o"), here}));
        QCOMPARE(CommandLine::withAbsolutePaths(
                     {QStringLiteral("export"), QStringLiteral("--output=x.csv")}),
                 QStringList({QStringLiteral("export"), QStringLiteral("--output=") + here}));
        const QStringList other{QStringLiteral("add"), QStringLiteral("x.csv")};
        QCOMPARE(CommandLine::withAbsolutePaths(other), other);
    }

    void importsTogglFixtureWithNewPeople()
    {
        const QString dir = dataDir(QStringLiteral("toggl-fixture"));
        const Run dry = run(dir, {QStringLiteral("import"), fixture("toggl_detailed.csv"),
                                  QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY2(dry.out.contains(QStringLiteral("New people: Aisha Patel, Ben Okafor")),
                 qPrintable(dry.out));
        QVERIFY(dry.out.contains(QStringLiteral("Dry run: nothing was changed.")));
        QCOMPARE(list(dir).size(), 0);
        const Run r = run(dir, {QStringLiteral("import"), fixture("toggl_detailed.csv"),
                                QStringLiteral("--format"), QStringLiteral("toggl-csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(list(dir).size(), 4);
    }

    // A month of Toggl Track with clients and projects: listed by the dry run, made by the
    // import, then written back by the Toggl export (issue 12).
    void importsATogglMonthWithItsClientsAndProjects()
    {
        const QString dir = dataDir(QStringLiteral("toggl-month"));
        const QString file = fixture("toggl_month.csv");
        const Run refused = run(dir, {QStringLiteral("import"), file});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("Line 2: No task type \"Debut LP\"")) &&
                     refused.err.contains(QStringLiteral("--task")),
                 qPrintable(refused.err));
        const Run unknown = run(
            dir, {QStringLiteral("import"), file, QStringLiteral("--task"), QStringLiteral("Nap")});
        QVERIFY(unknown.exitCode != 0);
        QVERIFY2(unknown.err.contains(QStringLiteral("No task type \"Nap\"")),
                 qPrintable(unknown.err));

        const Run dry = run(dir, {QStringLiteral("import"), QStringLiteral("--task"),
                                  QStringLiteral("Recording"), file, QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY2(dry.out.contains(QStringLiteral(
                     "New clients: Nightjar Records, Ola Haddad, Blue Fern Collective\n")) &&
                     dry.out.contains(QStringLiteral("New projects: Debut LP, Rain (single), Live "
                                                     "session, November, Studio maintenance\n")) &&
                     dry.out.contains(QStringLiteral("Would import 36 entries, skipped 0.")),
                 qPrintable(dry.out));
        QCOMPARE(list(dir).size(), 0);
        const Run listed = run(dir, {QStringLiteral("projects"), QStringLiteral("list")});
        QVERIFY2(listed.out.startsWith(QStringLiteral("No projects yet.")), qPrintable(listed.out));

        const Run r = run(dir, {QStringLiteral("import"), file, QStringLiteral("--task"),
                                QStringLiteral("Recording")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Imported 36 entries, skipped 0.")));
        const Run projects = run(
            dir, {QStringLiteral("projects"), QStringLiteral("list"), QStringLiteral("--json")});
        QJsonObject live;
        for (const QJsonValue &v : QJsonDocument::fromJson(projects.out.toUtf8()).array()) {
            if (v.toObject().value(QStringLiteral("name")).toString() ==
                QStringLiteral("Live session, November"))
                live = v.toObject();
        }
        QCOMPARE(live.value(QStringLiteral("client")).toString(),
                 QStringLiteral("Blue Fern Collective"));
        QCOMPARE(
            live.value(QStringLiteral("used")).toObject().value(QStringLiteral("entries")).toInt(),
            10);

        const Run out = run(dir, {QStringLiteral("export"), QStringLiteral("--format"),
                                  QStringLiteral("toggl-csv")});
        QVERIFY2(out.exitCode == 0, qPrintable(out.err));
        QVERIFY2(out.out.contains(QStringLiteral(
                     "Ben Okafor,,Blue Fern Collective,\"Live session, November\",Recording,\"Comp "
                     "\"\"lead\"\" vocal, verse 2\",Yes,2025-11-04,11:15:00,2025-11-04,13:15:00,"
                     "02:00:00,\"overdub, late-night\",")),
                 qPrintable(out.out));
    }
};

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_report_cli.moc"
