// libFuzzer target: the hub's WebSocket transport (core/sync/server/WsHandshake, WsFrame).
// Whatever the bytes, the handshake parser and the frame reader never crash; the reader never
// holds more than its limit allows, a text message it gives is valid UTF-8, and every message
// it gives reads back the same once framed again, whole or in pieces.

#include "FuzzInput.h"
#include "sync/server/WsFrame.h"
#include "sync/server/WsHandshake.h"

using namespace st;

namespace {

constexpr qint64 kMax = 4096;

void checkMessage(const ws::Message &message)
{
    if (message.opcode == ws::Opcode::Text)
        fuzz::check(ws::isValidUtf8(message.payload), "text message is valid UTF-8");
    if (message.opcode == ws::Opcode::Text || message.opcode == ws::Opcode::Binary) {
        fuzz::check(message.payload.size() <= kMax, "message within the limit");
        ws::FrameReader again(kMax);
        const QByteArray payload = message.payload;
        const qsizetype half = payload.size() / 2;
        again.append(ws::encodeMaskedFrame(message.opcode, payload.first(half), 0x01020304, false));
        again.append(ws::encodeMaskedFrame(ws::Opcode::Continuation, payload.sliced(half), 7));
        const auto back = again.next();
        fuzz::check(back && back->opcode == message.opcode && back->payload == payload,
                    "message round trip through two fragments");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    const ws::Handshake handshake = ws::parseHandshake(bytes);
    if (handshake.status == ws::Handshake::Status::Ok) {
        fuzz::check(handshake.length <= ws::kMaxHandshakeBytes, "head within the limit");
        fuzz::check(ws::acceptKey(handshake.key).size() == 28, "accept key length");
    }

    // The same bytes as frames, in one piece, then in pieces of a size the input chooses.
    const qsizetype step = size > 0 ? 1 + data[0] % 17 : 1;
    for (qsizetype pieceSize : {qsizetype(bytes.size()), step}) {
        ws::FrameReader reader(kMax);
        for (qsizetype at = 0; at < bytes.size(); at += std::max<qsizetype>(1, pieceSize)) {
            reader.append(bytes.sliced(at, std::min(pieceSize, bytes.size() - at)));
            while (const auto message = reader.next())
                checkMessage(*message);
            fuzz::check(reader.buffered() <= kMax + bytes.size(), "reader holds a bounded amount");
            if (reader.errorCode() != 0)
                break;
        }
    }
    return 0;
}
