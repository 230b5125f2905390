// libFuzzer target: the Socket.IO / Engine.IO codec (core/sync/SocketIoCodec). Whatever the bytes,
// decoding never crashes, and a packet it accepts re-encodes to text that decodes to the same
// packet.

#include "FuzzInput.h"
#include "sync/SocketIoCodec.h"

using namespace st;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString frame = fuzz::text(data, size);

    const auto eio = sio::decodeEio(frame);
    if (eio) {
        const auto again = sio::decodeEio(sio::encodeEio(eio.value()));
        fuzz::check(again && again.value() == eio.value(), "Engine.IO packet round trip");
        if (eio.value().type == sio::EioType::Open)
            (void)sio::decodeOpen(eio.value().data);
    }

    const auto packet = sio::decode(frame);
    if (packet) {
        const auto again = sio::decode(sio::encode(packet.value()));
        fuzz::check(again && again.value() == packet.value(), "Socket.IO packet round trip");
        (void)sio::checkPlaceholders(packet.value().data, packet.value().attachments);
        if (packet.value().isEvent()) {
            (void)packet.value().eventName();
            (void)packet.value().eventArgs();
        }
    }
    return 0;
}
