// EntryImporter: the format of a file, the preview, the apply and its description. Reading the
// formats: EntryImportFormats.cpp; resolving rows into a plan: EntryImportResolve.cpp.

#include "EntryImport.h"
#include "EntryImportDetail.h"

#include "domain/Format.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace st {

int ImportPlan::count(ImportRow::Action action) const
{
    return counts.at(size_t(action));
}

EntryImporter::EntryImporter(TimerService &service, QString defaultUserId)
    : m_service(service)
    , m_defaultUserId(std::move(defaultUserId))
{}

std::optional<TransferFormat> EntryImporter::detectFormat(const QString &fileName,
                                                          const QByteArray &data)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("json"))
        return TransferFormat::Json;
    const QByteArray start = data.left(4096).trimmed();
    if (start.startsWith('{') || start.startsWith('['))
        return TransferFormat::Json;
    const qsizetype eol = start.indexOf('\n');
    const QByteArray header = eol < 0 ? start : start.left(eol);
    if (header.contains("Start date") && header.contains("Project"))
        return TransferFormat::TogglCsv;
    if (header.contains("startedAt"))
        return TransferFormat::Csv;
    if (suffix == QLatin1String("csv"))
        return TransferFormat::Csv;
    return std::nullopt;
}

QString EntryImporter::cancelledMessage()
{
    return tr("Cancelled: nothing was imported.");
}

QString EntryImporter::changedMessage()
{
    return tr("The file changed after its preview; nothing was imported.");
}

ImportPlan EntryImporter::preview(const QByteArray &data, TransferFormat format,
                                  const TransferProgress &progress) const
{
    ImportPlan plan;
    plan.format = format;
    plan.data = data;
    QBuffer in;
    in.setData(data);
    in.open(QIODevice::ReadOnly);
    scan(in, plan, progress);
    return plan;
}

ImportPlan EntryImporter::previewFile(const QString &path, TransferFormat format,
                                      const TransferProgress &progress) const
{
    ImportPlan plan;
    plan.format = format;
    plan.path = path;
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        plan.errors << ImportIssue{0, tr("Cannot read %1: %2").arg(path, in.errorString())};
        return plan;
    }
    const QFileInfo info(in);
    plan.size = info.size();
    plan.modified = info.lastModified();
    scan(in, plan, progress);
    return plan;
}

Result<qsizetype> EntryImporter::apply(const ImportPlan &plan, const TransferProgress &progress)
{
    if (!plan.ok())
        return Error::invalid(tr("The file has %n bad row(s); nothing was imported.", nullptr,
                                 int(plan.errors.size())));
    if (plan.count(ImportRow::Action::Create) == 0 || !plan.actions)
        return qsizetype(0);
    // The rows are read again: the file must be the one previewed.
    QBuffer buffer;
    QFile file;
    QIODevice *in = &buffer;
    if (plan.path.isEmpty()) {
        buffer.setData(plan.data);
        buffer.open(QIODevice::ReadOnly);
    } else {
        file.setFileName(plan.path);
        const QFileInfo info(plan.path);
        if (!file.open(QIODevice::ReadOnly) || info.size() != plan.size ||
            info.lastModified() != plan.modified)
            return Error::conflict(changedMessage());
        in = &file;
    }
    RowReader reader(*in, plan.format, m_service.clock().nowMs());
    Resolver resolver(*this, &plan);
    const std::vector<quint8> &actions = *plan.actions;
    size_t ordinal = 0;
    std::vector<int> lines; // of the entries handed to the batch, for a refusal's message
    const ManualBatchSource next = [&]() -> Result<std::optional<ManualBatchItem>> {
        for (;;) {
            if (progress.cancelled())
                return Error::invalid(cancelledMessage());
            auto raw = reader.next();
            if (!raw) {
                if (reader.error() || ordinal != actions.size())
                    return Error::conflict(changedMessage());
                return std::optional<ManualBatchItem>();
            }
            if (ordinal >= actions.size())
                return Error::conflict(changedMessage());
            const quint8 action = actions[ordinal++];
            if (progress.report && ordinal % 1000 == 0)
                progress.report(int(ordinal * 100 / actions.size()), qint64(ordinal));
            if (action != quint8(ImportRow::Action::Create))
                continue;
            ImportRow row;
            QString error;
            if (!resolver.resolve(*raw, row, &error) || row.action != ImportRow::Action::Create)
                return Error::conflict(changedMessage());
            lines.push_back(raw->line);
            return std::optional<ManualBatchItem>(
                ManualBatchItem{std::move(row.entry), row.adjusted, std::move(row.audit)});
        }
    };
    int failed = -1;
    auto written = m_service.addManualStream(
        {plan.newUsers, plan.newRooms, plan.newClients, plan.newProjects}, next, &failed);
    if (!written) {
        Error error = written.error();
        if (failed >= 0 && size_t(failed) < lines.size())
            error.message = tr("%1 %2: %3; nothing was imported.")
                                .arg(plan.format == TransferFormat::Json ? tr("Entry") : tr("Line"))
                                .arg(lines.at(size_t(failed)))
                                .arg(error.message);
        return error;
    }
    return written;
}

QString EntryImporter::describe(const ImportPlan &plan, bool done) const
{
    QString text;
    if (!plan.ok()) {
        for (const ImportIssue &issue : plan.errors)
            text += issue.message + QLatin1Char('\n');
        text += tr("Nothing was imported: the file has %n bad row(s).\n", nullptr,
                   int(plan.errors.size()));
        return text;
    }
    const QString where = plan.format == TransferFormat::Json ? tr("entry") : tr("line");
    // A long file is summed up after its first rows: nobody reads a million lines.
    const qsizetype listed = std::min<qsizetype>(plan.rows.size(), kListedRows);
    for (qsizetype i = 0; i < listed; ++i) {
        const ImportRow &row = plan.rows.at(i);
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(row.entry.startedAt);
        QString what = tr("%1 %2, %3")
                           .arg(row.taskTypeName,
                                start.toString(QStringLiteral("yyyy-MM-dd HH:mm")), row.userName);
        if (row.action == ImportRow::Action::Create) {
            const QDateTime end = QDateTime::fromMSecsSinceEpoch(row.entry.endedAt);
            what = tr("%1 %2–%3 (%4), %5")
                       .arg(row.taskTypeName, start.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                            end.toString(QStringLiteral("HH:mm")),
                            format::duration(row.entry.endedAt - row.entry.startedAt -
                                             row.entry.pausedMs),
                            row.userName);
            if (!row.roomName.isEmpty())
                what += tr(" in %1").arg(row.roomName);
            if (!row.projectName.isEmpty())
                what += tr(", project %1")
                            .arg(row.clientName.isEmpty()
                                     ? row.projectName
                                     : row.clientName + QStringLiteral(" / ") + row.projectName);
            if (!row.entry.tags.isEmpty())
                what += QStringLiteral(" #") + row.entry.tags.join(QStringLiteral(" #"));
            if (!row.entry.billable)
                what += tr(" (not billable)");
            text += tr("  + %1 %2: %3\n").arg(where).arg(row.line).arg(what);
        } else if (row.action == ImportRow::Action::Duplicate) {
            const QString of =
                isValidId(row.duplicateOf) ? row.duplicateOf.left(8) : row.duplicateOf;
            text += tr("  = %1 %2: %3 is already there (%4): skipped\n")
                        .arg(where)
                        .arg(row.line)
                        .arg(what, of);
        } else {
            text += tr("  ~ %1 %2: %3 has no end (a running timer): skipped\n")
                        .arg(where)
                        .arg(row.line)
                        .arg(what);
        }
    }
    if (plan.rowCount > listed)
        text += tr("  … and %n more row(s)\n", nullptr, int(plan.rowCount - listed));
    // What the import makes, one line a kind ("New people: Aisha Patel, Ben Okafor").
    const auto made = [&text](const QString &line, const auto &items) {
        QStringList names;
        for (const auto &item : items)
            names << item.name;
        if (!names.isEmpty())
            text += line.arg(names.join(QStringLiteral(", ")));
    };
    made(tr("New people: %1\n"), plan.newUsers);
    made(tr("New rooms: %1\n"), plan.newRooms);
    made(tr("New clients: %1\n"), plan.newClients);
    made(tr("New projects: %1\n"), plan.newProjects);
    const int created = plan.count(ImportRow::Action::Create);
    const int skipped = int(plan.rowCount) - created;
    text += (done ? tr("Imported %n entries", nullptr, created)
                  : tr("Would import %n entries", nullptr, created)) +
            tr(", skipped %n.\n", nullptr, skipped);
    return text;
}

} // namespace st
