#pragma once

#include <QByteArray>
#include <QByteArrayView>

// The server side of the RFC 6455 opening handshake: pure parsing and the answers, no socket.
namespace st::ws {

// The most a request head may be (request line and headers): a larger one is refused before
// more of it is held.
constexpr qsizetype kMaxHandshakeBytes = 8192;

struct Handshake
{
    enum class Status
    {
        Incomplete, // the head has not ended yet: read more
        Ok,         // a WebSocket upgrade: answer upgradeResponse(key)
        Bad,        // answer errorResponse(httpStatus, error) and close
    };
    Status status = Status::Incomplete;
    QByteArray target;    // the request target as sent: path and query
    QByteArray key;       // Sec-WebSocket-Key
    qsizetype length = 0; // of the head, up to its blank line: frames may follow it
    int httpStatus = 0;   // 400, 426 (a version other than 13) or 431 (head too large)
    const char *error = "";
};

// Parses the start of what a client sent, at most maxBytes of head.
Handshake parseHandshake(QByteArrayView bytes, qsizetype maxBytes = kMaxHandshakeBytes);
// Sec-WebSocket-Accept for a key: base64(SHA-1(key + the RFC's GUID)).
QByteArray acceptKey(QByteArrayView key);
// "101 Switching Protocols" with the accept key.
QByteArray upgradeResponse(QByteArrayView key);
// An HTTP error answer with the reason as its text body (426 also names the version served).
QByteArray errorResponse(int httpStatus, QByteArrayView why);

} // namespace st::ws
