#include "WsConnection.h"

#include "sync/server/WsHandshake.h"

#include <QLoggingCategory>
#include <QTimerEvent>

#include <algorithm>
#include <utility>

Q_DECLARE_LOGGING_CATEGORY(lcSio)

namespace st {

namespace {

// A peer that never answers our close frame is cut off after this.
constexpr int kCloseGraceMs = 2000;
// What one read takes from the stream (and the most a TLS socket buffers for it meanwhile).
constexpr qint64 kReadChunk = 65536;

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
    // In place, by index: a write may end another waiting connection (remove() then clears its
    // entry here) or queue to one (it joins the end of this same pass).
    for (std::size_t i = 0; i < m_waiting.size(); ++i) {
        if (WsConnection *connection = std::exchange(m_waiting[i], nullptr))
            connection->writeQueue();
    }
    m_waiting.clear();
    m_posted = false;
}

WsConnection::WsConnection(std::unique_ptr<WsStream> stream, WsWriteBatch &batch,
                           int handshakeTimeoutMs)
    : m_stream(std::move(stream))
    , m_batch(batch)
    , m_reader(ws::kMaxHandshakeBytes)
{
    // Until the handshake is read, no more of a stranger's bytes are held than its head may be.
    m_stream->setReadBufferLimit(ws::kMaxHandshakeBytes);
    m_stream->onReadable = [this] {
        onReadyRead();
    };
    m_stream->onGone = [this] {
        onSocketGone();
    };
    m_timer.start(handshakeTimeoutMs, this);
}

WsConnection::~WsConnection()
{
    if (m_queued)
        m_batch.remove(this);
    m_stream->onReadable = nullptr;
    m_stream->onGone = nullptr;
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
    m_head.append(m_stream->read(ws::kMaxHandshakeBytes - m_head.size()));
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
    writeNow(ws::upgradeResponse(handshake.key));
    m_reader.append(QByteArrayView(m_head).sliced(handshake.length));
    m_head = QByteArray();
    m_stream->setReadBufferLimit(kReadChunk);
    if (onOpen)
        onOpen();
    readFrames();
}

void WsConnection::answerAndClose(int httpStatus, const char *why)
{
    qCInfo(lcSio).noquote() << "refused a WebSocket handshake from" << peerAddress().toString()
                            << "with" << httpStatus << "because" << why;
    m_timer.stop();
    m_state = State::Closing;
    m_head = QByteArray();
    writeNow(ws::errorResponse(httpStatus, why));
    m_stream->disconnectFromHost();
    if (m_state != State::Closed)
        m_timer.start(kCloseGraceMs, this);
}

void WsConnection::writeNow(const QByteArray &bytes)
{
    std::vector<QByteArray> once{bytes};
    m_stream->write(once);
}

void WsConnection::readFrames()
{
    while (m_state != State::Closed) {
        const QByteArrayView bytes = m_stream->read(kReadChunk);
        m_reader.append(bytes);
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
                m_stream->disconnectFromHost();
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
        if (bytes.isEmpty())
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

void WsConnection::flush()
{
    if (m_queued) // written now: the batch must not come back to it (it may be gone by then)
        m_batch.remove(this);
    writeQueue();
}

void WsConnection::writeQueue()
{
    m_queued = false;
    if (m_queue.empty())
        return;
    if (!m_stream->isConnected()) {
        m_queue.clear();
        return;
    }
    m_stream->write(m_queue);
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
    m_stream->abort();
    onSocketGone();
}

void WsConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId())
        return QObject::timerEvent(event);
    m_timer.stop();
    if (m_state == State::Handshaking)
        qCDebug(lcSio).noquote() << "no WebSocket handshake in time from"
                                 << peerAddress().toString();
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
