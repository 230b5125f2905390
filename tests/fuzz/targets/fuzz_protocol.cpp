// libFuzzer target: every decoder of the typed sync protocol (core/protocol). The first byte picks
// the decoder (and the event for requests and broadcasts), the rest is the JSON a peer would send.
// Decoding never crashes; a request or broadcast that decodes re-encodes to one that decodes again.

#include "FuzzInput.h"
#include "protocol/Answers.h"
#include "protocol/Broadcasts.h"
#include "protocol/Event.h"
#include "protocol/Requests.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace st;

namespace {

QJsonValue jsonOf(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (doc.isObject())
        return doc.object();
    if (doc.isArray())
        return doc.array();
    return QJsonValue(text); // a bare string is a payload too
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QList<protocol::Event> &events = protocol::allEvents();
    const int selector = data[0];
    const QJsonValue payload = jsonOf(fuzz::text(data + 1, size - 1));
    const QJsonObject object = payload.toObject();
    const protocol::Event event = events.at(selector % events.size());

    switch (selector % 8) {
    case 0: {
        const auto request = protocol::decodeRequest(event, payload);
        if (request) {
            const auto again = protocol::decodeRequest(event, protocol::encode(request.value()));
            fuzz::check(bool(again), "a decoded request re-encodes to a valid one");
        }
        break;
    }
    case 1:
        (void)protocol::decodeStoredRequest(event, object);
        break;
    case 2:
        (void)protocol::decodeBroadcast(event, object);
        break;
    case 3:
        (void)protocol::decodeAnswer(object);
        (void)protocol::decodePullAnswer(object);
        break;
    case 4:
        (void)protocol::decodeConnectAuth(payload);
        break;
    case 5:
        (void)protocol::decodeConnectAnswer(payload);
        break;
    case 6:
        (void)protocol::decodeConnectRefusal(payload);
        break;
    default:
        (void)protocol::decodeSyncPull(payload);
        (void)protocol::eventFromName(fuzz::text(data + 1, size - 1));
        break;
    }
    return 0;
}
