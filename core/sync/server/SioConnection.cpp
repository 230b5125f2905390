#include "SioConnection.h"

#include "sync/server/SioServer.h"
#include "sync/server/WsConnection.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QTimerEvent>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcSio)

namespace st {

SioConnection::SioConnection(SioConnectionId id, std::unique_ptr<WsConnection> socket,
                             const SioServerOptions &options, SioTraffic &traffic)
    : m_options(options)
    , m_traffic(traffic)
    , m_id(id)
    , m_socket(std::move(socket))
    , m_engineSid(sio::newSid())
    , m_tokens(options.rateBurst)
{
    m_refill.start();
    // The socket closes with "too big" (1009) beyond these, from a frame's header, before it
    // buffers the frame; onText/onBinary check again. Small until a CONNECT is accepted.
    limitMessages(payloadLimit());
    // A desk that reads is never cut off for what it asked for: its requests wait while a
    // quarter of the cut-off limit waits to go out to it (counted()).
    if (options.maxUnsentBytes > 0)
        m_socket->setPauseAbove(std::max<qint64>(options.maxUnsentBytes / 4, 1));

    m_socket->onMessage = [this](const ws::Message &message) {
        if (message.opcode == ws::Opcode::Text)
            onText(QString::fromUtf8(message.payload));
        else
            onBinary(message.payload);
    };
}

void SioConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_connectClock.timerId()) {
        m_connectClock.stop();
        drop(QStringLiteral("no CONNECT in time"));
    } else if (event->timerId() == m_heartbeat.timerId()) {
        if (m_awaitingPong) {
            m_heartbeat.stop();
            drop(QStringLiteral("ping timeout"));
            return;
        }
        sendText(sio::encodeEio(sio::EioType::Ping));
        m_awaitingPong = true;
        m_heartbeat.start(m_options.pingTimeout, this);
    } else {
        QObject::timerEvent(event);
    }
}

void SioConnection::stopClocks()
{
    m_heartbeat.stop();
    m_connectClock.stop();
}

SioConnection::~SioConnection()
{
    m_socket->onMessage = nullptr;
    m_socket->onDisconnected = nullptr;
}

void SioConnection::open()
{
    sio::OpenInfo info;
    info.sid = m_engineSid;
    info.pingInterval = m_options.pingInterval;
    info.pingTimeout = m_options.pingTimeout;
    info.maxPayload = m_options.maxPayload;
    sendText(sio::encodeOpen(info));
    m_heartbeat.start(m_options.pingInterval, this);
    m_connectClock.start(m_options.connectTimeout, this);
    qCDebug(lcSio).noquote() << "open" << m_engineSid << "from"
                             << m_socket->peerAddress().toString();
}

void SioConnection::limitMessages(int bytes)
{
    m_socket->setMaxMessageSize(bytes);
}

int SioConnection::payloadLimit() const
{
    return m_namespaces.isEmpty()
               ? std::min(m_options.maxPayloadBeforeConnect, m_options.maxPayload)
               : m_options.maxPayload;
}

void SioConnection::join(const QString &nsp)
{
    m_accepted = true;
    m_namespaces.insert(nsp);
    limitMessages(payloadLimit());
}

QString SioConnection::describe() const
{
    return m_label.isEmpty() ? m_engineSid : m_label + QLatin1Char('/') + m_engineSid;
}

void SioConnection::send(const sio::Packet &packet, const QList<QByteArray> &attachments)
{
    sendText(sio::encodeMessage(packet));
    for (const QByteArray &buffer : attachments) {
        if (m_socket->isOpen()) {
            m_socket->sendBinary(buffer);
            counted(buffer.size());
        }
    }
}

void SioConnection::sendText(const QString &text)
{
    if (m_socket->isOpen()) {
        const QByteArray utf8 = text.toUtf8();
        m_socket->sendText(utf8);
        counted(utf8.size());
    }
}

void SioConnection::sendTextParts(std::initializer_list<QByteArray> parts)
{
    if (m_socket->isOpen()) {
        m_socket->sendTextParts(parts);
        qint64 bytes = 0;
        for (const QByteArray &part : parts)
            bytes += part.size();
        counted(bytes);
    }
}

void SioConnection::sendFrame(const QByteArray &frame, qint64 payloadBytes)
{
    if (m_socket->isOpen()) {
        m_socket->sendFrame(frame);
        counted(payloadBytes);
    }
}

void SioConnection::counted(qint64 bytes)
{
    if (bytes <= 0)
        return;
    m_traffic.messages += 1;
    m_traffic.bytes += quint64(bytes);
    if (m_options.maxUnsentBytes <= 0 || m_closing)
        return;
    if (const qint64 unsent = m_socket->bytesToWrite(); unsent > m_options.maxUnsentBytes)
        cutOff(QStringLiteral("it does not read: %1 bytes wait to go out").arg(unsent));
}

void SioConnection::cutOff(const QString &why)
{
    qCWarning(lcSio).noquote() << "cut off" << describe() << "because" << why;
    m_closing = true;
    stopClocks();
    if (onClosing)
        onClosing();
    // May emit disconnected at once: the server then deletes this connection later, not now.
    m_socket->abort();
}

void SioConnection::drop(const QString &why, bool quiet)
{
    if (m_closing)
        return;
    m_quiet = quiet;
    if (quiet)
        qCDebug(lcSio).noquote() << "closing" << describe() << "because" << why;
    else
        qCInfo(lcSio).noquote() << "closing" << describe() << "because" << why;
    startClosing(ws::close::ProtocolError, why);
}

void SioConnection::goAway(const QString &reason)
{
    if (!m_closing)
        startClosing(ws::close::GoingAway, reason);
}

void SioConnection::startClosing(quint16 code, const QString &reason)
{
    m_closing = true;
    stopClocks();
    if (onClosing)
        onClosing();
    // The socket ends the connection once the peer answers, or after a grace period.
    m_socket->close(code, reason);
}

void SioConnection::markClosed()
{
    m_closing = true;
    stopClocks();
}

bool SioConnection::takeToken()
{
    if (m_options.ratePerSecond <= 0)
        return true;
    const double elapsed = double(m_refill.restart()) / 1000.0;
    m_tokens = std::min<double>(m_options.rateBurst, m_tokens + elapsed * m_options.ratePerSecond);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

void SioConnection::onText(const QString &text)
{
    if (m_closing)
        return;
    if (text.size() > payloadLimit() || text.toUtf8().size() > payloadLimit()) {
        drop(QStringLiteral("message over the size limit"));
        return;
    }
    if (m_pending) {
        drop(QStringLiteral("text frame while binary attachments were expected"));
        return;
    }
    const Result<sio::EioPacket> eio = sio::decodeEio(text);
    if (!eio) {
        drop(eio.error().message);
        return;
    }
    switch (eio->type) {
    case sio::EioType::Pong:
        if (m_awaitingPong) {
            m_awaitingPong = false;
            m_heartbeat.start(m_options.pingInterval, this);
        }
        break;
    case sio::EioType::Ping:
        sendText(sio::encodeEio(sio::EioType::Pong, eio->data));
        break;
    case sio::EioType::Close:
        drop(QStringLiteral("closed by the client"));
        break;
    case sio::EioType::Message:
        onSocketIo(eio->data);
        break;
    case sio::EioType::Upgrade:
    case sio::EioType::Noop:
        break;
    case sio::EioType::Open:
        drop(QStringLiteral("open packet from a client"));
        break;
    }
}

void SioConnection::onBinary(const QByteArray &data)
{
    if (m_closing)
        return;
    if (m_namespaces.isEmpty()) {
        drop(QStringLiteral("binary frame before CONNECT"));
        return;
    }
    if (!m_pending) {
        drop(QStringLiteral("binary frame without a binary packet"));
        return;
    }
    // The packet with all its attachments stays within maxPayload.
    m_bufferedBytes += data.size();
    if (m_bufferedBytes > m_options.maxPayload) {
        drop(QStringLiteral("attachments over maxPayload"));
        return;
    }
    m_buffers.append(data);
    if (m_buffers.size() < m_pending->attachments)
        return;
    dispatch();
}

void SioConnection::onSocketIo(const QString &packetText)
{
    Result<sio::Packet> packet = sio::decode(packetText);
    if (!packet) {
        drop(packet.error().message);
        return;
    }
    if (packet->isBinary()) {
        // Refused at the header, before any attachment is held.
        if (!m_options.binaryPackets) {
            drop(QStringLiteral("binary packet (no event takes binary data)"));
            return;
        }
        if (!hasJoined(packet->nsp)) {
            drop(QStringLiteral("binary packet before CONNECT"));
            return;
        }
    }
    m_pending = std::move(packet).value();
    m_buffers.clear();
    m_bufferedBytes = 0;
    if (m_pending->isBinary() && m_pending->attachments > 0)
        return; // wait for the attachments
    dispatch();
}

void SioConnection::dispatch()
{
    // Taken out first: the handler may send, drop, or receive the next frame's packet.
    const sio::Packet packet = std::move(*m_pending);
    const QList<QByteArray> buffers = std::move(m_buffers);
    m_pending.reset();
    m_buffers.clear();
    m_bufferedBytes = 0;
    if (onPacket)
        onPacket(packet, buffers);
}

} // namespace st
