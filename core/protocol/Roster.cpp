#include "Roster.h"

#include "Attribution.h"
#include "Fields.h"
#include "Requests.h"

#include <QCoreApplication>

namespace st::protocol {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::protocol)
};

std::optional<RosterKind> readKind(Reader &r)
{
    const QString text = r.text("kind", true, 16);
    const std::optional<RosterKind> kind = roster::kindFrom(text);
    if (r.ok() && !kind)
        r.fail("kind", Tr::tr("must be \"room\" or \"user\""));
    return kind;
}

QString readAction(Reader &r)
{
    const QString action = r.text("action", true, 16);
    if (r.ok() && !roster::isAction(action))
        r.fail("action", Tr::tr("must be rename, archive, unarchive or merge"));
    return action;
}

} // namespace

QJsonObject encodeRoster(const RosterRecord &r)
{
    QJsonObject o{{QStringLiteral("id"), r.id},
                  {QStringLiteral("kind"), roster::kindName(r.kind)},
                  {QStringLiteral("action"), r.action},
                  {QStringLiteral("itemId"), r.itemId},
                  {QStringLiteral("itemName"), r.itemName},
                  {QStringLiteral("targetId"), r.targetId},
                  {QStringLiteral("targetName"), r.targetName},
                  {QStringLiteral("entries"), r.entries},
                  {QStringLiteral("at"), double(r.at)}};
    putAttribution(o, {r.actorId, r.actorName, r.deviceId, r.deviceName});
    return o;
}

Result<RosterRecord> decodeRoster(const QJsonObject &object, const QString &context)
{
    Reader r(object, context);
    RosterRecord record;
    record.id = r.id("id");
    record.kind = readKind(r).value_or(RosterKind::Room);
    record.action = readAction(r);
    record.itemId = r.id("itemId");
    record.itemName = r.text("itemName", false, validate::kMaxNameLength);
    record.targetId = r.id("targetId");
    record.targetName = r.text("targetName", false, validate::kMaxNameLength);
    record.entries = int(r.integer("entries").value_or(0));
    record.at = r.time("at", true).value_or(0);
    if (r.ok() && record.entries < 0)
        r.fail("entries", Tr::tr("must not be negative"));
    const Result<Attribution> who = readAttribution(r, context);
    if (!who)
        return who.error();
    record.actorId = who->actorId;
    record.actorName = who->actorName;
    record.deviceId = who->deviceId;
    record.deviceName = who->deviceName;
    return record;
}

QJsonObject encodeRosterEdit(const RosterEdit &e)
{
    QJsonObject o{{QStringLiteral("kind"), roster::kindName(e.kind)},
                  {QStringLiteral("action"), e.action},
                  {QStringLiteral("id"), e.id}};
    if (e.action == QLatin1String("rename"))
        o.insert(QStringLiteral("name"), e.name);
    if (e.action == QLatin1String("merge"))
        o.insert(QStringLiteral("intoId"), e.intoId);
    if (!e.auditId.isEmpty())
        o.insert(QStringLiteral("auditId"), e.auditId);
    return o;
}

void readRosterEdit(Reader &f, RosterEdit &e)
{
    e.kind = readKind(f).value_or(RosterKind::Room);
    e.action = readAction(f);
    e.id = f.id("id");
    e.auditId = f.id("auditId", false);
    if (!f.ok())
        return;
    if (e.action == QLatin1String("rename"))
        e.name = f.text("name", true, validate::kMaxNameLength);
    if (e.action == QLatin1String("merge"))
        e.intoId = f.id("intoId");
}

} // namespace st::protocol
