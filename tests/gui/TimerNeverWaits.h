#pragma once

// The "a timer never waits" scenario of issue 10, shared by tests/gui/tst_timer_never_waits.cpp
// (which asserts the stamps and that the read did not hold the writer) and
// tests/bench/bench_backend.cpp (which prints the figures).

#include "backend/Backend.h"
#include "cli/CommandLine.h"
#include "cli/SingleInstance.h"
#include "store/Database.h"
#include "store/Repositories.h"
#include "timer/TimerService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSemaphore>
#include <QUuid>

#include <atomic>
#include <future>
#include <memory>

namespace st::test::latency {

// 2019-01-01T00:00Z: the seeded history starts there, as the issue's `report --from 2019-01-01`.
constexpr Ms kHistoryStart = 1'546'300'800'000;
constexpr qint64 kBatchRows = 10'000;

// n finished entries, bulk-inserted through EntryRepository in transactions of kBatchRows (as
// bench_store does; the command line would take hours): the users take turns, one 20-minute
// entry each every 30 minutes from kHistoryStart, so nobody's entries overlap.
inline Result<void> seed(const Database &db, const QString &orgId, const QStringList &userIds,
                         const QStringList &typeIds, qint64 n)
{
    EntryRepository repo(db);
    constexpr Ms kSlot = 30 * 60 * 1000;
    constexpr Ms kLength = 20 * 60 * 1000;
    for (qint64 first = 0; first < n; first += kBatchRows) {
        Transaction tx(db);
        if (!tx.isActive())
            return tx.error();
        for (qint64 i = first; i < std::min(n, first + kBatchRows); ++i) {
            TimeEntry e;
            e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            e.orgId = orgId;
            e.userId = userIds.at(int(i % userIds.size()));
            e.taskTypeId = typeIds.at(int((i / 7) % typeIds.size()));
            e.startedAt = kHistoryStart + (i / userIds.size()) * kSlot;
            e.endedAt = e.startedAt + kLength;
            e.updatedAt = *e.endedAt;
            if (auto r = repo.insert(e); !r)
                return r;
        }
        if (auto r = tx.commit(); !r)
            return r;
    }
    return {};
}

// How one timer start fared: how long until it was answered (the Now view showed it, or the
// command line got its reply) and how far its recorded start lies from the instant it was asked.
struct Figure
{
    qint64 answerMs = -1;
    qint64 stampDelayMs = -1;
};

struct Run
{
    Figure window;
    Figure commandLine;
    QString commandLineError;    // the forwarded start's stderr when it failed
    bool readWasRunning = false; // the long read was still running when both were answered
    qint64 readMs = -1;          // how long the report itself took
};

// Runs the event loop until done() or timeoutMs; false on timeout.
template <typename Done> bool spinUntil(Done done, int timeoutMs = 30'000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

// SingleInstance::send(dataDir, arguments, asked) from another thread, as the `studiotimer`
// binary sends it, while this thread runs the app side's event loop.
inline std::optional<CommandOutput> sendAndServe(const QString &dataDir,
                                                 const QStringList &arguments, qint64 asked)
{
    auto reply = std::async(std::launch::async, [dataDir, arguments, asked] {
        return SingleInstance::send(dataDir, arguments, 30'000, asked);
    });
    spinUntil(
        [&] { return reply.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready; },
        60'000);
    return reply.get();
}

// Where the long read runs, if anywhere.
enum class LongRead
{
    None,
    Reader, // as the app does it
    Writer, // as before issue 10 (one thread for everything): for the benchmark's comparison
};

// On a backend whose store holds the seeded history, with instance listening on dataDir and
// handing commands to it as the desktop app does: with a long read, first starts
// `report --from 2019-01-01 --by day` on the backend's reader (kept running until both starts
// are answered, so the overlap does not depend on how fast reports are; on the writer it just
// runs, and the starts queue behind it); then the desk user
// starts windowTask from the window (Backend::start, as the Now view's buttons do), then
// `studiotimer start commandLineTask` comes through SingleInstance::send, as the `studiotimer`
// binary sends it. The backend's clock must be the system clock (both ends read it).
inline Run run(Backend &backend, const QString &dataDir, const QString &windowTaskId,
               const QString &commandLineTask, LongRead longRead)
{
    Run result;
    struct Read
    {
        QSemaphore release;
        std::atomic<bool> started{false};
        std::atomic<bool> finished{false};
        std::atomic<qint64> ms{-1};
    };
    auto read = std::make_shared<Read>();
    if (longRead != LongRead::None) {
        const bool hold = longRead == LongRead::Reader;
        std::function<int(TimerService &)> job = [read, hold](TimerService &s) {
            read->started = true;
            QElapsedTimer t;
            t.start();
            CommandLine(s).run({QStringLiteral("report"), QStringLiteral("--from"),
                                QStringLiteral("2019-01-01"), QStringLiteral("--by"),
                                QStringLiteral("day")});
            read->ms = t.elapsed();
            if (hold)
                read->release.tryAcquire(1, 60'000);
            read->finished = true;
            return 0;
        };
        if (hold)
            backend.read<int>(job, nullptr, {});
        else
            backend.write<int>(job, nullptr, {});
        spinUntil([read] { return read->started.load(); });
    }

    // The window: "now" taken at the click.
    {
        QElapsedTimer t;
        t.start();
        const Ms asked = backend.clock().nowMs();
        backend.start(windowTaskId, {});
        const bool shown = spinUntil([&] {
            const auto &running = backend.snapshot().running;
            return running && running->taskTypeId == windowTaskId && running->startedAt >= asked;
        });
        if (shown) {
            result.window.answerMs = t.elapsed();
            result.window.stampDelayMs = backend.snapshot().running->startedAt - asked;
        }
    }

    // The command line: another process's `studiotimer start TASK`, handed over.
    {
        QElapsedTimer t;
        t.start();
        const qint64 asked = QDateTime::currentMSecsSinceEpoch();
        const std::optional<CommandOutput> out =
            sendAndServe(dataDir, {QStringLiteral("start"), commandLineTask}, asked);
        if (out && out->exitCode == 0) {
            result.commandLine.answerMs = t.elapsed();
            // The snapshot follows the change; its running entry is the one just started.
            spinUntil([&] {
                const auto &running = backend.snapshot().running;
                return running && running->taskTypeId != windowTaskId;
            });
            if (const auto &running = backend.snapshot().running)
                result.commandLine.stampDelayMs = running->startedAt - asked;
        } else {
            result.commandLineError = out ? out->err : QStringLiteral("nobody answered");
        }
    }

    if (longRead != LongRead::None) {
        result.readWasRunning = !read->finished;
        read->release.release();
        spinUntil([read] { return read->finished.load(); }, 600'000);
        result.readMs = read->ms;
    }
    return result;
}

} // namespace st::test::latency
