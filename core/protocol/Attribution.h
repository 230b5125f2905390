#pragma once

#include "Fields.h"

#include <QJsonObject>

// Who made an audited change and from which device, as a trail row on the wire says it
// (Locks.cpp, Roster.cpp): "user": {id, name}, "device": {id, name}, each optional.
namespace st::protocol {

struct Attribution
{
    QString actorId;
    QString actorName;
    QString deviceId;
    QString deviceName;
};

inline void putAttribution(QJsonObject &o, const Attribution &a)
{
    o.insert(QStringLiteral("user"),
             QJsonObject{{QStringLiteral("id"), a.actorId}, {QStringLiteral("name"), a.actorName}});
    o.insert(QStringLiteral("device"), QJsonObject{{QStringLiteral("id"), a.deviceId},
                                                   {QStringLiteral("name"), a.deviceName}});
}

// Reads them from the holder r (context names it in an error).
inline Result<Attribution> readAttribution(Reader &r, const QString &context)
{
    const std::optional<QJsonObject> user = r.optionalObject("user");
    const std::optional<QJsonObject> device = r.optionalObject("device");
    if (!r.ok())
        return r.error();
    Attribution a;
    if (user) {
        Reader u(*user, context + QStringLiteral(".user"));
        a.actorId = u.id("id", false);
        a.actorName = u.text("name", false, validate::kMaxNameLength);
        if (!u.ok())
            return u.error();
    }
    if (device) {
        Reader d(*device, context + QStringLiteral(".device"));
        a.deviceId = d.text("id", false, 128);
        a.deviceName = d.text("name", false, 128);
        if (!d.ok())
            return d.error();
    }
    return a;
}

} // namespace st::protocol
