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

void WsPass::write(WsConnection *connection)
{
    m_writing.push_back(connection);
    post();
}

void WsPass::readOn(WsConnection *connection)
{
    m_reading.push_back(connection);
    post();
}

void WsPass::cancelWrite(WsConnection *connection)
{
    std::replace(m_writing.begin(), m_writing.end(), connection,
                 static_cast<WsConnection *>(nullptr));
}

void WsPass::remove(WsConnection *connection)
{
    for (std::vector<WsConnection *> *list : {&m_writing, &m_reading, &m_resuming})
        std::replace(list->begin(), list->end(), connection, static_cast<WsConnection *>(nullptr));
}

void WsPass::post()
{
    if (!m_posted) {
        m_posted = true;
        QMetaObject::invokeMethod(
            &m_context, [this] { run(); }, Qt::QueuedConnection);
    }
}

void WsPass::run()
{
    // In place, by index: a write may end another waiting connection (remove() then clears its
    // entry here) or queue to one (it joins the end of this same pass).
    for (std::size_t i = 0; i < m_writing.size(); ++i) {
        if (WsConnection *connection = std::exchange(m_writing[i], nullptr))
            connection->writeQueue();
    }
    m_writing.clear();
    // Then the turns due: what they queue and the turns they leave for later go to the next run.
    m_posted = false;
    m_resuming.swap(m_reading);
    for (std::size_t i = 0; i < m_resuming.size(); ++i) {
        if (WsConnection *connection = std::exchange(m_resuming[i], nullptr))
            connection->readOn();
    }
    m_resuming.clear();
}

WsConnection::WsConnection(std::unique_ptr<WsStream> stream, WsPass &pass, int handshakeTimeoutMs)
    : m_stream(std::move(stream))
    , m_pass(pass)
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
    m_stream->onWritten = [this] {
        onWritten();
    };
    m_timer.start(handshakeTimeoutMs, this);
}

WsConnection::~WsConnection()
{
    if (m_queued || m_readingOn)
        m_pass.remove(this);
    m_stream->onReadable = nullptr;
    m_stream->onGone = nullptr;
    m_stream->onWritten = nullptr;
}

void WsConnection::onReadyRead()
{
    if (m_state == State::Handshaking)
        readHandshake();
    else if (m_state != State::Closed)
        readFrames();
}

void WsConnection::onWritten()
{
    if (m_paused && m_stream->bytesToWrite() <= m_pauseAbove / 2) {
        m_paused = false;
        readOnNextPass();
    }
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
    int taken = 0;
    while (m_state != State::Closed && !m_readingOn && !m_paused) {
        if (m_state == State::Open && m_stream->bytesToWrite() > m_pauseAbove) {
            // The peer has not taken its answers yet: its next requests wait in TCP.
            m_paused = true;
            m_stream->setReading(false);
            return;
        }
        if (taken == kMessagesPerTurn) {
            readOnNextPass();
            return;
        }
        if (std::optional<ws::Message> message = m_reader.next()) {
            ++taken;
            if (!take(*message))
                return;
            continue;
        }
        if (m_reader.errorCode() != 0) {
            // Then one chunk a pass is read and dropped, to see the peer leave; the close grace
            // ends a peer that keeps sending.
            close(m_reader.errorCode(), QString::fromLatin1(m_reader.errorText()));
            m_stream->read(kReadChunk);
            return;
        }
        const QByteArrayView bytes = m_stream->read(kReadChunk);
        if (bytes.isEmpty())
            return;
        m_reader.append(bytes);
    }
}

bool WsConnection::take(const ws::Message &message)
{
    switch (message.opcode) {
    case ws::Opcode::Text:
    case ws::Opcode::Binary:
        if (m_state == State::Open && onMessage)
            onMessage(message);
        return true;
    case ws::Opcode::Ping:
        if (m_state == State::Open)
            sendFrame(ws::encodeFrame(ws::Opcode::Pong, message.payload));
        return true;
    case ws::Opcode::Close:
        if (!m_closeSent) {
            m_closeCode = message.closeCode;
            m_closeReason = QString::fromUtf8(message.payload);
            const quint16 echo =
                message.closeCode == ws::close::NoStatus ? ws::close::Normal : message.closeCode;
            sendFrame(ws::encodeClose(echo, {}));
            m_closeSent = true;
        }
        // The server ends the TCP connection once the close frames crossed.
        m_state = State::Closing;
        flush();
        m_stream->disconnectFromHost();
        if (m_state != State::Closed && !m_timer.isActive())
            m_timer.start(kCloseGraceMs, this);
        return false;
    case ws::Opcode::Pong:
    case ws::Opcode::Continuation:
        return true;
    }
    return true;
}

void WsConnection::readOnNextPass()
{
    m_stream->setReading(false);
    if (!m_readingOn) {
        m_readingOn = true;
        m_pass.readOn(this);
    }
}

void WsConnection::readOn()
{
    m_readingOn = false;
    if (m_state == State::Closed || m_paused)
        return;
    m_stream->setReading(true);
    readFrames();
}

void WsConnection::sendFrame(const QByteArray &frame)
{
    if (m_state != State::Open && !(m_state == State::Closing && !m_closeSent))
        return;
    m_queue.push_back(frame);
    if (!m_queued) {
        m_queued = true;
        m_pass.write(this);
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
    if (m_queued) // written now: the pass must not come back to it (it may be gone by then)
        m_pass.cancelWrite(this);
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
    // A write may take what waited too (the peer read meanwhile): the stream then has nothing
    // left to wait for, and tells no one.
    onWritten();
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
    if (m_queued || m_readingOn) { // nothing more to do: no tie to the pass any more
        m_pass.remove(this);
        m_queued = false;
        m_readingOn = false;
    }
    m_queue.clear();
    if (onDisconnected)
        onDisconnected();
}

} // namespace st
