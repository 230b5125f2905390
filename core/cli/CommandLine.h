#pragma once

#include "domain/RosterAudit.h"
#include "domain/Rounding.h"
#include "domain/Types.h"
#include "store/EntryFilter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace st {

class TimerService;
struct SyncConflict;
struct Invoice;

struct CommandOutput
{
    int exitCode = 0; // 0 done, 1 refused (nothing changed), 2 malformed command
    QString out;
    QString err;
};

// The `studiotimer COMMAND ...` contract of DESIGN.md, as a pure function of the arguments and
// the store: it returns what to print, so the same code serves a terminal and a command handed
// to the running desktop app.
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(st::CommandLine)
public:
    explicit CommandLine(TimerService &service);
    // The command runs inside the desktop app (handed over by another process): `sync` commands
    // then report the app's connection and leave its settings alone.
    void setRunningInApp(bool inApp) { m_inApp = inApp; }
    // Draws an invoice into a file (invoice/InvoicePdf); without one, `invoice` is refused.
    using InvoiceWriter = std::function<Result<void>(const Invoice &, const QString &)>;
    void setInvoiceWriter(InvoiceWriter writer) { m_invoiceWriter = std::move(writer); }

    // arguments: the command and its own arguments, e.g. {"start", "Recording", "--room", "A"}.
    CommandOutput run(const QStringList &arguments);

    static bool isCommand(const QString &word);
    // The arguments with the file names of import and export -o made absolute, so a command handed
    // to the running desktop app (another working directory) finds the same files.
    static QStringList withAbsolutePaths(const QStringList &arguments);
    static QString usage();

    // `restore FILE` (core/cli/BackupCommands.cpp). restore's argument names a backup file when it
    // is an existing file, has a path separator or ends in .sqlite; otherwise it is an entry ID.
    static bool namesBackupFile(const QString &argument);
    // `restore FILE` run by a command-line process while no app holds the data folder: the
    // database is replaced by the checked copy, the current one kept in backups/ first. Empty
    // when arguments are not a database restore (`restore ENTRY_ID` is the CommandLine's).
    static std::optional<CommandOutput> restoreDatabase(const QString &dataDir,
                                                        const QStringList &arguments);

    // The JSON shape of an entry in `list --json` and `status --json`.
    QJsonObject entryJson(const TimeEntry &entry) const;

private:
    using Handler = CommandOutput (CommandLine::*)(QCommandLineParser &);
    struct Command
    {
        const char *name;
        Handler handler;
        void (*options)(QCommandLineParser &);
        int minPositional;
        int maxPositional;
    };
    static const QList<Command> &commands();

    CommandOutput start(QCommandLineParser &p);
    CommandOutput stop(QCommandLineParser &p);
    CommandOutput pause(QCommandLineParser &p);
    CommandOutput resume(QCommandLineParser &p);
    CommandOutput continueTimer(QCommandLineParser &p);
    // stop, pause and resume: one action on the person's running timer, reported as done.
    using TimerAction = Result<TimeEntry> (TimerService::*)(const QString &, std::optional<Ms>);
    CommandOutput onRunningTimer(QCommandLineParser &p, TimerAction action, const QString &done);
    CommandOutput status(QCommandLineParser &p);
    CommandOutput add(QCommandLineParser &p);
    CommandOutput adjust(QCommandLineParser &p);
    CommandOutput remove(QCommandLineParser &p);
    CommandOutput restore(QCommandLineParser &p);
    // backup [FILE]; restore FILE refused where the database is open (BackupCommands.cpp).
    CommandOutput backup(QCommandLineParser &p);
    CommandOutput refuseRestoreInUse(const QString &file) const;
    static QStringList withAbsoluteBackupPath(const QStringList &arguments);
    CommandOutput history(QCommandLineParser &p); // HistoryCommand.cpp
    CommandOutput list(QCommandLineParser &p);
    // task-types, set and reprice: core/cli/TaskTypeCommands.cpp.
    CommandOutput taskTypes(QCommandLineParser &p);
    CommandOutput listTaskTypes(bool json);
    CommandOutput setTaskType(QCommandLineParser &p, const QString &name);
    CommandOutput repriceTaskType(QCommandLineParser &p, const QString &name);
    static void taskTypeOptions(QCommandLineParser &p);
    CommandOutput help(QCommandLineParser &p);
    // report, export, import: core/cli/ReportCommands.cpp.
    CommandOutput report(QCommandLineParser &p);
    CommandOutput exportEntries(QCommandLineParser &p);
    CommandOutput importEntries(QCommandLineParser &p);
    static void reportOptions(QCommandLineParser &p);
    // --rounding MIN[:up|nearest|down]; none when not given.
    static Result<Rounding> roundingOption(const QCommandLineParser &p);
    static void exportOptions(QCommandLineParser &p);
    static void importOptions(QCommandLineParser &p);

    // clients and projects, add and list: core/cli/ProjectCommands.cpp.
    CommandOutput clients(QCommandLineParser &p) { return clientsOrProjects(p, false); }
    CommandOutput projects(QCommandLineParser &p) { return clientsOrProjects(p, true); }
    CommandOutput clientsOrProjects(QCommandLineParser &p, bool projects);
    CommandOutput addClient(QCommandLineParser &p, const QString &name);
    CommandOutput addProject(QCommandLineParser &p, const QString &name);
    CommandOutput listClients(bool json);
    CommandOutput listProjects(bool json);
    static void clientOptions(QCommandLineParser &p);
    // --project NAME and --tag WORD (repeatable) of start and add; an unknown project is an error.
    Result<void> projectAndTags(const QCommandLineParser &p, QString &projectId,
                                QStringList &tags) const;
    QString projectName(const QString &projectId) const;
    // --tag WORD (repeatable) of list and report: entries having any of the words; a word that
    // could not be a tag is an error.
    static Result<void> applyTagFilter(const QCommandLineParser &p, EntryFilter &filter);
    // --rate AMOUNT: an hourly rate in the currency's major unit.
    static Result<qint64> rateOption(const QCommandLineParser &p, const QString &currency);

    // invoice and settings: core/cli/InvoiceCommands.cpp.
    CommandOutput invoice(QCommandLineParser &p);
    static void invoiceOptions(QCommandLineParser &p);
    CommandOutput settings(QCommandLineParser &p);

    // rooms and people: list, rename, archive, unarchive, merge (core/cli/RosterCommands.cpp).
    CommandOutput rooms(QCommandLineParser &p) { return roster(p, RosterKind::Room); }
    CommandOutput people(QCommandLineParser &p) { return roster(p, RosterKind::Person); }
    CommandOutput roster(QCommandLineParser &p, RosterKind kind);
    CommandOutput listRoster(RosterKind kind, bool json, bool withArchived);
    static void rosterOptions(QCommandLineParser &p);
    // lock [--until DAY] [--json] and unlock: core/cli/LockCommands.cpp.
    CommandOutput lock(QCommandLineParser &p);
    CommandOutput unlock(QCommandLineParser &p);
    CommandOutput lockStatus(bool asJson);
    static void lockOptions(QCommandLineParser &p);

    // sync join|status|now|conflicts|off: core/cli/SyncCommands.cpp.
    CommandOutput sync(QCommandLineParser &p);
    static void syncOptions(QCommandLineParser &p);
    CommandOutput syncJoin(QCommandLineParser &p);
    CommandOutput syncOff();
    CommandOutput syncStatus(bool asJson);
    CommandOutput syncConflicts(bool asJson);
    CommandOutput syncNow();
    // A refused change as `sync conflicts` shows it (the --json object; the text line is made
    // from it).
    static QJsonObject conflictJson(const SyncConflict &conflict);

    // Shared pieces.
    Result<User> actor(const QCommandLineParser &p, bool makeCurrent);
    Result<QString> roomOption(const QCommandLineParser &p);
    // --task, --user and --room (names or IDs) narrow filter; an unknown name is an error.
    Result<void> applyNameFilters(const QCommandLineParser &p, EntryFilter &filter) const;
    Result<Ms> whenOption(const QCommandLineParser &p, const QString &name);
    QString describe(const TimeEntry &entry) const;

    static CommandOutput fail(const Error &error);
    static CommandOutput usageError(const QString &message);

    TimerService &m_service;
    bool m_inApp = false;
    InvoiceWriter m_invoiceWriter;
};

} // namespace st
