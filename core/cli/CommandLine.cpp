#include "CommandLine.h"
#include "Option.h"

#include "domain/Format.h"
#include "domain/Money.h"
#include "report/EntryExport.h"
#include "timer/ContinueLast.h"
#include "timer/Profile.h"
#include "timer/TimerService.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace st {

namespace {

QCommandLineOption opt(const char *name, const char *valueName = nullptr)
{
    return cli::option(name, valueName);
}

void noOptions(QCommandLineParser &) {}
void jsonOption(QCommandLineParser &p)
{
    p.addOption(opt("json"));
}
void userOption(QCommandLineParser &p)
{
    p.addOption(opt("user", "NAME"));
}
void startOptions(QCommandLineParser &p)
{
    p.addOptions({opt("room", "ROOM"), opt("note", "TEXT"), opt("user", "NAME"),
                  opt("project", "NAME"), opt("tag", "WORD")});
}
void statusOptions(QCommandLineParser &p)
{
    p.addOptions({opt("json"), opt("user", "NAME")});
}
void addOptions(QCommandLineParser &p)
{
    p.addOptions({opt("from", "WHEN"), opt("to", "WHEN"), opt("room", "ROOM"), opt("note", "TEXT"),
                  opt("user", "NAME"), opt("project", "NAME"), opt("tag", "WORD"),
                  opt("non-billable")});
}
void adjustOptions(QCommandLineParser &p)
{
    p.addOptions({opt("from", "WHEN"), opt("to", "WHEN"), opt("task", "TASK"), opt("room", "ROOM"),
                  opt("note", "TEXT"), opt("reason", "TEXT"), opt("user", "NAME")});
}
void deleteOptions(QCommandLineParser &p)
{
    p.addOptions({opt("reason", "TEXT"), opt("user", "NAME")});
}
void listOptions(QCommandLineParser &p)
{
    p.addOptions({opt("from", "DAY"), opt("to", "DAY"), opt("task", "TASK"), opt("user", "NAME"),
                  opt("room", "ROOM"), opt("tag", "WORD"), opt("text", "TEXT"), opt("limit", "N"),
                  opt("json"), opt("csv")});
}

QString toJsonText(const QJsonDocument &doc)
{
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

} // namespace

CommandLine::CommandLine(TimerService &service)
    : m_service(service)
{}

const QList<CommandLine::Command> &CommandLine::commands()
{
    static const QList<Command> list{
        {"start", &CommandLine::start, startOptions, 1, 1},
        {"stop", &CommandLine::stop, userOption, 0, 0},
        {"pause", &CommandLine::pause, userOption, 0, 0},
        {"resume", &CommandLine::resume, userOption, 0, 0},
        {"continue", &CommandLine::continueTimer, userOption, 0, 0},
        {"status", &CommandLine::status, statusOptions, 0, 0},
        {"add", &CommandLine::add, addOptions, 1, 1},
        {"adjust", &CommandLine::adjust, adjustOptions, 1, 1},
        {"delete", &CommandLine::remove, deleteOptions, 1, 1},
        {"restore", &CommandLine::restore, userOption, 1, 1},
        {"backup", &CommandLine::backup, noOptions, 0, 1},
        {"history", &CommandLine::history, jsonOption, 1, 1},
        {"list", &CommandLine::list, listOptions, 0, 0},
        {"task-types", &CommandLine::taskTypes, &CommandLine::taskTypeOptions, 0, 2},
        {"help", &CommandLine::help, noOptions, 0, 1},
        {"report", &CommandLine::report, &CommandLine::reportOptions, 0, 0},
        {"export", &CommandLine::exportEntries, &CommandLine::exportOptions, 0, 0},
        {"import", &CommandLine::importEntries, &CommandLine::importOptions, 1, 1},
        {"sync", &CommandLine::sync, &CommandLine::syncOptions, 1, 2},
        {"clients", &CommandLine::clients, &CommandLine::clientOptions, 1, 2},
        {"projects", &CommandLine::projects, &CommandLine::clientOptions, 1, 2},
        {"invoice", &CommandLine::invoice, &CommandLine::invoiceOptions, 0, 0},
        {"settings", &CommandLine::settings, jsonOption, 1, 3},
        {"lock", &CommandLine::lock, &CommandLine::lockOptions, 0, 0},
        {"unlock", &CommandLine::unlock, userOption, 0, 0},
        {"rooms", &CommandLine::rooms, &CommandLine::rosterOptions, 1, 3},
        {"people", &CommandLine::people, &CommandLine::rosterOptions, 1, 3},
    };
    return list;
}

bool CommandLine::isCommand(const QString &word)
{
    for (const Command &c : commands()) {
        if (word == QLatin1String(c.name))
            return true;
    }
    return false;
}

CommandOutput CommandLine::run(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return usageError(tr("No command given."));
    const QString name = arguments.first();
    for (const Command &command : commands()) {
        if (name != QLatin1String(command.name))
            continue;
        QCommandLineParser parser;
        parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
        command.options(parser);
        // QCommandLineParser expects the program name first.
        if (!parser.parse(QStringList{QStringLiteral("studiotimer")} + arguments.mid(1)))
            return usageError(parser.errorText());
        const int positional = int(parser.positionalArguments().size());
        if (positional < command.minPositional)
            return usageError(tr("\"%1\" needs more arguments.").arg(name));
        if (positional > command.maxPositional)
            return usageError(
                tr("\"%1\" does not take \"%2\".")
                    .arg(name, parser.positionalArguments().at(command.maxPositional)));
        for (const QString &option : parser.optionNames()) {
            if (option != QLatin1String("tag") && parser.values(option).size() > 1)
                return usageError(tr("--%1 is given more than once.").arg(option));
        }
        return (this->*command.handler)(parser);
    }
    return usageError(tr("Unknown command \"%1\".").arg(name));
}

// ---- commands ----------------------------------------------------------------------------------

CommandOutput CommandLine::start(QCommandLineParser &p)
{
    auto type = m_service.findTaskType(p.positionalArguments().first());
    if (!type)
        return fail(type.error());
    auto room = roomOption(p);
    if (!room)
        return fail(room.error());
    QString projectId;
    QStringList tags;
    if (auto r = projectAndTags(p, projectId, tags); !r)
        return fail(r.error());
    auto user = actor(p, true);
    if (!user)
        return fail(user.error());
    // What this start stopped, as the service wrote it under its write lock (a switch announces
    // the stopped entry first); a running entry read before the call may be stopped meanwhile by
    // another process.
    std::optional<TimeEntry> previous;
    const QMetaObject::Connection switched = QObject::connect(
        &m_service, &TimerService::entryChanged, &m_service, [&](const TimeEntry &e) {
            if (!e.isRunning() && e.userId == user->id)
                previous = e;
        });
    auto started =
        m_service.start({user->id, type->id, room.value(), p.value(QStringLiteral("note")),
                         std::nullopt, QString(), projectId, tags});
    QObject::disconnect(switched);
    if (!started)
        return fail(started.error());
    CommandOutput out;
    if (started->endedAt) {
        // The running timer began after this start (another machine's clock was ahead): it
        // keeps running, and this one is kept up to where it began.
        out.out += tr("Recorded %1: the running timer began later and keeps running.\n")
                       .arg(describe(started.value()));
        return out;
    }
    if (previous)
        out.out += tr("Stopped %1.\n").arg(describe(*previous));
    out.out += tr("Started %1.\n").arg(describe(started.value()));
    return out;
}

CommandOutput CommandLine::stop(QCommandLineParser &p)
{
    return onRunningTimer(p, &TimerService::stop, tr("Stopped %1.\n"));
}

CommandOutput CommandLine::pause(QCommandLineParser &p)
{
    return onRunningTimer(p, &TimerService::pause, tr("Paused %1.\n"));
}

CommandOutput CommandLine::resume(QCommandLineParser &p)
{
    return onRunningTimer(p, &TimerService::resume, tr("Resumed %1.\n"));
}

CommandOutput CommandLine::continueTimer(QCommandLineParser &p)
{
    auto user = actor(p, false);
    if (!user)
        return fail(user.error());
    const auto paused = m_service.running(user->id);
    auto continued = continueLast(m_service, user->id);
    if (!continued)
        return fail(continued.error());
    const bool resumed = paused && paused->id == continued->id;
    return {0,
            (resumed ? tr("Resumed %1.\n") : tr("Started %1.\n")).arg(describe(continued.value())),
            {}};
}

CommandOutput CommandLine::onRunningTimer(QCommandLineParser &p, TimerAction action,
                                          const QString &done)
{
    auto user = actor(p, false);
    if (!user)
        return fail(user.error());
    auto changed = (m_service.*action)(user->id, std::nullopt);
    if (!changed)
        return fail(changed.error());
    return {0, done.arg(describe(changed.value())), {}};
}

CommandOutput CommandLine::status(QCommandLineParser &p)
{
    auto user = actor(p, false);
    if (!user)
        return fail(user.error());
    const auto running = m_service.running(user->id);
    if (p.isSet(QStringLiteral("json"))) {
        const QJsonObject object{
            {QStringLiteral("running"), running.has_value()},
            {QStringLiteral("entry"), running ? QJsonValue(entryJson(*running)) : QJsonValue()}};
        return {0, toJsonText(QJsonDocument(object)), {}};
    }
    if (!running)
        return {0, tr("No timer is running for %1.\n").arg(user->name), {}};
    QString line = tr("%1 for %2: %3")
                       .arg(describe(*running), user->name,
                            format::duration(running->billableMs(m_service.clock().nowMs())));
    if (running->isPaused())
        line += tr(" (paused)");
    return {0, line + QLatin1Char('\n'), {}};
}

CommandOutput CommandLine::add(QCommandLineParser &p)
{
    if (!p.isSet(QStringLiteral("from")) || !p.isSet(QStringLiteral("to")))
        return usageError(tr("\"add\" needs --from and --to."));
    // A malformed time is a malformed command (2), told before any name is looked up.
    auto from = whenOption(p, QStringLiteral("from"));
    if (!from)
        return usageError(from.error().message);
    auto to = whenOption(p, QStringLiteral("to"));
    if (!to)
        return usageError(to.error().message);
    auto type = m_service.findTaskType(p.positionalArguments().first());
    if (!type)
        return fail(type.error());
    auto room = roomOption(p);
    if (!room)
        return fail(room.error());
    ManualEntry manual;
    if (auto r = projectAndTags(p, manual.projectId, manual.tags); !r)
        return fail(r.error());
    auto user = actor(p, false);
    if (!user)
        return fail(user.error());
    manual.userId = user->id;
    manual.taskTypeId = type->id;
    manual.roomId = room.value();
    manual.note = p.value(QStringLiteral("note"));
    manual.startedAt = from.value();
    manual.endedAt = to.value();
    manual.billable = !p.isSet(QStringLiteral("non-billable"));
    auto added = m_service.addManual(manual);
    if (!added)
        return fail(added.error());
    return {0, tr("Added %1.\n").arg(describe(added.value())), {}};
}

CommandOutput CommandLine::adjust(QCommandLineParser &p)
{
    if (!p.isSet(QStringLiteral("reason")))
        return usageError(tr("\"adjust\" needs --reason: every adjustment says why."));
    Adjustment a;
    if (p.isSet(QStringLiteral("from"))) {
        auto from = whenOption(p, QStringLiteral("from"));
        if (!from)
            return usageError(from.error().message);
        a.startedAt = from.value();
    }
    if (p.isSet(QStringLiteral("to"))) {
        auto to = whenOption(p, QStringLiteral("to"));
        if (!to)
            return usageError(to.error().message);
        a.endedAt = to.value();
    }
    auto entry = m_service.findEntry(p.positionalArguments().first());
    if (!entry)
        return fail(entry.error());
    auto user = actor(p, false);
    if (!user)
        return fail(user.error());
    a.entryId = entry->id;
    a.actorId = user->id;
    a.reason = p.value(QStringLiteral("reason"));
    if (p.isSet(QStringLiteral("task"))) {
        auto type = m_service.findTaskType(p.value(QStringLiteral("task")));
        if (!type)
            return fail(type.error());
        a.taskTypeId = type->id;
    }
    if (p.isSet(QStringLiteral("room"))) {
        auto room = roomOption(p);
        if (!room)
            return fail(room.error());
        a.roomId = room.value();
    }
    if (p.isSet(QStringLiteral("note")))
        a.note = p.value(QStringLiteral("note"));
    auto adjusted = m_service.adjust(a);
    if (!adjusted)
        return fail(adjusted.error());
    return {0, tr("Adjusted %1.\n").arg(describe(adjusted.value())), {}};
}

CommandOutput CommandLine::remove(QCommandLineParser &p)
{
    auto entry = m_service.findEntry(p.positionalArguments().first());
    if (!entry)
        return fail(entry.error());
    auto user = actor(p, false);
    if (!user)
        return fail(user.error());
    auto removed = m_service.remove(entry->id, user->id, p.value(QStringLiteral("reason")));
    if (!removed)
        return fail(removed.error());
    return {0,
            tr("Deleted %1. Undo with: studiotimer restore %2\n")
                .arg(describe(removed.value()), removed->id.left(8)),
            {}};
}

CommandOutput CommandLine::restore(QCommandLineParser &p)
{
    if (namesBackupFile(p.positionalArguments().first()))
        return refuseRestoreInUse(p.positionalArguments().first());
    auto entry = m_service.findEntry(p.positionalArguments().first());
    if (!entry)
        return fail(entry.error());
    auto user = actor(p, false);
    if (!user)
        return fail(user.error());
    auto restored = m_service.restore(entry->id, user->id);
    if (!restored)
        return fail(restored.error());
    return {0, tr("Restored %1.\n").arg(describe(restored.value())), {}};
}

CommandOutput CommandLine::list(QCommandLineParser &p)
{
    if (p.isSet(QStringLiteral("json")) && p.isSet(QStringLiteral("csv")))
        return usageError(tr("Choose one of --json and --csv."));
    const Ms now = m_service.clock().nowMs();
    EntryFilter filter;
    QDate first, last;
    if (p.isSet(QStringLiteral("from"))) {
        first = format::parseDay(p.value(QStringLiteral("from")), now);
        if (!first.isValid())
            return usageError(tr("--from takes a day such as 2026-11-28, not \"%1\".")
                                  .arg(p.value(QStringLiteral("from"))));
    }
    if (p.isSet(QStringLiteral("to"))) {
        last = format::parseDay(p.value(QStringLiteral("to")), now);
        if (!last.isValid())
            return usageError(tr("--to takes a day such as 2026-11-28, not \"%1\".")
                                  .arg(p.value(QStringLiteral("to"))));
    }
    if (first.isValid() && last.isValid() && last < first)
        return usageError(tr("The range ends before it starts."));
    if (first.isValid())
        filter.from = format::days(first, first).from;
    if (last.isValid())
        filter.to = format::days(last, last).to;
    int limit = std::numeric_limits<int>::max();
    if (p.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = p.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit <= 0)
            return usageError(tr("--limit takes a positive number."));
    }
    if (auto r = applyNameFilters(p, filter); !r)
        return fail(r.error());
    if (auto r = applyTagFilter(p, filter); !r)
        return fail(r.error());
    filter.text = p.value(QStringLiteral("text"));

    // Oldest first, as a timesheet reads; fetched in pages to keep memory flat.
    QList<TimeEntry> entries;
    const EntrySort sort{EntrySortKey::StartedAt, false};
    constexpr int kPage = 5000;
    for (int offset = 0; int(entries.size()) < limit; offset += kPage) {
        const auto page =
            m_service.list(filter, sort, std::min(kPage, limit - int(entries.size())), offset);
        entries += page;
        if (page.size() < kPage)
            break;
    }

    const QString currency = m_service.organization().currency;
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const TimeEntry &e : entries)
            array.append(entryJson(e));
        return {0, toJsonText(QJsonDocument(array)), {}};
    }
    if (p.isSet(QStringLiteral("csv")))
        return {0, EntryExporter(m_service).csv(entries), {}};

    CommandOutput out;
    Ms totalMs = 0;
    qint64 totalCents = 0;
    for (const TimeEntry &e : entries) {
        const QJsonObject j = entryJson(e);
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(e.startedAt);
        const QString end =
            e.endedAt ? QDateTime::fromMSecsSinceEpoch(*e.endedAt).toString(QStringLiteral("HH:mm"))
                      : tr("running");
        const qint64 cents = m_service.costCents(e);
        totalMs += e.billableMs(now);
        totalCents += cents;
        QStringList columns{e.id.left(8),
                            start.toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
                                QStringLiteral("–") + end,
                            format::duration(e.billableMs(now)).rightJustified(8),
                            j.value(QStringLiteral("taskType")).toString(),
                            j.value(QStringLiteral("user")).toString(),
                            j.value(QStringLiteral("room")).toString(QStringLiteral("-")),
                            money::formatPlain(cents, currency) + QLatin1Char(' ') + currency};
        if (!e.projectId.isEmpty())
            columns << j.value(QStringLiteral("project")).toString();
        for (const QString &tag : e.tags)
            columns << QLatin1Char('#') + tag;
        if (!e.billable)
            columns << tr("(not billable)");
        if (!e.note.isEmpty())
            columns << QStringLiteral("“") + e.note + QStringLiteral("”");
        if (e.adjusted)
            columns << tr("(adjusted)");
        out.out += columns.join(QStringLiteral("  ")) + QLatin1Char('\n');
    }
    out.out +=
        tr("%n entries, %1, %2 %3\n", nullptr, int(entries.size()))
            .arg(format::duration(totalMs), money::formatPlain(totalCents, currency), currency);
    return out;
}

CommandOutput CommandLine::help(QCommandLineParser &)
{
    return {0, usage(), {}};
}

// ---- shared pieces -----------------------------------------------------------------------------

QJsonObject CommandLine::entryJson(const TimeEntry &e) const
{
    // One shape for `list --json`, `status --json` and exported JSON files.
    return EntryExporter(m_service).entryJson(e);
}

Result<User> CommandLine::actor(const QCommandLineParser &p, bool makeCurrent)
{
    if (p.isSet(QStringLiteral("user"))) {
        const QString name = p.value(QStringLiteral("user"));
        // Starting a timer introduces a new person at a shared desk; other commands need one known.
        auto user = makeCurrent ? m_service.ensureUser(name) : m_service.findUser(name);
        if (user && makeCurrent) {
            if (auto r = profile::setCurrentUser(m_service.database(), user->id); !r)
                return r.error();
        }
        return user;
    }
    if (auto user = m_service.user(profile::currentUserId(m_service.database())))
        return *user;
    return Error::notFound(tr("No user is set for this desk: give --user NAME."));
}

Result<void> CommandLine::applyNameFilters(const QCommandLineParser &p, EntryFilter &filter) const
{
    if (p.isSet(QStringLiteral("task"))) {
        auto type = m_service.findTaskType(p.value(QStringLiteral("task")));
        if (!type)
            return type.error();
        filter.taskTypeIds = {type->id};
    }
    if (p.isSet(QStringLiteral("user"))) {
        auto user = m_service.findUser(p.value(QStringLiteral("user")));
        if (!user)
            return user.error();
        filter.userIds = {user->id};
    }
    if (p.isSet(QStringLiteral("room"))) {
        auto room = m_service.findRoom(p.value(QStringLiteral("room")));
        if (!room)
            return room.error();
        filter.roomIds = {room->id};
    }
    return {};
}

Result<QString> CommandLine::roomOption(const QCommandLineParser &p)
{
    if (!p.isSet(QStringLiteral("room")) || p.value(QStringLiteral("room")).trimmed().isEmpty())
        return QString();
    auto room = m_service.findRoom(p.value(QStringLiteral("room")));
    if (!room)
        return room.error();
    return room->id;
}

Result<Ms> CommandLine::whenOption(const QCommandLineParser &p, const QString &name)
{
    const QString text = p.value(name);
    if (auto when = format::parseWhen(text, m_service.clock().nowMs()))
        return *when;
    return Error::invalid(
        tr("--%1 takes a time such as 2026-11-28T09:30 or 09:30, not \"%2\".").arg(name, text));
}

QString CommandLine::describe(const TimeEntry &e) const
{
    const auto type = m_service.taskType(e.taskTypeId);
    const auto room = e.roomId.isEmpty() ? std::nullopt : m_service.room(e.roomId);
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(e.startedAt);
    QString text =
        tr("%1 at %2")
            .arg(type ? type->name : QString(), start.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (e.endedAt)
        text =
            tr("%1 %2–%3 (%4)")
                .arg(type ? type->name : QString(),
                     start.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                     QDateTime::fromMSecsSinceEpoch(*e.endedAt).toString(QStringLiteral("HH:mm")),
                     format::duration(e.billableMs(*e.endedAt)));
    if (const QString project = projectName(e.projectId); !project.isEmpty())
        text += tr(" for %1").arg(project);
    if (room)
        text += tr(" in %1").arg(room->name);
    return text + QStringLiteral(" [%1]").arg(e.id.left(8));
}

CommandOutput CommandLine::fail(const Error &error)
{
    return {1, {}, tr("studiotimer: %1\n").arg(error.message)};
}

CommandOutput CommandLine::usageError(const QString &message)
{
    return {2, {}, tr("studiotimer: %1\nTry \"studiotimer help\".\n").arg(message)};
}

} // namespace st
