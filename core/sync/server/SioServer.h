#pragma once

#include "domain/Error.h"
#include "sync/SocketIoCodec.h"
#include "sync/server/SioConnection.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>
#include <set>

Q_DECLARE_LOGGING_CATEGORY(lcSio)

namespace st {

class WsConnection;
class WsServer;

namespace sio {
// A random session id (20 URL-safe characters), for Engine.IO and Socket.IO sessions.
QString newSid();
} // namespace sio

struct SioServerOptions
{
    QHostAddress bind = QHostAddress::Any;
    quint16 port = 0; // 0: any free port (see SioServer::port())
    int pingInterval = 25000;
    int pingTimeout = 20000;
    int maxPayload = 1000000; // per WebSocket message, and per packet with its attachments
    // Until a namespace accepted the CONNECT, a message may be at most this long, and binary
    // frames (or a packet announcing attachments) close the socket: a stranger makes the server
    // hold no more than this per socket.
    int maxPayloadBeforeConnect = 16384;
    // BINARY_EVENT / BINARY_ACK packets are served; when false, one closes the connection at its
    // header, before any attachment is buffered (the hub: no request takes binary data).
    bool binaryPackets = true;
    int connectTimeout = 10000; // from the open packet to the CONNECT packet
    // Sockets beyond this are closed at once (a flood must not exhaust the server).
    int maxConnections = 1000;
    // Sockets not yet past CONNECT (no namespace accepted yet) beyond this get CONNECT_ERROR
    // (data.code "over_limit") and are closed; 0: no limit.
    int maxUnauthenticated = 4096;
    // A socket whose peer does not read what it is sent is cut off once this much waits to go
    // out (its peer comes back, and pulls what it missed); 0: no limit. While a quarter of it
    // waits, the socket's requests are not read (WsConnection::setPauseAbove).
    qint64 maxUnsentBytes = 1 << 20;
    // Per-socket rate limit (token bucket, see SioServer::takeToken): burst size and refill per
    // second; 0 per second turns it off. Generous on purpose: a desk replaying a day of offline
    // changes must get through.
    int rateBurst = 1000;
    int ratePerSecond = 200;
    // wss:// when set (certificate and private key loaded).
    std::optional<QSslConfiguration> tls;
    // The namespaces served; a CONNECT to any other is answered "Invalid namespace".
    QStringList namespaces{QStringLiteral("/")};
};

// What the application behind a SioServer answers to. Each call names the connection; the
// application keeps what it knows of it (who it is) under that id.
class SioHandler
{
public:
    // A CONNECT to a served namespace (the connect timeout is stopped). Answer with
    // SioServer::accept() or SioServer::refuse() (and drop() if the socket should go).
    virtual void connectRequested(SioConnectionId id, const QString &nsp,
                                  const QJsonValue &auth) = 0;
    // An EVENT or BINARY_EVENT on a namespace the connection joined, with its attachments.
    virtual void eventReceived(SioConnectionId id, const sio::Packet &packet,
                               const QList<QByteArray> &attachments) = 0;
    // A DISCONNECT packet for a namespace the connection had joined.
    virtual void namespaceLeft(SioConnectionId id, const QString &nsp) = 0;
    // The connection starts closing: nothing sent to its rooms reaches it any more.
    virtual void connectionClosing(SioConnectionId id) = 0;
    // The WebSocket is gone; the id is unknown to the server from now on.
    virtual void connectionClosed(SioConnectionId id) = 0;

protected:
    ~SioHandler() = default;
};

// A Socket.IO v4 server (Engine.IO 4 over WebSocket only, path /socket.io/): accepts sockets up
// to maxConnections, runs each one's Engine.IO session (SioConnection), answers CONNECTs to
// namespaces it does not serve, and hands CONNECT, EVENT, DISCONNECT and closes to its handler.
// It knows nothing of what the events mean. Rooms address a set of connections at once.
class SioServer final : public QObject
{
public:
    SioServer(SioServerOptions options, SioHandler &handler, QObject *parent = nullptr);
    ~SioServer() override;

    // The wss:// configuration from a PEM certificate (chain) and its PEM private key (RSA or EC).
    static Result<QSslConfiguration> loadTls(const QString &certPath, const QString &keyPath);
    // The same from the PEM texts themselves.
    static Result<QSslConfiguration> tlsFromPem(const QByteArray &certificate,
                                                const QByteArray &key);

    // name: the server's name in the log.
    Result<void> listen(const QString &name);
    // The port listened on (the chosen one when the options' port was 0).
    quint16 port() const;
    // Stops listening and closes every connection ("going away", with this reason).
    void close(const QString &reason);

    // Answers a CONNECT: the connection joins nsp and gets CONNECT with data. rawField, when
    // given, is one more member of data already encoded as JSON text ("key":value), spliced in
    // as it is (a large value shared by many answers is encoded once).
    void accept(SioConnectionId id, const QString &nsp, const QJsonObject &data,
                const QString &rawField = {});
    // Answers a CONNECT with CONNECT_ERROR data ({message} and, as Socket.IO allows, {data}).
    void refuse(SioConnectionId id, const QString &nsp, const QJsonObject &data);
    bool hasJoined(SioConnectionId id, const QString &nsp) const;
    // Sends one packet (and the binary attachments of a BINARY_EVENT / BINARY_ACK).
    void send(SioConnectionId id, const sio::Packet &packet,
              const QList<QByteArray> &attachments = {});
    // Closes one connection (protocol error, why in the log and the close frame); a quiet drop
    // is logged at debug level only.
    void drop(SioConnectionId id, const QString &why, bool quiet = false);
    // Whether the connection is there and not closing.
    bool isOpen(SioConnectionId id) const;
    // The peer's IP address, as text (empty for an unknown connection).
    QString peerAddress(SioConnectionId id) const;
    // Names the connection in the log from now on (e.g. the device's name).
    void setLabel(SioConnectionId id, const QString &label);
    // Takes a request from the connection's bucket; false: over the rate limit.
    bool takeToken(SioConnectionId id);

    // Rooms: a connection is in a room until it leaves it or starts closing.
    void join(SioConnectionId id, const QString &room);
    void leave(SioConnectionId id, const QString &room);
    // Sends the packet to every connection in the room that is not closing.
    void sendToRoom(const QString &room, const sio::Packet &packet);

    // Connections not yet past CONNECT.
    int unauthenticatedCount() const { return m_unauthenticated; }
    // Everything sent since the server was made.
    const SioTraffic &traffic() const { return m_traffic; }

private:
    // The listening socket's backlog and TCP_NODELAY (see the .cpp).
    static void tuneListener(qintptr fd);
    // Whether a handshake's request target is the Engine.IO WebSocket endpoint.
    static bool isEngineIoTarget(const QByteArray &target);
    void onNewConnection(std::unique_ptr<WsConnection> socket);
    void onDisconnected(SioConnectionId id);
    void onPacket(SioConnection &conn, const sio::Packet &packet,
                  const QList<QByteArray> &attachments);
    void onConnect(SioConnection &conn, const sio::Packet &packet);
    SioConnection *find(SioConnectionId id) const;
    void leaveRooms(SioConnectionId id);

    SioServerOptions m_options;
    SioHandler &m_handler;
    std::unique_ptr<WsServer> m_server;
    std::map<SioConnectionId, std::unique_ptr<SioConnection>> m_connections;
    std::map<QString, std::set<SioConnectionId>> m_rooms;
    QObject m_refused; // the parent of sockets refused beyond maxConnections, until they go
    SioConnectionId m_nextId = 1;
    SioTraffic m_traffic;
    int m_unauthenticated = 0; // connections that never had a namespace accepted
    // The last rawField accept() was given, and its UTF-8 (shared by the answers' queues).
    QString m_rawField;
    QByteArray m_rawFieldUtf8;
};

} // namespace st
