#pragma once

#include "domain/Error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// The Socket.IO v4 wire format, used by both ends of LAN sync (the Hub and the SyncClient).
//
// Two layers travel in one WebSocket text frame:
//   Engine.IO 4 packet:  <type digit><data>                e.g. "2" (ping), "4..." (message)
//   Socket.IO 5 packet:  <type>[<attachments>-][<nsp>,][<ack id>][<JSON data>]
//                        e.g. "42[\"hello\",1]", "43/admin,7[{\"ok\":true}]", "40{\"token\":\"x\"}"
// A Socket.IO packet rides inside an Engine.IO message: the frame is "4" + the Socket.IO packet.
// Binary attachments (BINARY_EVENT / BINARY_ACK) follow as separate WebSocket binary frames; the
// JSON data holds {"_placeholder":true,"num":N} where the N-th attachment goes.
//
// decode*() never trusts its input: anything malformed is an st::Error (code Invalid) with a
// message naming the problem. encode*() is the exact inverse: decode(encode(p)) == p for every
// packet, and encode(decode(s)) == s for every canonical packet text s.
namespace st::sio {

// ---- Engine.IO 4 -------------------------------------------------------------------------------

enum class EioType
{
    Open = 0,
    Close = 1,
    Ping = 2,
    Pong = 3,
    Message = 4,
    Upgrade = 5,
    Noop = 6
};

struct EioPacket
{
    EioType type = EioType::Noop;
    QString data; // what follows the type digit ("probe" in "2probe", the Socket.IO packet in "4…")

    friend bool operator==(const EioPacket &, const EioPacket &) = default;
};

// Decodes one Engine.IO text frame. Errors: empty frame, type not a digit 0-6.
Result<EioPacket> decodeEio(QStringView frame);
QString encodeEio(const EioPacket &packet);
QString encodeEio(EioType type, const QString &data = {});

// The handshake the server sends first:
// 0{"sid","upgrades","pingInterval","pingTimeout","maxPayload"}.
struct OpenInfo
{
    QString sid;
    QStringList upgrades;
    int pingInterval = 25000; // ms
    int pingTimeout = 20000;  // ms
    int maxPayload = 1000000; // bytes

    friend bool operator==(const OpenInfo &, const OpenInfo &) = default;
};

// The whole open frame, "0{...}" (keys in the order of DESIGN.md).
QString encodeOpen(const OpenInfo &info);
// Reads the data of an open packet (the text after "0"). Errors: not a JSON object, sid missing or
// empty, intervals or maxPayload missing or not positive integers.
Result<OpenInfo> decodeOpen(QStringView data);

// ---- Socket.IO 5 -------------------------------------------------------------------------------

enum class PacketType
{
    Connect = 0,
    Disconnect = 1,
    Event = 2,
    Ack = 3,
    ConnectError = 4,
    BinaryEvent = 5,
    BinaryAck = 6
};

// At most this many binary attachments per packet (a cap against memory exhaustion).
inline constexpr int kMaxAttachments = 10;
// Ack ids are JavaScript numbers on the other side: kept to the safe integer range.
inline constexpr qint64 kMaxAckId = 9007199254740991LL; // 2^53 - 1

struct Packet
{
    PacketType type = PacketType::Event;
    QString nsp = QStringLiteral("/");
    std::optional<qint64> ackId;
    // Undefined when the packet carries no data (DISCONNECT, CONNECT without auth).
    // CONNECT: object; CONNECT_ERROR: object or string; EVENT: array whose first element is the
    // event name (a string); ACK: array of the answer's arguments.
    QJsonValue data = QJsonValue(QJsonValue::Undefined);
    int attachments = 0; // BINARY_EVENT / BINARY_ACK only: binary frames that follow

    bool isBinary() const
    {
        return type == PacketType::BinaryEvent || type == PacketType::BinaryAck;
    }
    bool isEvent() const { return type == PacketType::Event || type == PacketType::BinaryEvent; }
    bool isAck() const { return type == PacketType::Ack || type == PacketType::BinaryAck; }
    // EVENT only: the event name, and the arguments after it.
    QString eventName() const;
    QJsonArray eventArgs() const;

    static Packet connect(const QJsonObject &auth = {}, const QString &nsp = QStringLiteral("/"));
    static Packet connectError(const QString &message, const QString &nsp = QStringLiteral("/"));
    static Packet disconnect(const QString &nsp = QStringLiteral("/"));
    static Packet event(const QString &name, const QJsonArray &args = {},
                        std::optional<qint64> ackId = {}, const QString &nsp = QStringLiteral("/"));
    static Packet ack(qint64 ackId, const QJsonArray &args,
                      const QString &nsp = QStringLiteral("/"));

    friend bool operator==(const Packet &, const Packet &) = default;
};

// Decodes a Socket.IO packet (the data of an Engine.IO message). Errors: empty packet, unknown
// type, attachment count malformed or above kMaxAttachments (or present on a non-binary type),
// namespace not starting with '/' or holding forbidden characters, ack id not a number, out of
// range or on a type that takes none, ACK without ack id, invalid JSON, data of the wrong shape
// for the type (see Packet::data), EVENT without a name string or with a reserved name,
// placeholders out of the attachment range.
Result<Packet> decode(QStringView text);
// Encodes a packet; the packet is assumed valid (build it with the factories above).
QString encode(const Packet &packet);

// One Engine.IO message frame <-> Socket.IO packet: "4" + encode(packet).
QString encodeMessage(const Packet &packet);
Result<Packet> decodeMessage(QStringView frame);

// Placeholders for binary attachments.
QJsonObject placeholder(int num);
bool isPlaceholder(const QJsonValue &value);
// Checks every placeholder in value refers to an attachment in [0, attachments).
Result<void> checkPlaceholders(const QJsonValue &value, int attachments);
// How many placeholders value holds (nested anywhere).
int countPlaceholders(const QJsonValue &value);

// The names Socket.IO reserves for its own use; an EVENT may not carry them.
bool isReservedEventName(const QString &name);

// Compact JSON text for any value (including top-level strings and numbers); "" for Undefined.
QString toJsonText(const QJsonValue &value);

} // namespace st::sio
