// Imports at scale (issue 11): a batch's rates remembered per day give every entry the rate
// RateRepository::stamp gives it alone; Cancel during an import's write leaves nothing, during an
// export no file; progress is reported as the rows go, on stderr by `studiotimer import|export`.
#include "TestStore.h"
#include "report/EntryExport.h"
#include "report/EntryImport.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace st;

namespace {

Ms local(int y, int m, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, mi)).toMSecsSinceEpoch();
}

ManualEntry manual(test::TestStore &s, const QString &type, Ms from, Ms to,
                   const QString &projectId = {}, bool billable = true)
{
    ManualEntry m;
    m.userId = s.userId();
    m.taskTypeId = s.typeId(type);
    m.startedAt = from;
    m.endedAt = to;
    m.projectId = projectId;
    m.billable = billable;
    return m;
}

// rows entries of our CSV, an hour each, back to back from 2024-01-01 for "Person 0..2".
QByteArray ourCsv(int rows)
{
    QByteArray text = "taskType,user,startedAt,endedAt\r\n";
    const Ms base = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    for (int i = 0; i < rows; ++i) {
        const Ms start = base + Ms(i / 3) * 7'200'000;
        text += "Recording,Person " + QByteArray::number(i % 3) + "," +
                exactTimeText(start).toUtf8() + "," + exactTimeText(start + 3'600'000).toUtf8() +
                "\r\n";
    }
    return text;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// studiotimer with args in its own process on dataDir; through `script` (stdout and stderr a
// terminal) when inTerminal.
Run run(const QString &dataDir, const QStringList &args, bool inTerminal = false)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("STUDIOTIMER_DATA_DIR"), dataDir);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    const QStringList command = QStringList{QStringLiteral(STUDIOTIMER_BIN)} + args;
    if (inTerminal)
        p.start(QStringLiteral("script"), {QStringLiteral("-qec"), command.join(QLatin1Char(' ')),
                                           QStringLiteral("/dev/null")});
    else
        p.start(command.first(), command.mid(1));
    if (!p.waitForFinished(120'000))
        qFatal("studiotimer did not finish");
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestImportProgress final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aBatchStampsEachEntryAsItsDayAndProjectSay()
    {
        test::TestStore s; // today: 2025-11-28, Recording at 60.00/h
        const QString rec = s.typeId(QStringLiteral("Recording"));
        QVERIFY(s.service->setRate(rec, 8000, QDate(2025, 11, 10)));
        Client label;
        label.name = QStringLiteral("Blue Label");
        label.color = QStringLiteral("#336699");
        label.hourlyRateCents = 7000;
        const auto client = s.service->saveClient(label);
        QVERIFY(client);
        Project album;
        album.name = QStringLiteral("First Album");
        album.color = QStringLiteral("#996633");
        album.hourlyRateCents = 9000;
        Project single = album;
        single.name = QStringLiteral("Single");
        single.clientId = client->id;
        single.hourlyRateCents.reset();
        const auto a = s.service->saveProject(album), b = s.service->saveProject(single);
        QVERIFY(a && b);

        // Out of order, across the day the rate changed (the last minutes of the 9th, the first
        // of the 10th), with projects and a non-billable entry.
        const QString r = QStringLiteral("Recording");
        const QList<std::pair<ManualEntry, qint64>> rows{
            {manual(s, r, local(2025, 11, 10, 14), local(2025, 11, 10, 15)), 8000},
            {manual(s, r, local(2025, 11, 9, 23, 30), local(2025, 11, 9, 23, 50)), 6000},
            {manual(s, r, local(2025, 11, 10, 0, 10), local(2025, 11, 10, 0, 40)), 8000},
            {manual(s, r, local(2025, 11, 9, 10), local(2025, 11, 9, 11), a->id), 9000},
            {manual(s, r, local(2025, 11, 10, 10), local(2025, 11, 10, 11), b->id), 7000},
            {manual(s, r, local(2025, 11, 9, 12), local(2025, 11, 9, 13), {}, false), 0},
            {manual(s, r, local(2025, 11, 9, 14), local(2025, 11, 9, 15)), 6000},
            {manual(s, r, local(2025, 11, 10, 16), local(2025, 11, 10, 17), a->id), 9000},
            {manual(s, QStringLiteral("Break"), local(2025, 11, 10, 12), local(2025, 11, 10, 13)),
             0},
        };
        ManualBatch batch;
        for (const auto &row : rows)
            batch.entries << row.first;
        const auto added = s.service->addManualBatch(batch);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        QCOMPARE(added->size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const auto stored = s.service->entry(added->at(i).id);
            QVERIFY(stored);
            QVERIFY2(stored->hourlyRateCents == rows.at(i).second,
                     qPrintable(QStringLiteral("row %1: %2, expected %3")
                                    .arg(i)
                                    .arg(stored->hourlyRateCents)
                                    .arg(rows.at(i).second)));
            QCOMPARE(stored->billable, rows.at(i).second != 0);
        }
    }

    void cancelDuringTheWriteLeavesNothing()
    {
        test::TestStore s;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("entries.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ourCsv(3000));
        file.close();

        EntryImporter importer(*s.service, s.userId());
        std::atomic_bool cancel{false};
        QList<qint64> seen;
        TransferProgress progress;
        progress.cancel = &cancel;
        progress.report = [&](int percent, qint64 rows) {
            QVERIFY(percent >= 0 && percent <= 100);
            seen << rows;
            if (rows >= 2000)
                cancel = true; // two thirds written
        };
        const ImportPlan plan = importer.previewFile(path, TransferFormat::Csv);
        QVERIFY(plan.ok());
        QCOMPARE(plan.count(ImportRow::Action::Create), 3000);
        const auto written = importer.apply(plan, progress);
        QVERIFY(!written);
        QCOMPARE(written.error().message, EntryImporter::cancelledMessage());
        QCOMPARE(seen, (QList<qint64>{1000, 2000}));
        QCOMPARE(s.service->count({}), 0);
        // Its new people went with it.
        QVERIFY(!s.service->findUser(QStringLiteral("Person 1")));

        // The same plan, not cancelled, writes every row.
        cancel = false;
        seen.clear();
        progress.report = [&](int, qint64 rows) {
            seen << rows;
        };
        const auto again = importer.apply(plan, progress);
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QCOMPARE(again.value(), 3000);
        QCOMPARE(seen, (QList<qint64>{1000, 2000, 3000}));
        QCOMPARE(s.service->count({}), 3000);
    }

    void cancelDuringAnExportLeavesNoFile()
    {
        test::TestStore s;
        EntryImporter importer(*s.service, s.userId());
        const ImportPlan plan = importer.preview(ourCsv(2500), TransferFormat::Csv);
        QVERIFY(importer.apply(plan));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.json"));
        std::atomic_bool cancel{false};
        TransferProgress progress;
        progress.cancel = &cancel;
        int reports = 0;
        progress.report = [&](int percent, qint64 rows) {
            ++reports;
            QCOMPARE(percent, int(rows * 100 / 2500));
            cancel = true;
        };
        QSaveFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        const auto written =
            EntryExporter(*s.service).write(out, {}, TransferFormat::Json, progress);
        QVERIFY(!written);
        out.cancelWriting();
        QCOMPARE(reports, 1);
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());
    }

    void theCommandLinePrintsProgressOnStderr()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("entries.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ourCsv(2500));
        file.close();

        // Not a terminal: nothing on stderr unless asked.
        const Run quiet = run(dir.filePath(QStringLiteral("a")),
                              {QStringLiteral("import"), path, QStringLiteral("--dry-run")});
        QCOMPARE(quiet.exitCode, 0);
        QCOMPARE(quiet.err, QString());
        QVERIFY(quiet.out.contains(QStringLiteral("Would import 2500 entries")));

        // --progress: a line per tenth on stderr, each step to 100%; stdout as without it.
        const Run loud = run(dir.filePath(QStringLiteral("b")),
                             {QStringLiteral("import"), path, QStringLiteral("--progress")});
        QCOMPARE(loud.exitCode, 0);
        QVERIFY2(loud.out.startsWith(QStringLiteral("  + line 2:")), qPrintable(loud.out));
        QVERIFY(!loud.out.contains(QLatin1Char('%')));
        QCOMPARE(loud.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
                 (QStringList{QStringLiteral("Checking entries.csv: 0%"),
                              QStringLiteral("Checking entries.csv: 40%"),
                              QStringLiteral("Checking entries.csv: 80%"),
                              QStringLiteral("Checking entries.csv: 100%"),
                              QStringLiteral("Importing entries.csv: 40%"),
                              QStringLiteral("Importing entries.csv: 80%"),
                              QStringLiteral("Importing entries.csv: 100%")}));

        const QString out = dir.filePath(QStringLiteral("out.json"));
        const Run exported =
            run(dir.filePath(QStringLiteral("b")), {QStringLiteral("export"), QStringLiteral("-o"),
                                                    out, QStringLiteral("--progress")});
        QCOMPARE(exported.exitCode, 0);
        QVERIFY2(exported.err.endsWith(QStringLiteral("Exporting to out.json: 100%\n")),
                 qPrintable(exported.err));
        QVERIFY(QFile::exists(out));

        // A terminal: one line rewritten in place.
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty(),
                 "script (bsdutils, installed by tools/install-deps.sh) runs the terminal case");
        const Run tty = run(dir.filePath(QStringLiteral("c")),
                            {QStringLiteral("import"), path, QStringLiteral("--dry-run")}, true);
        QCOMPARE(tty.exitCode, 0);
        QVERIFY2(tty.out.contains(QStringLiteral("\rChecking entries.csv: 40%\x1b[K\r"
                                                 "Checking entries.csv: 80%")),
                 qPrintable(tty.out));
        QVERIFY(tty.out.contains(QStringLiteral("Checking entries.csv: 100%\x1b[K\r\n")));
    }
};

QTEST_GUILESS_MAIN(TestImportProgress)
#include "tst_import_progress.moc"
