#include "SocketIoCodec.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <array>

namespace st::sio {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::sio)
};

Error invalid(const char *text)
{
    return Error::invalid(QCoreApplication::translate("st::sio", text));
}

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// Characters a namespace may not hold: they would make the packet ambiguous.
bool isNamespaceChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u <= 0x20 || u == 0x7f)
        return false;
    switch (u) {
    case u',':
    case u'"':
    case u'[':
    case u']':
    case u'{':
    case u'}':
    case u'\\':
        return false;
    default:
        return true;
    }
}

constexpr int kMaxNamespaceLength = 256;
constexpr int kMaxAckIdDigits = 16;

// Parses any JSON value (top-level strings and numbers too) by wrapping it in an array.
std::optional<QJsonValue> parseJsonValue(QStringView text)
{
    const QString wrapped = QLatin1Char('[') + text + QLatin1Char(']');
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    const QJsonArray array = doc.array();
    if (array.size() != 1)
        return std::nullopt;
    return array.at(0);
}

int placeholderNum(const QJsonObject &object)
{
    const QJsonValue num = object.value(QLatin1String("num"));
    if (!num.isDouble())
        return -1;
    const double d = num.toDouble();
    if (d < 0 || d > kMaxAttachments * 1000 || d != static_cast<double>(static_cast<int>(d)))
        return -1;
    return static_cast<int>(d);
}

Result<void> checkData(const Packet &p)
{
    const QJsonValue &data = p.data;
    switch (p.type) {
    case PacketType::Connect:
        if (!data.isUndefined() && !data.isObject())
            return invalid(
                QT_TRANSLATE_NOOP("st::sio", "A CONNECT packet's data must be a JSON object."));
        break;
    case PacketType::Disconnect:
        if (!data.isUndefined())
            return invalid(QT_TRANSLATE_NOOP("st::sio", "A DISCONNECT packet carries no data."));
        break;
    case PacketType::ConnectError:
        if (!data.isUndefined() && !data.isObject() && !data.isString())
            return invalid(QT_TRANSLATE_NOOP(
                "st::sio", "A CONNECT_ERROR packet's data must be a JSON object or string."));
        break;
    case PacketType::Event:
    case PacketType::BinaryEvent: {
        if (!data.isArray())
            return invalid(
                QT_TRANSLATE_NOOP("st::sio", "An EVENT packet's data must be a JSON array."));
        const QJsonArray array = data.toArray();
        if (array.isEmpty() || !array.at(0).isString())
            return invalid(QT_TRANSLATE_NOOP(
                "st::sio", "An EVENT packet must start with the event name as a string."));
        if (isReservedEventName(array.at(0).toString()))
            return invalid(
                QT_TRANSLATE_NOOP("st::sio", "An EVENT packet may not use a reserved event name."));
        break;
    }
    case PacketType::Ack:
    case PacketType::BinaryAck:
        if (!data.isArray())
            return invalid(
                QT_TRANSLATE_NOOP("st::sio", "An ACK packet's data must be a JSON array."));
        if (!p.ackId)
            return invalid(QT_TRANSLATE_NOOP("st::sio", "An ACK packet needs an ack id."));
        break;
    }
    if (p.isBinary())
        return checkPlaceholders(data, p.attachments);
    return {};
}

} // namespace

// ---- Engine.IO ---------------------------------------------------------------------------------

Result<EioPacket> decodeEio(QStringView frame)
{
    if (frame.isEmpty())
        return invalid(QT_TRANSLATE_NOOP("st::sio", "The Engine.IO packet is empty."));
    const QChar type = frame.at(0);
    if (type < QLatin1Char('0') || type > QLatin1Char('6'))
        return invalid(
            QT_TRANSLATE_NOOP("st::sio", "The Engine.IO packet type is not one of 0-6."));
    return EioPacket{static_cast<EioType>(type.unicode() - u'0'), frame.mid(1).toString()};
}

QString encodeEio(const EioPacket &packet)
{
    return QString(QChar(u'0' + static_cast<int>(packet.type))) + packet.data;
}

QString encodeEio(EioType type, const QString &data)
{
    return encodeEio(EioPacket{type, data});
}

QString encodeOpen(const OpenInfo &info)
{
    // Built by hand to keep the key order of the contract (QJsonObject sorts its keys).
    QString upgrades = QStringLiteral("[");
    for (qsizetype i = 0; i < info.upgrades.size(); ++i) {
        if (i > 0)
            upgrades += QLatin1Char(',');
        upgrades += toJsonText(info.upgrades.at(i));
    }
    upgrades += QLatin1Char(']');
    return QStringLiteral("0{\"sid\":") + toJsonText(info.sid) + QStringLiteral(",\"upgrades\":") +
           upgrades + QStringLiteral(",\"pingInterval\":") + QString::number(info.pingInterval) +
           QStringLiteral(",\"pingTimeout\":") + QString::number(info.pingTimeout) +
           QStringLiteral(",\"maxPayload\":") + QString::number(info.maxPayload) + QLatin1Char('}');
}

Result<OpenInfo> decodeOpen(QStringView data)
{
    const std::optional<QJsonValue> value = parseJsonValue(data);
    if (!value || !value->isObject())
        return invalid(QT_TRANSLATE_NOOP("st::sio", "The open packet is not a JSON object."));
    const QJsonObject object = value->toObject();
    OpenInfo info;
    info.sid = object.value(QLatin1String("sid")).toString();
    if (info.sid.isEmpty())
        return invalid(QT_TRANSLATE_NOOP("st::sio", "The open packet has no session id."));
    const auto positive = [&object](const char *key, int &out) {
        const QJsonValue v = object.value(QLatin1String(key));
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d <= 0 || d > 2147483647.0 || d != static_cast<double>(qint64(d)))
            return false;
        out = static_cast<int>(d);
        return true;
    };
    if (!positive("pingInterval", info.pingInterval) ||
        !positive("pingTimeout", info.pingTimeout) || !positive("maxPayload", info.maxPayload))
        return invalid(QT_TRANSLATE_NOOP(
            "st::sio", "The open packet's pingInterval, pingTimeout or maxPayload is missing or "
                       "not a positive integer."));
    const QJsonValue upgrades = object.value(QLatin1String("upgrades"));
    if (!upgrades.isUndefined() && !upgrades.isArray())
        return invalid(QT_TRANSLATE_NOOP("st::sio", "The open packet's upgrades is not an array."));
    for (const QJsonValue &u : upgrades.toArray())
        info.upgrades.append(u.toString());
    return info;
}

// ---- Socket.IO ---------------------------------------------------------------------------------

QString Packet::eventName() const
{
    return isEvent() ? data.toArray().at(0).toString() : QString();
}

QJsonArray Packet::eventArgs() const
{
    QJsonArray args = data.toArray();
    if (isEvent() && !args.isEmpty())
        args.removeFirst();
    return args;
}

Packet Packet::connect(const QJsonObject &auth, const QString &nsp)
{
    Packet p;
    p.type = PacketType::Connect;
    p.nsp = nsp;
    p.data = auth;
    return p;
}

Packet Packet::connectError(const QString &message, const QString &nsp)
{
    Packet p;
    p.type = PacketType::ConnectError;
    p.nsp = nsp;
    p.data = QJsonObject{{QStringLiteral("message"), message}};
    return p;
}

Packet Packet::disconnect(const QString &nsp)
{
    Packet p;
    p.type = PacketType::Disconnect;
    p.nsp = nsp;
    return p;
}

Packet Packet::event(const QString &name, const QJsonArray &args, std::optional<qint64> ackId,
                     const QString &nsp)
{
    Packet p;
    p.type = PacketType::Event;
    p.nsp = nsp;
    p.ackId = ackId;
    QJsonArray data{name};
    for (const QJsonValue &arg : args)
        data.append(arg);
    p.data = data;
    return p;
}

Packet Packet::ack(qint64 ackId, const QJsonArray &args, const QString &nsp)
{
    Packet p;
    p.type = PacketType::Ack;
    p.nsp = nsp;
    p.ackId = ackId;
    p.data = args;
    return p;
}

Result<Packet> decode(QStringView text)
{
    if (text.isEmpty())
        return invalid(QT_TRANSLATE_NOOP("st::sio", "The Socket.IO packet is empty."));
    const QChar typeChar = text.at(0);
    if (typeChar < QLatin1Char('0') || typeChar > QLatin1Char('6'))
        return invalid(
            QT_TRANSLATE_NOOP("st::sio", "The Socket.IO packet type is not one of 0-6."));
    Packet p;
    p.type = static_cast<PacketType>(typeChar.unicode() - u'0');
    qsizetype i = 1;
    const qsizetype n = text.size();

    if (p.isBinary()) {
        const qsizetype start = i;
        while (i < n && isDigit(text.at(i)) && i - start <= 3)
            ++i;
        if (i == start || i >= n || text.at(i) != QLatin1Char('-'))
            return invalid(
                QT_TRANSLATE_NOOP("st::sio", "The binary packet's attachment count is malformed."));
        const int count = text.mid(start, i - start).toInt();
        if (count > kMaxAttachments)
            return invalid(QT_TRANSLATE_NOOP(
                "st::sio", "The packet has more binary attachments than allowed (10)."));
        p.attachments = count;
        ++i; // '-'
    }

    if (i < n && text.at(i) == QLatin1Char('/')) {
        const qsizetype start = i;
        while (i < n && text.at(i) != QLatin1Char(',')) {
            if (!isNamespaceChar(text.at(i)))
                return invalid(QT_TRANSLATE_NOOP(
                    "st::sio", "The namespace holds a character it may not hold."));
            ++i;
        }
        if (i - start > kMaxNamespaceLength)
            return invalid(QT_TRANSLATE_NOOP("st::sio", "The namespace is too long."));
        p.nsp = text.mid(start, i - start).toString();
        if (i < n)
            ++i; // ','
    } else if (i < n && text.at(i) == QLatin1Char(',')) {
        return invalid(QT_TRANSLATE_NOOP("st::sio", "The namespace does not start with '/'."));
    }

    if (i < n && isDigit(text.at(i))) {
        const qsizetype start = i;
        while (i < n && isDigit(text.at(i)))
            ++i;
        if (i - start > kMaxAckIdDigits)
            return invalid(QT_TRANSLATE_NOOP("st::sio", "The ack id is out of range."));
        const qint64 id = text.mid(start, i - start).toLongLong();
        if (id > kMaxAckId)
            return invalid(QT_TRANSLATE_NOOP("st::sio", "The ack id is out of range."));
        if (p.type != PacketType::Event && !p.isBinary() && p.type != PacketType::Ack)
            return invalid(QT_TRANSLATE_NOOP("st::sio", "This packet type takes no ack id."));
        p.ackId = id;
    }

    if (i < n) {
        const QStringView rest = text.mid(i);
        const QChar first = rest.at(0);
        if (first != QLatin1Char('[') && first != QLatin1Char('{') && first != QLatin1Char('"'))
            return invalid(QT_TRANSLATE_NOOP(
                "st::sio", "The ack id is not a number, or the data is not JSON."));
        const std::optional<QJsonValue> value = parseJsonValue(rest);
        if (!value)
            return invalid(QT_TRANSLATE_NOOP("st::sio", "The packet's data is not valid JSON."));
        p.data = *value;
    }

    if (const Result<void> shape = checkData(p); !shape)
        return shape.error();
    return p;
}

QString encode(const Packet &packet)
{
    QString out(QChar(u'0' + static_cast<int>(packet.type)));
    if (packet.isBinary())
        out += QString::number(packet.attachments) + QLatin1Char('-');
    if (!packet.nsp.isEmpty() && packet.nsp != QLatin1String("/"))
        out += packet.nsp + QLatin1Char(',');
    if (packet.ackId)
        out += QString::number(*packet.ackId);
    out += toJsonText(packet.data);
    return out;
}

QString encodeMessage(const Packet &packet)
{
    return QLatin1Char('4') + encode(packet);
}

Result<Packet> decodeMessage(QStringView frame)
{
    Result<EioPacket> eio = decodeEio(frame);
    if (!eio)
        return eio.error();
    if (eio->type != EioType::Message)
        return invalid(QT_TRANSLATE_NOOP("st::sio", "The Engine.IO packet is not a message."));
    return decode(eio->data);
}

QJsonObject placeholder(int num)
{
    return QJsonObject{{QStringLiteral("_placeholder"), true}, {QStringLiteral("num"), num}};
}

bool isPlaceholder(const QJsonValue &value)
{
    return value.isObject() && value.toObject().value(QLatin1String("_placeholder")).toBool(false);
}

Result<void> checkPlaceholders(const QJsonValue &value, int attachments)
{
    if (isPlaceholder(value)) {
        const int num = placeholderNum(value.toObject());
        if (num < 0 || num >= attachments)
            return invalid(QT_TRANSLATE_NOOP(
                "st::sio", "A binary placeholder refers to an attachment that does not exist."));
        return {};
    }
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            if (const Result<void> r = checkPlaceholders(item, attachments); !r)
                return r;
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (const Result<void> r = checkPlaceholders(it.value(), attachments); !r)
                return r;
        }
    }
    return {};
}

int countPlaceholders(const QJsonValue &value)
{
    if (isPlaceholder(value))
        return 1;
    int count = 0;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            count += countPlaceholders(item);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            count += countPlaceholders(it.value());
    }
    return count;
}

bool isReservedEventName(const QString &name)
{
    static constexpr std::array kReserved{"connect",       "connect_error", "disconnect",
                                          "disconnecting", "newListener",   "removeListener"};
    for (const char *reserved : kReserved) {
        if (name == QLatin1String(reserved))
            return true;
    }
    return false;
}

QString toJsonText(const QJsonValue &value)
{
    if (value.isUndefined())
        return {};
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    const QString wrapped =
        QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace st::sio
