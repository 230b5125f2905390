// `studiotimer rooms` and `people` as a real process (issue 12, "Rooms and people"): list,
// rename, archive, unarchive and merge; every refusal (unknown name, a name taken: "use merge",
// into itself, a merge over the closed period, archived twice) exits 1 and changes nothing, a
// malformed command exits 2.
#include "CliProcess.h"

#include <QFile>
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

class TestRosterCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    Run run(const QStringList &args)
    {
        return st::test::runCli(QStringLiteral(STUDIOTIMER_BIN), m_dir.path(), args);
    }

    QJsonArray listed(const char *what)
    {
        const Run r = run({s(what), s("list"), s("--json"), s("--archived")});
        if (r.exitCode != 0)
            qFatal("list: %s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    // Everything a refusal must leave alone: rooms, people and entries.
    QString state()
    {
        const Run r =
            run({s("list"), s("--json"), s("--from"), s("2025-11-01"), s("--to"), s("2025-11-30")});
        const QByteArray catalogue =
            QJsonDocument(listed("rooms")).toJson() + QJsonDocument(listed("people")).toJson();
        return QString::fromUtf8(catalogue) + r.out;
    }

    int entriesIn(const QString &room)
    {
        const Run r = run({s("list"), s("--json"), s("--from"), s("2025-11-01"), s("--to"),
                           s("2025-11-30"), s("--room"), room});
        if (r.exitCode != 0)
            qFatal("list --room: %s", qPrintable(r.err));
        return int(QJsonDocument::fromJson(r.out.toUtf8()).array().size());
    }

    void expectRefused(const QStringList &args, int code, const QString &says)
    {
        const QString before = state();
        const Run r = run(args);
        QVERIFY2(r.exitCode == code,
                 qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QCOMPARE(state(), before);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile csv(m_dir.filePath(s("seed.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(
            "id,taskType,user,room,note,startedAt,endedAt,durationSeconds,cost,currency,"
            "adjusted,pausedSeconds,source\n"
            "4b0f7f0e-2d7a-4c39-9f43-2c1d2e0a0101,Recording,Bruno,Studio A,,"
            "2025-11-03T09:00:00+01:00,2025-11-03T10:00:00+01:00,3600,0,EUR,false,0,manual\n"
            "4b0f7f0e-2d7a-4c39-9f43-2c1d2e0a0102,Mixing,Chloe,Studio A,,"
            "2025-11-10T09:00:00+01:00,2025-11-10T10:00:00+01:00,3600,0,EUR,false,0,manual\n"
            "4b0f7f0e-2d7a-4c39-9f43-2c1d2e0a0103,Mixing,Chloe,Live Room,,"
            "2025-11-11T09:00:00+01:00,2025-11-11T10:00:00+01:00,3600,0,EUR,false,0,manual\n");
        csv.close();
        const Run r = run({s("import"), csv.fileName()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(listed("rooms").size(), 2);
    }

    void usageErrorsExit2()
    {
        expectRefused({s("rooms"), s("paint"), s("Studio A")}, 2, s("rename"));
        expectRefused({s("rooms"), s("rename"), s("Studio A")}, 2, s("rooms rename"));
        expectRefused({s("people"), s("merge"), s("Bruno")}, 2, s("people merge"));
        expectRefused({s("rooms"), s("archive"), s("Studio A"), s("--json")}, 2, s("--json"));
    }

    void renameRefusalsAndRename()
    {
        expectRefused({s("rooms"), s("rename"), s("Studio A"), s("live room")}, 1, s("use merge"));
        expectRefused({s("rooms"), s("rename"), s("Studio Z"), s("Other")}, 1, s("Studio Z"));
        expectRefused({s("people"), s("rename"), s("Bruno"), s("chloe")}, 1, s("use merge"));

        Run r = run({s("rooms"), s("rename"), s("studio a"), s("Big Room")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, s("Renamed \"Studio A\" to \"Big Room\".\n"));
        QCOMPARE(entriesIn(s("Big Room")), 2);
    }

    void archiveHidesFromTheList()
    {
        Run r = run({s("rooms"), s("archive"), s("Big Room")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({s("rooms"), s("list")});
        QCOMPARE(r.out, s("Live Room\n"));
        r = run({s("rooms"), s("list"), s("--archived")});
        QCOMPARE(r.out, s("Big Room (archived)\nLive Room\n"));
        QCOMPARE(entriesIn(s("Big Room")), 2); // kept on its entries
        expectRefused({s("rooms"), s("archive"), s("Big Room")}, 1, s("archived already"));
        r = run({s("rooms"), s("unarchive"), s("Big Room")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({s("rooms"), s("list")});
        QCOMPARE(r.out, s("Big Room\nLive Room\n"));
    }

    void mergeRefusalsAndMerge()
    {
        expectRefused({s("rooms"), s("merge"), s("Big Room"), s("big room")}, 1, s("itself"));
        expectRefused({s("rooms"), s("merge"), s("Big Room"), s("Nowhere")}, 1, s("Nowhere"));

        // An entry of Big Room is in the closed period: its facts stay, the merge is refused.
        Run r = run({s("lock"), s("--until"), s("2025-11-05")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        expectRefused({s("rooms"), s("merge"), s("Big Room"), s("Live Room")}, 1, s("2025-11-05"));
        r = run({s("unlock")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        r = run({s("rooms"), s("merge"), s("Big Room"), s("Live Room")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, s("Merged \"Big Room\" into \"Live Room\": 2 entries moved.\n"));
        QCOMPARE(listed("rooms").size(), 1);
        QCOMPARE(entriesIn(s("Live Room")), 3);

        // People alike: Chloe's entries become Bruno's.
        r = run({s("people"), s("merge"), s("Chloe"), s("Bruno")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(s("2 entries moved")), qPrintable(r.out));
        const QJsonArray people = listed("people");
        QStringList names;
        for (const QJsonValue &p : people)
            names << p[s("name")].toString();
        QVERIFY(names.contains(s("Bruno")));
        QVERIFY(!names.contains(s("Chloe")));
    }
};

QTEST_GUILESS_MAIN(TestRosterCli)
#include "tst_roster_cli.moc"
