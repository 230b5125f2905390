// EntryImporter: the format of a file, the preview, the apply and its description. Reading the
// formats: EntryImportFormats.cpp; resolving rows into a plan: EntryImportResolve.cpp.

#include "EntryImport.h"
#include "EntryImportDetail.h"

#include "domain/Format.h"

#include <QDateTime>
#include <QFileInfo>
#include <QStringDecoder>

#include <algorithm>

namespace st {

namespace {

QString decode(const QByteArray &data, bool *ok)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(data);
    *ok = !decoder.hasError();
    return text;
}

} // namespace

int ImportPlan::count(ImportRow::Action action) const
{
    return int(std::count_if(rows.cbegin(), rows.cend(),
                             [action](const ImportRow &r) { return r.action == action; }));
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

ImportPlan EntryImporter::preview(const QByteArray &data, TransferFormat format) const
{
    ImportPlan plan;
    plan.format = format;
    QList<Raw> raws;
    if (format == TransferFormat::Json) {
        raws = readJson(data, plan);
    } else {
        bool ok = false;
        const QString text = decode(data, &ok);
        if (!ok) {
            plan.errors << ImportIssue{0, tr("The file is not UTF-8 text.")};
            return plan;
        }
        raws = format == TransferFormat::Csv ? readCsv(text, plan) : readToggl(text, plan);
    }
    if (plan.ok())
        resolve(raws, plan);
    return plan;
}

Result<QList<TimeEntry>> EntryImporter::apply(const ImportPlan &plan)
{
    if (!plan.ok())
        return Error::invalid(tr("The file has %n bad row(s); nothing was imported.", nullptr,
                                 int(plan.errors.size())));
    ManualBatch batch;
    batch.newUsers = plan.newUsers;
    batch.newRooms = plan.newRooms;
    QList<int> lines;
    for (const ImportRow &row : plan.rows) {
        if (row.action != ImportRow::Action::Create)
            continue;
        if (row.adjusted)
            batch.adjusted.insert(int(batch.entries.size()));
        if (!row.audit.isEmpty())
            batch.audit.insert(int(batch.entries.size()), row.audit);
        batch.entries << row.entry;
        lines << row.line;
    }
    if (batch.entries.isEmpty())
        return QList<TimeEntry>{};
    int failed = -1;
    auto written = m_service.addManualBatch(batch, &failed);
    if (!written) {
        Error error = written.error();
        if (failed >= 0 && failed < lines.size())
            error.message = tr("%1 %2: %3; nothing was imported.")
                                .arg(plan.format == TransferFormat::Json ? tr("Entry") : tr("Line"))
                                .arg(lines.at(failed))
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
    if (plan.rows.size() > listed)
        text += tr("  … and %n more row(s)\n", nullptr, int(plan.rows.size() - listed));
    QStringList names;
    for (const User &u : plan.newUsers)
        names << u.name;
    if (!names.isEmpty())
        text += tr("New people: %1\n").arg(names.join(QStringLiteral(", ")));
    names.clear();
    for (const Room &r : plan.newRooms)
        names << r.name;
    if (!names.isEmpty())
        text += tr("New rooms: %1\n").arg(names.join(QStringLiteral(", ")));
    const int created = plan.count(ImportRow::Action::Create);
    const int skipped = int(plan.rows.size()) - created;
    text += (done ? tr("Imported %n entries", nullptr, created)
                  : tr("Would import %n entries", nullptr, created)) +
            tr(", skipped %n.\n", nullptr, skipped);
    return text;
}

} // namespace st
