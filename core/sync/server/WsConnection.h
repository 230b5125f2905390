#pragma once

#include "sync/server/WsFrame.h"
#include "sync/server/WsStream.h"

#include <QBasicTimer>
#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <functional>
#include <initializer_list>
#include <memory>
#include <vector>

namespace st {

class WsConnection;

// What the next pass of the event loop does for the connections, once the loop is back: write the
// frames they queued, each connection's together (one write for an ack and the broadcasts of one
// pass), then read on for those that used up a turn (WsConnection::kMessagesPerTurn), after their
// answers went out.
class WsPass final
{
public:
    void write(WsConnection *connection);
    void readOn(WsConnection *connection);
    // Its frames were written already.
    void cancelWrite(WsConnection *connection);
    // The connection is going: nothing more is done for it.
    void remove(WsConnection *connection);

private:
    void post();
    void run();

    QObject m_context; // the queued call dies with the pass
    std::vector<WsConnection *> m_writing;
    std::vector<WsConnection *> m_reading;  // for the next run
    std::vector<WsConnection *> m_resuming; // this run's
    bool m_posted = false;
};

// One server-side WebSocket (RFC 6455) on a WsStream (plain TCP or TLS): the opening handshake
// (its head capped, a timeout), then frames: client frames parsed in place (FrameReader), pings
// answered, the close handshake. Frames sent are queued and leave together (WsPass); a frame
// encoded once may be queued to many connections.
//
// Flow control: a peer's messages are taken kMessagesPerTurn at a time, and none while more than
// setPauseAbove() bytes wait to go out to it. A desk that pipelines many requests, or asks for
// more than it reads, has the rest wait in TCP (which slows it down), not in the hub: its answers
// never pile up past what it reads, and the other desks' requests are not queued behind its own.
class WsConnection final : public QObject
{
public:
    enum class State
    {
        Handshaking,
        Open,
        Closing,
        Closed
    };

    // Takes the stream (connected; TLS already encrypting). The timeout runs until the
    // handshake is answered.
    // Messages taken from one peer in a turn at most; the next turn comes in the next pass of the
    // event loop, after the answers to these were written.
    static constexpr int kMessagesPerTurn = 32;

    WsConnection(std::unique_ptr<WsStream> stream, WsPass &pass, int handshakeTimeoutMs);
    ~WsConnection() override;

    // The handshake's request target (path and query): true upgrades, false answers 400.
    std::function<bool(const QByteArray &target)> acceptTarget;
    // The handshake was answered 101: frames flow from now on.
    std::function<void()> onOpen;
    // A whole text (valid UTF-8) or binary message, while open.
    std::function<void(const ws::Message &)> onMessage;
    // The TCP connection is gone (once).
    std::function<void()> onDisconnected;

    State state() const { return m_state; }
    bool isOpen() const { return m_state == State::Open; }
    QHostAddress peerAddress() const { return m_stream->peerAddress(); }
    // Messages beyond this close the connection with 1009, from the frame's header.
    void setMaxMessageSize(qint64 bytes) { m_reader.setMaxMessage(bytes); }
    // While more than this waits to go out (bytesToWrite()), nothing more is read from the peer;
    // reading goes on once half of it went out. 256 kB at first.
    void setPauseAbove(qint64 bytes) { m_pauseAbove = bytes; }

    void sendText(QByteArrayView utf8) { sendFrame(ws::encodeFrame(ws::Opcode::Text, utf8)); }
    void sendBinary(QByteArrayView data) { sendFrame(ws::encodeFrame(ws::Opcode::Binary, data)); }
    // A frame as ws::encodeFrame made it (shared, not copied, until it is written).
    void sendFrame(const QByteArray &frame);
    // One text message whose payload is the parts joined; they are queued as they are (a
    // large part shared by many messages is never copied per connection).
    void sendTextParts(std::initializer_list<QByteArray> parts);
    // Bytes the kernel refused at an earlier write and that still wait in the socket: what a
    // peer that does not read leaves behind. The frames queued in this pass of the event loop
    // are not counted: they have not been offered to the peer yet (a burst of broadcasts
    // answering a pipelined run would otherwise look like a peer that does not read).
    qint64 bytesToWrite() const { return m_stream->bytesToWrite(); }

    // Sends a close frame; the peer's answer (or a grace period) ends the TCP connection.
    void close(quint16 code, const QString &reason);
    // Ends the TCP connection now, without a close frame.
    void abort();
    // The close code and reason sent or received first (1006 when the connection just went).
    quint16 closeCode() const { return m_closeCode; }
    const QString &closeReason() const { return m_closeReason; }

    // Writes what is queued now.
    void flush();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    friend class WsPass;
    // Writes what is queued (the pass, which already let go of this connection).
    void writeQueue();
    void onReadyRead();
    void onWritten();
    void readHandshake();
    // A turn: the messages read and not yet taken, then the stream's, kMessagesPerTurn at most.
    void readFrames();
    // One message or control frame; false when no more may be taken (a close frame).
    bool take(const ws::Message &message);
    // The next turn in the next pass (WsPass::readOn); nothing is read until then.
    void readOnNextPass();
    // The pass's call for that turn.
    void readOn();
    void onSocketGone();
    void answerAndClose(int httpStatus, const char *why);
    // Writes one buffer now, before anything queued (the HTTP answer to the handshake).
    void writeNow(const QByteArray &bytes);

    std::unique_ptr<WsStream> m_stream;
    WsPass &m_pass;
    State m_state = State::Handshaking;
    bool m_queued = false;    // in the pass's writing
    bool m_readingOn = false; // in the pass's reading
    bool m_paused = false;    // until more of bytesToWrite() went out
    qint64 m_pauseAbove = 256 * 1024;
    bool m_closeSent = false;
    QByteArray m_head; // the handshake read so far
    ws::FrameReader m_reader;
    std::vector<QByteArray> m_queue;
    quint16 m_closeCode = ws::close::Abnormal;
    QString m_closeReason;
    QBasicTimer m_timer; // handshake timeout, then the close grace
};

} // namespace st
