#include "Answers.h"

#include "Catalog.h"
#include "Fields.h"
#include "Locks.h"
#include "domain/Json.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace st::protocol {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::protocol)
};

const QString kConnect = QStringLiteral("CONNECT");
const QString kUnauthorized = QStringLiteral("unauthorized");
const QString kUnavailable = QStringLiteral("unavailable");
const QString kInvalidHandshake = QStringLiteral("invalid handshake");
const QString kUnsupportedProtocol = QStringLiteral("unsupported_protocol");
const QString kOverLimit = QStringLiteral("over_limit");

} // namespace

// ---- CONNECT -----------------------------------------------------------------------------------

QJsonObject encode(const ConnectAuth &auth)
{
    return {{QStringLiteral("token"), auth.token},
            {QStringLiteral("deviceId"), auth.deviceId},
            {QStringLiteral("deviceName"), auth.deviceName},
            {QStringLiteral("since"), double(auth.since)},
            {QStringLiteral("protocol"), auth.protocol}};
}

Result<ConnectAuth> decodeConnectAuth(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    Reader f(object, kConnect);
    ConnectAuth auth;
    auth.token = connectToken(value);
    auth.deviceId = f.text("deviceId", true, kMaxDeviceFieldLength);
    auth.deviceName = f.text("deviceName", false, kMaxDeviceFieldLength).trimmed();
    if (f.ok() && auth.deviceId.isEmpty())
        f.fail("deviceId", Tr::tr("must not be empty"));
    auth.protocol = int(f.integer("protocol").value_or(kVersion));
    // since is only logged: a value that is not a number reads as 0.
    auth.since = json::wholeNumber(object.value(QStringLiteral("since"))).value_or(0);
    if (!f.ok())
        return f.error();
    return auth;
}

QString connectToken(const QJsonValue &auth)
{
    return auth.toObject().value(QStringLiteral("token")).toString();
}

QJsonObject encode(const ConnectAnswer &answer)
{
    QJsonObject o{{QStringLiteral("sid"), answer.sid},
                  {QStringLiteral("orgId"), answer.orgId},
                  {QStringLiteral("orgName"), answer.orgName},
                  {QStringLiteral("serverTime"), double(answer.serverTime)},
                  {QStringLiteral("head"), double(answer.head)},
                  {QStringLiteral("protocol"), answer.protocol}};
    if (answer.presence)
        o.insert(QStringLiteral("presence"), encodeDevices(*answer.presence));
    return o;
}

Result<ConnectAnswer> decodeConnectAnswer(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    Reader f(object, kConnect);
    ConnectAnswer answer;
    answer.sid = f.text("sid", false, kMaxDeviceFieldLength);
    answer.orgId = f.id("orgId");
    answer.orgName = f.text("orgName", false, validate::kMaxNameLength);
    answer.serverTime = f.time("serverTime").value_or(0);
    answer.head = f.integer("head").value_or(-1);
    answer.protocol = int(f.integer("protocol").value_or(kOldestVersion));
    if (!f.ok())
        return f.error();
    if (object.contains(QLatin1String("presence"))) {
        Result<QList<PresenceDevice>> devices = decodeDevices(object, "presence", kConnect);
        if (!devices)
            return devices.error();
        answer.presence = std::move(devices).value();
    }
    return answer;
}

ConnectRefusal unauthorized()
{
    return {ConnectRefusal::Reason::Unauthorized, kUnauthorized, 0, 0};
}

ConnectRefusal unavailable()
{
    return {ConnectRefusal::Reason::Unavailable, kUnavailable, 0, 0};
}

ConnectRefusal invalidHandshake()
{
    return {ConnectRefusal::Reason::InvalidHandshake, kInvalidHandshake, 0, 0};
}

ConnectRefusal unsupportedProtocol(int deskProtocol)
{
    return {ConnectRefusal::Reason::UnsupportedProtocol,
            Tr::tr("This hub speaks sync protocol %1 and this desk speaks %2: update Studio "
                   "Timer.")
                .arg(kVersion)
                .arg(deskProtocol),
            kVersion, deskProtocol};
}

ConnectRefusal overLimit(const QString &message)
{
    return {ConnectRefusal::Reason::OverLimit, message, 0, 0};
}

QJsonObject encode(const ConnectRefusal &refusal)
{
    QJsonObject o{{QStringLiteral("message"), refusal.message}};
    if (refusal.reason == ConnectRefusal::Reason::UnsupportedProtocol)
        o.insert(QStringLiteral("data"),
                 QJsonObject{{QStringLiteral("code"), kUnsupportedProtocol},
                             {QStringLiteral("protocol"), refusal.hubProtocol},
                             {QStringLiteral("deskProtocol"), refusal.deskProtocol}});
    if (refusal.reason == ConnectRefusal::Reason::OverLimit)
        o.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("code"), kOverLimit}});
    return o;
}

ConnectRefusal decodeConnectRefusal(const QJsonValue &value)
{
    ConnectRefusal r;
    const QJsonObject object = value.toObject();
    r.message =
        value.isObject() ? object.value(QStringLiteral("message")).toString() : value.toString();
    const QJsonObject data = object.value(QStringLiteral("data")).toObject();
    if (data.value(QStringLiteral("code")).toString() == kUnsupportedProtocol) {
        r.reason = ConnectRefusal::Reason::UnsupportedProtocol;
        r.hubProtocol = data.value(QStringLiteral("protocol")).toInt();
        r.deskProtocol = data.value(QStringLiteral("deskProtocol")).toInt();
    } else if (data.value(QStringLiteral("code")).toString() == kOverLimit) {
        r.reason = ConnectRefusal::Reason::OverLimit;
    } else if (r.message == kUnauthorized) {
        r.reason = ConnectRefusal::Reason::Unauthorized;
    } else if (r.message == kUnavailable) {
        r.reason = ConnectRefusal::Reason::Unavailable;
    } else if (r.message == kInvalidHandshake) {
        r.reason = ConnectRefusal::Reason::InvalidHandshake;
    }
    return r;
}

// ---- answers -----------------------------------------------------------------------------------

Answer Answer::refused(const Error &error)
{
    Answer a;
    a.ok = false;
    a.error = error;
    return a;
}

QJsonObject encode(const Answer &answer)
{
    QJsonObject o{{QStringLiteral("ok"), answer.ok}};
    if (!answer.ok) {
        o.insert(QStringLiteral("error"),
                 QJsonObject{{QStringLiteral("code"), errorCodeName(answer.error.code)},
                             {QStringLiteral("message"), answer.error.message}});
        // A stale change (conflict): the entry as it stands at the hub.
        if (answer.entry)
            o.insert(QStringLiteral("entry"), json::fromEntry(*answer.entry));
        if (!answer.trail.isEmpty())
            o.insert(QStringLiteral("audit"), audit::toWire(answer.trail));
        return o;
    }
    if (answer.seq > 0)
        o.insert(QStringLiteral("seq"), double(answer.seq));
    if (answer.entry)
        o.insert(QStringLiteral("entry"), json::fromEntry(*answer.entry));
    if (answer.taskType)
        o.insert(QStringLiteral("taskType"), json::fromTaskType(*answer.taskType));
    if (answer.room)
        o.insert(QStringLiteral("room"), json::fromRoom(*answer.room));
    if (answer.client)
        o.insert(QStringLiteral("client"), fromClient(*answer.client));
    if (answer.project)
        o.insert(QStringLiteral("project"), fromProject(*answer.project));
    if (answer.lock)
        o.insert(QStringLiteral("lock"), encodeLock(*answer.lock));
    if (answer.serverTime)
        o.insert(QStringLiteral("serverTime"), double(*answer.serverTime));
    return o;
}

Answer decodeAnswer(const QJsonObject &object)
{
    Answer a;
    a.ok = object.value(QStringLiteral("ok")).toBool();
    a.serverTime = serverTimeOf(object);
    if (!a.ok) {
        const QJsonObject e = object.value(QStringLiteral("error")).toObject();
        a.error.code = errorCodeFromName(e.value(QStringLiteral("code")).toString())
                           .value_or(ErrorCode::Internal);
        a.error.message = e.value(QStringLiteral("message")).toString();
    }
    a.seq = json::wholeNumber(object.value(QStringLiteral("seq"))).value_or(0);
    if (auto entry = json::toEntry(object.value(QStringLiteral("entry")).toObject()))
        a.entry = entry.value();
    if (auto type = json::toTaskType(object.value(QStringLiteral("taskType")).toObject()))
        a.taskType = type.value();
    if (auto room = json::toRoom(object.value(QStringLiteral("room")).toObject()))
        a.room = room.value();
    if (auto client = toClient(object.value(QStringLiteral("client")).toObject()))
        a.client = client.value();
    if (auto project = toProject(object.value(QStringLiteral("project")).toObject()))
        a.project = project.value();
    if (auto lock =
            decodeLock(object.value(QStringLiteral("lock")).toObject(), QStringLiteral("lock"));
        lock && !lock->id.isEmpty())
        a.lock = lock.value();
    a.trail = audit::fromWire(object.value(QStringLiteral("audit")).toArray());
    return a;
}

std::optional<Ms> serverTimeOf(const QJsonObject &answer)
{
    return json::wholeNumber(answer.value(QStringLiteral("serverTime")));
}

QJsonObject withServerTime(QJsonObject answer, Ms serverTime)
{
    answer.insert(QStringLiteral("serverTime"), double(serverTime));
    return answer;
}

std::optional<Event> PulledChange::event() const
{
    const auto e = eventFromName(type);
    return e && isChange(*e) ? e : std::nullopt;
}

QJsonObject encode(const PullAnswer &answer)
{
    QJsonArray list;
    for (const PulledChange &c : answer.changes)
        list.append(QJsonObject{{QStringLiteral("seq"), double(c.seq)},
                                {QStringLiteral("type"), c.type},
                                {QStringLiteral("data"), c.data}});
    return {{QStringLiteral("ok"), true},
            {QStringLiteral("changes"), list},
            {QStringLiteral("head"), double(answer.head)},
            {QStringLiteral("more"), answer.more}};
}

Result<PullAnswer> decodePullAnswer(const QJsonObject &object)
{
    if (!object.value(QStringLiteral("ok")).toBool())
        return decodeAnswer(object).error;
    PullAnswer pull;
    for (const QJsonValue &v : object.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject change = v.toObject();
        pull.changes.append({json::wholeNumber(change.value(QStringLiteral("seq"))).value_or(0),
                             change.value(QStringLiteral("type")).toString(),
                             change.value(QStringLiteral("data")).toObject()});
    }
    pull.head = json::wholeNumber(object.value(QStringLiteral("head"))).value_or(0);
    pull.more = object.value(QStringLiteral("more")).toBool();
    return pull;
}

} // namespace st::protocol
