#pragma once

#include "protocol/Broadcasts.h"
#include "sync/SocketIoCodec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUrl>
#include <QWebSocket>

#include <optional>

namespace st::test {

// A raw Socket.IO client over QWebSocket for hub tests: it speaks the wire format through the
// shared codec and records everything it receives, so a test can send malformed input too.
class HubTestClient final : public QObject
{
public:
    explicit HubTestClient(QObject *parent = nullptr)
        : QObject(parent)
    {
        connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            frames.append(text);
            if (text == QLatin1String("2") && autoPong)
                m_socket.sendTextMessage(QStringLiteral("3"));
            const auto packet = sio::decodeMessage(text);
            if (!packet)
                return;
            if (packet->type == sio::PacketType::Event)
                events.append({packet->eventName(), packet->eventArgs().at(0).toObject()});
            else if (packet->type == sio::PacketType::Ack && packet->ackId)
                acks.insert(*packet->ackId, packet->data.toArray().at(0).toObject());
            else if (packet->type == sio::PacketType::Connect)
                connectAnswer = packet->data.toObject();
            else if (packet->type == sio::PacketType::ConnectError)
                connectError = packet->data.toObject();
        });
        connect(&m_socket, &QWebSocket::disconnected, this, [this] { closed = true; });
        // The TLS test's certificate is self-signed.
        connect(&m_socket, &QWebSocket::sslErrors, this,
                [this](const QList<QSslError> &) { m_socket.ignoreSslErrors(); });
    }

    static QUrl url(quint16 port, const QString &query, const QString &scheme)
    {
        return QUrl(
            QStringLiteral("%1://127.0.0.1:%2/socket.io/?%3").arg(scheme).arg(port).arg(query));
    }
    static QUrl url(quint16 port,
                    const QString &query = QStringLiteral("EIO=4&transport=websocket"))
    {
        return url(port, query, QStringLiteral("ws"));
    }

    // Opens the WebSocket and waits for the Engine.IO open packet.
    bool open(quint16 port)
    {
        m_socket.open(url(port, QStringLiteral("EIO=4&transport=websocket"), scheme));
        return QTest::qWaitFor([this] { return !frames.isEmpty() || closed; }, 5000) &&
               !frames.isEmpty() && frames.first().startsWith(QLatin1Char('0'));
    }

    // CONNECT to "/" with the auth object; true when the hub answered CONNECT.
    bool handshake(const QJsonObject &auth)
    {
        send(sio::encodeMessage(sio::Packet::connect(auth)));
        const bool answered =
            QTest::qWaitFor([this] { return connectAnswer || connectError || closed; }, 5000);
        return answered && connectAnswer.has_value();
    }

    bool join(quint16 port, const QString &token, const QString &deviceName)
    {
        return open(port) && handshake(QJsonObject{{QStringLiteral("token"), token},
                                                   {QStringLiteral("deviceId"),
                                                    QString(QStringLiteral("dev-") + deviceName)},
                                                   {QStringLiteral("deviceName"), deviceName},
                                                   {QStringLiteral("since"), 0}});
    }

    void send(const QString &frame) { m_socket.sendTextMessage(frame); }
    void sendBinary(const QByteArray &data) { m_socket.sendBinaryMessage(data); }

    // Sends a request with a fresh ack id and waits for its answer (empty object on timeout).
    QJsonObject request(const QString &event, const QJsonObject &payload)
    {
        const qint64 id = m_nextAck++;
        send(sio::encodeMessage(sio::Packet::event(event, {payload}, id)));
        if (!QTest::qWaitFor([&] { return acks.contains(id) || closed; }, 5000))
            return {};
        return acks.value(id);
    }

    QList<QJsonObject> eventsNamed(const QString &name) const
    {
        QList<QJsonObject> out;
        for (const auto &[event, data] : events) {
            if (event == name)
                out.append(data);
        }
        return out;
    }
    int countNot(const QString &name) const
    {
        int n = 0;
        for (const auto &e : events)
            n += e.first != name;
        return n;
    }
    // Events that are changes (not presence nor its deltas).
    int countChanges() const
    {
        int n = 0;
        for (const auto &e : events) {
            const auto event = protocol::eventFromName(e.first);
            n += !event || !protocol::isPresence(*event);
        }
        return n;
    }
    // The connected devices as a desk sees them: the CONNECT answer's list, then every presence
    // message applied in order.
    QList<protocol::PresenceDevice> presence() const
    {
        QList<protocol::PresenceDevice> list;
        if (connectAnswer) {
            if (auto d =
                    protocol::decodeDevices(*connectAnswer, "presence", QStringLiteral("CONNECT")))
                list = *d;
        }
        for (const auto &[name, data] : events) {
            const auto event = protocol::eventFromName(name);
            if (!event || !protocol::isPresence(*event))
                continue;
            const auto message = protocol::decodeBroadcast(*event, data);
            if (!message)
                qFatal("the hub sent a malformed %s", qPrintable(name));
            protocol::applyPresence(list, std::get<protocol::Presence>(*message));
        }
        return list;
    }
    // "name/userName" of each device present, sorted.
    QStringList presenceNames() const
    {
        QStringList out;
        const QList<protocol::PresenceDevice> list = presence();
        for (const protocol::PresenceDevice &d : list)
            out.append(d.name + QLatin1Char('/') + d.userName);
        out.sort();
        return out;
    }
    bool waitForEvent(const QString &name, int count = 1)
    {
        return QTest::qWaitFor([&] { return eventsNamed(name).size() >= count; }, 5000);
    }
    bool waitClosed()
    {
        return QTest::qWaitFor([this] { return closed; }, 5000);
    }

    QWebSocket &socket() { return m_socket; }

    QStringList frames;
    QList<std::pair<QString, QJsonObject>> events;
    QHash<qint64, QJsonObject> acks;
    std::optional<QJsonObject> connectAnswer;
    std::optional<QJsonObject> connectError;
    bool closed = false;
    bool autoPong = true;
    QString scheme = QStringLiteral("ws");

private:
    QWebSocket m_socket;
    qint64 m_nextAck = 1;
};

} // namespace st::test
