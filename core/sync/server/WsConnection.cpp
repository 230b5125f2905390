#include "WsConnection.h"

#include "sync/server/WsHandshake.h"

#include <QLoggingCategory>
#include <QSslSocket>
#include <QTimerEvent>

#include <algorithm>
#include <cerrno>

#include <sys/socket.h>
#include <sys/uio.h>

Q_DECLARE_LOGGING_CATEGORY(lcSio)

namespace st {

namespace {

// A peer that never answers our close frame is cut off after this.
constexpr int kCloseGraceMs = 2000;
// What one read takes from the socket (and the most Qt buffers for it meanwhile).
constexpr qint64 kReadChunk = 65536;
// Frames written in one system call at most.
constexpr int kMaxIov = 64;

} // namespace

void WsWriteBatch::add(WsConnection *connection)
{
    m_waiting.push_back(connection);
    if (!m_posted) {
        m_posted = true;
        QMetaObject::invokeMethod(
            &m_context, [this] { run(); }, Qt::QueuedConnection);
    }
}

void WsWriteBatch::remove(WsConnection *connection)
{
    std::replace(m_waiting.begin(), m_waiting.end(), connection,
                 static_cast<WsConnection *>(nullptr));
}

void WsWriteBatch::run()
{
    m_posted = false;
    // A flush may close a connection, which may queue to others: take the list first.
    const std::vector<WsConnection *> waiting = std::move(m_waiting);
    m_waiting.clear();
    for (WsConnection *connection : waiting) {
        if (connection)
            connection->flush();
    }
}

WsConnection::WsConnection(QTcpSocket *socket, WsWriteBatch &batch, int handshakeTimeoutMs)
    : m_socket(socket)
    , m_batch(batch)
    , m_tls(qobject_cast<QSslSocket *>(socket) != nullptr)
    , m_reader(ws::kMaxHandshakeBytes)
{
    m_socket->setParent(this);
    // Until the handshake is read, Qt holds no more of a stranger's bytes than its head may be.
    m_socket->setReadBufferSize(ws::kMaxHandshakeBytes);
    connect(m_socket, &QTcpSocket::readyRead, this, &WsConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &WsConnection::onSocketGone);
    m_timer.start(handshakeTimeoutMs, this);
}

WsConnection::~WsConnection()
{
    if (m_queued)
        m_batch.remove(this);
    m_socket->disconnect(this);
}

QHostAddress WsConnection::peerAddress() const
{
    return m_socket->peerAddress();
}

void WsConnection::onReadyRead()
{
    if (m_state == State::Handshaking)
        readHandshake();
    else if (m_state != State::Closed)
        readFrames();
}

void WsConnection::readHandshake()
{
    m_head.append(m_socket->read(ws::kMaxHandshakeBytes - m_head.size()));
    const ws::Handshake handshake = ws::parseHandshake(m_head);
    if (handshake.status == ws::Handshake::Status::Incomplete)
        return;
    if (handshake.status == ws::Handshake::Status::Bad) {
        answerAndClose(handshake.httpStatus, handshake.error);
        return;
    }
    if (acceptTarget && !acceptTarget(handshake.target)) {
        answerAndClose(400, "only /socket.io/?EIO=4&transport=websocket is served");
        return;
    }
    m_timer.stop();
    m_state = State::Open;
    m_socket->write(ws::upgradeResponse(handshake.key));
    m_reader.append(QByteArrayView(m_head).sliced(handshake.length));
    m_head = QByteArray();
    m_socket->setReadBufferSize(kReadChunk);
    if (onOpen)
        onOpen();
    readFrames();
}

void WsConnection::answerAndClose(int httpStatus, const char *why)
{
    qCInfo(lcSio).noquote() << "refused a WebSocket handshake from"
                            << m_socket->peerAddress().toString() << "with" << httpStatus
                            << "because" << why;
    m_timer.stop();
    m_state = State::Closing;
    m_head = QByteArray();
    m_socket->write(ws::errorResponse(httpStatus, why));
    m_socket->disconnectFromHost();
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_timer.start(kCloseGraceMs, this);
}

void WsConnection::readFrames()
{
    while (m_state != State::Closed) {
        if (const qint64 available = m_socket->bytesAvailable(); available > 0)
            m_reader.append(m_socket->read(std::min(available, kReadChunk)));
        while (std::optional<ws::Message> message = m_reader.next()) {
            switch (message->opcode) {
            case ws::Opcode::Text:
            case ws::Opcode::Binary:
                if (m_state == State::Open && onMessage)
                    onMessage(*message);
                break;
            case ws::Opcode::Ping:
                if (m_state == State::Open)
                    sendFrame(ws::encodeFrame(ws::Opcode::Pong, message->payload));
                break;
            case ws::Opcode::Close:
                if (!m_closeSent) {
                    m_closeCode = message->closeCode;
                    m_closeReason = QString::fromUtf8(message->payload);
                    const quint16 echo = message->closeCode == ws::close::NoStatus
                                             ? ws::close::Normal
                                             : message->closeCode;
                    sendFrame(ws::encodeClose(echo, {}));
                    m_closeSent = true;
                }
                // The server ends the TCP connection once the close frames crossed.
                m_state = State::Closing;
                flush();
                m_socket->disconnectFromHost();
                if (m_state != State::Closed && !m_timer.isActive())
                    m_timer.start(kCloseGraceMs, this);
                return;
            case ws::Opcode::Pong:
            case ws::Opcode::Continuation:
                break;
            }
        }
        if (m_reader.errorCode() != 0) {
            close(m_reader.errorCode(), QString::fromLatin1(m_reader.errorText()));
            return;
        }
        if (m_socket->bytesAvailable() <= 0)
            return;
    }
}

void WsConnection::sendFrame(const QByteArray &frame)
{
    if (m_state != State::Open && !(m_state == State::Closing && !m_closeSent))
        return;
    m_queue.push_back(frame);
    if (!m_queued) {
        m_queued = true;
        m_batch.add(this);
    }
}

void WsConnection::sendTextParts(std::initializer_list<QByteArray> parts)
{
    qint64 length = 0;
    for (const QByteArray &part : parts)
        length += part.size();
    // The header and the first (small) part in one buffer, the others as they are.
    QByteArray head = ws::encodeFrameHeader(ws::Opcode::Text, length);
    auto part = parts.begin();
    if (part != parts.end())
        head += *part++;
    sendFrame(head);
    for (; part != parts.end(); ++part) {
        if (!part->isEmpty())
            sendFrame(*part);
    }
}

qint64 WsConnection::bytesToWrite() const
{
    return m_socket->bytesToWrite();
}

void WsConnection::flush()
{
    m_queued = false;
    if (m_queue.empty())
        return;
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        m_queue.clear();
        return;
    }
    qint64 skip = 0;
    if (!m_tls && m_socket->bytesToWrite() == 0)
        skip = writeDirect();
    // What the kernel did not take goes through Qt's buffer, in order.
    for (const QByteArray &frame : m_queue) {
        if (skip >= frame.size()) {
            skip -= frame.size();
            continue;
        }
        m_socket->write(skip > 0 ? frame.sliced(skip) : frame);
        skip = 0;
    }
    m_queue.clear();
}

qint64 WsConnection::writeDirect()
{
    const int fd = int(m_socket->socketDescriptor());
    qint64 done = 0;
    std::size_t first = 0;
    while (first < m_queue.size()) {
        iovec iov[kMaxIov];
        int count = 0;
        qint64 wanted = 0;
        for (std::size_t i = first; i < m_queue.size() && count < kMaxIov; ++i, ++count) {
            iov[count].iov_base = const_cast<char *>(m_queue[i].constData());
            iov[count].iov_len = size_t(m_queue[i].size());
            wanted += m_queue[i].size();
        }
        msghdr message{};
        message.msg_iov = iov;
        message.msg_iovlen = size_t(count);
        ssize_t written;
        do {
            written = ::sendmsg(fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        } while (written < 0 && errno == EINTR);
        // Would block, or an error: Qt's socket takes the rest and reports any error.
        if (written <= 0)
            return done;
        done += written;
        if (written < wanted)
            return done;
        first += std::size_t(count);
    }
    return done;
}

void WsConnection::close(quint16 code, const QString &reason)
{
    if (m_state == State::Closed || m_closeSent)
        return;
    if (m_state == State::Handshaking) {
        abort();
        return;
    }
    m_state = State::Closing;
    m_closeCode = code;
    m_closeReason = reason;
    sendFrame(ws::encodeClose(code, reason.toUtf8()));
    m_closeSent = true;
    m_timer.start(kCloseGraceMs, this);
}

void WsConnection::abort()
{
    if (m_state == State::Closed)
        return;
    m_queue.clear();
    m_socket->abort(); // emits disconnected now (onSocketGone)
    onSocketGone();
}

void WsConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId())
        return QObject::timerEvent(event);
    m_timer.stop();
    if (m_state == State::Handshaking)
        qCDebug(lcSio).noquote() << "no WebSocket handshake in time from"
                                 << m_socket->peerAddress().toString();
    abort();
}

void WsConnection::onSocketGone()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_timer.stop();
    if (m_queued) { // nothing more to write: no tie to the batch any more
        m_batch.remove(this);
        m_queued = false;
    }
    m_queue.clear();
    if (onDisconnected)
        onDisconnected();
}

} // namespace st
