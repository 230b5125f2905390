#include "ForwardedCommand.h"

#include "backend/Backend.h"
#include "cli/CommandLine.h"

namespace st::forwarded {

bool isReadOnly(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return false;
    const QString &command = arguments.first();
    // task-types set / reprice change the catalogue and entries: the writer's.
    if (command == QLatin1String("task-types"))
        return arguments.size() < 2 || arguments.at(1).startsWith(QLatin1Char('-'));
    for (const char *name : {"status", "list", "task-types", "help", "report", "export"}) {
        if (command == QLatin1String(name))
            return true;
    }
    return command == QLatin1String("import") && (arguments.contains(QLatin1String("--dry-run")));
}

void run(Backend &backend, const SingleInstance::Request &request, QObject *context,
         SingleInstance::Reply reply)
{
    // The instant asked, on the backend's clock (the hub's time when syncing).
    const Ms askedAt = backend.clock().nowMs() - request.ageMs;
    const QStringList arguments = request.arguments;
    auto job = [arguments](TimerService &service) {
        return CommandLine(service).run(arguments);
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
