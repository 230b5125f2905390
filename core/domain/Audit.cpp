#include "Audit.h"

#include "Types.h"

#include <QDateTime>
#include <QJsonArray>

namespace st::audit {

namespace {

QJsonValue msOrNull(const std::optional<Ms> &ms)
{
    return ms ? QJsonValue(double(*ms)) : QJsonValue();
}

QJsonObject idAndName(const QString &id, const QString &name)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}};
}

} // namespace

QJsonObject entryState(const TimeEntry &e)
{
    QJsonObject state{
        {QStringLiteral("startedAt"), double(e.startedAt)},
        {QStringLiteral("endedAt"), msOrNull(e.endedAt)},
        {QStringLiteral("taskTypeId"), e.taskTypeId},
        {QStringLiteral("roomId"), e.roomId.isEmpty() ? QJsonValue() : QJsonValue(e.roomId)},
        {QStringLiteral("note"), e.note},
        {QStringLiteral("deleted"), e.deleted},
    };
    // Only when set: the trail of an entry without them reads as before projects existed.
    if (!e.projectId.isEmpty())
        state.insert(QStringLiteral("projectId"), e.projectId);
    if (!e.tags.isEmpty())
        state.insert(QStringLiteral("tags"), QJsonArray::fromStringList(e.tags));
    if (!e.billable)
        state.insert(QStringLiteral("billable"), false);
    return state;
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject toJson(const AuditRecord &row)
{
    return {
        {QStringLiteral("at"), isoTime(row.at)},
        {QStringLiteral("user"), idAndName(row.actorId, row.actorName)},
        {QStringLiteral("device"), idAndName(row.deviceId, row.deviceName)},
        {QStringLiteral("reason"), row.reason},
        {QStringLiteral("before"), row.before},
        {QStringLiteral("after"), row.after},
    };
}

QJsonObject toWire(const AuditRecord &row)
{
    QJsonObject o = toJson(row);
    o.insert(QStringLiteral("id"), row.id);
    o.insert(QStringLiteral("entryId"), row.entryId);
    o.insert(QStringLiteral("action"), row.action);
    return o;
}

std::optional<AuditRecord> fromWire(const QJsonObject &o)
{
    AuditRecord row;
    row.id = o.value(QStringLiteral("id")).toString();
    row.entryId = o.value(QStringLiteral("entryId")).toString();
    const QDateTime at =
        QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
    if (!isValidId(row.id) || !isValidId(row.entryId) || !at.isValid())
        return std::nullopt;
    row.at = at.toMSecsSinceEpoch();
    const QJsonObject user = o.value(QStringLiteral("user")).toObject();
    row.actorId = user.value(QStringLiteral("id")).toString();
    row.actorName = user.value(QStringLiteral("name")).toString();
    const QJsonObject device = o.value(QStringLiteral("device")).toObject();
    row.deviceId = device.value(QStringLiteral("id")).toString();
    row.deviceName = device.value(QStringLiteral("name")).toString();
    row.action = o.value(QStringLiteral("action")).toString();
    row.before = o.value(QStringLiteral("before")).toObject();
    row.after = o.value(QStringLiteral("after")).toObject();
    row.reason = o.value(QStringLiteral("reason")).toString();
    return row;
}

QJsonArray toWire(const QList<AuditRecord> &rows)
{
    QJsonArray out;
    for (const AuditRecord &row : rows)
        out.append(toWire(row));
    return out;
}

QList<AuditRecord> fromWire(const QJsonArray &rows)
{
    QList<AuditRecord> out;
    for (const QJsonValue &v : rows) {
        if (auto row = fromWire(v.toObject()))
            out.append(*row);
    }
    return out;
}

} // namespace st::audit
