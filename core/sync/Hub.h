#pragma once

#include "domain/Clock.h"
#include "store/Database.h"
#include "sync/ChangeFanout.h"
#include "sync/Presence.h"
#include "sync/SqlHubStore.h"
#include "sync/server/ConnectThrottle.h"
#include "sync/server/SioServer.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>

namespace st {

struct HubConnection;
class HubService;
class ChangeListener;
class SharedPresence;

// The transport limits of SioServerOptions; the hub serves the namespace "/" on port 7345.
struct HubOptions : SioServerOptions
{
    HubOptions()
    {
        port = 7345;
        binaryPackets = false;  // no request takes binary data: a binary packet closes the socket
        maxConnections = 65536; // a backstop: the limits below are the ones that matter
    }
    // Sockets past CONNECT with one token, and in one organisation, beyond which a CONNECT is
    // refused (CONNECT_ERROR, data.code "over_limit": the desk retries later); 0: no limit.
    int maxPerToken = 16;
    int maxPerOrg = 5000;
    // Presence deltas (presence:joined, :left, :changed) of an organisation are gathered this
    // long and sent together: a reconnect storm or a mass disconnect costs a few messages per
    // desk, not one per change.
    int presenceIntervalMs = 250;
    // The application_name of the hub's PostgreSQL connections ("-listen" added for its LISTEN).
    QString databaseApplicationName = QStringLiteral("studiotimer-hub");
    // How often the hub asks its store whether a token was revoked (by "studiotimer-hub org
    // revoke" in another process, or another hub on the same database): a revoked token's
    // sockets are closed within this.
    int revocationPollMs = 500;
    // CONNECTs with wrong tokens slow their address down (see ConnectThrottle).
    ConnectThrottle::Options connectThrottle;
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
// rate_limited and internal refusals are transient (retry the same opId later). A CONNECT the
// hub cannot check because its database fails is refused "unavailable" (retry later), not
// "unauthorized".
//
// The parts: SioServer (transport), HubStore (tokens, change log, opIds), Presence (who is
// connected), and on PostgreSQL ChangeListener, ChangeFanout and SharedPresence (the other hubs'
// changes and desks); this class authenticates, applies requests and broadcasts.
// The same class runs headless (studiotimer-hub) and embedded in the desktop app.
class Hub final : public QObject, private SioHandler
{
    Q_OBJECT
public:
    Hub(const Database &db, const Clock &clock, HubOptions options, QObject *parent = nullptr);
    ~Hub() override;

    // The wss:// configuration from a PEM certificate (chain) and its PEM private key (RSA or EC).
    static Result<QSslConfiguration> loadTls(const QString &certPath, const QString &keyPath)
    {
        return SioServer::loadTls(certPath, keyPath);
    }

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
    // What the hub sent since it was made (messages and bytes, across its sockets).
    const SioTraffic &traffic() const { return m_server->traffic(); }
    // Revokes a token and disconnects the sockets that use it.
    Result<QString> revokeToken(const QString &token);
    // Closes the sockets whose token the store no longer admits (revoked elsewhere); run by a
    // timer every HubOptions::revocationPollMs, cheap while nothing was revoked.
    void checkRevocations();

Q_SIGNALS:
    // A socket authenticated (or left); for logs and tests.
    void clientConnected(const QString &orgId, const QString &deviceName);
    void clientDisconnected(const QString &orgId, const QString &deviceName);

private:
    // SioHandler
    void connectRequested(SioConnectionId id, const QString &nsp, const QJsonValue &auth) override;
    void eventReceived(SioConnectionId id, const sio::Packet &packet,
                       const QList<QByteArray> &attachments) override;
    void namespaceLeft(SioConnectionId id, const QString &nsp) override;
    void connectionClosing(SioConnectionId id) override;
    void connectionClosed(SioConnectionId id) override;

    // The token check of a CONNECT, once its address waited what ConnectThrottle asked.
    void checkConnect(SioConnectionId id, const QString &nsp, const QJsonValue &auth,
                      const QString &address);
    void logBurstEnd(const ConnectThrottle::Burst &burst) const;
    void onPoll();
    HubConnection *client(SioConnectionId id) const;
    // The refusal of a CONNECT over --max-per-token or --max-per-org, if it is.
    std::optional<QString> overLimit(const QString &orgId, const QString &tokenHash) const;
    // Tells the desk DISCONNECT and closes its socket: its token no longer admits it.
    void dropRevoked(SioConnectionId id);
    // The desk left "/" or is gone: out of its organisation's room and presence, and told.
    void leave(SioConnectionId id);

    // Answers a request (an ack) with the hub's time added as serverTime.
    void sendAck(HubConnection *conn, qint64 ackId, QJsonObject answer);

    void handleRequest(HubConnection *conn, const QString &event, const QJsonValue &payload,
                       qint64 ackId);

    void broadcast(const QString &orgId, const QString &event, const QJsonObject &payload);
    // Starts the presence timer when an organisation has presence changes to tell.
    void presenceChanged();
    // Sends every organisation's presence deltas gathered since the last time.
    void flushPresence();

    // PostgreSQL: the hub's connection lost, opened again with backoff (by the poll timer).
    void reconnectDatabase();

    const Database &m_db;
    const Clock &m_clock;
    HubOptions m_options;
    SqlHubStore m_store;
    ChangeFanout m_fanout;                      // broadcasts the log in seq order, once
    std::unique_ptr<ChangeListener> m_listener; // PostgreSQL: the other hubs' changes
    int m_reconnectBackoffMs = 0;
    qint64 m_nextReconnectMs = 0;
    Presence m_presence;
    std::unique_ptr<SharedPresence> m_shared; // PostgreSQL: the other hubs' desks, and ours to them
    QTimer m_presenceTimer;
    // The desks connected to "/", by connection.
    std::map<SioConnectionId, std::unique_ptr<HubConnection>> m_clients;
    // Sockets past CONNECT, by token hash and by organisation (for the limits).
    QHash<QString, int> m_perToken;
    QHash<QString, int> m_perOrg;
    std::unique_ptr<HubService> m_requests; // decodes, applies and records the requests
    ConnectThrottle m_throttle;
    QTimer m_revocationPoll;                  // also ends quiet bursts of wrong tokens
    std::optional<qint64> m_revocationMarker; // the store's, when last checked
    // Last, so it goes first: nothing it reports may reach a half-destroyed hub.
    std::unique_ptr<SioServer> m_server;
};

} // namespace st
