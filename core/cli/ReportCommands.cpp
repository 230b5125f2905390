// The report, export and import commands of st::CommandLine (DESIGN.md, docs/REPORTS.md).
#include "CommandLine.h"
#include "Option.h"

#include "domain/Format.h"
#include "domain/Money.h"
#include "report/EntryExport.h"
#include "report/EntryImport.h"
#include "report/ReportService.h"
#include "timer/Profile.h"
#include "timer/TimerService.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace st {

using cli::option;

namespace {

// An import's or export's progress on stderr (issue 11): in a terminal one line rewritten as the
// percentage moves ("Importing entries.csv: 45%"), elsewhere (--progress into a log) a line per
// tenth; nothing when off. Runs on the command's thread, between rows.
class StderrProgress final
{
public:
    // --progress forces it; otherwise only when stderr is a terminal. Never inside the app (a
    // command handed over by another process: its stderr is not the one asking).
    StderrProgress(const QCommandLineParser &p, bool inApp)
    {
#ifdef Q_OS_UNIX
        m_terminal = ::isatty(STDERR_FILENO) == 1;
#endif
        m_on = !inApp && (m_terminal || p.isSet(QStringLiteral("progress")));
    }

    // The hooks for one step; label says it with the file's name (%1) and the percentage (%2).
    TransferProgress hooks(const QString &label, const QString &file)
    {
        m_label = label;
        m_file = QFileInfo(file).fileName();
        m_shown = -1;
        TransferProgress hooks;
        if (m_on)
            hooks.report = [this](int percent, qint64) {
                show(percent);
            };
        return hooks;
    }
    // The step ended: its 100% when it succeeded, and the line closed.
    void done(bool ok)
    {
        if (!m_on || m_shown < 0)
            return;
        if (ok)
            show(100);
        if (m_terminal)
            std::fputs("\n", stderr);
        std::fflush(stderr);
        m_shown = -1;
    }

private:
    void show(int percent)
    {
        percent = std::clamp(percent, 0, 100);
        if (percent == m_shown || (!m_terminal && m_shown >= 0 && percent / 10 == m_shown / 10))
            return;
        m_shown = percent;
        const QByteArray line = m_label.arg(m_file, QString::number(percent)).toLocal8Bit();
        std::fputs(m_terminal ? "\r" : "", stderr);
        std::fputs(line.constData(), stderr);
        std::fputs(m_terminal ? "\x1b[K" : "\n", stderr); // in a terminal: clear what was longer
        std::fflush(stderr);
    }

    bool m_on = false;
    bool m_terminal = false;
    QString m_label;
    QString m_file;
    int m_shown = -1;
};

struct Period
{
    QDate first;
    QDate last;
    QString error;
};

// --from / --to as whole local days, both included. A report without them covers the month so
// far (from the first of the --to day's month to that day).
Period reportPeriod(const QCommandLineParser &p, Ms now)
{
    Period period;
    const QString fromText = p.value(QStringLiteral("from"));
    const QString toText = p.value(QStringLiteral("to"));
    period.last = p.isSet(QStringLiteral("to")) ? format::parseDay(toText, now)
                                                : QDateTime::fromMSecsSinceEpoch(now).date();
    if (!period.last.isValid()) {
        period.error =
            CommandLine::tr("--to takes a day such as 2026-11-28, not \"%1\".").arg(toText);
        return period;
    }
    period.first = p.isSet(QStringLiteral("from"))
                       ? format::parseDay(fromText, now)
                       : QDate(period.last.year(), period.last.month(), 1);
    if (!period.first.isValid())
        period.error =
            CommandLine::tr("--from takes a day such as 2026-11-28, not \"%1\".").arg(fromText);
    else if (period.first > period.last)
        period.error =
            CommandLine::tr("--from %1 is after --to %2.")
                .arg(period.first.toString(Qt::ISODate), period.last.toString(Qt::ISODate));
    return period;
}

} // namespace

QStringList CommandLine::withAbsolutePaths(const QStringList &arguments)
{
    QStringList args = withAbsoluteBackupPath(arguments);
    if (args.isEmpty())
        return args;
    auto absolute = [](const QString &path) {
        return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
    };
    const bool isImport = args.first() == QLatin1String("import");
    const bool isExport = args.first() == QLatin1String("export");
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString arg = args.at(i);
        if (isExport) {
            for (const char *name : {"-o", "--o", "-output", "--output"}) {
                const QString option = QLatin1String(name);
                if (arg == option && i + 1 < args.size())
                    args[i + 1] = absolute(args.at(i + 1));
                else if (arg.startsWith(option + QLatin1Char('=')))
                    args[i] = option + QLatin1Char('=') + absolute(arg.mid(option.size() + 1));
            }
        } else if (isImport) {
            if (arg == QLatin1String("--format") || arg == QLatin1String("-format") ||
                arg == QLatin1String("--task") || arg == QLatin1String("-task")) {
                ++i; // its value
            } else if (!arg.startsWith(QLatin1Char('-'))) {
                args[i] = absolute(arg);
                break;
            }
        }
    }
    return args;
}

void CommandLine::reportOptions(QCommandLineParser &p)
{
    p.addOptions({option("from", "DAY"), option("to", "DAY"), option("by", "GROUPING"),
                  option("task", "TASK"), option("user", "NAME"), option("room", "ROOM"),
                  option("tag", "WORD"), option("json"), option("csv"),
                  option("rounding", "MIN[:MODE]"), option("billable-only")});
}

void CommandLine::exportOptions(QCommandLineParser &p)
{
    p.addOptions({option("from", "DAY"), option("to", "DAY"), option("format", "FORMAT"),
                  option(QStringList{QStringLiteral("o"), QStringLiteral("output")}, "FILE"),
                  option("task", "TASK"), option("user", "NAME"), option("room", "ROOM"),
                  option("progress")});
}

void CommandLine::importOptions(QCommandLineParser &p)
{
    p.addOptions({option("format", "FORMAT"), option("dry-run"), option("progress"),
                  option("task", "TASK")});
}

CommandOutput CommandLine::report(QCommandLineParser &p)
{
    if (p.isSet(QStringLiteral("json")) && p.isSet(QStringLiteral("csv")))
        return usageError(tr("Choose one of --json and --csv."));
    if (!p.isSet(QStringLiteral("by")))
        return usageError(tr("\"report\" needs --by task, user, room, day, week, month, client, "
                             "project or tag."));
    const auto by = reportGroupingFromName(p.value(QStringLiteral("by")).trimmed());
    if (!by)
        return usageError(tr("--by takes task, user, room, day, week, month, client, project or "
                             "tag, not \"%1\".")
                              .arg(p.value(QStringLiteral("by"))));
    const auto rounding = roundingOption(p);
    if (!rounding)
        return usageError(rounding.error().message);
    const Ms now = m_service.clock().nowMs();
    const Period period = reportPeriod(p, now);
    if (!period.error.isEmpty())
        return usageError(period.error);

    EntryFilter filter;
    const format::Range range = format::days(period.first, period.last);
    filter.from = range.from;
    filter.to = range.to;
    if (auto r = applyNameFilters(p, filter); !r)
        return fail(r.error());
    if (auto r = applyTagFilter(p, filter); !r)
        return fail(r.error());
    filter.billableOnly = p.isSet(QStringLiteral("billable-only"));

    const ReportService reports(m_service);
    auto built = reports.build(filter, *by, rounding.value());
    if (!built)
        return fail(built.error());
    const Report &r = built.value();
    if (p.isSet(QStringLiteral("json")))
        return {0, QString::fromUtf8(QJsonDocument(reports.toJson(r)).toJson()), {}};
    if (p.isSet(QStringLiteral("csv")))
        return {0, reports.toCsv(r), {}};

    CommandOutput out;
    out.out = tr("%1 to %2, by %3\n")
                  .arg(period.first.toString(Qt::ISODate), period.last.toString(Qt::ISODate),
                       reportGroupingName(*by));
    if (!r.rounding.isNone())
        out.out += tr("Each entry rounded to %n minute(s) (%1).\n", nullptr, r.rounding.minutes)
                       .arg(r.rounding.name().section(QLatin1Char(':'), 1));
    if (filter.billableOnly)
        out.out += tr("Billable entries only.\n");
    int width = int(tr("Total").size());
    for (const ReportGroup &g : r.groups)
        width = std::max(width, int(g.name.size()));
    auto line = [&](const ReportGroup &g) {
        out.out +=
            QStringLiteral("%1  %2  %3 %4  %5\n")
                .arg(g.name.leftJustified(width), format::duration(g.billableMs).rightJustified(10),
                     money::formatPlain(g.costCents, r.currency).rightJustified(12), r.currency,
                     tr("%n entries", nullptr, g.entries));
    };
    for (const ReportGroup &g : r.groups)
        line(g);
    ReportGroup total = r.total;
    total.name = tr("Total");
    line(total);
    out.out += tr("Billable %1, not billable %2\n")
                   .arg(format::duration(total.billableMs - total.nonBillableMs),
                        format::duration(total.nonBillableMs));
    if (*by == ReportGrouping::Tag)
        out.out += tr("An entry with several tags counts under each of them.\n");
    return out;
}

Result<Rounding> CommandLine::roundingOption(const QCommandLineParser &p)
{
    if (!p.isSet(QStringLiteral("rounding")))
        return Rounding{};
    if (const auto parsed = Rounding::parse(p.value(QStringLiteral("rounding"))))
        return *parsed;
    return Error::invalid(tr("--rounding takes 1, 5, 6, 10, 15 or 30 minutes, optionally with "
                             ":up, :nearest or :down (15 alone rounds up), or none; not \"%1\".")
                              .arg(p.value(QStringLiteral("rounding"))));
}

CommandOutput CommandLine::exportEntries(QCommandLineParser &p)
{
    const Ms now = m_service.clock().nowMs();
    const QString file = p.value(QStringLiteral("o"));
    if (p.isSet(QStringLiteral("o")) && file.trimmed().isEmpty())
        return usageError(tr("-o takes a file name."));
    TransferFormat transfer = TransferFormat::Csv;
    if (p.isSet(QStringLiteral("format"))) {
        const auto named = transferFormatFromName(p.value(QStringLiteral("format")).trimmed());
        if (!named)
            return usageError(tr("--format takes csv, json or toggl-csv, not \"%1\".")
                                  .arg(p.value(QStringLiteral("format"))));
        transfer = *named;
    } else if (QFileInfo(file).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0) {
        transfer = TransferFormat::Json;
    }

    EntryFilter filter;
    for (const char *name : {"from", "to"}) {
        const QString key = QLatin1String(name);
        if (!p.isSet(key))
            continue;
        const QDate day = format::parseDay(p.value(key), now);
        if (!day.isValid())
            return usageError(
                tr("--%1 takes a day such as 2026-11-28, not \"%2\".").arg(key, p.value(key)));
        const format::Range range = format::days(day, day);
        if (key == QLatin1String("from"))
            filter.from = range.from;
        else
            filter.to = range.to;
    }
    if (filter.from && filter.to && *filter.from >= *filter.to)
        return usageError(tr("--from is after --to."));
    if (auto r = applyNameFilters(p, filter); !r)
        return fail(r.error());

    if (!p.isSet(QStringLiteral("o"))) {
        const auto read = ReportService(m_service).readEntries(filter);
        if (!read)
            return fail(read.error());
        return {0, QString::fromUtf8(EntryExporter(m_service).write(read.value(), transfer)), {}};
    }

    // Written as read, whole or not at all: a failed export never leaves half a file.
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return fail(Error::internal(tr("Cannot write %1: %2").arg(file, out.errorString())));
    StderrProgress progress(p, m_inApp);
    const auto written = EntryExporter(m_service).write(
        out, filter, transfer, progress.hooks(tr("Exporting to %1: %2%"), file));
    progress.done(written.ok());
    if (!written) {
        const bool unwritable = out.error() != QFileDevice::NoError;
        const QString why = out.errorString();
        out.cancelWriting();
        return fail(unwritable ? Error::internal(tr("Cannot write %1: %2").arg(file, why))
                               : written.error());
    }
    if (!out.commit())
        return fail(Error::internal(tr("Cannot write %1: %2").arg(file, out.errorString())));
    return {0,
            tr("Exported %n entries to %1 (%2).\n", nullptr, int(written.value()))
                .arg(file, transferFormatName(transfer)),
            {}};
}

CommandOutput CommandLine::importEntries(QCommandLineParser &p)
{
    const QString file = p.positionalArguments().first();
    std::optional<TransferFormat> transfer;
    if (p.isSet(QStringLiteral("format"))) {
        transfer = transferFormatFromName(p.value(QStringLiteral("format")).trimmed());
        if (!transfer)
            return usageError(tr("--format takes csv, json or toggl-csv, not \"%1\".")
                                  .arg(p.value(QStringLiteral("format"))));
    }
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return fail(Error::notFound(tr("Cannot read %1: %2").arg(file, in.errorString())));
    constexpr qint64 kMaxBytes = 256LL * 1024 * 1024;
    if (in.size() > kMaxBytes)
        return fail(Error::invalid(tr("%1 is larger than 256 MB.").arg(file)));
    // Read twice as a stream (the preview, then the write): never whole.
    if (!transfer)
        transfer = EntryImporter::detectFormat(file, in.peek(4096));
    in.close();
    if (!transfer)
        return usageError(
            tr("Cannot tell the format of %1: give --format csv, json or toggl-csv.").arg(file));

    EntryImporter importer(m_service, profile::currentUserId(m_service.database()));
    if (p.isSet(QStringLiteral("task"))) {
        // The task type of Toggl rows whose Task column names none.
        const auto type = m_service.findTaskType(p.value(QStringLiteral("task")));
        if (!type)
            return fail(type.error());
        importer.setDefaultTaskType(type->id);
    }
    StderrProgress progress(p, m_inApp);
    const ImportPlan plan =
        importer.previewFile(file, *transfer, progress.hooks(tr("Checking %1: %2%"), file));
    progress.done(plan.ok());
    if (!plan.ok())
        return {1,
                {},
                tr("studiotimer: %1 cannot be imported:\n").arg(file) +
                    importer.describe(plan, false)};
    if (p.isSet(QStringLiteral("dry-run")))
        return {0, importer.describe(plan, false) + tr("Dry run: nothing was changed.\n"), {}};
    auto written = importer.apply(plan, progress.hooks(tr("Importing %1: %2%"), file));
    progress.done(written.ok());
    if (!written)
        return fail(written.error());
    return {0, importer.describe(plan, true), {}};
}

} // namespace st
