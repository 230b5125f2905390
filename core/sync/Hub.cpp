#include "Hub.h"

#include "domain/Json.h"
#include "store/Repositories.h"
#include "sync/SocketIoCodec.h"
#include "timer/TimerService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>
#include <QTimer>

#include <cmath>

Q_LOGGING_CATEGORY(lcHub, "studiotimer.hub", QtInfoMsg)

namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::Hub)
};

const QString kMainNsp = QStringLiteral("/");
constexpr int kDefaultPullLimit = 200;
constexpr int kMaxPullLimit = 1000;
constexpr int kMaxDeviceFieldLength = 128;

QJsonObject okAnswer()
{
    return QJsonObject{{QStringLiteral("ok"), true}};
}

QJsonObject errorAnswer(const Error &error)
{
    return QJsonObject{
        {QStringLiteral("ok"), false},
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), errorCodeName(error.code)},
                                              {QStringLiteral("message"), error.message}}}};
}

// Reads a request's fields one by one; the first problem names the field.
class Fields final
{
public:
    Fields(const QJsonObject &object, QString context)
        : m_object(object)
        , m_context(std::move(context))
    {}

    bool has(const char *key) const
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        return !v.isUndefined() && !v.isNull();
    }

    QString id(const char *key, bool required = true)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if ((v.isUndefined() || v.isNull()) && !required)
            return {};
        if (!v.isString() || !isValidId(v.toString()))
            fail(key, Tr::tr("must be a UUID string"));
        return v.toString();
    }

    QString text(const char *key, bool required, int maxLength)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if ((v.isUndefined() || v.isNull()) && !required)
            return {};
        if (!v.isString())
            fail(key, Tr::tr("must be a string"));
        else if (v.toString().size() > maxLength)
            fail(key, Tr::tr("is too long"));
        return v.toString();
    }

    std::optional<QString> optionalText(const char *key, int maxLength)
    {
        if (m_object.value(QLatin1String(key)).isUndefined())
            return std::nullopt;
        return text(key, false, maxLength);
    }

    std::optional<Ms> time(const char *key, bool required = false)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if ((v.isUndefined() || v.isNull()) && !required)
            return std::nullopt;
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || d != std::floor(d) || std::fabs(d) > 9007199254740991.0) {
            fail(key, Tr::tr("must be an integer (milliseconds since the epoch)"));
            return std::nullopt;
        }
        return static_cast<Ms>(d);
    }

    QJsonObject object(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isObject())
            fail(key, Tr::tr("must be an object"));
        return v.toObject();
    }

    bool ok() const { return m_error.isEmpty(); }
    Error error() const { return Error::invalid(m_error); }

private:
    void fail(const char *key, const QString &what)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1: %2 %3").arg(m_context, QLatin1String(key), what);
    }

    QJsonObject m_object;
    QString m_context;
    QString m_error;
};

const QSet<QString> &mutatingEvents()
{
    static const QSet<QString> events{
        QStringLiteral("timer:start"),        QStringLiteral("timer:stop"),
        QStringLiteral("timer:pause"),        QStringLiteral("timer:resume"),
        QStringLiteral("timeEntries:create"), QStringLiteral("timeEntries:adjust"),
        QStringLiteral("timeEntries:delete"), QStringLiteral("timeEntries:restore"),
        QStringLiteral("taskTypes:upsert"),   QStringLiteral("rooms:upsert"),
    };
    return events;
}

QString roomOf(const QString &orgId)
{
    return QStringLiteral("org:") + orgId;
}

} // namespace

// A desk connected to "/": who it is (for presence and the requests) and the token it used.
struct HubConnection final : ConnectedDesk
{
    SioConnectionId id = 0;
    QString tokenHash;
};

// The request being applied: what the mutation sink needs to write the change log and answer.
struct HubRequest
{
    QString event;
    QString orgId;
    QJsonObject payload;
    QString opId;
    User user;
    QJsonObject device;
    QString prevRunningId; // timer:start: the user's running entry before the switch
    std::optional<TimeEntry> before;
    QString reason;
    QList<std::pair<QString, QJsonObject>> broadcasts; // sent after the commit
    QJsonObject answer;
    bool recorded = false;
};

Hub::Hub(const Database &db, const Clock &clock, HubOptions options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_store(db, clock)
    , m_server(std::make_unique<SioServer>(m_options, static_cast<SioHandler &>(*this)))
{}

Hub::~Hub()
{
    close();
    m_server.reset();
}

Result<void> Hub::listen()
{
    return m_server->listen(QStringLiteral("studiotimer-hub"));
}

quint16 Hub::port() const
{
    return m_server->port();
}

void Hub::close()
{
    m_server->close(Tr::tr("The hub is shutting down."));
}

int Hub::connectedCount() const
{
    return m_presence.count();
}

Result<QString> Hub::revokeToken(const QString &token)
{
    auto revoked = m_store.revokeToken(token);
    if (!revoked)
        return revoked;
    const QString hash = HubStore::hashToken(token.trimmed());
    QList<SioConnectionId> victims;
    for (const auto &[id, conn] : m_clients) {
        if (conn->tokenHash == hash)
            victims.append(id);
    }
    for (SioConnectionId id : victims) {
        m_server->send(id, sio::Packet::disconnect());
        m_server->drop(id, QStringLiteral("token revoked"));
    }
    return revoked;
}

// ---- connections -------------------------------------------------------------------------------

HubConnection *Hub::client(SioConnectionId id) const
{
    const auto it = m_clients.find(id);
    return it == m_clients.end() ? nullptr : it->second.get();
}

void Hub::connectRequested(SioConnectionId id, const QString &nsp, const QJsonValue &auth)
{
    if (m_server->hasJoined(id, kMainNsp))
        return; // connected already
    const QJsonObject a = auth.toObject();
    const QString token = a.value(QLatin1String("token")).toString();
    const Result<std::optional<Organization>> org = m_store.organizationForToken(token);
    const Result<qint64> head = org && *org ? m_store.head((*org)->id) : Result<qint64>(0);
    if (!org || !head) {
        // The database failed, not the token: the desk tries again later.
        qCWarning(lcHub).noquote() << "refused a CONNECT, the database failed:"
                                   << (org ? head.error() : org.error()).message;
        m_server->refuse(id, nsp, QStringLiteral("unavailable"));
        m_server->drop(id, QStringLiteral("unavailable"));
        return;
    }
    if (!*org) {
        qCInfo(lcHub) << "connection" << id << "refused: unauthorized";
        m_server->refuse(id, nsp, QStringLiteral("unauthorized"));
        m_server->drop(id, QStringLiteral("unauthorized"));
        return;
    }
    const QJsonValue deviceId = a.value(QLatin1String("deviceId"));
    const QJsonValue deviceName = a.value(QLatin1String("deviceName"));
    if (!deviceId.isString() || deviceId.toString().isEmpty() ||
        deviceId.toString().size() > kMaxDeviceFieldLength ||
        (!deviceName.isUndefined() && !deviceName.isString()) ||
        deviceName.toString().size() > kMaxDeviceFieldLength) {
        m_server->refuse(id, nsp, QStringLiteral("invalid handshake"));
        m_server->drop(id, QStringLiteral("invalid handshake"));
        return;
    }

    auto owned = std::make_unique<HubConnection>();
    HubConnection *conn = owned.get();
    conn->id = id;
    conn->orgId = (*org)->id;
    conn->tokenHash = HubStore::hashToken(token);
    conn->deviceId = deviceId.toString();
    conn->deviceName = deviceName.toString().trimmed();
    if (conn->deviceName.isEmpty())
        conn->deviceName = conn->deviceId;
    conn->connectedAt = m_clock.nowMs();
    m_clients[id] = std::move(owned);
    m_server->setLabel(id, conn->deviceName);

    const QJsonObject answer{{QStringLiteral("sid"), sio::newSid()},
                             {QStringLiteral("orgId"), (*org)->id},
                             {QStringLiteral("orgName"), (*org)->name},
                             {QStringLiteral("serverTime"), double(m_clock.nowMs())},
                             {QStringLiteral("head"), double(*head)}};
    m_server->accept(id, kMainNsp, answer);
    m_server->join(id, roomOf(conn->orgId));
    m_presence.join(conn);
    qCInfo(lcHub).noquote() << conn->deviceName << "connected to" << (*org)->name << "since"
                            << a.value(QLatin1String("since")).toDouble();
    Q_EMIT clientConnected(conn->orgId, conn->deviceName);
    broadcastPresence(conn->orgId);
}

void Hub::namespaceLeft(SioConnectionId id, const QString &nsp)
{
    if (nsp == kMainNsp)
        leave(id);
}

void Hub::connectionClosing(SioConnectionId id)
{
    // Out of the presence list at once (the server takes it out of its rooms); "left" is told
    // when the socket is gone.
    if (const HubConnection *conn = client(id))
        m_presence.leave(conn);
}

void Hub::connectionClosed(SioConnectionId id)
{
    leave(id);
}

void Hub::leave(SioConnectionId id)
{
    const auto it = m_clients.find(id);
    if (it == m_clients.end())
        return;
    const std::shared_ptr<HubConnection> conn = std::move(it->second);
    m_clients.erase(it);
    m_server->leave(id, roomOf(conn->orgId));
    m_presence.leave(conn.get());
    Q_EMIT clientDisconnected(conn->orgId, conn->deviceName);
    broadcastPresence(conn->orgId);
    // A request of this desk may be on the stack below (its socket closed while sending): the
    // record goes once the event loop is back.
    QTimer::singleShot(0, this, [conn] {});
}

void Hub::eventReceived(SioConnectionId id, const sio::Packet &p, const QList<QByteArray> &)
{
    HubConnection *conn = client(id);
    if (p.nsp != kMainNsp || !conn)
        return;
    if (!p.ackId) {
        qCDebug(lcHub).noquote() << conn->deviceName
                                 << "event without ack id ignored:" << p.eventName();
        return;
    }
    const qint64 ackId = *p.ackId;
    const auto reply = [&](const QJsonObject &answer) {
        sendAck(conn, ackId, answer);
    };
    const Result<bool> revoked = m_store.isRevokedHash(conn->tokenHash);
    if (!revoked) {
        reply(errorAnswer(revoked.error())); // internal: the desk retries the same opId later
        return;
    }
    if (*revoked) {
        // Revoked by "studiotimer-hub org revoke" from another process while this socket was on.
        m_server->send(id, sio::Packet::disconnect());
        m_server->drop(id, QStringLiteral("token revoked"));
        return;
    }
    if (!m_server->takeToken(id)) {
        reply(errorAnswer({ErrorCode::RateLimited, Tr::tr("Too many requests: slow down.")}));
        return;
    }
    if (p.isBinary()) {
        reply(errorAnswer(Error::invalid(Tr::tr("No request takes binary data."))));
        return;
    }
    const QString event = p.eventName();
    const QJsonArray args = p.eventArgs();
    handleRequest(conn, event, args.isEmpty() ? QJsonValue() : args.at(0), ackId);
}

// ---- requests ----------------------------------------------------------------------------------

void Hub::sendAck(HubConnection *conn, qint64 ackId, QJsonObject answer)
{
    // Stamped as it leaves (a replayed answer's stored stamp would be stale): every answer is a
    // clock sample for the client, so its offset follows a clock that moves while connected.
    answer.insert(QStringLiteral("serverTime"), double(m_clock.nowMs()));
    m_server->send(conn->id, sio::Packet::ack(ackId, {answer}));
}

void Hub::handleRequest(HubConnection *conn, const QString &event, const QJsonValue &payload,
                        qint64 ackId)
{
    const auto reply = [&](const QJsonObject &answer) {
        sendAck(conn, ackId, answer);
    };
    if (event == QLatin1String("sync:pull")) {
        reply(pull(conn, payload.toObject()));
        return;
    }
    if (!mutatingEvents().contains(event)) {
        reply(errorAnswer(Error::invalid(Tr::tr("Unknown event \"%1\".").arg(event.left(64)))));
        return;
    }
    if (!payload.isObject()) {
        reply(errorAnswer(Error::invalid(Tr::tr("%1: the payload must be an object.").arg(event))));
        return;
    }
    HubRequest request;
    request.event = event;
    request.orgId = conn->orgId;
    request.payload = payload.toObject();
    request.device = QJsonObject{{QStringLiteral("id"), conn->deviceId},
                                 {QStringLiteral("name"), conn->deviceName}};
    const QString previousUserName = conn->userName;
    const QJsonObject answer = applyRequest(conn, request);
    reply(answer);
    if (answer.value(QLatin1String("ok")).toBool() && request.recorded) {
        for (const auto &[name, data] : request.broadcasts)
            broadcast(request.orgId, name, data);
    }
    if (conn->userName != previousUserName)
        broadcastPresence(conn->orgId);
}

QJsonObject Hub::applyRequest(HubConnection *conn, HubRequest &request)
{
    const QJsonObject &payload = request.payload;
    Fields f(payload, request.event);
    request.opId = f.id("opId");
    const QJsonObject userObject = f.object("user");
    if (!f.ok())
        return errorAnswer(f.error());
    Fields u(userObject, request.event + QStringLiteral(".user"));
    const QString userId = u.id("id");
    const QString userName = u.text("name", true, validate::kMaxNameLength);
    if (!u.ok())
        return errorAnswer(u.error());
    if (auto r = validate::userName(userName); !r)
        return errorAnswer(r.error());

    const auto replay = m_store.opAnswer(request.orgId, request.opId);
    if (!replay)
        return errorAnswer(replay.error());
    if (*replay) {
        qCDebug(lcHub).noquote() << "replay of" << request.opId;
        return **replay;
    }

    TimerService &svc = service(request.orgId);
    CatalogRepository catalog(m_db);
    const std::optional<User> existingUser = catalog.user(userId);
    if (existingUser && existingUser->orgId != request.orgId)
        return errorAnswer(Error::notFound(Tr::tr("No such user.")));

    // Parse the event's own fields before anything is written.
    const QString ev = request.event;
    Fields e(payload, ev);
    std::function<Result<TimeEntry>()> entryCall;
    std::function<Result<void>()> catalogCall;
    if (ev == QLatin1String("timer:start")) {
        StartRequest s;
        s.userId = userId;
        s.entryId = e.id("entryId");
        s.taskTypeId = e.id("taskTypeId");
        s.roomId = e.id("roomId", false);
        s.note = e.text("note", false, validate::kMaxNoteLength);
        s.at = e.time("startedAt");
        entryCall = [&svc, &request, s] {
            if (auto running = svc.running(s.userId))
                request.prevRunningId = running->id;
            return svc.start(s);
        };
    } else if (ev == QLatin1String("timer:stop") || ev == QLatin1String("timer:pause") ||
               ev == QLatin1String("timer:resume")) {
        const QString entryId = e.id("entryId", false);
        const std::optional<Ms> at = e.time(ev == QLatin1String("timer:stop") ? "endedAt" : "at");
        entryCall = [this, &svc, ev, entryId, at, userId]() -> Result<TimeEntry> {
            QString owner = userId;
            if (!entryId.isEmpty()) {
                const auto target = svc.entry(entryId);
                if (!target || target->deleted)
                    return Error::notFound(Tr::tr("No entry %1.").arg(entryId));
                if (!target->isRunning())
                    return Error::conflict(Tr::tr("The entry is not running."));
                owner = target->userId;
            }
            if (ev == QLatin1String("timer:stop"))
                return svc.stop(owner, at);
            if (ev == QLatin1String("timer:pause"))
                return svc.pause(owner, at);
            return svc.resume(owner, at);
        };
    } else if (ev == QLatin1String("timeEntries:create")) {
        const QJsonObject entry = e.object("entry");
        Fields m(entry, ev + QStringLiteral(".entry"));
        ManualEntry me;
        me.userId = userId;
        me.entryId = m.id("id");
        me.taskTypeId = m.id("taskTypeId");
        me.roomId = m.id("roomId", false);
        me.note = m.text("note", false, validate::kMaxNoteLength);
        me.startedAt = m.time("startedAt", true).value_or(0);
        me.endedAt = m.time("endedAt", true).value_or(0);
        me.pausedMs = m.time("pausedMs").value_or(0); // TimerService checks it fits the entry
        if (!m.ok())
            return errorAnswer(m.error());
        entryCall = [&svc, me] {
            return svc.addManual(me);
        };
    } else if (ev == QLatin1String("timeEntries:adjust")) {
        Adjustment a;
        a.actorId = userId;
        a.entryId = e.id("entryId");
        a.startedAt = e.time("startedAt");
        a.endedAt = e.time("endedAt");
        if (e.has("taskTypeId"))
            a.taskTypeId = e.id("taskTypeId");
        if (payload.contains(QLatin1String("roomId")))
            a.roomId = e.id("roomId", false);
        a.note = e.optionalText("note", validate::kMaxNoteLength);
        a.reason = e.text("reason", true, validate::kMaxNoteLength);
        request.reason = a.reason.trimmed();
        entryCall = [&svc, &request, a] {
            request.before = svc.entry(a.entryId);
            return svc.adjust(a);
        };
    } else if (ev == QLatin1String("timeEntries:delete")) {
        const QString entryId = e.id("entryId");
        const QString reason = e.text("reason", false, validate::kMaxNoteLength);
        entryCall = [&svc, entryId, userId, reason] {
            return svc.remove(entryId, userId, reason);
        };
    } else if (ev == QLatin1String("timeEntries:restore")) {
        const QString entryId = e.id("entryId");
        entryCall = [&svc, entryId, userId] {
            return svc.restore(entryId, userId);
        };
    } else if (ev == QLatin1String("taskTypes:upsert")) {
        auto type = json::toTaskType(e.object("taskType"));
        if (!e.ok())
            return errorAnswer(e.error());
        if (!type)
            return errorAnswer(type.error());
        catalogCall = [&svc, t = type.value()]() -> Result<void> {
            auto saved = svc.saveTaskType(t);
            return saved ? Result<void>{} : Result<void>(saved.error());
        };
    } else if (ev == QLatin1String("rooms:upsert")) {
        auto room = json::toRoom(e.object("room"));
        if (!e.ok())
            return errorAnswer(e.error());
        if (!room)
            return errorAnswer(room.error());
        catalogCall = [&svc, r = room.value()]() -> Result<void> {
            auto saved = svc.saveRoom(r);
            return saved ? Result<void>{} : Result<void>(saved.error());
        };
    }
    if (!e.ok())
        return errorAnswer(e.error());

    // The person at the desk: created or renamed in this organisation.
    const bool newUser = !existingUser;
    if (!existingUser || existingUser->name != userName.trimmed()) {
        if (auto r = catalog.saveUser({userId, request.orgId, userName.trimmed(), m_clock.nowMs()});
            !r)
            return errorAnswer(r.error());
    }
    request.user = User{userId, request.orgId, userName.trimmed(), m_clock.nowMs()};
    conn->userName = request.user.name;

    m_current = &request;
    Result<void> outcome;
    if (entryCall) {
        auto r = entryCall();
        if (!r)
            outcome = r.error();
    } else if (catalogCall) {
        outcome = catalogCall();
    }
    m_current = nullptr;

    if (!outcome) {
        if (newUser) {
            // Bad input changes nothing: the user made for this request goes again.
            QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM users WHERE id = ?"));
            q.addBindValue(userId);
            if (!m_db.exec(q))
                qCWarning(lcHub) << "cannot remove the user of a refused request";
        }
        return errorAnswer(outcome.error());
    }
    if (!request.recorded)
        return errorAnswer(Error::internal(Tr::tr("The change was not recorded.")));
    return request.answer;
}

Result<void> Hub::recordMutation(HubRequest &request, const Mutation &mutation)
{
    // Runs inside the change's own transaction (TimerService's mutation sink): the change, its
    // seq rows and the opId answer commit together or not at all.
    TimerService &svc = service(request.orgId);
    const QJsonObject user = json::fromUser(request.user);
    qint64 lastSeq = 0;
    QJsonObject answer = okAnswer();

    const auto append = [&](const QString &type, const QJsonObject &data) -> Result<void> {
        auto seq = m_store.appendChange(request.orgId, type, data);
        if (!seq)
            return seq.error();
        lastSeq = seq.value();
        QJsonObject sent = data;
        sent.insert(QStringLiteral("seq"), double(lastSeq));
        request.broadcasts.append({type, sent});
        return {};
    };
    const auto timerData = [&](const TimeEntry &entry) {
        const auto type = svc.taskType(entry.taskTypeId);
        const auto room = entry.roomId.isEmpty() ? std::nullopt : svc.room(entry.roomId);
        return QJsonObject{{QStringLiteral("entry"), json::fromEntry(entry)},
                           {QStringLiteral("user"), user},
                           {QStringLiteral("taskType"),
                            QJsonObject{{QStringLiteral("id"), entry.taskTypeId},
                                        {QStringLiteral("name"), type ? type->name : QString()}}},
                           {QStringLiteral("room"),
                            room ? QJsonValue(QJsonObject{{QStringLiteral("id"), room->id},
                                                          {QStringLiteral("name"), room->name}})
                                 : QJsonValue()},
                           {QStringLiteral("device"), request.device}};
    };
    const auto entryById = [&](const QString &id) -> Result<TimeEntry> {
        // The same connection inside the same transaction: sees the change just written.
        auto found = EntryRepository(m_db).entry(id);
        if (!found || found->orgId != request.orgId)
            return Error::internal(Tr::tr("The changed entry cannot be read back."));
        return *found;
    };

    const QString &ev = request.event;
    const QJsonObject &p = mutation.payload;
    if (ev.startsWith(QLatin1String("timer:"))) {
        auto entry = entryById(p.value(QLatin1String("entryId")).toString());
        if (!entry)
            return entry.error();
        if (ev == QLatin1String("timer:start") && !request.prevRunningId.isEmpty()) {
            auto previous = entryById(request.prevRunningId);
            if (previous && !previous->isRunning()) {
                if (auto r = append(QStringLiteral("timer:stopped"), timerData(previous.value()));
                    !r)
                    return r;
            }
        }
        static const QHash<QString, QString> kBroadcast{
            {QStringLiteral("timer:start"), QStringLiteral("timer:started")},
            {QStringLiteral("timer:stop"), QStringLiteral("timer:stopped")},
            {QStringLiteral("timer:pause"), QStringLiteral("timer:paused")},
            {QStringLiteral("timer:resume"), QStringLiteral("timer:resumed")}};
        if (auto r = append(kBroadcast.value(ev), timerData(entry.value())); !r)
            return r;
        answer.insert(QStringLiteral("entry"), json::fromEntry(entry.value()));
    } else if (ev.startsWith(QLatin1String("timeEntries:"))) {
        const QString id =
            ev == QLatin1String("timeEntries:create")
                ? p.value(QLatin1String("entry")).toObject().value(QLatin1String("id")).toString()
                : p.value(QLatin1String("entryId")).toString();
        auto entry = entryById(id);
        if (!entry)
            return entry.error();
        QJsonObject data{{QStringLiteral("entry"), json::fromEntry(entry.value())},
                         {QStringLiteral("user"), user}};
        QString type;
        if (ev == QLatin1String("timeEntries:create")) {
            type = QStringLiteral("entry:created");
        } else if (ev == QLatin1String("timeEntries:delete")) {
            type = QStringLiteral("entry:deleted");
        } else if (ev == QLatin1String("timeEntries:restore")) {
            type = QStringLiteral("entry:restored");
        } else {
            type = QStringLiteral("timer:adjusted");
            const TimeEntry before = request.before.value_or(TimeEntry{});
            data.insert(
                QStringLiteral("previous"),
                QJsonObject{{QStringLiteral("startedAt"), double(before.startedAt)},
                            {QStringLiteral("endedAt"),
                             before.endedAt ? QJsonValue(double(*before.endedAt)) : QJsonValue()},
                            {QStringLiteral("taskTypeId"), before.taskTypeId},
                            {QStringLiteral("note"), before.note}});
            data.insert(QStringLiteral("reason"), request.reason);
        }
        if (auto r = append(type, data); !r)
            return r;
        answer.insert(QStringLiteral("entry"), data.value(QLatin1String("entry")));
    } else if (ev == QLatin1String("taskTypes:upsert") || ev == QLatin1String("rooms:upsert")) {
        const bool isType = ev == QLatin1String("taskTypes:upsert");
        const QString key = isType ? QStringLiteral("taskType") : QStringLiteral("room");
        const QJsonObject object = p.value(key).toObject();
        if (auto r =
                append(isType ? QStringLiteral("taskType:changed") : QStringLiteral("room:changed"),
                       {{key, object}});
            !r)
            return r;
        answer.insert(key, object);
    } else {
        return Error::internal(Tr::tr("No change log for %1.").arg(mutation.event));
    }

    answer.insert(QStringLiteral("seq"), double(lastSeq));
    if (auto r = m_store.saveOp(request.orgId, request.opId, answer); !r)
        return r;
    request.answer = answer;
    request.recorded = true;
    return {};
}

QJsonObject Hub::pull(HubConnection *conn, const QJsonObject &payload)
{
    Fields f(payload, QStringLiteral("sync:pull"));
    const std::optional<Ms> since = f.time("since", true);
    const std::optional<Ms> limit = f.time("limit");
    if (!f.ok())
        return errorAnswer(f.error());
    if (*since < 0)
        return errorAnswer(Error::invalid(Tr::tr("sync:pull: since must not be negative.")));
    if (limit && (*limit < 1 || *limit > kMaxPullLimit))
        return errorAnswer(Error::invalid(
            Tr::tr("sync:pull: limit must be between 1 and %1.").arg(kMaxPullLimit)));
    bool more = false;
    auto changes =
        m_store.changesSince(conn->orgId, *since, limit ? int(*limit) : kDefaultPullLimit, &more);
    if (!changes)
        return errorAnswer(changes.error());
    const Result<qint64> head = m_store.head(conn->orgId);
    if (!head)
        return errorAnswer(head.error());
    QJsonArray list;
    for (const HubStore::Change &c : changes.value())
        list.append(QJsonObject{{QStringLiteral("seq"), double(c.seq)},
                                {QStringLiteral("type"), c.type},
                                {QStringLiteral("data"), c.data}});
    QJsonObject answer = okAnswer();
    answer.insert(QStringLiteral("changes"), list);
    answer.insert(QStringLiteral("head"), double(*head));
    answer.insert(QStringLiteral("more"), more);
    return answer;
}

TimerService &Hub::service(const QString &orgId)
{
    auto it = m_services.find(orgId);
    if (it != m_services.end())
        return *it->second;
    auto svc = std::make_unique<TimerService>(m_db, m_clock, orgId);
    svc->setMutationSink([this, orgId](const Mutation &mutation) -> Result<void> {
        if (!m_current || m_current->orgId != orgId)
            return {};
        return recordMutation(*m_current, mutation);
    });
    return *m_services.emplace(orgId, std::move(svc)).first->second;
}

void Hub::broadcast(const QString &orgId, const QString &event, const QJsonObject &payload)
{
    m_server->sendToRoom(roomOf(orgId), sio::Packet::event(event, {payload}));
}

void Hub::broadcastPresence(const QString &orgId)
{
    broadcast(orgId, QStringLiteral("presence"), m_presence.message(orgId));
}

} // namespace st
