// Desktop app benchmark (issue 3): start-up to the first window on a large database, opening
// History on one month, resident memory. `make bench` runs it at 1,000,000 entries; ctest runs a
// smoke size only (it never judges speed).
#include "HistoryView.h"
#include "MainWindow.h"
#include "backend/Backend.h"
#include "models/HistoryModel.h"
#include "store/Database.h"
#include "timer/Profile.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

double rssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// N finished entries, one every 7 minutes back from now, spread over 4 users and the task types.
bool fill(const QString &path, long long n)
{
    auto db = st::Database::open(path);
    if (!db)
        return false;
    st::SystemClock clock;
    auto profile = st::profile::ensure(*db.value(), clock);
    if (!profile)
        return false;
    QStringList users{profile->user.id};
    for (int i = 1; i < 4; ++i) {
        const QString id = st::newId();
        QSqlQuery q(db.value()->connection());
        q.prepare(
            QStringLiteral("INSERT INTO users (id, org_id, name, updated_at) VALUES (?,?,?,?)"));
        q.addBindValue(id);
        q.addBindValue(profile->org.id);
        q.addBindValue(QStringLiteral("User %1").arg(i));
        q.addBindValue(clock.nowMs());
        if (!q.exec())
            return false;
        users << id;
    }
    QStringList types;
    QSqlQuery t(db.value()->connection());
    t.exec(QStringLiteral("SELECT id FROM task_types"));
    while (t.next())
        types << t.value(0).toString();
    st::Transaction tx(*db.value());
    QSqlQuery q(db.value()->connection());
    q.prepare(QStringLiteral(
        "INSERT INTO time_entries (id, org_id, user_id, task_type_id, room_id, note, started_at, "
        "ended_at, paused_ms, paused_at, source, rev, updated_at, deleted, adjusted) "
        "VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 0, NULL, 'manual', 1, ?, 0, 0)"));
    const st::Ms now = clock.nowMs();
    for (long long i = 0; i < n; ++i) {
        const st::Ms start = now - (i + 1) * 7 * 60'000;
        q.addBindValue(st::newId());
        q.addBindValue(profile->org.id);
        q.addBindValue(users.at(int(i % users.size())));
        q.addBindValue(types.at(int(i % types.size())));
        q.addBindValue(QStringLiteral("Session %1").arg(i));
        q.addBindValue(start);
        q.addBindValue(start + 6 * 60'000);
        q.addBindValue(now);
        if (!q.exec())
            return false;
    }
    return tx.commit().ok();
}

// Runs action, then the event loop until sender emits signal (at most 2 minutes); a signal the
// action emits at once counts too.
template <typename Signal, typename Sender, typename Action>
void runAndWait(Sender *sender, Signal signal, Action action)
{
    QEventLoop loop;
    bool done = false;
    QObject::connect(sender, signal, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(120'000, &loop, &QEventLoop::quit);
    action();
    if (!done)
        loop.exec();
}

} // namespace

int main(int argc, char **argv)
{
    long long entries = 1'000'000;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--entries") == 0 && i + 1 < argc)
            entries = std::atoll(argv[++i]);
    }
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("studiotimer.sqlite"));
    std::printf("Filling %lld entries...\n", entries);
    if (!fill(path, entries)) {
        std::fprintf(stderr, "bench_gui: cannot fill the database\n");
        return 1;
    }

    // Start-up as in the app: open, profile, then the window with its first snapshot.
    QElapsedTimer timer;
    timer.start();
    QString orgId;
    {
        auto db = st::Database::open(path);
        st::SystemClock clock;
        orgId = st::profile::ensure(*db.value(), clock)->org.id;
    }
    st::SystemClock clock;
    st::Backend service(path, clock, orgId);
    st::MainWindow window(service);
    runAndWait(&service, &st::Backend::snapshotChanged, [&] { window.show(); });
    const double startup = double(timer.nsecsElapsed()) / 1e6;

    // History on one month (newest first), to the first page and the month's totals.
    st::HistoryView *history = window.historyView();
    window.tabs()->setCurrentWidget(history);
    // The default filter (this week) may be loading already, or loaded: it is let finish first
    // (waiting for a load that already ended held this bench for its 2-minute cap).
    QCoreApplication::processEvents();
    if (history->model()->isLoading())
        runAndWait(history->model(), &st::HistoryModel::loaded, [] {});
    timer.restart();
    runAndWait(history->model(), &st::HistoryModel::loaded,
               [&] { history->setPeriod(st::Period::LastMonth); });
    const double month = double(timer.nsecsElapsed()) / 1e6;
    const double rss = rssMb();

    std::printf("\n| %-40s | %10s | %-10s |\n", "desktop app, entries in the database", "measured",
                "goal");
    std::printf("|%s|%s|%s|\n", std::string(42, '-').c_str(), std::string(12, '-').c_str(),
                std::string(12, '-').c_str());
    std::printf("| %-40s | %7.1f ms | %-10s |\n", "start-up to the first window (snapshot)",
                startup, "<= 500 ms");
    std::printf("| %-40s | %7.1f ms | %-10s |\n", "History, last month: page + totals", month,
                "<= 100 ms");
    std::printf("| %-40s | %7.1f MB | %-10s |\n", "resident memory", rss, "<= 120 MB");
    std::printf("(%lld entries; %d rows of %d loaded)\n", entries, history->model()->rowCount(),
                history->model()->totalCount());
    return history->model()->totalCount() > 0 || entries < 5000 ? 0 : 1;
}
