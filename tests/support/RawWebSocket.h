#pragma once

#include <QByteArray>
#include <QObject>
#include <QRandomGenerator>

#include "sync/server/FdWatch.h"

#include <cerrno>
#include <functional>
#include <memory>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace st::test {

// A client WebSocket (RFC 6455) on a bare TCP descriptor, for hub tests and the hub benchmark:
// no QTcpSocket, no per-message QString, frames parsed in place, and a socket the test controls
// (it may stop reading, or open thousands of connections in one process). A load generator that
// spends longer reading than the server spends writing measures itself: hence no Qt socket
// buffers between the kernel and the parser. Text frames only; the client masks what it sends,
// as the RFC asks.
class RawWebSocket final : public QObject
{
public:
    explicit RawWebSocket(QObject *parent = nullptr)
        : QObject(parent)
    {}
    ~RawWebSocket() override { shut(); }

    // Each text message as it arrives (the Engine.IO packet, e.g. "42[...]").
    std::function<void(const QByteArray &)> onText;
    std::function<void()> onOpen; // the upgrade was answered
    std::function<void()> onClosed;
    bool open = false;
    bool closed = false;
    bool autoPong = true;

    // receiveBuffer > 0: the kernel's receive buffer for this socket (small: a peer that stalls
    // soon fills it).
    void connectTo(quint16 port, int receiveBuffer = 0)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (m_fd < 0) {
            gone();
            return;
        }
        if (receiveBuffer > 0)
            ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        const int on = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0 &&
            errno != EINPROGRESS) {
            gone();
            return;
        }
        m_connecting = true;
        m_out = QByteArrayLiteral("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                                  "Host: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                  "Connection: Upgrade\r\n"
                                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                  "Sec-WebSocket-Version: 13\r\n\r\n");
        // One epoll set for all of them (FdWatch): a generator with thousands of sockets that
        // polled each on every pass would measure itself.
        m_watch = std::make_unique<FdWatch>(m_fd);
        m_watch->onReadable = [this] {
            onReadable();
        };
        m_watch->onWritable = [this] {
            onWritable();
        };
        m_watch->setReadEnabled(true);
        m_watch->setWriteEnabled(true);
    }
    // Stops reading: what the server sends piles up in the kernel, then at the server.
    void stopReading()
    {
        m_stopped = true;
        if (m_watch)
            m_watch->setReadEnabled(false);
    }
    void resumeReading()
    {
        m_stopped = false;
        if (m_watch)
            m_watch->setReadEnabled(true);
    }
    void sendText(const QByteArray &payload)
    {
        if (m_fd < 0)
            return;
        QByteArray frame;
        frame.reserve(payload.size() + 14);
        frame.append(char(0x81));
        const qsizetype n = payload.size();
        if (n < 126) {
            frame.append(char(0x80 | n));
        } else if (n < 65536) {
            frame.append(char(0x80 | 126));
            frame.append(char((n >> 8) & 0xff));
            frame.append(char(n & 0xff));
        } else {
            frame.append(char(0x80 | 127));
            for (int shift = 56; shift >= 0; shift -= 8)
                frame.append(char((quint64(n) >> shift) & 0xff));
        }
        const quint32 key = QRandomGenerator::global()->generate();
        const char mask[4] = {char(key >> 24), char(key >> 16), char(key >> 8), char(key)};
        frame.append(mask, 4);
        const qsizetype start = frame.size();
        frame.append(payload);
        for (qsizetype i = 0; i < n; ++i)
            frame[start + i] = char(frame[start + i] ^ mask[i % 4]);
        m_out.append(frame);
        if (!m_connecting)
            writeOut();
    }
    // Drops the connection now.
    void close() { gone(); }

private:
    void onWritable()
    {
        if (m_connecting) {
            int error = 0;
            socklen_t length = sizeof error;
            ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length);
            if (error != 0) {
                gone();
                return;
            }
            m_connecting = false;
        }
        writeOut();
    }

    void writeOut()
    {
        while (!m_out.isEmpty()) {
            const ssize_t n =
                ::send(m_fd, m_out.constData(), size_t(m_out.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                if (errno != EAGAIN && errno != EWOULDBLOCK)
                    gone();
                break;
            }
            m_out.remove(0, qsizetype(n));
        }
        if (m_watch)
            m_watch->setWriteEnabled(!m_out.isEmpty());
    }

    void onReadable()
    {
        if (m_stopped)
            return;
        char chunk[65536];
        for (;;) {
            const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, MSG_DONTWAIT);
            if (n > 0) {
                m_buffer.append(chunk, qsizetype(n));
                if (size_t(n) < sizeof chunk)
                    break;
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
                parse();
                gone();
                return;
            }
            break;
        }
        parse();
    }

    void parse()
    {
        if (!open) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            if (!m_buffer.startsWith("HTTP/1.1 101")) {
                gone();
                return;
            }
            m_buffer.remove(0, end + 4);
            open = true;
            if (onOpen)
                onOpen();
        }
        qsizetype pos = 0;
        while (m_fd >= 0 && m_buffer.size() - pos >= 2) {
            const auto *p = reinterpret_cast<const uchar *>(m_buffer.constData() + pos);
            const int opcode = p[0] & 0x0f;
            quint64 len = p[1] & 0x7f;
            qsizetype header = 2;
            if (len == 126) {
                if (m_buffer.size() - pos < 4)
                    break;
                len = (quint64(p[2]) << 8) | p[3];
                header = 4;
            } else if (len == 127) {
                if (m_buffer.size() - pos < 10)
                    break;
                len = 0;
                for (int i = 0; i < 8; ++i)
                    len = (len << 8) | p[2 + i];
                header = 10;
            }
            if (quint64(m_buffer.size() - pos - header) < len)
                break;
            const QByteArray payload = m_buffer.mid(pos + header, qsizetype(len));
            pos += header + qsizetype(len);
            if (opcode == 0x1) {
                if (autoPong && payload == "2")
                    sendText(QByteArrayLiteral("3"));
                else if (onText)
                    onText(payload);
            } else if (opcode == 0x8) {
                m_buffer.clear();
                gone();
                return;
            }
        }
        m_buffer.remove(0, pos);
    }

    // Closes the descriptor (its watch first, which may be calling us: FdWatch allows that);
    // gone() reports it the first time.
    void shut()
    {
        m_watch.reset();
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }
    void gone()
    {
        shut();
        if (closed)
            return;
        closed = true;
        if (onClosed)
            onClosed();
    }

    int m_fd = -1;
    bool m_connecting = false;
    bool m_stopped = false;
    std::unique_ptr<FdWatch> m_watch;
    QByteArray m_buffer;
    QByteArray m_out;
};

} // namespace st::test
