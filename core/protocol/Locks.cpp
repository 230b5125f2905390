#include "Locks.h"

#include "Fields.h"
#include "domain/Types.h"

namespace st::protocol {

QJsonValue dayOrNull(const std::optional<QDate> &day)
{
    return day ? QJsonValue(day->toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject encodeLock(const LockRecord &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("untilDay"), dayOrNull(r.until)},
            {QStringLiteral("previousDay"), dayOrNull(r.previous)},
            {QStringLiteral("at"), double(r.at)},
            {QStringLiteral("user"),
             QJsonObject{{QStringLiteral("id"), r.actorId}, {QStringLiteral("name"), r.actorName}}},
            {QStringLiteral("device"), QJsonObject{{QStringLiteral("id"), r.deviceId},
                                                   {QStringLiteral("name"), r.deviceName}}}};
}

Result<LockRecord> decodeLock(const QJsonObject &object, const QString &context)
{
    Reader r(object, context);
    LockRecord record;
    record.id = r.id("id");
    record.until = r.day("untilDay");
    record.previous = r.day("previousDay");
    record.at = r.time("at", true).value_or(0);
    const std::optional<QJsonObject> user = r.optionalObject("user");
    const std::optional<QJsonObject> device = r.optionalObject("device");
    if (!r.ok())
        return r.error();
    if (user) {
        Reader u(*user, context + QStringLiteral(".user"));
        record.actorId = u.id("id", false);
        record.actorName = u.text("name", false, validate::kMaxNameLength);
        if (!u.ok())
            return u.error();
    }
    if (device) {
        Reader d(*device, context + QStringLiteral(".device"));
        record.deviceId = d.text("id", false, 128);
        record.deviceName = d.text("name", false, 128);
        if (!d.ok())
            return d.error();
    }
    return record;
}

} // namespace st::protocol
