#include "WsFrame.h"

#include <QtEndian>

#include <cstring>
#include <utility>

namespace st::ws {

namespace {

constexpr quint8 kFin = 0x80;
constexpr quint8 kReserved = 0x70;
constexpr quint8 kMasked = 0x80;
constexpr qint64 kMaxControlPayload = 125;

bool isControl(Opcode opcode)
{
    return (quint8(opcode) & 0x8) != 0;
}

bool isKnown(quint8 opcode)
{
    return opcode <= 0x2 || (opcode >= 0x8 && opcode <= 0xA);
}

// Writes a frame header (without a mask key) and returns its length.
int writeHeader(char *out, Opcode opcode, bool fin, qint64 length, bool masked)
{
    out[0] = char((fin ? kFin : 0) | quint8(opcode));
    const quint8 maskBit = masked ? kMasked : 0;
    if (length < 126) {
        out[1] = char(maskBit | quint8(length));
        return 2;
    }
    if (length < 65536) {
        out[1] = char(maskBit | 126);
        qToBigEndian(quint16(length), out + 2);
        return 4;
    }
    out[1] = char(maskBit | 127);
    qToBigEndian(quint64(length), out + 2);
    return 10;
}

int headerLength(qint64 length)
{
    return length < 126 ? 2 : length < 65536 ? 4 : 10;
}

} // namespace

QByteArray encodeFrame(Opcode opcode, QByteArrayView payload)
{
    const qint64 length = payload.size();
    QByteArray frame(headerLength(length) + length, Qt::Uninitialized);
    const int header = writeHeader(frame.data(), opcode, true, length, false);
    if (length > 0)
        std::memcpy(frame.data() + header, payload.data(), size_t(length));
    return frame;
}

QByteArray encodeFrameHeader(Opcode opcode, qint64 payloadLength)
{
    QByteArray header(headerLength(payloadLength), Qt::Uninitialized);
    writeHeader(header.data(), opcode, true, payloadLength, false);
    return header;
}

QByteArray encodeClose(quint16 code, QByteArrayView reason)
{
    qsizetype cut = std::min<qsizetype>(reason.size(), kMaxControlPayload - 2);
    // Never half a UTF-8 sequence: back up to the start of the one that was cut.
    if (cut < reason.size()) {
        while (cut > 0 && (quint8(reason[cut]) & 0xC0) == 0x80)
            --cut;
    }
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian(code, payload.data());
    payload.append(reason.data(), cut);
    return encodeFrame(Opcode::Close, payload);
}

QByteArray encodeMaskedFrame(Opcode opcode, QByteArrayView payload, quint32 mask, bool fin)
{
    const qint64 length = payload.size();
    QByteArray frame(headerLength(length) + 4 + length, Qt::Uninitialized);
    const int header = writeHeader(frame.data(), opcode, fin, length, true);
    char *key = frame.data() + header;
    qToBigEndian(mask, key);
    char *out = key + 4;
    for (qint64 i = 0; i < length; ++i)
        out[i] = char(payload[i] ^ key[i & 3]);
    return frame;
}

bool isValidUtf8(QByteArrayView bytes)
{
    const auto *s = reinterpret_cast<const quint8 *>(bytes.data());
    const qsizetype n = bytes.size();
    const auto continuation = [&](qsizetype at) {
        return at < n && (s[at] & 0xC0) == 0x80;
    };
    qsizetype i = 0;
    while (i < n) {
        const quint8 c = s[i];
        if (c < 0x80) {
            ++i;
        } else if (c < 0xC2) { // a continuation byte first, or an overlong 2-byte form
            return false;
        } else if (c < 0xE0) {
            if (!continuation(i + 1))
                return false;
            i += 2;
        } else if (c < 0xF0) {
            if (!continuation(i + 1) || !continuation(i + 2))
                return false;
            const quint8 c2 = s[i + 1];
            if ((c == 0xE0 && c2 < 0xA0) || (c == 0xED && c2 > 0x9F)) // overlong; surrogates
                return false;
            i += 3;
        } else if (c < 0xF5) {
            if (!continuation(i + 1) || !continuation(i + 2) || !continuation(i + 3))
                return false;
            const quint8 c2 = s[i + 1];
            if ((c == 0xF0 && c2 < 0x90) || (c == 0xF4 && c2 > 0x8F)) // overlong; past U+10FFFF
                return false;
            i += 4;
        } else {
            return false;
        }
    }
    return true;
}

bool isValidCloseCode(quint16 code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) ||
           (code >= 3000 && code <= 4999);
}

std::optional<Message> FrameReader::fail(quint16 code, const char *why)
{
    m_errorCode = code;
    m_errorText = why;
    m_buffer.clear();
    m_fragments.clear();
    m_pos = 0;
    return std::nullopt;
}

std::optional<Message> FrameReader::next()
{
    while (m_errorCode == 0) {
        const qsizetype available = m_buffer.size() - m_pos;
        const auto *p = reinterpret_cast<const quint8 *>(m_buffer.constData()) + m_pos;
        if (available < 2)
            break;
        const bool fin = (p[0] & kFin) != 0;
        const quint8 code = p[0] & 0x0F;
        if ((p[0] & kReserved) != 0)
            return fail(close::ProtocolError, "reserved bits set (no extension was agreed)");
        if (!isKnown(code))
            return fail(close::ProtocolError, "unknown opcode");
        if ((p[1] & kMasked) == 0)
            return fail(close::ProtocolError, "unmasked frame from a client");
        const auto opcode = Opcode(code);
        qsizetype header = 2;
        quint64 length = p[1] & 0x7F;
        if (length == 126) {
            if (available < 4)
                break;
            length = qFromBigEndian<quint16>(p + 2);
            header = 4;
            if (length < 126)
                return fail(close::ProtocolError, "frame length not in its shortest form");
        } else if (length == 127) {
            if (available < 10)
                break;
            length = qFromBigEndian<quint64>(p + 2);
            header = 10;
            if (length < 65536 || (length >> 63) != 0)
                return fail(close::ProtocolError, "frame length not in its shortest form");
        }
        if (isControl(opcode)) {
            if (!fin)
                return fail(close::ProtocolError, "fragmented control frame");
            if (length > quint64(kMaxControlPayload))
                return fail(close::ProtocolError, "control frame over 125 bytes");
        } else {
            if (opcode == Opcode::Continuation && !m_fragmented)
                return fail(close::ProtocolError, "continuation frame without a message");
            if (opcode != Opcode::Continuation && m_fragmented)
                return fail(close::ProtocolError, "new message before the last one ended");
            if (length > quint64(m_maxMessage) ||
                qint64(length) + m_fragments.size() > m_maxMessage)
                return fail(close::TooBig, "message over the size limit");
        }
        header += 4; // the mask key
        if (available < header || quint64(available - header) < length)
            break;
        const quint8 *key = p + header - 4;
        const quint8 *in = p + header;
        QByteArray payload(qsizetype(length), Qt::Uninitialized);
        char *out = payload.data();
        for (qsizetype i = 0; i < qsizetype(length); ++i)
            out[i] = char(in[i] ^ key[i & 3]);
        m_pos += header + qsizetype(length);
        std::optional<Message> message = isControl(opcode)
                                             ? controlFrame(opcode, std::move(payload))
                                             : dataFrame(opcode, fin, std::move(payload));
        if (message)
            return message;
    }
    // Keep only what is not parsed yet (nothing at all between messages).
    if (m_pos >= m_buffer.size())
        m_buffer.clear();
    else if (m_pos > 0)
        m_buffer.remove(0, m_pos);
    m_pos = 0;
    return std::nullopt;
}

std::optional<Message> FrameReader::dataFrame(Opcode opcode, bool fin, QByteArray payload)
{
    Message message;
    if (opcode == Opcode::Continuation) {
        m_fragments.append(payload);
        if (!fin)
            return std::nullopt;
        message.opcode = *std::exchange(m_fragmented, std::nullopt);
        message.payload = std::exchange(m_fragments, QByteArray());
    } else if (!fin) {
        m_fragmented = opcode;
        m_fragments = std::move(payload);
        return std::nullopt;
    } else {
        message.opcode = opcode;
        message.payload = std::move(payload);
    }
    if (message.opcode == Opcode::Text && !isValidUtf8(message.payload))
        return fail(close::InvalidPayload, "text message not valid UTF-8");
    return message;
}

std::optional<Message> FrameReader::controlFrame(Opcode opcode, QByteArray payload)
{
    Message message;
    message.opcode = opcode;
    if (opcode != Opcode::Close) {
        message.payload = std::move(payload);
        return message;
    }
    if (payload.size() == 1)
        return fail(close::ProtocolError, "close frame with a one-byte payload");
    if (payload.size() >= 2) {
        message.closeCode = qFromBigEndian<quint16>(payload.constData());
        if (!isValidCloseCode(message.closeCode))
            return fail(close::ProtocolError, "invalid close code");
        message.payload = payload.mid(2);
        if (!isValidUtf8(message.payload))
            return fail(close::InvalidPayload, "close reason not valid UTF-8");
    }
    return message;
}

} // namespace st::ws
