#include "Locks.h"

#include "Fields.h"
#include "domain/Types.h"

#include <QCoreApplication>

namespace st::protocol {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::protocol)
};

std::optional<QDate> readDay(Reader &r, const char *key)
{
    const std::optional<QString> text = r.optionalText(key, 10);
    if (!text || text->isEmpty())
        return std::nullopt;
    const QDate day = QDate::fromString(*text, Qt::ISODate);
    if (!day.isValid()) {
        r.fail(key, Tr::tr("must be a day such as 2026-10-31"));
        return std::nullopt;
    }
    return day;
}

} // namespace

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
    record.until = readDay(r, "untilDay");
    record.previous = readDay(r, "previousDay");
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
