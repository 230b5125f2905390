#include "Locks.h"

#include "Attribution.h"
#include "Fields.h"
#include "domain/Types.h"

namespace st::protocol {

QJsonValue dayOrNull(const std::optional<QDate> &day)
{
    return day ? QJsonValue(day->toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject encodeLock(const LockRecord &r)
{
    QJsonObject o{{QStringLiteral("id"), r.id},
                  {QStringLiteral("untilDay"), dayOrNull(r.until)},
                  {QStringLiteral("previousDay"), dayOrNull(r.previous)},
                  {QStringLiteral("at"), double(r.at)}};
    putAttribution(o, {r.actorId, r.actorName, r.deviceId, r.deviceName});
    return o;
}

Result<LockRecord> decodeLock(const QJsonObject &object, const QString &context)
{
    Reader r(object, context);
    LockRecord record;
    record.id = r.id("id");
    record.until = r.day("untilDay");
    record.previous = r.day("previousDay");
    record.at = r.time("at", true).value_or(0);
    const Result<Attribution> who = readAttribution(r, context);
    if (!who)
        return who.error();
    record.actorId = who->actorId;
    record.actorName = who->actorName;
    record.deviceId = who->deviceId;
    record.deviceName = who->deviceName;
    return record;
}

} // namespace st::protocol
