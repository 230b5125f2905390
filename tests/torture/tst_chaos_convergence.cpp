// Chaos convergence: the real `studiotimer` binary as five desks (five data folders, `sync join`,
// `sync now`) against a real `studiotimer-hub` over pinned wss://. Random starts, stops, pauses,
// resumes, adjusts, manual entries, deletes, restores and rate changes run on the desks, up to
// three at once; meanwhile links are cut (a desk's hub address pointed at a closed port for a
// while) and the hub is killed with SIGKILL and started again on the same data and port. At the
// end every desk runs `sync now` until quiet, and every desk's data must equal the hub's: entries
// sorted by ID with their times to the millisecond, paused time, rate, note and deleted flag, and
// the task types with their rate history.
//
// Its length is a parameter: STUDIOTIMER_CHAOS_OPS (default 200, as in CI; thousands by hand:
// `STUDIOTIMER_CHAOS_OPS=3000 build/tests/torture/tst_chaos_convergence`). The seed is printed,
// and STUDIOTIMER_TORTURE_SEED replays a run's choices as far as the processes' timing allows.

#include "TortureSupport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <deque>
#include <memory>
#include <vector>

using namespace st;
using namespace st::test::torture;

namespace {

constexpr int kDesks = 5;
constexpr int kInFlight = 3; // desk commands running at once
const QStringList kTasks{QStringLiteral("Setup"), QStringLiteral("Recording"),
                         QStringLiteral("Mixing"), QStringLiteral("Mastering"),
                         QStringLiteral("Break")};

// What a database holds that every desk and the hub must agree on, one line per row.
QStringList canonicalRows(const QString &file, const QString &orgId)
{
    QStringList rows;
    withDatabase(file, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        // Every entry: a desk has none outside the hub's organisation once it synced.
        QVERIFY(q.exec(QStringLiteral(
            "SELECT id, user_id, task_type_id, COALESCE(room_id, ''), note, started_at, "
            "COALESCE(ended_at, -1), paused_ms, COALESCE(paused_at, -1), deleted, "
            "hourly_rate_cents FROM time_entries ORDER BY id")));
        while (q.next()) {
            QStringList values{QStringLiteral("entry")};
            for (int i = 0; i < 11; ++i)
                values << q.value(i).toString();
            rows << values.join(QLatin1Char('|'));
        }
        q.prepare(QStringLiteral("SELECT t.id, t.name, t.hourly_rate_cents, t.billable, "
                                 "t.archived, r.effective_from, r.hourly_rate_cents "
                                 "FROM task_types t LEFT JOIN task_type_rates r "
                                 "ON r.task_type_id = t.id WHERE t.org_id = ? "
                                 "ORDER BY t.id, r.effective_from"));
        q.addBindValue(orgId);
        QVERIFY(q.exec());
        while (q.next()) {
            QStringList values{QStringLiteral("type")};
            for (int i = 0; i < 7; ++i)
                values << q.value(i).toString();
            rows << values.join(QLatin1Char('|'));
        }
    });
    return rows;
}

QByteArray hashOf(const QStringList &rows)
{
    return QCryptographicHash::hash(rows.join(QLatin1Char('\n')).toUtf8(),
                                    QCryptographicHash::Sha256)
        .toHex()
        .left(16);
}

// The entry ID (its first 8 characters) a command's answer names: "… [3f2a9c1e]."
QString entryIdIn(const QString &out)
{
    static const QRegularExpression id(QStringLiteral("\\[([0-9a-f]{8})\\]"));
    QString last;
    for (auto it = id.globalMatch(out); it.hasNext();)
        last = it.next().captured(1);
    return last;
}

struct Desk
{
    int index = 0;
    QString dir;
    std::unique_ptr<QProcess> process; // the command running, if any
    QStringList args;
    int hubGeneration = 0; // the hub's life when the command started (a kill ends it)
    bool cutAtStart = false;
    bool cut = false;              // its hub address points at a closed port
    int uncutAt = -1;              // the operation at which the link comes back
    std::deque<QStringList> queue; // commands that must run next (joins)
};

} // namespace

class TestChaosConvergence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void desksConvergeWithTheHub();

private:
    QStringList base(const Desk &desk) const { return {QStringLiteral("--data-dir"), desk.dir}; }
    QStringList joinArgs(quint16 port) const
    {
        return {QStringLiteral("sync"),
                QStringLiteral("join"),
                QStringLiteral("wss://127.0.0.1:%1").arg(port),
                QStringLiteral("--token-file"),
                m_tokenFile,
                QStringLiteral("--fingerprint"),
                m_fingerprint};
    }
    // Runs a command on desk and waits for it.
    QPair<int, QString> runNow(Desk &desk, const QStringList &args);
    void launch(Desk &desk, const QStringList &args);
    // A finished command: checked, and what it says remembered. False when it failed the test.
    bool reap(Desk &desk);
    QStringList nextOperation(Desk &desk, int op);

    QTemporaryDir m_root;
    QString m_tokenFile;
    QString m_fingerprint;
    QString m_orgId;
    std::unique_ptr<HubProcess> m_hub;
    quint16 m_port = 0;
    quint16 m_deadPort = 0;
    int m_hubGeneration = 0;
    std::unique_ptr<QRandomGenerator> m_rng;
    std::vector<Desk> m_desks;
    QStringList m_entries;               // every entry ID a desk announced
    QHash<QString, int> m_counts;        // what happened, for the summary
    QHash<QString, QString> m_withdrawn; // entries the hub refused, with its reasons
    qint64 m_dayStart = 0;               // manual entries go into the ten days before today
};

void TestChaosConvergence::initTestCase()
{
    // STUDIOTIMER_CHAOS_KEEP=1 keeps the desks' and the hub's folders to look at afterwards.
    if (qEnvironmentVariableIsSet("STUDIOTIMER_CHAOS_KEEP")) {
        m_root.setAutoRemove(false);
        qInfo("data folders kept in %s", qPrintable(m_root.path()));
    }
    m_rng = std::make_unique<QRandomGenerator>(seed());
    m_hub = std::make_unique<HubProcess>(QStringLiteral(STUDIOTIMER_HUB_BIN),
                                         m_root.filePath(QStringLiteral("hub")),
                                         QStringList{QStringLiteral("--tls-self-signed")});
    const QJsonObject org = m_hub->createOrg(QStringLiteral("Chaos"));
    m_orgId = org.value(QLatin1String("orgId")).toString();
    m_fingerprint = org.value(QLatin1String("fingerprint")).toString();
    QVERIFY(!m_orgId.isEmpty() && !m_fingerprint.isEmpty());
    m_tokenFile = m_root.filePath(QStringLiteral("token"));
    QFile token(m_tokenFile);
    QVERIFY(token.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                       QFile::ReadOwner | QFile::WriteOwner));
    token.write(org.value(QLatin1String("token")).toString().toUtf8());
    token.close();
    m_port = m_hub->start();
    QVERIFY(m_port != 0);
    m_hubGeneration = 1;
    // A port nothing listens on: a cut link (connection refused at once).
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_deadPort = probe.serverPort();
    }
    m_dayStart = QDateTime(QDate::currentDate().addDays(-10), QTime(0, 0)).toMSecsSinceEpoch();

    for (int i = 0; i < kDesks; ++i) {
        Desk desk;
        desk.index = i;
        desk.dir = m_root.filePath(QStringLiteral("desk%1").arg(i));
        m_desks.push_back(std::move(desk));
    }
    for (Desk &desk : m_desks) {
        QCOMPARE(runNow(desk, joinArgs(m_port)).first, 0);
        const auto synced = runNow(desk, {QStringLiteral("sync"), QStringLiteral("now")});
        QVERIFY2(synced.first == 0, qPrintable(synced.second));
    }
}

QPair<int, QString> TestChaosConvergence::runNow(Desk &desk, const QStringList &args)
{
    launch(desk, args);
    QProcess &p = *desk.process;
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000))
        p.kill();
    p.waitForFinished(10000);
    const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    const int code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    desk.process.reset();
    return {code, out};
}

void TestChaosConvergence::launch(Desk &desk, const QStringList &args)
{
    desk.process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("USER"), QStringLiteral("desk%1").arg(desk.index));
    desk.process->setProcessEnvironment(env);
    desk.args = args;
    desk.hubGeneration = m_hubGeneration;
    desk.cutAtStart = desk.cut;
    desk.process->start(QStringLiteral(STUDIOTIMER_BIN), base(desk) + args);
}

bool TestChaosConvergence::reap(Desk &desk)
{
    QProcess &p = *desk.process;
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    const int code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    const QString command = desk.args.join(QLatin1Char(' '));
    desk.process.reset();
    // 0 done, 1 refused (nothing running, an overlap, an unknown entry, an unreachable hub);
    // never malformed, never a crash, never the database's own words.
    if (code != 0 && code != 1) {
        qWarning("desk%d `%s` exited %d: %s", desk.index, qPrintable(command), code,
                 qPrintable(err));
        return false;
    }
    if (err.contains(QLatin1String("constraint"), Qt::CaseInsensitive) ||
        err.contains(QLatin1String("Unable to fetch row"))) {
        qWarning("desk%d `%s`: %s", desk.index, qPrintable(command), qPrintable(err));
        return false;
    }
    const QString verb = desk.args.first() == QLatin1String("sync")
                             ? desk.args.mid(0, 2).join(QLatin1Char(' '))
                             : desk.args.first();
    ++m_counts[verb + (code == 0 ? QStringLiteral(" ok") : QStringLiteral(" refused"))];
    // A sync with the hub up all along, on a link that was not cut, gets through.
    if (verb == QLatin1String("sync now") && code != 0 && !desk.cutAtStart && !desk.cut &&
        desk.hubGeneration == m_hubGeneration && m_hub->isRunning()) {
        qWarning("desk%d: sync now failed with the hub up: %s", desk.index, qPrintable(err));
        return false;
    }
    if (code == 0 && (verb == QLatin1String("start") || verb == QLatin1String("add"))) {
        const QString id = entryIdIn(out);
        if (!id.isEmpty())
            m_entries << id;
    }
    return true;
}

QStringList TestChaosConvergence::nextOperation(Desk &desk, int op)
{
    QRandomGenerator &rng = *m_rng;
    const QString note = QStringLiteral("chaos %1").arg(op);
    const auto anyEntry = [&] {
        return m_entries.isEmpty() ? QStringLiteral("00000000")
                                   : m_entries.at(int(rng.bounded(quint32(m_entries.size()))));
    };
    const auto slot = [&] {
        const qint64 from = m_dayStart + 10LL * 60'000 * rng.bounded(1400u);
        const qint64 to = from + 60'000LL * (1 + rng.bounded(9u));
        return QPair<QString, QString>(
            QDateTime::fromMSecsSinceEpoch(from).toString(QStringLiteral("yyyy-MM-ddTHH:mm")),
            QDateTime::fromMSecsSinceEpoch(to).toString(QStringLiteral("yyyy-MM-ddTHH:mm")));
    };
    const QString task = kTasks.at(int(rng.bounded(quint32(kTasks.size()))));
    const bool canSync = !desk.cut && m_hub->isRunning();
    // Weights: start 16, stop 8, pause 6, resume 6, add 18, adjust 14, delete 8, restore 3,
    // rate 2, sync now 19 (only when the link and the hub are up).
    const quint32 roll = rng.bounded(canSync ? 100u : 81u);
    if (roll < 16)
        return {QStringLiteral("start"), task, QStringLiteral("--note"), note};
    if (roll < 24)
        return {QStringLiteral("stop")};
    if (roll < 30)
        return {QStringLiteral("pause")};
    if (roll < 36)
        return {QStringLiteral("resume")};
    if (roll < 54) {
        const auto [from, to] = slot();
        return {QStringLiteral("add"),  task, QStringLiteral("--from"), from,
                QStringLiteral("--to"), to,   QStringLiteral("--note"), note};
    }
    if (roll < 68) {
        QStringList args{QStringLiteral("adjust"), anyEntry(), QStringLiteral("--reason"),
                         QStringLiteral("chaos")};
        if (rng.bounded(3u) == 0) {
            const auto [from, to] = slot();
            args << QStringLiteral("--from") << from << QStringLiteral("--to") << to;
        } else {
            args << QStringLiteral("--note") << note;
        }
        return args;
    }
    if (roll < 76)
        return {QStringLiteral("delete"), anyEntry(), QStringLiteral("--reason"),
                QStringLiteral("chaos")};
    if (roll < 79)
        return {QStringLiteral("restore"), anyEntry()};
    if (roll < 81)
        return {QStringLiteral("task-types"), QStringLiteral("set"), task, QStringLiteral("--rate"),
                QString::number(50 + rng.bounded(100u))};
    return {QStringLiteral("sync"), QStringLiteral("now")};
}

void TestChaosConvergence::desksConvergeWithTheHub()
{
    const int ops = parameter("STUDIOTIMER_CHAOS_OPS", 200);
    QRandomGenerator &rng = *m_rng;
    QElapsedTimer elapsed;
    elapsed.start();
    int launched = 0;
    int hubBackAt = -1; // the operation at which the killed hub starts again
    int kills = 0, cuts = 0;
    const auto running = [&] {
        int n = 0;
        for (const Desk &d : m_desks)
            n += d.process ? 1 : 0;
        return n;
    };

    while (launched < ops || running() > 0) {
        for (Desk &desk : m_desks) {
            if (desk.process && desk.process->state() == QProcess::NotRunning)
                QVERIFY2(reap(desk), "a desk command failed (see the warning above)");
        }
        if (!m_hub->isRunning() && (launched >= hubBackAt || launched >= ops)) {
            QVERIFY2(m_hub->start(m_port) == m_port, "the hub did not start again on its port");
            ++m_hubGeneration;
        }
        for (Desk &desk : m_desks) {
            if (desk.cut && desk.uncutAt >= 0 && (launched >= desk.uncutAt || launched >= ops) &&
                desk.queue.empty()) {
                desk.queue.push_back(joinArgs(m_port));
                desk.uncutAt = -1;
            }
        }
        // Next commands: queued joins first, then random operations on idle desks.
        for (Desk &desk : m_desks) {
            if (running() >= kInFlight || desk.process || desk.queue.empty())
                continue;
            const QStringList args = desk.queue.front();
            desk.queue.pop_front();
            desk.cut = args.at(2).endsWith(QLatin1Char(':') + QString::number(m_deadPort));
            launch(desk, args);
        }
        if (launched < ops && running() < kInFlight) {
            Desk &desk = m_desks[rng.bounded(quint32(kDesks))];
            if (!desk.process && desk.queue.empty()) {
                launch(desk, nextOperation(desk, launched));
                ++launched;
                // Chaos between operations, at least once each per run: the hub killed while
                // commands run, or a desk's link cut.
                if (m_hub->isRunning() &&
                    (rng.bounded(100u) < 2 || (kills == 0 && launched >= ops / 3))) {
                    m_hub->killNow();
                    ++m_hubGeneration;
                    ++kills;
                    hubBackAt = launched + 3 + int(rng.bounded(12u));
                }
                Desk &cutDesk = m_desks[rng.bounded(quint32(kDesks))];
                if ((rng.bounded(100u) < 3 || (cuts == 0 && launched >= ops / 2)) && !cutDesk.cut &&
                    cutDesk.queue.empty()) {
                    cutDesk.queue.push_back(joinArgs(m_deadPort));
                    cutDesk.uncutAt = launched + 5 + int(rng.bounded(20u));
                    ++cuts;
                }
            }
        }
        QTest::qWait(2);
    }
    for (Desk &desk : m_desks) { // every link back
        if (desk.cut) {
            QCOMPARE(runNow(desk, joinArgs(m_port)).first, 0);
            desk.cut = false;
        }
    }
    if (!m_hub->isRunning())
        QCOMPARE(m_hub->start(m_port), m_port);
    const qint64 chaosMs = elapsed.elapsed();

    // Every desk syncs until the hub and all desks agree.
    const QString hubFile = m_root.filePath(QStringLiteral("hub/hub.sqlite"));
    QStringList hubRows;
    QHash<int, QStringList> deskRows;
    int rounds = 0;
    bool agreed = false;
    for (; rounds < 6 && !agreed; ++rounds) {
        for (Desk &desk : m_desks)
            launch(desk, {QStringLiteral("sync"), QStringLiteral("now")});
        for (Desk &desk : m_desks) {
            QVERIFY(QTest::qWaitFor([&] { return desk.process->state() == QProcess::NotRunning; },
                                    60000));
            QVERIFY2(reap(desk), "a final sync failed");
        }
        hubRows = canonicalRows(hubFile, m_orgId);
        QSet<QString> hubEntries;
        for (const QString &row : std::as_const(hubRows))
            hubEntries.insert(row.section(QLatin1Char('|'), 1, 1));
        m_withdrawn.clear();
        agreed = true;
        for (Desk &desk : m_desks) {
            deskRows[desk.index] = canonicalRows(
                QDir(desk.dir).filePath(QStringLiteral("studiotimer.sqlite")), m_orgId);
            if (deskRows[desk.index] == hubRows)
                continue;
            // An entry the hub refused is withdrawn on its desk: kept there deleted, and listed
            // in `sync conflicts` with the hub's reason. The hub never had it.
            const auto conflicts =
                runNow(desk, {QStringLiteral("sync"), QStringLiteral("conflicts"),
                              QStringLiteral("--json")});
            QHash<QString, QString> refused; // entry ID -> the hub's reason
            for (const QJsonValue &c : QJsonDocument::fromJson(conflicts.second.toUtf8()).array())
                refused.insert(c[QLatin1String("entryId")].toString(),
                               c[QLatin1String("code")].toString() + QLatin1String(": ") +
                                   c[QLatin1String("message")].toString());
            QStringList &rows = deskRows[desk.index];
            rows.removeIf([&](const QString &row) {
                const QStringList f = row.split(QLatin1Char('|'));
                const bool withdrawn = f.at(0) == QLatin1String("entry") &&
                                       f.at(10) == QLatin1String("1") &&
                                       refused.contains(f.at(1)) && !hubEntries.contains(f.at(1));
                if (withdrawn)
                    m_withdrawn.insert(f.at(1), refused.value(f.at(1)));
                return withdrawn;
            });
            agreed = agreed && rows == hubRows;
        }
    }
    if (!agreed) {
        for (const Desk &desk : m_desks) {
            const QStringList &rows = deskRows[desk.index];
            qWarning("desk%d %s (%lld rows), hub %s (%lld rows)", desk.index,
                     hashOf(rows).constData(), qlonglong(rows.size()), hashOf(hubRows).constData(),
                     qlonglong(hubRows.size()));
            int shown = 0;
            for (const QString &row : rows) {
                if (!hubRows.contains(row) && shown++ < 5)
                    qWarning("  desk only: %s", qPrintable(row));
            }
            for (const QString &row : hubRows) {
                if (!rows.contains(row) && shown++ < 10)
                    qWarning("  hub only:  %s", qPrintable(row));
            }
        }
    }
    QVERIFY2(agreed, "the desks do not agree with the hub (the seed is printed above)");
    // Nothing is left to send, and the hub's file is sound.
    for (Desk &desk : m_desks) {
        const auto status = runNow(
            desk, {QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(status.second.toUtf8())
                     .object()
                     .value(QLatin1String("outbox"))
                     .toInt(-1),
                 0);
    }
    withDatabase(hubFile, [](QSqlDatabase &db) { QCOMPARE(integrity(db), QStringLiteral("ok")); });

    int entries = 0;
    for (const QString &row : std::as_const(hubRows))
        entries += row.startsWith(QLatin1String("entry|")) ? 1 : 0;
    QStringList summary;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        summary << QStringLiteral("%1: %2").arg(it.key()).arg(it.value());
    summary.sort();
    qInfo("%d operations on %d desks in %.1f s, %d hub kills, %d cut links; %d entries agree "
          "(%s) after %d sync rounds",
          ops, kDesks, double(chaosMs) / 1000, kills, cuts, entries, hashOf(hubRows).constData(),
          rounds);
    qInfo("%s", qPrintable(summary.join(QStringLiteral(", "))));
    for (auto it = m_withdrawn.cbegin(); it != m_withdrawn.cend(); ++it)
        qInfo("refused by the hub and withdrawn on its desk: %s (%s)", qPrintable(it.key()),
              qPrintable(it.value()));
}

QTEST_GUILESS_MAIN(TestChaosConvergence)
#include "tst_chaos_convergence.moc"
