#include "Hub.h"

#include "domain/Json.h"
#include "store/Repositories.h"
#include "sync/SocketIoCodec.h"
#include "timer/TimerService.h"

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
constexpr int kDefaultPullLimit = 200;
constexpr int kMaxPullLimit = 1000;
constexpr int kMaxDeviceFieldLength = 128;

QString randomSid()
{
    std::array<quint32, 4> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), 15);
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

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
    const QJsonObject a = auth.toObject();
    const QString token = a.value(QLatin1String("token")).toString();
    const std::optional<QString> orgId = m_store.organizationForToken(token);
    const std::optional<Organization> org = orgId ? m_store.organization(*orgId) : std::nullopt;
    if (!org) {
        qCInfo(lcHub).noquote() << conn->describe() << "refused: unauthorized";
        sendText(conn, sio::encodeMessage(
                           sio::Packet::connectError(QStringLiteral("unauthorized"), nsp)));
        dropConnection(conn, QStringLiteral("unauthorized"));
        return;
    }
    const QJsonValue deviceId = a.value(QLatin1String("deviceId"));
    const QJsonValue deviceName = a.value(QLatin1String("deviceName"));
    if (!deviceId.isString() || deviceId.toString().isEmpty() ||
        deviceId.toString().size() > kMaxDeviceFieldLength ||
        (!deviceName.isUndefined() && !deviceName.isString()) ||
        deviceName.toString().size() > kMaxDeviceFieldLength) {
        sendText(conn, sio::encodeMessage(
                           sio::Packet::connectError(QStringLiteral("invalid handshake"), nsp)));
        dropConnection(conn, QStringLiteral("invalid handshake"));
        return;
    }

    conn->orgId = org->id;
    conn->tokenHash = HubStore::hashToken(token);
    conn->deviceId = deviceId.toString();
    conn->deviceName = deviceName.toString().trimmed();
    if (conn->deviceName.isEmpty())
        conn->deviceName = conn->deviceId;
    conn->connectedAt = m_clock.nowMs();
    conn->sid = randomSid();
    conn->namespaces.insert(kMainNsp);

    const QJsonObject answer{{QStringLiteral("sid"), conn->sid},
                             {QStringLiteral("orgId"), org->id},
                             {QStringLiteral("orgName"), org->name},
                             {QStringLiteral("serverTime"), double(m_clock.nowMs())},
                             {QStringLiteral("head"), double(m_store.head(org->id))}};
    sendText(conn, sio::encodeMessage(sio::Packet::connect(answer)));
    qCInfo(lcHub).noquote() << conn->describe() << "connected to" << org->name << "since"
                            << a.value(QLatin1String("since")).toDouble();
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
    answer.insert(QStringLiteral("serverTime"), double(m_clock.nowMs()));
    sendText(conn, sio::encodeMessage(sio::Packet::ack(ackId, {answer})));
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

    if (const auto replay = m_store.opAnswer(request.orgId, request.opId)) {
        qCDebug(lcHub).noquote() << "replay of" << request.opId;
        return *replay;
    }

    TimerService &svc = service(request.orgId);
    CatalogRepository catalog(m_db);
    const auto userRow = catalog.user(userId);
    if (!userRow)
        return errorAnswer(userRow.error());
    const std::optional<User> existingUser = userRow.value();
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
        const auto row = EntryRepository(m_db).entry(id);
        if (!row)
            return row.error();
        const std::optional<TimeEntry> &found = row.value();
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
    QJsonArray list;
    for (const HubStore::Change &c : changes.value())
        list.append(QJsonObject{{QStringLiteral("seq"), double(c.seq)},
                                {QStringLiteral("type"), c.type},
                                {QStringLiteral("data"), c.data}});
    QJsonObject answer = okAnswer();
    answer.insert(QStringLiteral("changes"), list);
    answer.insert(QStringLiteral("head"), double(m_store.head(conn->orgId)));
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
    QJsonArray devices;
    for (const auto &[socket, conn] : m_connections) {
        if (conn->orgId != orgId || !conn->inRoom())
            continue;
        QJsonObject device{{QStringLiteral("id"), conn->deviceId},
                           {QStringLiteral("name"), conn->deviceName},
                           {QStringLiteral("connectedAt"), double(conn->connectedAt)}};
        if (!conn->userName.isEmpty())
            device.insert(QStringLiteral("userName"), conn->userName);
        devices.append(device);
    }
    broadcast(orgId, QStringLiteral("presence"), {{QStringLiteral("devices"), devices}});
}

} // namespace st
