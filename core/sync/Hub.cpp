#include "Hub.h"

#include "protocol/Answers.h"
#include "sync/HubService.h"
#include "sync/SocketIoCodec.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

#include <array>
#include <cmath>

Q_LOGGING_CATEGORY(lcHub, "studiotimer.hub", QtInfoMsg)

namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::Hub)
};

const QString kMainNsp = QStringLiteral("/");
const QString kCustomNsp = QStringLiteral("/custom"); // conformance mode only

QString randomSid()
{
    std::array<quint32, 4> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), 15);
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QJsonObject errorAnswer(const Error &error)
{
    return protocol::encode(protocol::Answer::refused(error));
}

} // namespace

// One WebSocket connection: its Engine.IO session, the namespaces it joined, who it is.
class HubConnection final : public QObject
{
public:
    HubConnection(QWebSocket *s, QObject *parent)
        : QObject(parent)
        , socket(s)
    {
        for (QTimer *t : {&pingTimer, &pongTimer, &connectTimer, &closeTimer})
            t->setSingleShot(true);
    }

    QWebSocket *socket;
    QString engineSid;
    QString sid;
    QSet<QString> namespaces;
    QString orgId; // set once "/" is authenticated
    QString tokenHash;
    QString deviceId;
    QString deviceName;
    QString userName;
    Ms connectedAt = 0;
    bool closing = false;
    QTimer pingTimer;
    QTimer pongTimer;
    QTimer connectTimer;
    QTimer closeTimer;
    // A binary packet waiting for its attachments.
    std::optional<sio::Packet> pending;
    QList<QByteArray> buffers;
    // Rate limit.
    double tokens = 0;
    QElapsedTimer refill;

    bool inRoom() const { return !orgId.isEmpty() && namespaces.contains(kMainNsp) && !closing; }
    QString describe() const
    {
        return deviceName.isEmpty() ? engineSid : deviceName + QLatin1Char('/') + engineSid;
    }
};

Hub::Hub(const Database &db, const Clock &clock, HubOptions options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_store(db, clock)
    , m_requests(std::make_unique<HubService>(db, clock, m_store))
{}

Hub::~Hub()
{
    close();
    // The sockets belong to the server; nothing they emit while it deletes them may reach this
    // half-destroyed hub.
    for (auto &[socket, conn] : m_connections)
        socket->disconnect(this);
    m_connections.clear();
    m_server.reset();
}

Result<QSslConfiguration> Hub::loadTls(const QString &certPath, const QString &keyPath)
{
    QFile certFile(certPath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly))
        return Error::invalid(Tr::tr("Cannot read the certificate %1.").arg(certPath));
    if (!keyFile.open(QIODevice::ReadOnly))
        return Error::invalid(Tr::tr("Cannot read the private key %1.").arg(keyPath));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyData = keyFile.readAll();
    QSslKey key(keyData, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyData, QSsl::Ec, QSsl::Pem);
    if (chain.isEmpty() || key.isNull())
        return Error::invalid(Tr::tr("The certificate or the private key is not valid PEM."));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with their token
    return config;
}

Result<void> Hub::listen()
{
    const auto mode =
        m_options.tls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode;
    m_server = std::make_unique<QWebSocketServer>(QStringLiteral("studiotimer-hub"), mode);
    if (m_options.tls)
        m_server->setSslConfiguration(*m_options.tls);
    m_server->setHandshakeTimeout(m_options.connectTimeout);
    connect(m_server.get(), &QWebSocketServer::newConnection, this, &Hub::onNewConnection);
    if (!m_server->listen(m_options.bind, m_options.port))
        return Error::internal(Tr::tr("Cannot listen on %1 port %2: %3")
                                   .arg(m_options.bind.toString())
                                   .arg(m_options.port)
                                   .arg(m_server->errorString()));
    qCInfo(lcHub).noquote() << "listening on" << m_options.bind.toString() << "port"
                            << m_server->serverPort() << (m_options.tls ? "(wss)" : "(ws)")
                            << (m_options.conformance ? "in conformance mode" : "");
    return {};
}

quint16 Hub::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void Hub::close()
{
    if (m_server && m_server->isListening())
        m_server->close();
    // Closing may emit disconnected at once, which erases from m_connections: copy first.
    QList<QWebSocket *> sockets;
    for (auto &[socket, conn] : m_connections) {
        if (!conn->closing) {
            conn->closing = true;
            sockets.append(socket);
        }
    }
    for (QWebSocket *socket : sockets) {
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, Tr::tr("The hub is shutting down."));
        if (auto it = m_connections.find(socket); it != m_connections.end())
            it->second->closeTimer.start(2000); // a peer that never answers the close is cut off
    }
}

int Hub::connectedCount() const
{
    int n = 0;
    for (const auto &[socket, conn] : m_connections) {
        if (conn->inRoom())
            ++n;
    }
    return n;
}

Result<QString> Hub::revokeToken(const QString &token)
{
    auto revoked = m_store.revokeToken(token);
    if (!revoked)
        return revoked;
    const QString hash = HubStore::hashToken(token.trimmed());
    QList<HubConnection *> victims;
    for (auto &[socket, conn] : m_connections) {
        if (conn->tokenHash == hash)
            victims.append(conn.get());
    }
    for (HubConnection *conn : victims) {
        sendText(conn, sio::encodeMessage(sio::Packet::disconnect()));
        dropConnection(conn, QStringLiteral("token revoked"));
    }
    return revoked;
}

// ---- transport ---------------------------------------------------------------------------------

void Hub::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        const QUrl url = socket->requestUrl();
        const QUrlQuery query(url);
        const QString path = url.path();
        if ((path != QLatin1String("/socket.io/") && path != QLatin1String("/socket.io")) ||
            query.queryItemValue(QStringLiteral("EIO")) != QLatin1String("4") ||
            query.queryItemValue(QStringLiteral("transport")) != QLatin1String("websocket") ||
            query.hasQueryItem(QStringLiteral("sid")) ||
            int(m_connections.size()) >= m_options.maxConnections) {
            qCInfo(lcHub).noquote()
                << "refused" << url.toString() << "from" << socket->peerAddress().toString();
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          Tr::tr("Only /socket.io/?EIO=4&transport=websocket is served, to at most "
                                 "%1 sockets.")
                              .arg(m_options.maxConnections));
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            QTimer::singleShot(2000, socket, &QObject::deleteLater);
            continue;
        }

        // Qt closes with "too much data" (1009) beyond these; onText/BinaryMessage check again.
        socket->setMaxAllowedIncomingFrameSize(quint64(m_options.maxPayload));
        socket->setMaxAllowedIncomingMessageSize(quint64(m_options.maxPayload));
        auto owned = std::make_unique<HubConnection>(socket, this);
        HubConnection *conn = owned.get();
        conn->engineSid = randomSid();
        conn->tokens = m_options.rateBurst;
        conn->refill.start();
        m_connections.emplace(socket, std::move(owned));

        connect(socket, &QWebSocket::textMessageReceived, conn,
                [this, conn](const QString &text) { onTextMessage(conn, text); });
        connect(socket, &QWebSocket::binaryMessageReceived, conn,
                [this, conn](const QByteArray &data) { onBinaryMessage(conn, data); });
        connect(socket, &QWebSocket::disconnected, this,
                [this, socket] { onDisconnected(socket); });
        connect(&conn->pingTimer, &QTimer::timeout, conn, [this, conn] {
            sendText(conn, sio::encodeEio(sio::EioType::Ping));
            conn->pongTimer.start(m_options.pingTimeout);
        });
        connect(&conn->pongTimer, &QTimer::timeout, conn,
                [this, conn] { dropConnection(conn, QStringLiteral("ping timeout")); });
        connect(&conn->connectTimer, &QTimer::timeout, conn,
                [this, conn] { dropConnection(conn, QStringLiteral("no CONNECT in time")); });
        connect(&conn->closeTimer, &QTimer::timeout, conn, [conn] { conn->socket->abort(); });

        sio::OpenInfo open;
        open.sid = conn->engineSid;
        open.pingInterval = m_options.pingInterval;
        open.pingTimeout = m_options.pingTimeout;
        open.maxPayload = m_options.maxPayload;
        sendText(conn, sio::encodeOpen(open));
        conn->pingTimer.start(m_options.pingInterval);
        conn->connectTimer.start(m_options.connectTimeout);
        qCDebug(lcHub).noquote() << "open" << conn->engineSid << "from"
                                 << socket->peerAddress().toString();
    }
}

void Hub::onDisconnected(QWebSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    std::unique_ptr<HubConnection> conn = std::move(it->second);
    m_connections.erase(it);
    const bool wasInRoom = !conn->orgId.isEmpty() && conn->namespaces.contains(kMainNsp);
    qCInfo(lcHub).noquote() << "closed" << conn->describe() << socket->closeCode()
                            << socket->closeReason();
    if (wasInRoom) {
        Q_EMIT clientDisconnected(conn->orgId, conn->deviceName);
        broadcastPresence(conn->orgId);
    }
    socket->deleteLater();
    conn.release()->deleteLater();
}

void Hub::dropConnection(HubConnection *conn, const QString &why)
{
    if (conn->closing)
        return;
    conn->closing = true;
    conn->pingTimer.stop();
    conn->pongTimer.stop();
    conn->connectTimer.stop();
    qCInfo(lcHub).noquote() << "closing" << conn->describe() << "because" << why;
    conn->socket->close(QWebSocketProtocol::CloseCodeProtocolError, why);
    conn->closeTimer.start(2000); // a peer that never answers the close is cut off
}

void Hub::sendText(HubConnection *conn, const QString &text)
{
    if (conn->socket->state() == QAbstractSocket::ConnectedState)
        conn->socket->sendTextMessage(text);
}

void Hub::onTextMessage(HubConnection *conn, const QString &text)
{
    if (conn->closing)
        return;
    if (text.size() > m_options.maxPayload || text.toUtf8().size() > m_options.maxPayload) {
        dropConnection(conn, QStringLiteral("message over maxPayload"));
        return;
    }
    if (conn->pending) {
        dropConnection(conn, QStringLiteral("text frame while binary attachments were expected"));
        return;
    }
    const Result<sio::EioPacket> eio = sio::decodeEio(text);
    if (!eio) {
        dropConnection(conn, eio.error().message);
        return;
    }
    switch (eio->type) {
    case sio::EioType::Pong:
        if (conn->pongTimer.isActive()) {
            conn->pongTimer.stop();
            conn->pingTimer.start(m_options.pingInterval);
        }
        break;
    case sio::EioType::Ping:
        sendText(conn, sio::encodeEio(sio::EioType::Pong, eio->data));
        break;
    case sio::EioType::Close:
        dropConnection(conn, QStringLiteral("closed by the client"));
        break;
    case sio::EioType::Message:
        handleSocketIo(conn, eio->data);
        break;
    case sio::EioType::Upgrade:
    case sio::EioType::Noop:
        break;
    case sio::EioType::Open:
        dropConnection(conn, QStringLiteral("open packet from a client"));
        break;
    }
}

void Hub::onBinaryMessage(HubConnection *conn, const QByteArray &data)
{
    if (conn->closing)
        return;
    if (data.size() > m_options.maxPayload) {
        dropConnection(conn, QStringLiteral("message over maxPayload"));
        return;
    }
    if (!conn->pending) {
        dropConnection(conn, QStringLiteral("binary frame without a binary packet"));
        return;
    }
    conn->buffers.append(data);
    if (conn->buffers.size() < conn->pending->attachments)
        return;
    dispatchPacket(conn);
}

// ---- Socket.IO ---------------------------------------------------------------------------------

void Hub::handleSocketIo(HubConnection *conn, const QString &packetText)
{
    Result<sio::Packet> packet = sio::decode(packetText);
    if (!packet) {
        dropConnection(conn, packet.error().message);
        return;
    }
    conn->pending = std::move(packet).value();
    conn->buffers.clear();
    if (conn->pending->isBinary() && conn->pending->attachments > 0)
        return; // wait for the attachments
    dispatchPacket(conn);
}

void Hub::dispatchPacket(HubConnection *conn)
{
    const sio::Packet &p = *conn->pending;
    switch (p.type) {
    case sio::PacketType::Connect:
        handleConnect(conn, p.nsp, p.data);
        break;
    case sio::PacketType::Disconnect:
        if (conn->namespaces.remove(p.nsp) && p.nsp == kMainNsp && !conn->orgId.isEmpty()) {
            Q_EMIT clientDisconnected(conn->orgId, conn->deviceName);
            broadcastPresence(conn->orgId);
        }
        break;
    case sio::PacketType::Event:
    case sio::PacketType::BinaryEvent:
        if (!conn->namespaces.contains(p.nsp))
            qCDebug(lcHub).noquote() << conn->describe() << "event to a namespace not joined";
        else if (m_options.conformance)
            handleConformanceEvent(conn);
        else
            handleEvent(conn);
        break;
    case sio::PacketType::Ack:
    case sio::PacketType::BinaryAck:
        break; // the hub asks no acknowledgements
    case sio::PacketType::ConnectError:
        dropConnection(conn, QStringLiteral("CONNECT_ERROR from a client"));
        return;
    }
    conn->pending.reset();
    conn->buffers.clear();
}

void Hub::handleConnect(HubConnection *conn, const QString &nsp, const QJsonValue &auth)
{
    const bool known = nsp == kMainNsp || (m_options.conformance && nsp == kCustomNsp);
    if (!known) {
        sendText(conn, sio::encodeMessage(
                           sio::Packet::connectError(QStringLiteral("Invalid namespace"), nsp)));
        return;
    }
    conn->connectTimer.stop();

    if (m_options.conformance) {
        conn->namespaces.insert(nsp);
        sio::Packet answer = sio::Packet::connect({{QStringLiteral("sid"), randomSid()}}, nsp);
        sendText(conn, sio::encodeMessage(answer));
        // The suite reads the answer and the "auth" event as two messages with an await between
        // them: sent in one TCP segment, the second would fire before its listener exists.
        const QString authFrame = sio::encodeMessage(sio::Packet::event(
            QStringLiteral("auth"), {auth.isObject() ? auth : QJsonObject{}}, {}, nsp));
        QTimer::singleShot(20, conn, [this, conn, authFrame] { sendText(conn, authFrame); });
        return;
    }

    if (conn->namespaces.contains(kMainNsp))
        return; // connected already
    const Result<protocol::ConnectAuth> a = protocol::decodeConnectAuth(auth);
    const QString token = protocol::connectToken(auth);
    const std::optional<QString> orgId = m_store.organizationForToken(token);
    const std::optional<Organization> org = orgId ? m_store.organization(*orgId) : std::nullopt;
    const auto refuse = [&](const protocol::ConnectRefusal &refusal) {
        qCInfo(lcHub).noquote() << conn->describe() << "refused:" << refusal.message;
        sio::Packet packet = sio::Packet::connectError(refusal.message, nsp);
        packet.data = protocol::encode(refusal);
        sendText(conn, sio::encodeMessage(packet));
        dropConnection(conn, refusal.message);
    };
    if (!org)
        return refuse(protocol::unauthorized());
    if (!a)
        return refuse(protocol::invalidHandshake());
    if (!protocol::isSupportedVersion(a->protocol))
        return refuse(protocol::unsupportedProtocol(a->protocol));

    conn->orgId = org->id;
    conn->tokenHash = HubStore::hashToken(token);
    conn->deviceId = a->deviceId;
    conn->deviceName = a->deviceName;
    if (conn->deviceName.isEmpty())
        conn->deviceName = conn->deviceId;
    conn->connectedAt = m_clock.nowMs();
    conn->sid = randomSid();
    conn->namespaces.insert(kMainNsp);

    const protocol::ConnectAnswer answer{conn->sid,      org->id,
                                         org->name,      m_clock.nowMs(),
                                         m_store.head(org->id), protocol::kVersion};
    sendText(conn, sio::encodeMessage(sio::Packet::connect(protocol::encode(answer))));
    qCInfo(lcHub).noquote() << conn->describe() << "connected to" << org->name << "since"
                            << a->since << "speaking protocol" << a->protocol;
    Q_EMIT clientConnected(conn->orgId, conn->deviceName);
    broadcastPresence(conn->orgId);
}

void Hub::handleConformanceEvent(HubConnection *conn)
{
    const sio::Packet &p = *conn->pending;
    const QString name = p.eventName();
    sio::Packet out;
    if (name == QLatin1String("message")) {
        out = sio::Packet::event(QStringLiteral("message-back"), p.eventArgs(), {}, p.nsp);
        if (p.isBinary()) {
            out.type = sio::PacketType::BinaryEvent;
            out.attachments = p.attachments;
        }
    } else if (name == QLatin1String("message-with-ack") && p.ackId) {
        out = sio::Packet::ack(*p.ackId, p.eventArgs(), p.nsp);
        if (p.isBinary()) {
            out.type = sio::PacketType::BinaryAck;
            out.attachments = p.attachments;
        }
    } else {
        return;
    }
    sendText(conn, sio::encodeMessage(out));
    if (out.isBinary()) {
        for (const QByteArray &buffer : conn->buffers)
            conn->socket->sendBinaryMessage(buffer);
    }
}

bool Hub::takeToken(HubConnection *conn)
{
    if (m_options.ratePerSecond <= 0)
        return true;
    const double elapsed = double(conn->refill.restart()) / 1000.0;
    conn->tokens =
        std::min<double>(m_options.rateBurst, conn->tokens + elapsed * m_options.ratePerSecond);
    if (conn->tokens < 1.0)
        return false;
    conn->tokens -= 1.0;
    return true;
}

void Hub::handleEvent(HubConnection *conn)
{
    const sio::Packet &p = *conn->pending;
    if (p.nsp != kMainNsp)
        return;
    if (!p.ackId) {
        qCDebug(lcHub).noquote() << conn->describe()
                                 << "event without ack id ignored:" << p.eventName();
        return;
    }
    if (m_store.isRevokedHash(conn->tokenHash)) {
        // Revoked by "studiotimer-hub org revoke" from another process while this socket was on.
        sendText(conn, sio::encodeMessage(sio::Packet::disconnect()));
        dropConnection(conn, QStringLiteral("token revoked"));
        return;
    }
    const qint64 ackId = *p.ackId;
    const auto reply = [&](const QJsonObject &answer) {
        sendAck(conn, ackId, answer);
    };
    if (!takeToken(conn)) {
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

void Hub::sendAck(HubConnection *conn, qint64 ackId, QJsonObject answer)
{
    // Stamped as it leaves (a replayed answer's stored stamp would be stale): every answer is a
    // clock sample for the client, so its offset follows a clock that moves while connected.
    sendText(conn, sio::encodeMessage(sio::Packet::ack(
                       ackId, {protocol::withServerTime(std::move(answer), m_clock.nowMs())})));
}

void Hub::handleRequest(HubConnection *conn, const QString &event, const QJsonValue &payload,
                        qint64 ackId)
{
    const HubOutcome outcome =
        m_requests->handle({conn->orgId, conn->deviceId, conn->deviceName}, event, payload);
    sendAck(conn, ackId, outcome.answer);
    for (const protocol::Broadcast &change : outcome.broadcasts)
        broadcast(conn->orgId, protocol::eventName(protocol::eventOf(change)),
                  protocol::encode(change));
    if (!outcome.userName.isEmpty() && outcome.userName != conn->userName) {
        conn->userName = outcome.userName;
        broadcastPresence(conn->orgId);
    }
}

void Hub::broadcast(const QString &orgId, const QString &event, const QJsonObject &payload)
{
    const QString frame = sio::encodeMessage(sio::Packet::event(event, {payload}));
    QList<QWebSocket *> room;
    for (auto &[socket, conn] : m_connections) {
        if (conn->orgId == orgId && conn->inRoom())
            room.append(socket);
    }
    for (QWebSocket *socket : room) {
        if (m_connections.count(socket) != 0)
            sendText(m_connections.at(socket).get(), frame);
    }
}

void Hub::broadcastPresence(const QString &orgId)
{
    protocol::Presence presence;
    for (const auto &[socket, conn] : m_connections) {
        if (conn->orgId == orgId && conn->inRoom())
            presence.devices.append(
                {conn->deviceId, conn->deviceName, conn->userName, conn->connectedAt});
    }
    broadcast(orgId, protocol::eventName(protocol::Event::Presence), protocol::encode(presence));
}

} // namespace st
