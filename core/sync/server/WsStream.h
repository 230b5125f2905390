#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>

#include <functional>
#include <memory>
#include <vector>

class QSslSocket;

namespace st {

// The bytes under one server-side WebSocket (WsConnection). A plain TCP connection is its
// descriptor in the thread's epoll set (FdWatch), nothing more: no QTcpSocket with its private
// data and its two 16 kB ring buffers, so an idle desk costs the hub only what it holds
// (docs/PERFORMANCE-sync.md, "RSS per connection"), and no notifier the event loop polls on every
// pass. TLS goes through QSslSocket.
class WsStream
{
public:
    virtual ~WsStream() = default;

    // Bytes may be read: read() until it gives nothing.
    std::function<void()> onReadable;
    // The connection ended: the peer left, an error, or disconnectFromHost() done (once; never
    // after abort()). It may come from inside disconnectFromHost().
    std::function<void()> onGone;
    // Bytes kept from earlier writes went out (some or all of them) once the socket could take
    // more; not called from write().
    std::function<void()> onWritten;

    // Up to max bytes the peer sent, valid until the next call; empty when nothing waits.
    virtual QByteArrayView read(qint64 max) = 0;
    // Sends the frames in order and empties the list; what the kernel does not take now is kept
    // and sent as soon as it can be.
    virtual void write(std::vector<QByteArray> &frames) = 0;
    // Bytes kept from earlier writes that the kernel has not taken yet (a peer that does not
    // read leaves them behind).
    virtual qint64 bytesToWrite() const = 0;
    // Stops reading and ends the connection once what is kept is written.
    virtual void disconnectFromHost() = 0;
    // Ends the connection now, without a word (no onGone).
    virtual void abort() = 0;
    virtual bool isConnected() const = 0;
    virtual QHostAddress peerAddress() const = 0;
    // The most bytes the stream itself holds unread (TLS: Qt's buffer; plain: none).
    virtual void setReadBufferLimit(qint64 bytes) = 0;
    // While off, onReadable is not called: the peer's bytes wait in the kernel (plain) or in
    // Qt's buffer up to its limit (TLS), and TCP slows the peer down. On at first.
    virtual void setReading(bool on) = 0;

    // A plain TCP connection on an accepted descriptor, or TLS on a QSslSocket; both are taken.
    static std::unique_ptr<WsStream> plain(qintptr descriptor);
    static std::unique_ptr<WsStream> tls(QSslSocket *socket);
};

} // namespace st
