#pragma once

#include "domain/Clock.h"
#include "store/Database.h"
#include "sync/HubStore.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <map>
#include <memory>
#include <optional>

class QWebSocket;
class QWebSocketServer;

namespace st {

class HubConnection;
class HubService;

struct HubOptions
{
    QHostAddress bind = QHostAddress::Any;
    quint16 port = 7345; // 0: any free port (see Hub::port())
    int pingInterval = 25000;
    int pingTimeout = 20000;
    int maxPayload = 1000000;
    int connectTimeout = 10000; // from the open packet to the CONNECT packet
    // Sockets beyond this are closed at once (a flood must not exhaust the hub).
    int maxConnections = 1000;
    // Per-socket rate limit (token bucket): burst size and refill per second; 0 per second turns
    // it off. Generous on purpose: a desk replaying a day of offline changes must get through.
    int rateBurst = 1000;
    int ratePerSecond = 200;
    // wss:// when set (certificate and private key loaded).
    std::optional<QSslConfiguration> tls;
    // The reference set-up of the official socket.io-protocol test suite instead of the
    // application: no auth, namespaces "/" and "/custom", echo events (see issue 4).
    bool conformance = false;
};

// The LAN sync hub: a Socket.IO v4 server (Engine.IO 4 over WebSocket only) that applies the
// requests of DESIGN.md ("Sync protocol") through one TimerService per organisation, numbers every
// committed change with the organisation's gapless seq, and broadcasts it to the sockets of that
// organisation (room org:<orgId>) after the commit. Each answer (ack) is sent after the commit too.
// Malformed input closes only the connection that sent it.
//
// Beyond DESIGN.md's tables: timeEntries:restore {entryId} (undo of a delete) is broadcast as
// entry:restored {seq, entry, user}; an organisation's default task types are its first changes
// (taskType:changed, seq 1..5), so a device that joins later learns their IDs with sync:pull; a
// successful answer carries the seq of its last change and the entry (or taskType / room);
// rate_limited and internal refusals are transient (retry the same opId later).
//
// The same class runs headless (studiotimer-hub) and embedded in the desktop app.
class Hub final : public QObject
{
    Q_OBJECT
public:
    Hub(const Database &db, const Clock &clock, HubOptions options, QObject *parent = nullptr);
    ~Hub() override;

    // The wss:// configuration from a PEM certificate (chain) and its PEM private key (RSA or EC).
    static Result<QSslConfiguration> loadTls(const QString &certPath, const QString &keyPath);

    Result<void> listen();
    // The port listened on (the chosen one when HubOptions::port was 0).
    quint16 port() const;
    // Stops listening and closes every connection ("going away"). Everything acknowledged is
    // committed already, so nothing is lost.
    void close();

    HubStore &store() { return m_store; }
    const HubOptions &options() const { return m_options; }
    // Sockets connected to "/" (authenticated), across organisations.
    int connectedCount() const;
    // Revokes a token and disconnects the sockets that use it.
    Result<QString> revokeToken(const QString &token);

Q_SIGNALS:
    // A socket authenticated (or left); for logs and tests.
    void clientConnected(const QString &orgId, const QString &deviceName);
    void clientDisconnected(const QString &orgId, const QString &deviceName);

private:
    void onNewConnection();
    void onTextMessage(HubConnection *conn, const QString &text);
    void onBinaryMessage(HubConnection *conn, const QByteArray &data);
    void onDisconnected(QWebSocket *socket);
    void dropConnection(HubConnection *conn, const QString &why);

    void sendText(HubConnection *conn, const QString &text);
    // Answers a request (an ack) with the hub's time added as serverTime.
    void sendAck(HubConnection *conn, qint64 ackId, QJsonObject answer);

    void handleSocketIo(HubConnection *conn, const QString &packetText);
    void dispatchPacket(HubConnection *conn);
    void handleConnect(HubConnection *conn, const QString &nsp, const QJsonValue &auth);
    void handleEvent(HubConnection *conn);
    void handleConformanceEvent(HubConnection *conn);
    void handleRequest(HubConnection *conn, const QString &event, const QJsonValue &payload,
                       qint64 ackId);

    void broadcast(const QString &orgId, const QString &event, const QJsonObject &payload);
    void broadcastPresence(const QString &orgId);
    bool takeToken(HubConnection *conn);

    const Database &m_db;
    const Clock &m_clock;
    HubOptions m_options;
    HubStore m_store;
    std::unique_ptr<QWebSocketServer> m_server;
    std::map<QWebSocket *, std::unique_ptr<HubConnection>> m_connections;
    std::unique_ptr<HubService> m_requests; // decodes, applies and records the requests
};

} // namespace st
