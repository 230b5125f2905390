#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

// RFC 6455 framing for the hub's own WebSocket server: pure encoding and parsing, no socket.
namespace st::ws {

enum class Opcode : quint8
{
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// The close codes the server sends (RFC 6455 section 7.4.1).
namespace close {
constexpr quint16 Normal = 1000;
constexpr quint16 GoingAway = 1001;
constexpr quint16 ProtocolError = 1002;
constexpr quint16 NoStatus = 1005; // not sent: a close frame without a code
constexpr quint16 Abnormal = 1006; // not sent: the TCP connection went without a close frame
constexpr quint16 InvalidPayload = 1007;
constexpr quint16 PolicyViolated = 1008;
constexpr quint16 TooBig = 1009;
} // namespace close

// One server frame (unmasked, FIN set): its header and payload in one buffer, so that a message
// sent to many sockets is framed once and shared.
QByteArray encodeFrame(Opcode opcode, QByteArrayView payload);
// The header alone of such a frame, for a payload sent in parts that stay apart.
QByteArray encodeFrameHeader(Opcode opcode, qint64 payloadLength);
// A close frame: the code, then the reason cut to what fits a control frame (123 bytes, whole
// UTF-8 sequences).
QByteArray encodeClose(quint16 code, QByteArrayView reason);
// One client frame, masked with the key (for tests and the fuzz target); fin false: a fragment.
QByteArray encodeMaskedFrame(Opcode opcode, QByteArrayView payload, quint32 mask, bool fin = true);

// Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF), as a text message must be.
bool isValidUtf8(QByteArrayView bytes);
// Whether a peer may send this code in a close frame.
bool isValidCloseCode(quint16 code);

// A whole message (text or binary, its fragments joined) or a control frame.
struct Message
{
    Opcode opcode = Opcode::Text;
    QByteArray payload;
    // For a close frame: its code (NoStatus when it had none) and reason.
    quint16 closeCode = close::NoStatus;
};

// Parses what a client sends, frame by frame, as it arrives. A message larger than the limit is
// refused from its frame's header, before its bytes are held: the reader holds at most one
// frame's header, the limit, and what one read brought beyond it.
class FrameReader
{
public:
    explicit FrameReader(qint64 maxMessage)
        : m_maxMessage(maxMessage)
    {}

    void setMaxMessage(qint64 bytes) { m_maxMessage = bytes; }
    // Bytes as they came from the socket (dropped once the stream is broken).
    void append(QByteArrayView bytes)
    {
        if (m_errorCode == 0)
            m_buffer.append(bytes.data(), bytes.size());
    }
    // The same, taking the buffer itself when nothing is held (no copy).
    void append(const QByteArray &bytes)
    {
        if (m_errorCode != 0)
            return;
        if (m_buffer.isEmpty())
            m_buffer = bytes;
        else
            m_buffer.append(bytes);
    }
    // The next message or control frame; nothing when more bytes are needed or once the
    // stream is broken (see errorCode()).
    std::optional<Message> next();
    // Non-zero once the peer broke the protocol: the close code to answer with (1002, 1007,
    // 1009), and why. Nothing more is parsed after that.
    quint16 errorCode() const { return m_errorCode; }
    const char *errorText() const { return m_errorText; }
    // Bytes held: unparsed input and the fragments of an unfinished message.
    qint64 buffered() const { return m_buffer.size() - m_pos + m_fragments.size(); }

private:
    std::optional<Message> fail(quint16 code, const char *why);
    // The message the data frame ends (or nothing: a fragment, kept).
    std::optional<Message> dataFrame(Opcode opcode, bool fin, QByteArray payload);
    std::optional<Message> controlFrame(Opcode opcode, QByteArray payload);

    qint64 m_maxMessage;
    QByteArray m_buffer;
    qsizetype m_pos = 0; // parsed up to here
    QByteArray m_fragments;
    std::optional<Opcode> m_fragmented; // the opcode of the message being continued
    quint16 m_errorCode = 0;
    const char *m_errorText = "";
};

} // namespace st::ws
