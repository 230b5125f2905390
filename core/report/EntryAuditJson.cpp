#include "EntryAuditJson.h"

#include "domain/Format.h"
#include "domain/Json.h"

#include <QCoreApplication>

namespace st::audit_json {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::EntryImporter)
};

QString derivedAction(const QJsonObject &before, const QJsonObject &after)
{
    const bool was = before.value(QStringLiteral("deleted")).toBool();
    const bool is = after.value(QStringLiteral("deleted")).toBool();
    if (!was && is)
        return QStringLiteral("delete");
    if (was && !is)
        return QStringLiteral("restore");
    return QStringLiteral("adjust");
}

} // namespace

std::optional<AuditRecord> read(const QJsonObject &o, QString *error)
{
    AuditRecord a;
    const QJsonValue at = o.value(QStringLiteral("at"));
    std::optional<Ms> when;
    if (at.isDouble())
        when = json::wholeNumber(at);
    else if (at.isString())
        when = format::parseWhen(at.toString(), 0);
    if (!when || *when < validate::kMinTime || *when > validate::kMaxTime) {
        *error = Tr::tr("an audit row's \"at\" is not a time such as "
                        "\"2026-11-28T09:30:00+01:00\".");
        return std::nullopt;
    }
    // user is {id, name} (history --json's shape); a name alone is taken too.
    const QJsonValue userValue = o.value(QStringLiteral("user"));
    const QJsonValue user =
        userValue.isObject() ? userValue.toObject().value(QStringLiteral("name")) : userValue;
    const QJsonValue reason = o.value(QStringLiteral("reason"));
    const QJsonValue before = o.value(QStringLiteral("before"));
    const QJsonValue after = o.value(QStringLiteral("after"));
    if (!user.isString() || !reason.isString() || !before.isObject() || !after.isObject()) {
        *error = Tr::tr("an audit row needs \"user\" and \"reason\" as text and \"before\" and "
                        "\"after\" as objects.");
        return std::nullopt;
    }
    a.at = *when;
    a.actorName = user.toString();
    a.reason = reason.toString();
    const QJsonObject device = o.value(QStringLiteral("device")).toObject();
    a.deviceId = device.value(QStringLiteral("id")).toString();
    a.deviceName = device.value(QStringLiteral("name")).toString();
    a.before = before.toObject();
    a.after = after.toObject();
    a.action = derivedAction(a.before, a.after);
    return a;
}

} // namespace st::audit_json
