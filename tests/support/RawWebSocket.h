#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QRandomGenerator>
#include <QTcpSocket>

#include <functional>

namespace st::test {

// A client WebSocket (RFC 6455) on a bare QTcpSocket, for hub tests and the hub benchmark: no
// per-message QString, frames parsed in place, and a socket the test controls (it may stop
// reading, or open thousands of connections in one process). Text frames only; the client masks
// what it sends, as the RFC asks.
class RawWebSocket final : public QObject
{
public:
    explicit RawWebSocket(QObject *parent = nullptr)
        : QObject(parent)
    {
        connect(&m_socket, &QTcpSocket::connected, this, [this] {
            m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
            m_socket.write(
                QByteArrayLiteral("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                                  "Host: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                  "Connection: Upgrade\r\n"
                                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                  "Sec-WebSocket-Version: 13\r\n\r\n"));
        });
        connect(&m_socket, &QTcpSocket::readyRead, this, &RawWebSocket::onReadyRead);
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
            closed = true;
            if (onClosed)
                onClosed();
        });
    }

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
        if (receiveBuffer > 0)
            m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, receiveBuffer);
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    }
    // Stops reading: what the server sends piles up in the kernel, then at the server.
    void stopReading()
    {
        m_socket.setReadBufferSize(1);
        m_stopped = true;
    }
    void sendText(const QByteArray &payload)
    {
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
        m_socket.write(frame);
    }
    void close() { m_socket.abort(); }
    QTcpSocket &socket() { return m_socket; }

private:
    void onReadyRead()
    {
        if (m_stopped)
            return;
        m_buffer.append(m_socket.readAll());
        if (!open) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            if (!m_buffer.startsWith("HTTP/1.1 101")) {
                m_socket.abort();
                return;
            }
            m_buffer.remove(0, end + 4);
            open = true;
            if (onOpen)
                onOpen();
        }
        qsizetype pos = 0;
        while (m_buffer.size() - pos >= 2) {
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
                m_socket.disconnectFromHost();
            }
        }
        m_buffer.remove(0, pos);
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_stopped = false;
};

} // namespace st::test
