#include "Hub.h"

#include "protocol/Answers.h"
#include "protocol/Broadcasts.h"
#include "sync/ChangeListener.h"
#include "sync/HubService.h"
#include "sync/SharedPresence.h"
#include "sync/SocketIoCodec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

Q_LOGGING_CATEGORY(lcHub, "studiotimer.hub", QtInfoMsg)

namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::Hub)
};

const QString kMainNsp = QStringLiteral("/");

QJsonObject errorAnswer(const Error &error)
{
    return protocol::encode(protocol::Answer::refused(error));
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

Hub::Hub(const Database &db, const Clock &clock, HubOptions options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_store(db, clock)
    , m_fanout(m_store, [this](const QString &orgId, const QString &event,
                               const QJsonObject &data) { broadcast(orgId, event, data); })
    , m_requests(std::make_unique<HubService>(db, clock, m_store))
    , m_throttle(clock, m_options.connectThrottle)
    , m_server(std::make_unique<SioServer>(m_options, static_cast<SioHandler &>(*this)))
{
    if (m_db.isPostgres())
        m_shared = std::make_unique<SharedPresence>(
            m_db, m_presence, QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_revocationPoll.setInterval(m_options.revocationPollMs);
    connect(&m_revocationPoll, &QTimer::timeout, this, &Hub::onPoll);
    m_presenceTimer.setSingleShot(true);
    m_presenceTimer.setInterval(m_options.presenceIntervalMs);
    connect(&m_presenceTimer, &QTimer::timeout, this, &Hub::flushPresence);
}

Hub::~Hub()
{
    close();
    m_server.reset();
}

Result<void> Hub::listen()
{
    if (auto r = m_server->listen(QStringLiteral("studiotimer-hub")); !r)
        return r;
    m_revocationPoll.start();
    if (m_db.isPostgres() && !m_listener) {
        // Other hubs on the same database: their changes reach this hub's sockets too.
        m_listener = std::make_unique<ChangeListener>(
            m_db.connectUrl(), m_options.databaseApplicationName + QStringLiteral("-listen"),
            HubPresenceStore::presenceChannel());
        connect(m_listener.get(), &ChangeListener::changed, this,
                [this](const QString &orgId, qint64 seq) { m_fanout.notified(orgId, seq); });
        connect(m_listener.get(), &ChangeListener::presence, this, [this](const QString &payload) {
            m_shared->notified(payload);
            presenceChanged();
        });
        connect(m_listener.get(), &ChangeListener::subscribed, this, [this] {
            m_fanout.catchUpAll();
            m_shared->resync(); // the other hubs' desks, as the rows hold them now
            presenceChanged();
        });
        m_shared->poll(); // registered before any desk is
        m_listener->start();
    }
    return {};
}

quint16 Hub::port() const
{
    return m_server->port();
}

void Hub::close()
{
    m_revocationPoll.stop();
    m_listener.reset();
    // What was received is applied and answered before the sockets go ("nothing is lost").
    m_requests->flush();
    if (m_shared) {
        m_shared->withdraw(); // the other hubs drop this hub's desks now, not after the TTL
        m_shared.reset();
    }
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
    for (SioConnectionId id : victims)
        dropRevoked(id);
    return revoked;
}

void Hub::onPoll()
{
    if (m_db.isDisconnected())
        reconnectDatabase();
    checkRevocations();
    if (m_shared) {
        m_shared->poll(); // heartbeats: a gone hub's desks leave
        presenceChanged();
    }
    const QList<ConnectThrottle::Burst> ended = m_throttle.endQuietBursts();
    for (const ConnectThrottle::Burst &burst : ended)
        logBurstEnd(burst);
}

void Hub::reconnectDatabase()
{
    constexpr int kFirstMs = 200, kMaxMs = 4000;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now < m_nextReconnectMs)
        return;
    if (m_db.reconnect()) {
        qCInfo(lcHub) << "the database is back";
        m_reconnectBackoffMs = 0;
        m_fanout.catchUpAll(); // what other hubs committed while this one could not read
        if (m_shared)
            m_shared->resync();
        return;
    }
    if (m_reconnectBackoffMs == 0)
        qCWarning(lcHub) << "the database is unavailable: requests are refused until it is back";
    m_reconnectBackoffMs =
        m_reconnectBackoffMs == 0 ? kFirstMs : std::min(m_reconnectBackoffMs * 2, kMaxMs);
    m_nextReconnectMs = now + m_reconnectBackoffMs;
}

void Hub::logBurstEnd(const ConnectThrottle::Burst &burst) const
{
    qCWarning(lcHub).noquote() << burst.failures << "CONNECTs with a wrong token from"
                               << burst.address << "in"
                               << QString::number(double(burst.lastMs - burst.firstMs) / 1000.0,
                                                  'f', 1)
                               << "s," << burst.dropped << "more closed unchecked";
}

void Hub::checkRevocations()
{
    const Result<qint64> marker = m_store.revocationMarker();
    if (!marker) {
        // Logged by the store; the next poll tries again, and each request checks its token.
        return;
    }
    if (m_revocationMarker == *marker)
        return;
    m_revocationMarker = *marker;
    // Something was revoked: ask once per token in use, not once per socket.
    std::map<QString, bool> revoked;
    QList<SioConnectionId> victims;
    for (const auto &[id, conn] : m_clients) {
        auto it = revoked.find(conn->tokenHash);
        if (it == revoked.end()) {
            const Result<bool> r = m_store.isRevokedHash(conn->tokenHash);
            if (!r) {
                m_revocationMarker.reset(); // look again at the next poll
                return;
            }
            it = revoked.emplace(conn->tokenHash, *r).first;
        }
        if (it->second)
            victims.append(id);
    }
    for (SioConnectionId id : victims) {
        if (const HubConnection *conn = client(id))
            qCInfo(lcHub).noquote() << conn->deviceName << "disconnected: its token was revoked";
        dropRevoked(id);
    }
}

void Hub::dropRevoked(SioConnectionId id)
{
    m_server->send(id, sio::Packet::disconnect());
    m_server->drop(id, QStringLiteral("token revoked"));
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
    const QString address = m_server->peerAddress(id);
    const std::optional<int> wait = m_throttle.admit(address);
    if (!wait) {
        m_server->drop(id, QStringLiteral("too many CONNECTs waiting from this address"), true);
        return;
    }
    if (*wait == 0)
        return checkConnect(id, nsp, auth, address);
    QTimer::singleShot(*wait, this, [this, id, nsp, auth, address] {
        m_throttle.done(address);
        if (m_server->isOpen(id))
            checkConnect(id, nsp, auth, address);
    });
}

void Hub::checkConnect(SioConnectionId id, const QString &nsp, const QJsonValue &auth,
                       const QString &address)
{
    if (m_server->hasJoined(id, kMainNsp))
        return; // a second CONNECT waited too
    const auto refuse = [&](const protocol::ConnectRefusal &refusal) {
        qCInfo(lcHub) << "connection" << id << "refused:" << refusal.message;
        m_server->refuse(id, nsp, protocol::encode(refusal));
        m_server->drop(id, refusal.message);
    };
    // The token first: a stranger is told "unauthorized" whatever else it sent.
    const QString token = protocol::connectToken(auth);
    const Result<std::optional<Organization>> org = m_store.organizationForToken(token);
    const Result<qint64> head = org && *org ? m_store.head((*org)->id) : Result<qint64>(0);
    if (!org || !head) {
        // The database failed, not the token: the desk tries again later.
        qCWarning(lcHub).noquote() << "refused a CONNECT, the database failed:"
                                   << (org ? head.error() : org.error()).message;
        return refuse(protocol::unavailable());
    }
    if (!*org) {
        // A guess, perhaps: slowed down, and logged once per burst, not per attempt.
        if (m_throttle.failed(address))
            qCWarning(lcHub).noquote()
                << "wrong token from" << address << "- its CONNECTs now wait up to"
                << m_options.connectThrottle.maxDelayMs << "ms each";
        m_server->refuse(id, nsp, protocol::encode(protocol::unauthorized()));
        m_server->drop(id, QStringLiteral("unauthorized"), true);
        return;
    }
    const Result<protocol::ConnectAuth> a = protocol::decodeConnectAuth(auth);
    if (!a)
        return refuse(protocol::invalidHandshake());
    if (!protocol::isSupportedVersion(a->protocol))
        return refuse(protocol::unsupportedProtocol(a->protocol));

    if (const std::optional<ConnectThrottle::Burst> burst = m_throttle.succeeded(address))
        logBurstEnd(*burst);
    const QString tokenHash = HubStore::hashToken(token);
    if (const std::optional<QString> over = overLimit((*org)->id, tokenHash))
        return refuse(protocol::overLimit(*over));

    auto owned = std::make_unique<HubConnection>();
    HubConnection *conn = owned.get();
    conn->id = id;
    conn->orgId = (*org)->id;
    conn->tokenHash = tokenHash;
    conn->deviceId = a->deviceId;
    conn->deviceName = a->deviceName;
    if (conn->deviceName.isEmpty())
        conn->deviceName = conn->deviceId;
    conn->connectedAt = m_clock.nowMs();
    m_clients[id] = std::move(owned);
    m_perToken[conn->tokenHash] += 1;
    m_perOrg[conn->orgId] += 1;
    m_fanout.follow(conn->orgId, *head);
    m_server->setLabel(id, conn->deviceName);

    const protocol::ConnectAnswer answer{sio::newSid(),   (*org)->id, (*org)->name,
                                         m_clock.nowMs(), *head,      protocol::kVersion,
                                         std::nullopt};
    // The list as of the last presence message, encoded once for every desk that connects
    // until the next one; the deltas that follow (this desk's own joining among them) bring
    // the desk up to date.
    m_server->accept(id, kMainNsp, protocol::encode(answer),
                     QStringLiteral("\"presence\":") + m_presence.snapshot(conn->orgId));
    m_server->join(id, roomOf(conn->orgId));
    m_presence.join(conn);
    if (m_shared) {
        m_shared->joined(conn);
        if (m_perOrg.value(conn->orgId) == 1)
            m_shared->follow(conn->orgId); // the desks of the other hubs join the list
    }
    qCInfo(lcHub).noquote() << conn->deviceName << "connected to" << (*org)->name << "since"
                            << a->since << "speaking protocol" << a->protocol;
    Q_EMIT clientConnected(conn->orgId, conn->deviceName);
    presenceChanged();
}

std::optional<QString> Hub::overLimit(const QString &orgId, const QString &tokenHash) const
{
    if (m_options.maxPerToken > 0 && m_perToken.value(tokenHash) >= m_options.maxPerToken)
        return Tr::tr("This token already has %1 connections to the hub (--max-per-token): "
                      "close one, or try again later.")
            .arg(m_options.maxPerToken);
    if (m_options.maxPerOrg > 0 && m_perOrg.value(orgId) >= m_options.maxPerOrg)
        return Tr::tr("This organisation already has %1 connections to the hub "
                      "(--max-per-org): try again later.")
            .arg(m_options.maxPerOrg);
    return std::nullopt;
}

void Hub::namespaceLeft(SioConnectionId id, const QString &nsp)
{
    if (nsp == kMainNsp)
        leave(id);
}

void Hub::connectionClosing(SioConnectionId id)
{
    // Out of the presence list at once (the server takes it out of its rooms).
    if (const HubConnection *conn = client(id); conn && m_presence.leave(conn)) {
        if (m_shared)
            m_shared->left(conn);
        presenceChanged();
    }
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
    for (auto [counts, key] :
         {std::pair{&m_perToken, conn->tokenHash}, std::pair{&m_perOrg, conn->orgId}}) {
        if (--(*counts)[key] <= 0)
            counts->remove(key);
    }
    m_server->leave(id, roomOf(conn->orgId));
    if (m_presence.leave(conn.get())) {
        if (m_shared)
            m_shared->left(conn.get());
        presenceChanged();
    }
    if (!m_perOrg.contains(conn->orgId)) {
        m_fanout.unfollow(conn->orgId);
        if (m_shared)
            m_shared->unfollow(conn->orgId);
    }
    Q_EMIT clientDisconnected(conn->orgId, conn->deviceName);
    // A request of this desk may be on the stack below (its socket closed while sending): the
    // record goes once the event loop is back.
    QTimer::singleShot(0, this, [conn] {});
}

void Hub::eventReceived(SioConnectionId id, const sio::Packet &p, const QList<QByteArray> &)
{
    HubConnection *conn = client(id);
    if (p.nsp != kMainNsp || !conn)
        return;
    if (p.isBinary()) {
        m_server->drop(id, QStringLiteral("no request takes binary data"));
        return;
    }
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
        // Revoked by "studiotimer-hub org revoke" from another process since the last poll.
        dropRevoked(id);
        return;
    }
    if (!m_server->takeToken(id)) {
        reply(errorAnswer({ErrorCode::RateLimited, Tr::tr("Too many requests: slow down.")}));
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
    m_server->send(conn->id, sio::Packet::ack(ackId, {protocol::withServerTime(std::move(answer),
                                                                               m_clock.nowMs())}));
}

void Hub::handleRequest(HubConnection *conn, const QString &event, const QJsonValue &payload,
                        qint64 ackId)
{
    // Answered once the batch it joins is committed (HubService: group commit); the desk may have
    // left by then, its organisation still hears of the change.
    const auto answered = [this, id = conn->id, orgId = conn->orgId,
                           ackId](const HubOutcome &outcome) {
        HubConnection *desk = client(id);
        if (desk)
            sendAck(desk, ackId, outcome.answer);
        m_fanout.committed(orgId, outcome.broadcasts);
        if (desk && !outcome.userName.isEmpty() && outcome.userName != desk->userName) {
            desk->userName = outcome.userName;
            m_presence.update(desk);
            if (m_shared)
                m_shared->updated(desk);
            presenceChanged();
        }
    };
    m_requests->submit({conn->orgId, conn->deviceId, conn->deviceName}, event, payload, answered);
}

void Hub::broadcast(const QString &orgId, const QString &event, const QJsonObject &payload)
{
    m_server->sendToRoom(roomOf(orgId), sio::Packet::event(event, {payload}));
}

void Hub::presenceChanged()
{
    if (!m_presenceTimer.isActive() &&
        (!m_presence.pending().isEmpty() || (m_shared && m_shared->hasUnpublished())))
        m_presenceTimer.start();
}

void Hub::flushPresence()
{
    if (m_shared)
        m_shared->publish(); // this hub's desks to the other hubs (kept if the database fails)
    const QList<QString> orgs = m_presence.pending();
    for (const QString &orgId : orgs) {
        const QList<protocol::Presence> deltas = m_presence.flush(orgId);
        for (const protocol::Presence &delta : deltas)
            broadcast(orgId, protocol::eventName(delta.event), protocol::encode(delta));
    }
}

} // namespace st
