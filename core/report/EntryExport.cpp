#include "EntryExport.h"

#include "Csv.h"
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

// Names of the organisation's task types, users and rooms, read once per export.
struct Names
{
    QHash<QString, TaskType> types;
    QHash<QString, QString> users;
    QHash<QString, QString> rooms;

    explicit Names(const TimerService &service)
    {
        for (const TaskType &t : service.taskTypes(true))
            types.insert(t.id, t);
        for (const User &u : service.users())
            users.insert(u.id, u.name);
        for (const Room &r : service.rooms(true))
            rooms.insert(r.id, r.name);
    }
};

} // namespace

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
            QStringLiteral("pausedMs")};
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

QByteArray EntryExporter::write(const QList<TimeEntry> &entries, TransferFormat format) const
{
    switch (format) {
    case TransferFormat::Csv:
        return csv(entries).toUtf8();
    case TransferFormat::Json:
        return json(entries);
    case TransferFormat::TogglCsv:
        return togglCsv(entries).toUtf8();
    }
    return {};
}

QString EntryExporter::csv(const QList<TimeEntry> &entries) const
{
    const Names names(m_service);
    const Ms now = m_service.clock().nowMs();
    const QString currency = m_service.organization().currency;
    QString text = csv::row(csvHeader());
    for (const TimeEntry &e : entries) {
        const Ms billable = e.billableMs(now);
        const Ms paused = std::max<Ms>(0, e.effectiveEnd(now) - e.startedAt - billable);
        const qint64 cents = money::costCents(billable, e.hourlyRateCents);
        text += csv::row({e.id, names.types.value(e.taskTypeId).name, names.users.value(e.userId),
                          names.rooms.value(e.roomId), e.note, exactTimeText(e.startedAt),
                          e.endedAt ? exactTimeText(*e.endedAt) : QString(),
                          QString::number(billable / 1000), money::formatPlain(cents, currency),
                          currency, e.adjusted ? QStringLiteral("true") : QStringLiteral("false"),
                          QString::number(paused / 1000), entrySourceName(e.source),
                          QString::number(billable), QString::number(paused)});
    }
    return text;
}

QJsonObject EntryExporter::entryJson(const TimeEntry &e) const
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
    };
}

QByteArray EntryExporter::json(const QList<TimeEntry> &entries) const
{
    QJsonArray array;
    for (const TimeEntry &e : entries) {
        QJsonObject o = entryJson(e);
        // Only an entry changed after it was written can have a trail.
        if (e.adjusted || e.rev > 1) {
            QJsonArray trail;
            for (const AuditRecord &a : m_service.auditTrail(e.id))
                trail.append(audit::toJson(a));
            if (!trail.isEmpty())
                o.insert(QStringLiteral("audit"), trail);
        }
        array.append(o);
    }
    const QJsonObject doc{
        {QStringLiteral("format"), QStringLiteral("studiotimer-entries")},
        {QStringLiteral("version"), 2},
        {QStringLiteral("exportedAt"), format::isoWithOffset(m_service.clock().nowMs())},
        {QStringLiteral("currency"), m_service.organization().currency},
        {QStringLiteral("entries"), array}};
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

QString EntryExporter::togglCsv(const QList<TimeEntry> &entries) const
{
    const Names names(m_service);
    const Ms now = m_service.clock().nowMs();
    const QString currency = m_service.organization().currency;
    // Toggl writes its own files with a byte order mark; spreadsheets then read UTF-8 right.
    QString text = QString(QChar(0xFEFF)) + csv::row(togglHeader(currency));
    for (const TimeEntry &e : entries) {
        const TaskType type = names.types.value(e.taskTypeId);
        const Ms billable = e.billableMs(now);
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(e.startedAt);
        const QDateTime end = QDateTime::fromMSecsSinceEpoch(e.effectiveEnd(now));
        const bool running = !e.endedAt.has_value();
        text +=
            csv::row({names.users.value(e.userId), QString(), QString(), type.name, QString(),
                      e.note, type.billable ? QStringLiteral("Yes") : QStringLiteral("No"),
                      start.toString(QStringLiteral("yyyy-MM-dd")),
                      start.toString(QStringLiteral("HH:mm:ss")),
                      running ? QString() : end.toString(QStringLiteral("yyyy-MM-dd")),
                      running ? QString() : end.toString(QStringLiteral("HH:mm:ss")), hms(billable),
                      names.rooms.value(e.roomId),
                      money::formatPlain(money::costCents(billable, e.hourlyRateCents), currency)});
    }
    return text;
}

} // namespace st
