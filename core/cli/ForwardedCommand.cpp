#include "ForwardedCommand.h"

#include "backend/Backend.h"
#include "cli/CommandLine.h"
#include "sync/Outbox.h"
#include "sync/SyncClient.h"
#include "sync/SyncConfig.h"
#include "timer/TimerService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace st::forwarded {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::CommandLine)
};

bool isSyncNow(const QStringList &arguments)
{
    return arguments.size() == 2 && arguments.at(0) == QLatin1String("sync") &&
           arguments.at(1) == QLatin1String("now");
}

struct SyncProgress
{
    bool syncing = false; // sync is set up at all
    syncconfig::LiveState live;
    int pending = 0;
};

// `sync now` handed to the app: the app's own connection does the work (a second client would
// share its outbox); this waits until it is connected with nothing left to send (exit 0), or
// answers 1 when it is not connected within 10 s.
void syncNow(Backend &backend, QObject *context, SingleInstance::Reply reply)
{
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    auto poll = std::make_shared<std::function<void()>>();
    // *poll holds itself weakly; each callback in flight holds it strongly, so the chain lives
    // until it answers.
    *poll = [&backend, context, reply, elapsed, weak = std::weak_ptr(poll)] {
        backend.read<SyncProgress>(
            [](TimerService &s) {
                SystemClock clock;
                return SyncProgress{syncconfig::load(s.database()).mode != SyncMode::Off,
                                    syncconfig::liveState(s.database()),
                                    Outbox(s.database(), clock).pendingCount()};
            },
            context,
            [reply, elapsed, self = weak.lock(), context](const SyncProgress &p) {
                const bool connected = p.live.state == syncStateName(SyncState::Connected);
                if (!p.syncing)
                    reply({1, {}, Tr::tr("studiotimer: Sync is off: join a hub first.\n")});
                else if (connected && p.pending == 0)
                    reply({0, Tr::tr("The desktop app is synced with the hub.\n"), {}});
                else if (elapsed->elapsed() >= 10000 && !connected)
                    reply({1,
                           {},
                           Tr::tr("studiotimer: The desktop app cannot reach the hub within 10 s "
                                  "(%1); %n change(s) still wait.\n",
                                  nullptr, p.pending)
                               .arg(p.live.error.isEmpty() ? p.live.state : p.live.error)});
                else
                    QTimer::singleShot(200, context, [self] { (*self)(); });
            });
    };
    (*poll)();
}

} // namespace

bool isReadOnly(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return false;
    const QString &command = arguments.first();
    // task-types set / reprice change the catalogue and entries: the writer's.
    if (command == QLatin1String("task-types"))
        return arguments.size() < 2 || arguments.at(1).startsWith(QLatin1Char('-'));
    // clients list / projects list / settings list|get read; add and set write.
    if (command == QLatin1String("clients") || command == QLatin1String("projects") ||
        command == QLatin1String("settings"))
        return arguments.size() > 1 && (arguments.at(1) == QLatin1String("list") ||
                                        arguments.at(1) == QLatin1String("get"));
    // backup reads: VACUUM INTO copies a snapshot, beside the writer.
    for (const char *name :
         {"status", "list", "task-types", "help", "report", "export", "backup"}) {
        if (command == QLatin1String(name))
            return true;
    }
    if (command == QLatin1String("sync"))
        return arguments.size() > 1 && (arguments.at(1) == QLatin1String("status") ||
                                        arguments.at(1) == QLatin1String("conflicts"));
    return command == QLatin1String("import") && (arguments.contains(QLatin1String("--dry-run")));
}

void run(Backend &backend, const SingleInstance::Request &request, QObject *context,
         SingleInstance::Reply reply)
{
    // The instant asked, on the backend's clock (the hub's time when syncing).
    const Ms askedAt = backend.clock().nowMs() - request.ageMs;
    const QStringList arguments = request.arguments;
    if (isSyncNow(arguments)) {
        syncNow(backend, context, std::move(reply));
        return;
    }
    auto job = [arguments](TimerService &service) {
        CommandLine cli(service);
        cli.setRunningInApp(true);
        return cli.run(arguments);
    };
    auto done = [reply = std::move(reply)](const CommandOutput &out) {
        reply(out);
    };
    if (isReadOnly(arguments)) {
        backend.read<CommandOutput>(job, context, done, askedAt);
        return;
    }
    backend.write<CommandOutput>(job, context, done, askedAt);
    backend.refresh(); // e.g. `start --user NAME` switches the desk user without an entry change
}

} // namespace st::forwarded
