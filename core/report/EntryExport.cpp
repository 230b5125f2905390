#include "EntryExport.h"

#include "Csv.h"
#include "ReportService.h"
#include "domain/Audit.h"
#include "domain/Format.h"
#include "domain/Money.h"
#include "timer/TimerService.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace st {

namespace {

// Hours grow past 24 ("27:00:00"), as Toggl writes long durations.
QString hms(Ms ms)
{
    const Ms seconds = std::max<Ms>(0, ms) / 1000;
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

// Names of the organisation's task types, users, rooms, projects and clients, read once per
// export.
struct EntryExporter::Names
{
    QHash<QString, TaskType> types;
    QHash<QString, QString> users;
    QHash<QString, QString> rooms;
    QHash<QString, Project> projects;
    QHash<QString, QString> clients;

    explicit Names(const TimerService &service)
    {
        for (const TaskType &t : service.taskTypes(true))
            types.insert(t.id, t);
        for (const User &u : service.users())
            users.insert(u.id, u.name);
        for (const Room &r : service.rooms(true))
            rooms.insert(r.id, r.name);
        for (const Project &p : service.projects(true))
            projects.insert(p.id, p);
        for (const Client &c : service.clients(true))
            clients.insert(c.id, c.name);
    }

    QString project(const TimeEntry &e) const { return projects.value(e.projectId).name; }
    QString client(const TimeEntry &e) const
    {
        return clients.value(projects.value(e.projectId).clientId);
    }
};

QString transferFormatName(TransferFormat format)
{
    switch (format) {
    case TransferFormat::Csv:
        return QStringLiteral("csv");
    case TransferFormat::Json:
        return QStringLiteral("json");
    case TransferFormat::TogglCsv:
        return QStringLiteral("toggl-csv");
    }
    return {};
}

std::optional<TransferFormat> transferFormatFromName(const QString &name)
{
    for (TransferFormat f : {TransferFormat::Csv, TransferFormat::Json, TransferFormat::TogglCsv}) {
        if (name.compare(transferFormatName(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    return std::nullopt;
}

namespace {

QJsonValue optionalText(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

QString exactTimeText(Ms ms)
{
    QString text = format::isoWithOffset(ms);
    const Ms fraction = ((ms % 1000) + 1000) % 1000;
    if (fraction != 0) // before the offset, always "+hh:mm" (isoWithOffset writes no "Z")
        text.insert(text.size() - 6, QStringLiteral(".%1").arg(fraction, 3, 10, QLatin1Char('0')));
    return text;
}

EntryExporter::EntryExporter(const TimerService &service)
    : m_service(service)
{}

QStringList EntryExporter::csvHeader()
{
    return {QStringLiteral("id"),       QStringLiteral("taskType"),
            QStringLiteral("user"),     QStringLiteral("room"),
            QStringLiteral("note"),     QStringLiteral("startedAt"),
            QStringLiteral("endedAt"),  QStringLiteral("durationSeconds"),
            QStringLiteral("cost"),     QStringLiteral("currency"),
            QStringLiteral("adjusted"), QStringLiteral("pausedSeconds"),
            QStringLiteral("source"),   QStringLiteral("durationMs"),
            QStringLiteral("pausedMs"), QStringLiteral("project"),
            QStringLiteral("client"),   QStringLiteral("tags"),
            QStringLiteral("billable")};
}

QStringList EntryExporter::togglHeader(const QString &currency)
{
    return {QStringLiteral("User"),       QStringLiteral("Email"),
            QStringLiteral("Client"),     QStringLiteral("Project"),
            QStringLiteral("Task"),       QStringLiteral("Description"),
            QStringLiteral("Billable"),   QStringLiteral("Start date"),
            QStringLiteral("Start time"), QStringLiteral("End date"),
            QStringLiteral("End time"),   QStringLiteral("Duration"),
            QStringLiteral("Tags"),       QStringLiteral("Amount (%1)").arg(currency)};
}

// One file written piece by piece: its start, each entry, its end. The whole-list functions and
// the streaming write() share it, so both give the same bytes.
class EntryExporter::Writer
{
public:
    Writer(const EntryExporter &exporter, TransferFormat format)
        : m_exporter(exporter)
        , m_service(exporter.m_service)
        , m_format(format)
        , m_names(exporter.m_service)
        , m_now(exporter.m_service.clock().nowMs())
        , m_currency(exporter.m_service.organization().currency)
    {}

    QByteArray begin() const
    {
        switch (m_format) {
        case TransferFormat::Csv:
            return csv::row(csvHeader()).toUtf8();
        case TransferFormat::Json:
            return "{\n    \"currency\": " + jsonText(m_currency) + ",\n    \"entries\": [\n";
        case TransferFormat::TogglCsv:
            // Toggl writes its own files with a byte order mark; spreadsheets then read UTF-8.
            return (QString(QChar(0xFEFF)) + csv::row(togglHeader(m_currency))).toUtf8();
        }
        return {};
    }

    QByteArray entry(const TimeEntry &e)
    {
        const bool first = m_first;
        m_first = false;
        switch (m_format) {
        case TransferFormat::Csv:
            return csvRow(e).toUtf8();
        case TransferFormat::Json: {
            // Indented as QJsonDocument indents it inside the file's "entries".
            QByteArray text = QJsonDocument(jsonEntry(e)).toJson(QJsonDocument::Indented);
            text.chop(1);
            text.replace('\n', "\n        ");
            return (first ? "        " : ",\n        ") + text;
        }
        case TransferFormat::TogglCsv:
            return togglRow(e).toUtf8();
        }
        return {};
    }

    QByteArray end() const
    {
        if (m_format != TransferFormat::Json)
            return {};
        return "\n    ],\n    \"exportedAt\": " + jsonText(format::isoWithOffset(m_now)) +
               ",\n    \"format\": \"studiotimer-entries\",\n    \"version\": 2\n}\n";
    }

    QString csvRow(const TimeEntry &e) const
    {
        const Ms billable = e.billableMs(m_now);
        const Ms paused = std::max<Ms>(0, e.effectiveEnd(m_now) - e.startedAt - billable);
        const qint64 cents = money::costCents(billable, e.hourlyRateCents);
        return csv::row({e.id, m_names.types.value(e.taskTypeId).name,
                         m_names.users.value(e.userId), m_names.rooms.value(e.roomId), e.note,
                         exactTimeText(e.startedAt),
                         e.endedAt ? exactTimeText(*e.endedAt) : QString(),
                         QString::number(billable / 1000), money::formatPlain(cents, m_currency),
                         m_currency, e.adjusted ? QStringLiteral("true") : QStringLiteral("false"),
                         QString::number(paused / 1000), entrySourceName(e.source),
                         QString::number(billable), QString::number(paused), m_names.project(e),
                         m_names.client(e), e.tags.join(QStringLiteral(", ")),
                         e.billable ? QStringLiteral("true") : QStringLiteral("false")});
    }

    QJsonObject jsonEntry(const TimeEntry &e) const
    {
        QJsonObject o = m_exporter.entryJson(e, m_names);
        // Only an entry changed after it was written can have a trail.
        if (e.adjusted || e.rev > 1) {
            QJsonArray trail;
            for (const AuditRecord &a : m_service.auditTrail(e.id))
                trail.append(audit::toJson(a));
            if (!trail.isEmpty())
                o.insert(QStringLiteral("audit"), trail);
        }
        return o;
    }

    QString togglRow(const TimeEntry &e) const
    {
        const TaskType type = m_names.types.value(e.taskTypeId);
        const Ms billable = e.billableMs(m_now);
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(e.startedAt);
        const QDateTime end = QDateTime::fromMSecsSinceEpoch(e.effectiveEnd(m_now));
        const bool running = !e.endedAt.has_value();
        // Toggl has no rooms: an entry's room travels as its first tag (an import takes a tag
        // naming a stored room as the room).
        QStringList tags = e.tags;
        if (const QString room = m_names.rooms.value(e.roomId); !room.isEmpty())
            tags.prepend(room);
        return csv::row(
            {m_names.users.value(e.userId), QString(), m_names.client(e), m_names.project(e),
             type.name, e.note, e.billable ? QStringLiteral("Yes") : QStringLiteral("No"),
             start.toString(QStringLiteral("yyyy-MM-dd")),
             start.toString(QStringLiteral("HH:mm:ss")),
             running ? QString() : end.toString(QStringLiteral("yyyy-MM-dd")),
             running ? QString() : end.toString(QStringLiteral("HH:mm:ss")), hms(billable),
             tags.join(QStringLiteral(", ")),
             money::formatPlain(money::costCents(billable, e.hourlyRateCents), m_currency)});
    }

private:
    static QByteArray jsonText(const QString &text)
    {
        QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
        return array.mid(1, array.size() - 2);
    }

    const EntryExporter &m_exporter;
    const TimerService &m_service;
    TransferFormat m_format;
    Names m_names;
    Ms m_now;
    QString m_currency;
    bool m_first = true;
};

QByteArray EntryExporter::write(const QList<TimeEntry> &entries, TransferFormat format) const
{
    Writer writer(*this, format);
    QByteArray bytes = writer.begin();
    for (const TimeEntry &e : entries)
        bytes += writer.entry(e);
    return bytes + writer.end();
}

Result<qsizetype> EntryExporter::write(QIODevice &out, const EntryFilter &filter,
                                       TransferFormat format,
                                       const TransferProgress &progress) const
{
    Writer writer(*this, format);
    const qint64 total = progress.report ? m_service.count(filter) : 0;
    QByteArray chunk = writer.begin();
    qsizetype written = 0;
    bool failed = false, cancelled = false;
    const auto flush = [&](qsizetype atLeast) {
        if (chunk.size() < atLeast)
            return;
        failed = failed || out.write(chunk) != chunk.size();
        chunk.clear();
    };
    auto read = ReportService(m_service).forEachEntry(filter, [&](const TimeEntry &e) {
        if (progress.cancelled()) {
            cancelled = true;
            return false;
        }
        chunk += writer.entry(e);
        if (++written % 1000 == 0 && progress.report)
            progress.report(total > 0 ? int(std::min<qint64>(99, written * 100 / total)) : 0,
                            written);
        flush(1 << 20);
        return !failed;
    });
    if (!read)
        return read.error();
    if (cancelled)
        return Error::invalid(tr("Cancelled: nothing was exported."));
    chunk += writer.end();
    flush(0);
    if (failed)
        return Error::internal(out.errorString());
    return written;
}

QString EntryExporter::csv(const QList<TimeEntry> &entries) const
{
    return QString::fromUtf8(write(entries, TransferFormat::Csv));
}

QJsonObject EntryExporter::entryJson(const TimeEntry &e) const
{
    return entryJson(e, Names(m_service));
}

QJsonObject EntryExporter::entryJson(const TimeEntry &e, const Names &names) const
{
    const Ms now = m_service.clock().nowMs();
    const auto type = m_service.taskType(e.taskTypeId);
    const auto user = m_service.user(e.userId);
    const auto room = e.roomId.isEmpty() ? std::nullopt : m_service.room(e.roomId);
    const Ms billable = e.billableMs(now);
    const Ms paused = std::max<Ms>(0, e.effectiveEnd(now) - e.startedAt - billable);
    return QJsonObject{
        {QStringLiteral("id"), e.id},
        {QStringLiteral("taskType"), type ? type->name : QString()},
        {QStringLiteral("taskTypeId"), e.taskTypeId},
        {QStringLiteral("user"), user ? user->name : QString()},
        {QStringLiteral("userId"), e.userId},
        {QStringLiteral("room"), room ? QJsonValue(room->name) : QJsonValue()},
        {QStringLiteral("roomId"), e.roomId.isEmpty() ? QJsonValue() : QJsonValue(e.roomId)},
        {QStringLiteral("note"), e.note},
        {QStringLiteral("startedAt"), exactTimeText(e.startedAt)},
        {QStringLiteral("endedAt"),
         e.endedAt ? QJsonValue(exactTimeText(*e.endedAt)) : QJsonValue()},
        {QStringLiteral("paused"), e.isPaused()},
        {QStringLiteral("durationSeconds"), double(billable / 1000)},
        {QStringLiteral("pausedSeconds"), double(paused / 1000)},
        {QStringLiteral("durationMs"), double(billable)},
        {QStringLiteral("pausedMs"), double(paused)},
        {QStringLiteral("hourlyRateCents"), double(e.hourlyRateCents)},
        {QStringLiteral("costCents"), double(money::costCents(billable, e.hourlyRateCents))},
        {QStringLiteral("currency"), m_service.organization().currency},
        {QStringLiteral("source"), entrySourceName(e.source)},
        {QStringLiteral("adjusted"), e.adjusted},
        {QStringLiteral("project"), optionalText(names.project(e))},
        {QStringLiteral("projectId"), optionalText(e.projectId)},
        {QStringLiteral("client"), optionalText(names.client(e))},
        {QStringLiteral("clientId"), optionalText(names.projects.value(e.projectId).clientId)},
        {QStringLiteral("tags"), QJsonArray::fromStringList(e.tags)},
        {QStringLiteral("billable"), e.billable},
    };
}

QByteArray EntryExporter::json(const QList<TimeEntry> &entries) const
{
    return write(entries, TransferFormat::Json);
}

QString EntryExporter::togglCsv(const QList<TimeEntry> &entries) const
{
    return QString::fromUtf8(write(entries, TransferFormat::TogglCsv));
}

} // namespace st
