#pragma once

#include "sync/SocketIoCodec.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSet>

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>

namespace st {

class WsConnection;
struct SioServerOptions;
using SioConnectionId = quint64;

// What a server sent, across its connections (for tests, the benchmark and the log).
struct SioTraffic
{
    quint64 messages = 0; // WebSocket messages, one per recipient
    quint64 bytes = 0;    // their payloads
};

// One WebSocket of the Socket.IO server (SioServer): its Engine.IO session (the open packet,
// ping/pong, the connect timeout, payload limits, close), the Socket.IO packets it receives (a
// binary packet is handed on once all its attachments arrived) and sends, the namespaces it
// joined and its request budget (token bucket). Malformed input drops this connection only.
class SioConnection final : public QObject
{
public:
    // Takes the WebSocket (its handshake is done).
    SioConnection(SioConnectionId id, std::unique_ptr<WsConnection> socket,
                  const SioServerOptions &options, SioTraffic &traffic);
    ~SioConnection() override;

    // Every complete packet, with its binary attachments (empty for a text packet).
    std::function<void(const sio::Packet &, const QList<QByteArray> &)> onPacket;
    // Once, when the connection starts closing (dropped, or the server shuts down).
    std::function<void()> onClosing;

    // Sends the Engine.IO open packet and starts the ping and connect clocks.
    void open();

    SioConnectionId id() const { return m_id; }
    WsConnection &socket() const { return *m_socket; }
    const QString &engineSid() const { return m_engineSid; }
    // For the log: the label the application gave (a device name) and the Engine.IO sid.
    QString describe() const;
    void setLabel(const QString &label) { m_label = label; }
    bool isClosing() const { return m_closing; }

    // Sends a packet (then its attachments as binary frames) while the socket is open.
    void send(const sio::Packet &packet, const QList<QByteArray> &attachments = {});
    // One Engine.IO text message.
    void sendText(const QString &text);
    // One WebSocket text frame as it is (a packet encoded and framed once for a whole room);
    // payloadBytes: its payload's size, for the traffic count.
    void sendFrame(const QByteArray &frame, qint64 payloadBytes);
    // One Engine.IO text message made of UTF-8 parts, sent without joining them.
    void sendTextParts(std::initializer_list<QByteArray> parts);
    // Closes with "protocol error" and the reason; a peer that never answers is cut off.
    // quiet: logged at debug level only (a refusal the application logs its own way).
    void drop(const QString &why, bool quiet = false);
    bool isQuiet() const { return m_quiet; }
    // Closes with "going away" (the server shuts down).
    void goAway(const QString &reason);
    // The socket is gone: no clock runs any more and nothing is received or reported.
    void markClosed();
    // A CONNECT arrived to a namespace the server serves: no connect timeout any more.
    void stopConnectClock() { m_connectClock.stop(); }

    bool hasJoined(const QString &nsp) const { return m_namespaces.contains(nsp); }
    // The first namespace joined lifts the socket's size limit to maxPayload.
    void join(const QString &nsp);
    // A namespace accepted its CONNECT once (it is past authentication).
    bool wasAccepted() const { return m_accepted; }
    bool leave(const QString &nsp) { return m_namespaces.remove(nsp); }

    // Takes one request from the bucket; false when it is empty (the request is refused).
    bool takeToken();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void stopClocks();
    // Counts a message handed to the socket; cuts the peer off past maxUnsentBytes.
    void counted(qint64 bytes);
    // A peer that does not read: closed at once, without a close frame it would not read.
    void cutOff(const QString &why);
    void onText(const QString &text);
    void onBinary(const QByteArray &data);
    void onSocketIo(const QString &packetText);
    void dispatch();
    void startClosing(quint16 code, const QString &reason);
    void limitMessages(int bytes);
    // The most one message may be now (smaller before CONNECT).
    int payloadLimit() const;

    const SioServerOptions &m_options;
    SioTraffic &m_traffic;
    SioConnectionId m_id;
    std::unique_ptr<WsConnection> m_socket;
    QString m_engineSid;
    QString m_label;
    QSet<QString> m_namespaces;
    bool m_closing = false;
    bool m_quiet = false;
    bool m_accepted = false;
    // Two clocks, not QTimers (a QObject and a connection each, per desk): the heartbeat runs
    // until the next ping is due, then until its pong is due; the connect clock until CONNECT.
    QBasicTimer m_heartbeat;
    bool m_awaitingPong = false;
    QBasicTimer m_connectClock;
    // A binary packet waiting for its attachments.
    std::optional<sio::Packet> m_pending;
    QList<QByteArray> m_buffers;
    qint64 m_bufferedBytes = 0; // of m_buffers, at most maxPayload
    // Rate limit.
    double m_tokens = 0;
    QElapsedTimer m_refill;
};

} // namespace st
