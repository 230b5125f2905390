#include "SioServer.h"

#include "protocol/Answers.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

#include <array>

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

// A refused socket that never answers the close is deleted after this.
constexpr int kRefusedGraceMs = 2000;

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
    // The sockets belong to the QWebSocketServer; nothing they emit while it deletes them may
    // reach the handler (it is being destroyed too).
    for (auto &[id, conn] : m_connections) {
        conn->socket()->disconnect(this);
        conn->onClosing = nullptr;
        conn->onPacket = nullptr;
    }
    m_connections.clear();
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
    const auto mode =
        m_options.tls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode;
    m_server = std::make_unique<QWebSocketServer>(name, mode);
    if (m_options.tls)
        m_server->setSslConfiguration(*m_options.tls);
    m_server->setHandshakeTimeout(m_options.connectTimeout);
    connect(m_server.get(), &QWebSocketServer::newConnection, this, &SioServer::onNewConnection);
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
    // Closing may emit disconnected at once, which erases from m_connections: copy first.
    QList<SioConnectionId> ids;
    for (const auto &[id, conn] : m_connections)
        ids.append(id);
    for (SioConnectionId id : ids) {
        if (SioConnection *conn = find(id))
            conn->goAway(reason);
    }
}

void SioServer::onNewConnection()
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
            qCInfo(lcSio).noquote()
                << "refused" << url.toString() << "from" << socket->peerAddress().toString();
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          Tr::tr("Only /socket.io/?EIO=4&transport=websocket is served, to at most "
                                 "%1 sockets.")
                              .arg(m_options.maxConnections));
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            QTimer::singleShot(kRefusedGraceMs, socket, &QObject::deleteLater);
            continue;
        }

        const SioConnectionId id = m_nextId++;
        auto owned = std::make_unique<SioConnection>(id, socket, m_options, m_traffic);
        SioConnection *conn = owned.get();
        m_connections.emplace(id, std::move(owned));
        const bool overLimit =
            m_options.maxUnauthenticated > 0 && m_unauthenticated >= m_options.maxUnauthenticated;
        ++m_unauthenticated;
        conn->onPacket = [this, conn](const sio::Packet &packet,
                                      const QList<QByteArray> &attachments) {
            onPacket(*conn, packet, attachments);
        };
        conn->onClosing = [this, id] {
            leaveRooms(id);
            m_handler.connectionClosing(id);
        };
        connect(socket, &QWebSocket::disconnected, this, [this, id] { onDisconnected(id); });
        conn->open();
        if (overLimit) {
            // Said in words a desk shows, and as over_limit: it tries again later.
            const QString message = Tr::tr("The hub has %1 connections waiting to log in "
                                           "(--max-unauthenticated); try again later.")
                                        .arg(m_options.maxUnauthenticated);
            qCWarning(lcSio).noquote()
                << "refused a socket from" << conn->socket()->peerAddress().toString()
                << "at once:" << m_options.maxUnauthenticated << "wait to log in";
            refuse(id, QStringLiteral("/"), protocol::encode(protocol::overLimit(message)));
            conn->drop(QStringLiteral("over --max-unauthenticated"), true);
        }
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
        qCDebug(lcSio).noquote() << "closed" << conn->describe() << conn->socket()->closeCode();
    else
        qCInfo(lcSio).noquote() << "closed" << conn->describe() << conn->socket()->closeCode()
                                << conn->socket()->closeReason();
    conn->markClosed();
    conn->socket()->deleteLater();
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
    if (!rawField.isEmpty() && frame.endsWith(QLatin1Char('}'))) {
        frame.chop(1);
        if (!data.isEmpty())
            frame += QLatin1Char(',');
        frame += rawField + QLatin1Char('}');
    }
    conn->sendText(frame);
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
    return conn ? conn->socket()->peerAddress().toString() : QString();
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
    const QString frame = sio::encodeMessage(packet);
    // A send may close a connection (and change the room): walk a copy.
    const std::set<SioConnectionId> members = it->second;
    for (SioConnectionId id : members) {
        SioConnection *conn = find(id);
        if (conn && !conn->isClosing())
            conn->sendText(frame);
    }
}

} // namespace st
