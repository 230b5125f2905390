// `studiotimer task-types set` and `task-types reprice` as a real process (docs/REPORTS.md,
// "Rates"): exit 2 for a malformed command, 1 for a refused one, and nothing changed either way.
#include "TestTimeouts.h"

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

class TestRatesCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    Run run(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("USER"), QStringLiteral("alice"));
        env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(STUDIOTIMER_BIN),
                QStringList{QStringLiteral("--data-dir"), m_dir.path()} + args);
        if (!p.waitForFinished(st::test::scaledTimeout(30'000)))
            qFatal("studiotimer did not finish");
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QJsonObject recording()
    {
        const Run r = run({QStringLiteral("task-types"), QStringLiteral("--json")});
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Recording"))
                return v.toObject();
        }
        return {};
    }

    QJsonArray entries()
    {
        const Run r =
            run({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--from"),
                 QStringLiteral("2020-01-01"), QStringLiteral("--to"), QStringLiteral("today")});
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    void refused(const QStringList &args, int exitCode, const QString &inMessage)
    {
        const QJsonObject before = recording();
        const QJsonArray entriesBefore = entries();
        const Run r = run(args);
        QVERIFY2(r.exitCode == exitCode,
                 qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(" -> ") +
                            QString::number(r.exitCode) + r.err));
        QVERIFY2(r.err.contains(inMessage, Qt::CaseInsensitive), qPrintable(r.err));
        QCOMPARE(recording(), before);
        QCOMPARE(entries(), entriesBefore);
    }

private Q_SLOTS:
    void setTakesEffectFromADayAndKeepsRecordedEntries()
    {
        // An entry last year at 60.00.
        Run r = run({QStringLiteral("add"), QStringLiteral("Recording"), QStringLiteral("--from"),
                     QStringLiteral("2025-10-14T10:00"), QStringLiteral("--to"),
                     QStringLiteral("2025-10-14T13:00")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(recording().value(QStringLiteral("hourlyRateCents")).toInt(), 6000);

        r = run({QStringLiteral("task-types"), QStringLiteral("set"), QStringLiteral("recording"),
                 QStringLiteral("--rate"), QStringLiteral("95.50"), QStringLiteral("--from"),
                 QStringLiteral("2025-10-01")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("95.50")), qPrintable(r.out));
        const QJsonObject type = recording();
        QCOMPARE(type.value(QStringLiteral("hourlyRateCents")).toInt(), 9550);
        const QJsonArray history = type.value(QStringLiteral("rates")).toArray();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(1).toObject().value(QStringLiteral("from")).toString(),
                 QStringLiteral("2025-10-01"));
        // The entry recorded before keeps 60.00: 3 h = 180.00.
        QCOMPARE(entries().first().toObject().value(QStringLiteral("costCents")).toInt(), 18000);

        r = run({QStringLiteral("task-types"), QStringLiteral("set"), QStringLiteral("Recording"),
                 QStringLiteral("--name"), QStringLiteral("Tracking"), QStringLiteral("--billable"),
                 QStringLiteral("no")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({QStringLiteral("task-types"), QStringLiteral("set"), QStringLiteral("Tracking"),
                 QStringLiteral("--name"), QStringLiteral("Recording"),
                 QStringLiteral("--billable"), QStringLiteral("yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(recording().value(QStringLiteral("billable")).toBool(), true);
    }

    void badAmountsAndDaysChangeNothing()
    {
        const QStringList set{QStringLiteral("task-types"), QStringLiteral("set"),
                              QStringLiteral("Recording")};
        refused(set + QStringList{QStringLiteral("--rate"), QStringLiteral("ninety")}, 2,
                QStringLiteral("--rate"));
        refused(set + QStringList{QStringLiteral("--rate"), QStringLiteral("95.505")}, 2,
                QStringLiteral("--rate"));
        refused(set + QStringList{QStringLiteral("--rate"), QStringLiteral("-5")}, 2,
                QStringLiteral("--rate"));
        refused(set + QStringList{QStringLiteral("--rate"), QStringLiteral("95"),
                                  QStringLiteral("--from"), QStringLiteral("someday")},
                2, QStringLiteral("--from"));
        refused(set + QStringList{QStringLiteral("--billable"), QStringLiteral("maybe")}, 2,
                QStringLiteral("--billable"));
        refused(set, 2, QStringLiteral("--rate"));
        refused(set + QStringList{QStringLiteral("--rate"), QStringLiteral("95"),
                                  QStringLiteral("--from"), QStringLiteral("2999-01-01")},
                1, QStringLiteral("today"));
        refused({QStringLiteral("task-types"), QStringLiteral("set"), QStringLiteral("Nope"),
                 QStringLiteral("--rate"), QStringLiteral("95")},
                1, QStringLiteral("Nope"));
        refused({QStringLiteral("task-types"), QStringLiteral("reprice"),
                 QStringLiteral("Recording"), QStringLiteral("--from"),
                 QStringLiteral("2025-10-01")},
                2, QStringLiteral("--to"));
    }

    void repricePreviewsThenAppliesWithYes()
    {
        const QStringList reprice{QStringLiteral("task-types"), QStringLiteral("reprice"),
                                  QStringLiteral("Recording"),  QStringLiteral("--from"),
                                  QStringLiteral("2025-10-01"), QStringLiteral("--to"),
                                  QStringLiteral("2025-10-31")};
        const QJsonArray before = entries();
        Run r = run(reprice);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("180.00")) && r.out.contains(QLatin1String("286.50")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("--yes")), qPrintable(r.out));
        QCOMPARE(entries(), before);

        r = run(reprice + QStringList{QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(entries().first().toObject().value(QStringLiteral("costCents")).toInt(), 28650);
    }
};

QTEST_GUILESS_MAIN(TestRatesCli)
#include "tst_rates_cli.moc"
