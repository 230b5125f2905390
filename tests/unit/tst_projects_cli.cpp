// `studiotimer clients`, `projects`, and start/add with --project, --tag and --non-billable as a
// real process (issue 12): the --json shapes, and a refused command changes nothing (exit 1);
// `list --tag` and `report --tag` keep the entries having any of the words.
#include "CliProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using st::test::s;
using Run = st::test::CliRun;

class TestProjectsCli : public QObject
{
    Q_OBJECT

    st::test::CliFolder m_dir;

    Run run(const QStringList &args) { return m_dir.run(args); }

    QJsonArray json(const QStringList &args)
    {
        const Run r = run(args);
        if (r.exitCode != 0)
            qFatal("%s: %s", qPrintable(args.join(QLatin1Char(' '))), qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    QJsonArray entries()
    {
        return json({s("list"), s("--json"), s("--from"), s("2020-01-01"), s("--to"), s("today")});
    }

    QJsonObject named(const QJsonArray &array, const QString &name)
    {
        for (const QJsonValue &v : array) {
            if (v.toObject().value(s("name")).toString() == name)
                return v.toObject();
        }
        return {};
    }

    void refused(const QStringList &args, int exitCode, const QString &inMessage)
    {
        const QJsonArray entriesBefore = entries();
        const QJsonArray projectsBefore = json({s("projects"), s("list"), s("--json")});
        const QJsonArray clientsBefore = json({s("clients"), s("list"), s("--json")});
        const Run r = run(args);
        QVERIFY2(r.exitCode == exitCode, qPrintable(args.join(QLatin1Char(' ')) + s(" -> ") +
                                                    QString::number(r.exitCode) + r.err));
        QVERIFY2(r.err.contains(inMessage, Qt::CaseInsensitive), qPrintable(r.err));
        QCOMPARE(entries(), entriesBefore);
        QCOMPARE(json({s("projects"), s("list"), s("--json")}), projectsBefore);
        QCOMPARE(json({s("clients"), s("list"), s("--json")}), clientsBefore);
    }

private Q_SLOTS:
    void clientsAndProjectsAreAddedAndListed()
    {
        QCOMPARE(run({s("clients"), s("add"), s("Blue Label"), s("--rate"), s("72.50")}).exitCode,
                 0);
        QCOMPARE(run({s("clients"), s("add"), s("Nova")}).exitCode, 0);
        const QJsonArray clients = json({s("clients"), s("list"), s("--json")});
        QCOMPARE(clients.size(), 2);
        QCOMPARE(named(clients, s("Blue Label")).value(s("hourlyRateCents")).toInteger(), 7250);
        QVERIFY(named(clients, s("Nova")).value(s("hourlyRateCents")).isNull());

        QCOMPARE(run({s("projects"), s("add"), s("Nightfall"), s("--client"), s("blue label"),
                      s("--budget-hours"), s("40")})
                     .exitCode,
                 0);
        QCOMPARE(run({s("projects"), s("add"), s("Jingle"), s("--rate"), s("90")}).exitCode, 0);
        const QJsonArray projects = json({s("projects"), s("list"), s("--json")});
        const QJsonObject nightfall = named(projects, s("Nightfall"));
        QCOMPARE(nightfall.value(s("client")).toString(), s("Blue Label"));
        QVERIFY(nightfall.value(s("hourlyRateCents")).isNull());
        QCOMPARE(nightfall.value(s("budget")).toObject().value(s("hours")).toDouble(), 40.0);
        QCOMPARE(nightfall.value(s("used")).toObject().value(s("durationMs")).toInteger(), 0);
        const QJsonObject jingle = named(projects, s("Jingle"));
        QVERIFY(jingle.value(s("client")).isNull());
        QCOMPARE(jingle.value(s("hourlyRateCents")).toInteger(), 9000);
        QVERIFY(jingle.value(s("budget")).isNull());
    }

    void entriesCarryProjectTagsAndBillable()
    {
        Run r = run({s("add"), s("Recording"), s("--from"), s("2025-11-03T10:00"), s("--to"),
                     s("2025-11-03T12:00"), s("--project"), s("Nightfall"), s("--tag"), s("vocals"),
                     s("--tag"), s("overdub")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(s("Nightfall")), qPrintable(r.out));
        r = run({s("add"), s("Recording"), s("--from"), s("2025-11-03T13:00"), s("--to"),
                 s("2025-11-03T14:00"), s("--project"), s("Jingle"), s("--non-billable")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray list = entries();
        QCOMPARE(list.size(), 2);
        const QJsonObject first = list.at(0).toObject();
        QCOMPARE(first.value(s("project")).toString(), s("Nightfall"));
        QCOMPARE(first.value(s("tags")).toArray(), (QJsonArray{s("vocals"), s("overdub")}));
        QVERIFY(first.value(s("billable")).toBool());
        QCOMPARE(first.value(s("hourlyRateCents")).toInteger(), 7250); // the client's rate
        const QJsonObject second = list.at(1).toObject();
        QVERIFY(!second.value(s("billable")).toBool());
        QCOMPARE(second.value(s("costCents")).toInteger(), 0);
        QCOMPARE(second.value(s("durationMs")).toInteger(), 3'600'000);

        const QJsonObject nightfall =
            named(json({s("projects"), s("list"), s("--json")}), s("Nightfall"));
        QCOMPARE(nightfall.value(s("used")).toObject().value(s("costCents")).toInteger(), 14500);
        QCOMPARE(nightfall.value(s("used")).toObject().value(s("hours")).toDouble(), 2.0);

        r = run({s("list")});
        QVERIFY2(r.out.contains(s("Nightfall")) && r.out.contains(s("#vocals")), qPrintable(r.out));
    }

    void startShowsTheProjectInStatus()
    {
        Run r = run({s("start"), s("Mixing"), s("--project"), s("Jingle"), s("--tag"), s("stems")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({s("status")});
        QVERIFY2(r.out.contains(s("Jingle")), qPrintable(r.out));
        const Run j = run({s("status"), s("--json")});
        const QJsonObject entry =
            QJsonDocument::fromJson(j.out.toUtf8()).object().value(s("entry")).toObject();
        QCOMPARE(entry.value(s("project")).toString(), s("Jingle"));
        QCOMPARE(entry.value(s("tags")).toArray(), QJsonArray{s("stems")});
        QCOMPARE(entry.value(s("hourlyRateCents")).toInteger(), 9000);
        QCOMPARE(run({s("stop")}).exitCode, 0);
    }

    void listAndReportKeepTheTagsAsked()
    {
        const st::test::CliFolder dir;
        const auto add = [&](const char *day, const QStringList &tags) {
            QStringList args{s("add"),  s("Recording"),      s("--from"), s(day) + s("T10:00"),
                             s("--to"), s(day) + s("T11:30")};
            for (const QString &tag : tags)
                args << s("--tag") << tag;
            const Run r = dir.run(args);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        };
        add("2025-11-03", {s("mix"), s("vocals")});
        add("2025-11-04", {s("MIX")});
        add("2025-11-05", {s("remix")});
        add("2025-11-06", {});
        const QStringList period{s("--from"), s("2025-11-01"), s("--to"), s("2025-11-30")};
        const auto days = [&](const QStringList &tags) {
            QStringList args = QStringList{s("list"), s("--json")} + period;
            for (const QString &tag : tags)
                args << s("--tag") << tag;
            const Run r = dir.run(args);
            if (r.exitCode != 0)
                qFatal("list: %s", qPrintable(r.err));
            QStringList found;
            const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
            for (const QJsonValue &v : list)
                found << v.toObject().value(s("startedAt")).toString().left(10);
            return found;
        };
        QCOMPARE(days({s("Mix")}), (QStringList{s("2025-11-03"), s("2025-11-04")}));
        QCOMPARE(days({s("vocals"), s("remix")}), (QStringList{s("2025-11-03"), s("2025-11-05")}));
        QCOMPARE(days({s("mixing")}), QStringList());
        QCOMPARE(days({}).size(), 4);

        // report --tag: the same entries; by tag, the one group asked for, with the same total.
        const auto report = [&](const QStringList &args) {
            const Run r = dir.run(QStringList{s("report"), s("--json")} + period + args);
            if (r.exitCode != 0)
                qFatal("report: %s", qPrintable(r.err));
            return QJsonDocument::fromJson(r.out.toUtf8()).object();
        };
        const QJsonObject byTask = report({s("--by"), s("task"), s("--tag"), s("mix")});
        QCOMPARE(byTask.value(s("total")).toObject().value(s("entries")).toInt(), 2);
        QCOMPARE(byTask.value(s("total")).toObject().value(s("durationMs")).toInteger(),
                 3 * 3'600'000);
        const QJsonObject byTag = report({s("--by"), s("tag"), s("--tag"), s("mix")});
        const QJsonArray groups = byTag.value(s("groups")).toArray();
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups.first().toObject().value(s("key")).toString(), s("mix"));
        QCOMPARE(groups.first().toObject().value(s("durationMs")).toInteger(), 3 * 3'600'000);
        // Without it, "vocals", "remix" and "No tag" are groups too.
        QCOMPARE(report({s("--by"), s("tag")}).value(s("groups")).toArray().size(), 4);

        // A word that could not be a tag: refused, exit 1, nothing printed on standard output.
        const Run bad = dir.run(QStringList{s("list")} + period + QStringList{s("--tag"), s("")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(s("tag")), qPrintable(bad.err));
        QVERIFY(bad.out.isEmpty());
        const Run spaced = dir.run(QStringList{s("report"), s("--by"), s("tag")} + period +
                                   QStringList{s("--tag"), s("two words")});
        QCOMPARE(spaced.exitCode, 1);
        QVERIFY2(spaced.err.contains(s("one word")), qPrintable(spaced.err));
    }

    void badInputIsRefusedAndChangesNothing()
    {
        refused({s("add"), s("Recording"), s("--from"), s("2025-11-04T10:00"), s("--to"),
                 s("2025-11-04T11:00"), s("--project"), s("Nope")},
                1, s("No project \"Nope\""));
        refused({s("start"), s("Recording"), s("--project"), s("Nope")}, 1,
                s("No project \"Nope\""));
        refused({s("projects"), s("add"), s("Orphan"), s("--client"), s("Nobody")}, 1,
                s("No client \"Nobody\""));
        refused({s("clients"), s("add"), s("BLUE LABEL")}, 1, s("exists already"));
        refused({s("clients"), s("add"), s("Cheap"), s("--rate"), s("lots")}, 2, s("--rate"));
        refused({s("projects"), s("add"), s("X"), s("--budget-hours"), s("0")}, 2,
                s("--budget-hours"));
        refused({s("add"), s("Recording"), s("--from"), s("2025-11-04T10:00"), s("--to"),
                 s("2025-11-04T11:00"), s("--tag"), s("two words")},
                1, s("one word"));
        refused({s("clients"), s("remove"), s("Nova")}, 2, s("add or list"));
    }
};

QTEST_GUILESS_MAIN(TestProjectsCli)
#include "tst_projects_cli.moc"
