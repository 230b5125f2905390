#include "WsHandshake.h"

#include <QCryptographicHash>
#include <QList>

namespace st::ws {

namespace {

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

bool equalsNoCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// Whether a comma-separated header value lists the token (case-insensitive).
bool hasToken(QByteArrayView value, QByteArrayView token)
{
    while (!value.isEmpty()) {
        const qsizetype comma = value.indexOf(',');
        const QByteArrayView item = comma < 0 ? value : value.first(comma);
        if (equalsNoCase(trimmed(item), token))
            return true;
        value = comma < 0 ? QByteArrayView() : value.sliced(comma + 1);
    }
    return false;
}

Handshake bad(int httpStatus, const char *why)
{
    Handshake result;
    result.status = Handshake::Status::Bad;
    result.httpStatus = httpStatus;
    result.error = why;
    return result;
}

const char *reasonPhrase(int httpStatus)
{
    switch (httpStatus) {
    case 426:
        return "Upgrade Required";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Bad Request";
    }
}

} // namespace

Handshake parseHandshake(QByteArrayView bytes, qsizetype maxBytes)
{
    const qsizetype end = bytes.first(std::min(bytes.size(), maxBytes)).indexOf("\r\n\r\n");
    if (end < 0) {
        if (bytes.size() >= maxBytes)
            return bad(431, "request head too large");
        return {};
    }
    QByteArrayView head = bytes.first(end + 2); // each line ends with CRLF
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView requestLine = head.first(lineEnd);
    head = head.sliced(lineEnd + 2);

    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = requestLine.lastIndexOf(' ');
    if (sp1 <= 0 || sp2 <= sp1 + 1)
        return bad(400, "malformed request line");
    if (requestLine.first(sp1) != "GET")
        return bad(400, "only GET upgrades to a WebSocket");
    if (requestLine.sliced(sp2 + 1) != "HTTP/1.1")
        return bad(400, "only HTTP/1.1 upgrades to a WebSocket");

    Handshake result;
    result.target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1).toByteArray();
    bool host = false, upgrade = false, connection = false, version13 = false;
    bool versionSeen = false;
    while (!head.isEmpty()) {
        const qsizetype eol = head.indexOf("\r\n");
        const QByteArrayView line = head.first(eol);
        head = head.sliced(eol + 2);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return bad(400, "malformed header line");
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        if (equalsNoCase(name, "Host")) {
            host = true;
        } else if (equalsNoCase(name, "Upgrade")) {
            upgrade = upgrade || hasToken(value, "websocket");
        } else if (equalsNoCase(name, "Connection")) {
            connection = connection || hasToken(value, "upgrade");
        } else if (equalsNoCase(name, "Sec-WebSocket-Key")) {
            if (!result.key.isEmpty())
                return bad(400, "Sec-WebSocket-Key given twice");
            result.key = value.toByteArray();
        } else if (equalsNoCase(name, "Sec-WebSocket-Version")) {
            versionSeen = true;
            version13 = value == "13";
        }
    }
    if (!host)
        return bad(400, "no Host header");
    if (!upgrade || !connection)
        return bad(400, "not a WebSocket upgrade (Upgrade: websocket, Connection: Upgrade)");
    if (!versionSeen || !version13)
        return bad(426, "only WebSocket version 13 is served");
    const auto decoded =
        QByteArray::fromBase64Encoding(result.key, QByteArray::AbortOnBase64DecodingErrors);
    if (result.key.isEmpty() || !decoded || decoded.decoded.size() != 16)
        return bad(400, "missing or invalid Sec-WebSocket-Key");
    result.status = Handshake::Status::Ok;
    result.length = end + 4;
    return result;
}

QByteArray acceptKey(QByteArrayView key)
{
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(key);
    sha1.addData(QByteArrayView("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    return sha1.result().toBase64();
}

QByteArray upgradeResponse(QByteArrayView key)
{
    return QByteArray("HTTP/1.1 101 Switching Protocols\r\n"
                      "Upgrade: websocket\r\n"
                      "Connection: Upgrade\r\n"
                      "Sec-WebSocket-Accept: ") +
           acceptKey(key) + QByteArray("\r\n\r\n");
}

QByteArray errorResponse(int httpStatus, QByteArrayView why)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(httpStatus) + ' ' + reasonPhrase(httpStatus) +
                     "\r\nConnection: close\r\n";
    if (httpStatus == 426)
        out += "Sec-WebSocket-Version: 13\r\n";
    out += "Content-Type: text/plain\r\nContent-Length: " + QByteArray::number(why.size() + 1) +
           "\r\n\r\n";
    out.append(why.data(), why.size());
    out += '\n';
    return out;
}

} // namespace st::ws
