// Four real `studiotimer` processes on one data folder, app closed (issue 11, "Parallel commands
// are safe"): looping start / stop / add, they never leave two entries of the person overlapping,
// every "Stopped X [id]" names an entry that was running and is stopped once, and no raw SQLite
// text reaches anyone. STUDIOTIMER_PARALLEL_ROUNDS sets the rounds per process (short in CI).

#include "TestTimeouts.h"
#include "store/Database.h"

#include <QDateTime>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <limits>
#include <optional>
#include <thread>
#include <vector>

namespace {

constexpr int kProcesses = 4;

struct Output
{
    int exitCode = -1;
    QString text; // stdout and stderr
};

Output run(const QString &dataDir, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("C")); // "Stopped", not "Arrêté"
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // commands need no display
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(STUDIOTIMER_BIN),
            QStringList{QStringLiteral("--data-dir"), dataDir} + args);
    if (!p.waitForFinished(st::test::scaledTimeout(60000))) {
        p.kill();
        p.waitForFinished();
        return {-1, QStringLiteral("timed out: ") + args.join(QLatin1Char(' '))};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAll())};
}

struct Row
{
    QString id;
    QString task;
    qint64 start = 0;
    std::optional<qint64> end;
};

} // namespace

class TestCliParallel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fourProcessesLoopingStayConsistent();
};

void TestCliParallel::fourProcessesLoopingStayConsistent()
{
    const int rounds = qEnvironmentVariableIsSet("STUDIOTIMER_PARALLEL_ROUNDS")
                           ? qEnvironmentVariableIntValue("STUDIOTIMER_PARALLEL_ROUNDS")
                           : 6;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The data folder made once, so the processes race on changes, not on creating it.
    const Output first = run(dir.path(), {QStringLiteral("status")});
    QVERIFY2(first.exitCode == 0, qPrintable(first.text));

    const QStringList tasks{QStringLiteral("Recording"), QStringLiteral("Mixing"),
                            QStringLiteral("Mastering")};
    const QDateTime yesterday = QDateTime::currentDateTime().addDays(-1);
    std::vector<QList<Output>> outputs(kProcesses);
    std::vector<std::thread> workers;
    for (int w = 0; w < kProcesses; ++w) {
        workers.emplace_back([&, w] {
            for (int i = 0; i < rounds; ++i) {
                const QString task = tasks.at((w + i) % tasks.size());
                outputs[w].append(run(dir.path(), {QStringLiteral("start"), task}));
                outputs[w].append(run(dir.path(), {QStringLiteral("stop")}));
                // A manual entry the others' may overlap: one of two wins, the other is refused.
                const QDateTime from = yesterday.addSecs(60 * ((w * 7 + i * 5) % 40));
                outputs[w].append(
                    run(dir.path(),
                        {QStringLiteral("add"), task, QStringLiteral("--from"),
                         from.toString(QStringLiteral("yyyy-MM-ddTHH:mm")), QStringLiteral("--to"),
                         from.addSecs(600).toString(QStringLiteral("yyyy-MM-ddTHH:mm"))}));
            }
        });
    }
    for (std::thread &t : workers)
        t.join();

    auto opened = st::Database::open(dir.filePath(QStringLiteral("studiotimer.sqlite")));
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
    const auto db = std::move(opened).value();
    QSqlQuery q = db->prepare(QStringLiteral(
        "SELECT e.id, t.name, e.started_at, e.ended_at FROM time_entries e "
        "JOIN task_types t ON t.id = e.task_type_id WHERE e.deleted = 0 ORDER BY e.started_at"));
    QVERIFY(q.exec());
    QList<Row> rows;
    while (q.next())
        rows.append(
            {q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
             q.value(3).isNull() ? std::nullopt : std::optional<qint64>(q.value(3).toLongLong())});
    QVERIFY(!rows.isEmpty());

    // No two entries overlap (one person: the CLI's default user).
    int overlaps = 0;
    for (int a = 0; a < rows.size(); ++a) {
        for (int b = a + 1; b < rows.size(); ++b) {
            const qint64 endA = rows[a].end.value_or(std::numeric_limits<qint64>::max());
            if (rows[b].start < endA) // sorted by start: b starts inside a
                ++overlaps;
        }
    }
    QCOMPARE(overlaps, 0);

    // Every "Stopped TASK ... [id]" names a stopped entry of that task, each stopped once; no
    // output shows SQLite's own words; anything refused says so in a sentence and exits 1.
    static const QRegularExpression stopped(
        QStringLiteral("^Stopped (\\S+) .*\\[([0-9a-f]{8})\\]"));
    QSet<QString> stoppedIds;
    int stops = 0;
    for (const QList<Output> &list : outputs) {
        for (const Output &o : list) {
            QVERIFY2(!o.text.contains(QLatin1String("constraint"), Qt::CaseInsensitive) &&
                         !o.text.contains(QLatin1String("Unable to fetch row")) &&
                         !o.text.contains(QLatin1String("database is locked")),
                     qPrintable(o.text));
            QVERIFY2(o.exitCode == 0 || o.exitCode == 1, qPrintable(o.text));
            const auto m = stopped.match(o.text);
            if (!m.hasMatch())
                continue;
            ++stops;
            const QString prefix = m.captured(2);
            QVERIFY2(!stoppedIds.contains(prefix), qPrintable(o.text)); // a lost update
            stoppedIds.insert(prefix);
            const auto row = std::find_if(rows.cbegin(), rows.cend(),
                                          [&](const Row &r) { return r.id.startsWith(prefix); });
            QVERIFY2(row != rows.cend(), qPrintable(o.text));
            QCOMPARE(row->task, m.captured(1));
            QVERIFY2(row->end.has_value(), qPrintable(o.text));
        }
    }
    QVERIFY(stops > 0);
    // Nothing is left running that a printed stop claimed to have stopped, and at most one runs.
    QVERIFY(std::count_if(rows.cbegin(), rows.cend(), [](const Row &r) { return !r.end; }) <= 1);
}

QTEST_GUILESS_MAIN(TestCliParallel)

#include "tst_cli_parallel.moc"
