#include "SioServer.h"

#include "protocol/Answers.h"
#include "sync/server/WsServer.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>
#include <QUrlQuery>

#include <array>
#include <vector>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

Q_LOGGING_CATEGORY(lcSio, "studiotimer.sio", QtInfoMsg)

namespace st {

namespace {

// The strings keep the context they were translated under when this was part of the hub.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::Hub)
};

} // namespace

QString sio::newSid()
{
    std::array<quint32, 4> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), 15);
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

SioServer::SioServer(SioServerOptions options, SioHandler &handler, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_handler(handler)
{}

SioServer::~SioServer()
{
    // Nothing the sockets emit while they are deleted may reach the handler (it is being
    // destroyed too).
    for (auto &[id, conn] : m_connections) {
        conn->socket().onDisconnected = nullptr;
        conn->onClosing = nullptr;
        conn->onPacket = nullptr;
    }
    m_connections.clear();
    qDeleteAll(m_refused.children()); // before the batch they may be queued in
    m_server.reset();
}

Result<QSslConfiguration> SioServer::loadTls(const QString &certPath, const QString &keyPath)
{
    QFile certFile(certPath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly))
        return Error::invalid(Tr::tr("Cannot read the certificate %1.").arg(certPath));
    if (!keyFile.open(QIODevice::ReadOnly))
        return Error::invalid(Tr::tr("Cannot read the private key %1.").arg(keyPath));
    return tlsFromPem(certFile.readAll(), keyFile.readAll());
}

Result<QSslConfiguration> SioServer::tlsFromPem(const QByteArray &certificate,
                                                const QByteArray &keyData)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificate, QSsl::Pem);
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

Result<void> SioServer::listen(const QString &name)
{
    m_server = std::make_unique<WsServer>(m_options.tls, m_options.connectTimeout);
    m_server->acceptTarget = &SioServer::isEngineIoTarget;
    m_server->onConnection = [this](std::unique_ptr<WsConnection> socket) {
        onNewConnection(std::move(socket));
    };
    if (!m_server->listen(m_options.bind, m_options.port))
        return Error::internal(Tr::tr("Cannot listen on %1 port %2: %3")
                                   .arg(m_options.bind.toString())
                                   .arg(m_options.port)
                                   .arg(m_server->errorString()));
    tuneListener(m_server->socketDescriptor());
    qCInfo(lcSio).noquote() << name << "listening on" << m_options.bind.toString() << "port"
                            << m_server->serverPort() << (m_options.tls ? "(wss)" : "(ws)");
    return {};
}

void SioServer::tuneListener(qintptr fd)
{
    // Qt listens with a backlog of 50: in a reconnect storm of thousands of desks the kernel
    // would drop the SYNs beyond it, and those desks would wait a second or more to retry. A
    // second listen() sets the backlog (capped by net.core.somaxconn).
    ::listen(int(fd), SOMAXCONN);
    // Accepted sockets inherit this: a small frame (an ack, a broadcast) leaves at once instead
    // of waiting for the peer's delayed ACK (Nagle), as Node's ws does too.
    const int on = 1;
    ::setsockopt(int(fd), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

quint16 SioServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void SioServer::close(const QString &reason)
{
    if (m_server && m_server->isListening())
        m_server->close();
    if (m_server)
        m_server->abortHandshakes();
    // Closing may emit disconnected at once, which erases from m_connections: copy first.
    QList<SioConnectionId> ids;
    for (const auto &[id, conn] : m_connections)
        ids.append(id);
    for (SioConnectionId id : ids) {
        if (SioConnection *conn = find(id))
            conn->goAway(reason);
    }
}

bool SioServer::isEngineIoTarget(const QByteArray &target)
{
    const QUrl url = QUrl::fromEncoded(target);
    const QUrlQuery query(url);
    const QString path = url.path();
    return (path == QLatin1String("/socket.io/") || path == QLatin1String("/socket.io")) &&
           query.queryItemValue(QStringLiteral("EIO")) == QLatin1String("4") &&
           query.queryItemValue(QStringLiteral("transport")) == QLatin1String("websocket") &&
           !query.hasQueryItem(QStringLiteral("sid"));
}

void SioServer::onNewConnection(std::unique_ptr<WsConnection> socket)
{
    if (int(m_connections.size()) >= m_options.maxConnections) {
        qCInfo(lcSio).noquote() << "refused a socket from" << socket->peerAddress().toString()
                                << "beyond" << m_options.maxConnections << "connections";
        // Its own until it is gone (or the server is: see the destructor).
        WsConnection *refused = socket.release();
        refused->setParent(&m_refused);
        refused->onDisconnected = [refused] {
            refused->deleteLater();
        };
        refused->close(ws::close::PolicyViolated,
                       Tr::tr("Only /socket.io/?EIO=4&transport=websocket is served, to at most "
                              "%1 sockets.")
                           .arg(m_options.maxConnections));
        return;
    }

    const SioConnectionId id = m_nextId++;
    WsConnection &ws = *socket;
    auto owned = std::make_unique<SioConnection>(id, std::move(socket), m_options, m_traffic);
    SioConnection *conn = owned.get();
    m_connections.emplace(id, std::move(owned));
    const bool overLimit =
        m_options.maxUnauthenticated > 0 && m_unauthenticated >= m_options.maxUnauthenticated;
    ++m_unauthenticated;
    conn->onPacket = [this, conn](const sio::Packet &packet, const QList<QByteArray> &attachments) {
        onPacket(*conn, packet, attachments);
    };
    conn->onClosing = [this, id] {
        leaveRooms(id);
        m_handler.connectionClosing(id);
    };
    ws.onDisconnected = [this, id] {
        onDisconnected(id);
    };
    conn->open();
    if (overLimit) {
        // Said in words a desk shows, and as over_limit: it tries again later.
        const QString message = Tr::tr("The hub has %1 connections waiting to log in "
                                       "(--max-unauthenticated); try again later.")
                                    .arg(m_options.maxUnauthenticated);
        qCWarning(lcSio).noquote()
            << "refused a socket from" << ws.peerAddress().toString()
            << "at once:" << m_options.maxUnauthenticated << "wait to log in";
        refuse(id, QStringLiteral("/"), protocol::encode(protocol::overLimit(message)));
        conn->drop(QStringLiteral("over --max-unauthenticated"), true);
    }
}

void SioServer::onDisconnected(SioConnectionId id)
{
    auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    std::unique_ptr<SioConnection> conn = std::move(it->second);
    m_connections.erase(it);
    leaveRooms(id);
    if (!conn->wasAccepted())
        --m_unauthenticated;
    if (conn->isQuiet())
        qCDebug(lcSio).noquote() << "closed" << conn->describe() << conn->socket().closeCode();
    else
        qCInfo(lcSio).noquote() << "closed" << conn->describe() << conn->socket().closeCode()
                                << conn->socket().closeReason();
    conn->markClosed();
    conn.release()->deleteLater(); // it may be on the stack below us (a close while sending)
    m_handler.connectionClosed(id);
}

void SioServer::onPacket(SioConnection &conn, const sio::Packet &packet,
                         const QList<QByteArray> &attachments)
{
    switch (packet.type) {
    case sio::PacketType::Connect:
        onConnect(conn, packet);
        break;
    case sio::PacketType::Disconnect:
        if (conn.leave(packet.nsp))
            m_handler.namespaceLeft(conn.id(), packet.nsp);
        break;
    case sio::PacketType::Event:
    case sio::PacketType::BinaryEvent:
        if (conn.hasJoined(packet.nsp))
            m_handler.eventReceived(conn.id(), packet, attachments);
        else
            qCDebug(lcSio).noquote() << conn.describe() << "event to a namespace not joined";
        break;
    case sio::PacketType::Ack:
    case sio::PacketType::BinaryAck:
        break; // the server asks no acknowledgements
    case sio::PacketType::ConnectError:
        conn.drop(QStringLiteral("CONNECT_ERROR from a client"));
        break;
    }
}

void SioServer::onConnect(SioConnection &conn, const sio::Packet &packet)
{
    if (!m_options.namespaces.contains(packet.nsp)) {
        conn.send(sio::Packet::connectError(QStringLiteral("Invalid namespace"), packet.nsp));
        return;
    }
    conn.stopConnectClock();
    m_handler.connectRequested(conn.id(), packet.nsp, packet.data);
}

SioConnection *SioServer::find(SioConnectionId id) const
{
    const auto it = m_connections.find(id);
    return it == m_connections.end() ? nullptr : it->second.get();
}

void SioServer::accept(SioConnectionId id, const QString &nsp, const QJsonObject &data,
                       const QString &rawField)
{
    SioConnection *conn = find(id);
    if (!conn)
        return;
    if (!conn->wasAccepted())
        --m_unauthenticated;
    conn->join(nsp);
    QString frame = sio::encodeMessage(sio::Packet::connect(data, nsp));
    if (rawField.isEmpty() || !frame.endsWith(QLatin1Char('}'))) {
        conn->sendText(frame);
        return;
    }
    frame.chop(1);
    if (!data.isEmpty())
        frame += QLatin1Char(',');
    // The large field (the device list) in UTF-8 once for every answer that carries it, and
    // queued to each socket as that one buffer.
    if (rawField != m_rawField) {
        m_rawField = rawField;
        m_rawFieldUtf8 = rawField.toUtf8();
    }
    conn->sendTextParts({frame.toUtf8(), m_rawFieldUtf8, QByteArray("}")});
}

void SioServer::refuse(SioConnectionId id, const QString &nsp, const QJsonObject &data)
{
    if (SioConnection *conn = find(id)) {
        sio::Packet packet =
            sio::Packet::connectError(data.value(QLatin1String("message")).toString(), nsp);
        packet.data = data;
        conn->send(packet);
    }
}

bool SioServer::hasJoined(SioConnectionId id, const QString &nsp) const
{
    const SioConnection *conn = find(id);
    return conn && conn->hasJoined(nsp);
}

void SioServer::send(SioConnectionId id, const sio::Packet &packet,
                     const QList<QByteArray> &attachments)
{
    if (SioConnection *conn = find(id))
        conn->send(packet, attachments);
}

void SioServer::drop(SioConnectionId id, const QString &why, bool quiet)
{
    if (SioConnection *conn = find(id))
        conn->drop(why, quiet);
}

bool SioServer::isOpen(SioConnectionId id) const
{
    const SioConnection *conn = find(id);
    return conn && !conn->isClosing();
}

QString SioServer::peerAddress(SioConnectionId id) const
{
    const SioConnection *conn = find(id);
    return conn ? conn->socket().peerAddress().toString() : QString();
}

void SioServer::setLabel(SioConnectionId id, const QString &label)
{
    if (SioConnection *conn = find(id))
        conn->setLabel(label);
}

bool SioServer::takeToken(SioConnectionId id)
{
    SioConnection *conn = find(id);
    return conn && conn->takeToken();
}

void SioServer::join(SioConnectionId id, const QString &room)
{
    if (SioConnection *conn = find(id); conn && !conn->isClosing())
        m_rooms[room].insert(id);
}

void SioServer::leave(SioConnectionId id, const QString &room)
{
    auto it = m_rooms.find(room);
    if (it == m_rooms.end())
        return;
    it->second.erase(id);
    if (it->second.empty())
        m_rooms.erase(it);
}

void SioServer::leaveRooms(SioConnectionId id)
{
    for (auto it = m_rooms.begin(); it != m_rooms.end();) {
        it->second.erase(id);
        it = it->second.empty() ? m_rooms.erase(it) : std::next(it);
    }
}

void SioServer::sendToRoom(const QString &room, const sio::Packet &packet)
{
    const auto it = m_rooms.find(room);
    if (it == m_rooms.end())
        return;
    // Encoded and framed once; every member's queue shares the one buffer.
    const QByteArray payload = sio::encodeMessage(packet).toUtf8();
    const QByteArray frame = ws::encodeFrame(ws::Opcode::Text, payload);
    // A send may close a connection (and change the room): walk a copy, flat (one allocation, not
    // one per member).
    const std::vector<SioConnectionId> members(it->second.begin(), it->second.end());
    for (SioConnectionId id : members) {
        SioConnection *conn = find(id);
        if (conn && !conn->isClosing())
            conn->sendFrame(frame, payload.size());
    }
}

} // namespace st
