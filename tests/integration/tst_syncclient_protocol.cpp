// The sync client against a scripted Socket.IO server (QWebSocketServer + the shared codec): the
// handshake, pings, malformed and binary input, silence, rate limits.

#include "FakeClock.h"
#include "TestStore.h"
#include "domain/Json.h"
#include "protocol/Broadcasts.h"
#include "sync/ClockOffset.h"
#include "sync/Outbox.h"
#include "sync/SocketIoCodec.h"
#include "sync/SyncClient.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

#include <functional>
#include <memory>

using namespace st;

namespace {

constexpr int kWait = 10000;
const QString kOrg = QStringLiteral("6f1c2f4e-8a57-4a43-9d0c-1b2a3c4d5e6f");

// A hub that speaks just enough of the protocol, with hooks to misbehave.
class FakeHub : public QObject
{
public:
    int pingInterval = 25000;
    int pingTimeout = 20000;
    // Answers to requests: by default {ok:true} (sync:pull: an empty page).
    std::function<QJsonObject(const QString &event, const QJsonObject &payload)> answer;

    QList<QWebSocket *> sockets;
    QList<QUrl> urls;
    QStringList frames; // every text frame received, in order
    QList<QJsonObject> auths;
    QStringList events;
    int connections = 0;
    // CONNECT_ERROR data for the next connections (while not empty), instead of the answer.
    QList<QJsonObject> refusals;

    FakeHub()
        : m_server(QStringLiteral("fake"), QWebSocketServer::NonSecureMode)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                sockets.append(s);
                urls.append(s->requestUrl());
                ++connections;
                connect(s, &QWebSocket::textMessageReceived, this,
                        [this, s](const QString &f) { onFrame(s, f); });
                sio::OpenInfo open{QStringLiteral("sid%1").arg(connections),
                                   {},
                                   pingInterval,
                                   pingTimeout,
                                   1000000};
                s->sendTextMessage(sio::encodeOpen(open));
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QWebSocket *last() const { return sockets.last(); }
    void send(const QString &frame) { last()->sendTextMessage(frame); }

private:
    void onFrame(QWebSocket *s, const QString &frame)
    {
        frames.append(frame);
        auto packet = sio::decodeMessage(frame);
        if (!packet)
            return; // pongs
        if (packet->type == sio::PacketType::Connect) {
            auths.append(packet->data.toObject());
            if (!refusals.isEmpty()) {
                sio::Packet refused = sio::Packet::connectError(QString());
                refused.data = refusals.takeFirst();
                s->sendTextMessage(sio::encodeMessage(refused));
                s->close();
                return;
            }
            const QJsonObject ok{{QStringLiteral("sid"), QStringLiteral("s")},
                                 {QStringLiteral("orgId"), kOrg},
                                 {QStringLiteral("orgName"), QStringLiteral("Fake")},
                                 {QStringLiteral("serverTime"), 1'764'316'800'000.0},
                                 {QStringLiteral("head"), 0}};
            s->sendTextMessage(sio::encodeMessage(sio::Packet::connect(ok)));
            return;
        }
        if (packet->type == sio::PacketType::Event && packet->ackId) {
            const QString event = packet->eventName();
            const QJsonObject payload = packet->eventArgs().at(0).toObject();
            events.append(event);
            QJsonObject a = answer ? answer(event, payload) : QJsonObject{};
            if (a.isEmpty()) {
                a = {{QStringLiteral("ok"), true}};
                if (event == QLatin1String("sync:pull")) {
                    a.insert(QStringLiteral("changes"), QJsonArray());
                    a.insert(QStringLiteral("head"), 0);
                    a.insert(QStringLiteral("more"), false);
                }
            }
            s->sendTextMessage(sio::encodeMessage(sio::Packet::ack(*packet->ackId, {a})));
        }
    }

    QWebSocketServer m_server;
};

struct Desk
{
    test::TestStore store;
    ClockOffset offset;
    Outbox outbox{*store.db, store.clock};
    std::unique_ptr<SyncClient> client;

    Desk()
    {
        outbox.attach(*store.service);
        client =
            std::make_unique<SyncClient>(*store.db, *store.service, outbox, offset, store.clock);
        client->setBackoff(10, 50);
    }
    // The person at the desk starts Setup (a change for the outbox).
    auto startSetup()
    {
        return store.service->start(
            {store.userId(), store.typeId(QStringLiteral("Setup")), {}, {}, std::nullopt, {}});
    }
    void connectTo(const FakeHub &hub)
    {
        client->start({hubUrl(QStringLiteral("127.0.0.1"), hub.port()), QStringLiteral("tok"),
                       store.profile.deviceId, QStringLiteral("Desk A")});
    }
};

// What a hub answers when its commit fails: internal, with the database's reason.
QJsonObject internalRefusal()
{
    return {{QStringLiteral("ok"), false},
            {QStringLiteral("error"),
             QJsonObject{{QStringLiteral("code"), QStringLiteral("internal")},
                         {QStringLiteral("message"), QStringLiteral("disk I/O error")}}}};
}

} // namespace

class TestSyncClientProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void handshakeAuthAndPings()
    {
        FakeHub hub;
        Desk desk;
        desk.connectTo(hub);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->state(), SyncState::Connected, kWait);
        const QUrl url = hub.urls.first();
        QCOMPARE(url.path(), QStringLiteral("/socket.io/"));
        QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("EIO")), QStringLiteral("4"));
        QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("transport")),
                 QStringLiteral("websocket"));
        // The first packet is CONNECT with the auth object.
        QVERIFY(hub.frames.first().startsWith(QLatin1String("40{")));
        const QJsonObject auth = hub.auths.first();
        QCOMPARE(auth.value(QStringLiteral("token")).toString(), QStringLiteral("tok"));
        QCOMPARE(auth.value(QStringLiteral("deviceId")).toString(), desk.store.profile.deviceId);
        QCOMPARE(auth.value(QStringLiteral("deviceName")).toString(), QStringLiteral("Desk A"));
        QCOMPARE(auth.value(QStringLiteral("since")).toDouble(), 0.0);
        // Joined the fake's organisation: history pulled, then this desk's task types pushed.
        QCOMPARE(desk.store.service->orgId(), kOrg);
        QCOMPARE(hub.events.first(), QStringLiteral("sync:pull"));
        QCOMPARE(hub.events.count(QStringLiteral("taskTypes:upsert")), 5);
        QVERIFY(desk.client->clockOffset().isKnown());

        const int before = hub.frames.size();
        hub.send(sio::encodeEio(sio::EioType::Ping));
        QTRY_COMPARE_WITH_TIMEOUT(hub.frames.size(), before + 1, kWait);
        QCOMPARE(hub.frames.last(), QStringLiteral("3"));
        QCOMPARE(hub.connections, 1);
    }

    void malformedInputClosesAndReconnects()
    {
        FakeHub hub;
        Desk desk;
        desk.connectTo(hub);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->state(), SyncState::Connected, kWait);
        hub.send(QStringLiteral("42[\"timer:started\",{\"seq\":")); // cut JSON
        QTRY_COMPARE_WITH_TIMEOUT(hub.connections, 2, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->state(), SyncState::Connected, kWait);
        hub.last()->sendBinaryMessage(QByteArray("\x04\x01", 2)); // binary: not in this protocol
        QTRY_COMPARE_WITH_TIMEOUT(hub.connections, 3, kWait);
        hub.send(QStringLiteral("9")); // no such Engine.IO type
        QTRY_COMPARE_WITH_TIMEOUT(hub.connections, 4, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->state(), SyncState::Connected, kWait);
    }

    void aSilentHubIsLeftAfterThePingTimeout()
    {
        FakeHub hub;
        hub.pingInterval = 100;
        hub.pingTimeout = 100;
        Desk desk;
        QSignalSpy errors(desk.client.get(), &SyncClient::errorOccurred);
        desk.connectTo(hub);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->state(), SyncState::Connected, kWait);
        // The fake never pings: the client gives up on the link and connects again.
        QTRY_VERIFY_WITH_TIMEOUT(hub.connections >= 2, kWait);
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.first().first().toString(), QStringLiteral("The hub stopped answering."));
    }

    void rateLimitedRequestsStayInTheOutbox()
    {
        FakeHub hub;
        int refusals = 2;
        hub.answer = [&](const QString &event, const QJsonObject &) -> QJsonObject {
            if (event == QLatin1String("timer:start") && refusals-- > 0)
                return {{QStringLiteral("ok"), false},
                        {QStringLiteral("error"),
                         QJsonObject{{QStringLiteral("code"), QStringLiteral("rate_limited")},
                                     {QStringLiteral("message"), QStringLiteral("slow down")}}}};
            return {};
        };
        Desk desk;
        desk.connectTo(hub);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->state(), SyncState::Connected, kWait);
        QVERIFY(desk.startSetup());
        QTRY_COMPARE_WITH_TIMEOUT(hub.events.count(QStringLiteral("timer:start")), 3, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->pendingCount(), 0, kWait);
        QVERIFY(desk.client->conflicts().isEmpty());
    }

    void anInternalRefusalIsSentAgain()
    {
        // The hub's commit failed (docs/PROTOCOL.md: internal, retry later): the change stays in
        // the outbox and goes again with the same opId; once the hub has it, nothing is lost.
        FakeHub hub;
        int failures = 2;
        QStringList opIds;
        hub.answer = [&](const QString &event, const QJsonObject &payload) -> QJsonObject {
            if (event != QLatin1String("timer:start"))
                return {};
            opIds.append(payload.value(QStringLiteral("opId")).toString());
            if (failures-- > 0)
                return internalRefusal();
            return {};
        };
        Desk desk;
        desk.connectTo(hub);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->state(), SyncState::Connected, kWait);
        QVERIFY(desk.startSetup());
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->pendingCount(), 0, kWait);
        QCOMPARE(opIds.size(), 3);
        QCOMPARE(opIds.count(opIds.first()), 3);
        QVERIFY(desk.client->conflicts().isEmpty());
    }

    void anInternalRefusalThatLastsIsFiledNotTriedForever()
    {
        FakeHub hub;
        hub.answer = [&](const QString &event, const QJsonObject &) -> QJsonObject {
            return event == QLatin1String("timer:start") ? internalRefusal() : QJsonObject{};
        };
        Desk desk;
        desk.connectTo(hub);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->state(), SyncState::Connected, kWait);
        QVERIFY(desk.startSetup());
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->conflicts().size(), 1, 30000);
        QCOMPARE(desk.client->conflicts().first().code, ErrorCode::Internal);
        QCOMPARE(desk.client->conflicts().first().message, QStringLiteral("disk I/O error"));
        QCOMPARE(hub.events.count(QStringLiteral("timer:start")), 5);
        QTest::qWait(2500); // one retry interval: filed, so not sent again
        QCOMPARE(hub.events.count(QStringLiteral("timer:start")), 5);
    }

    void anUnknownErrorAnswerIsAConflictNotALoop()
    {
        FakeHub hub;
        hub.answer = [&](const QString &event, const QJsonObject &) -> QJsonObject {
            if (event == QLatin1String("timer:start"))
                return {{QStringLiteral("ok"), false}};
            return {};
        };
        Desk desk;
        desk.connectTo(hub);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->state(), SyncState::Connected, kWait);
        auto started = desk.startSetup();
        QVERIFY(started);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->conflicts().size(), 1, kWait);
        QCOMPARE(desk.client->conflicts().first().code, ErrorCode::Internal);
        QVERIFY(!desk.client->conflicts().first().message.isEmpty());
        // The fake's (empty) history does not know the entry: withdrawn locally.
        QTRY_VERIFY_WITH_TIMEOUT(desk.store.service->entry(started->id)->deleted, kWait);
        QCOMPARE(hub.events.count(QStringLiteral("timer:start")), 1);
    }

    void theHandshakeSaysTheProtocolVersion()
    {
        FakeHub hub;
        Desk desk;
        desk.connectTo(hub);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->state(), SyncState::Connected, kWait);
        QCOMPARE(hub.auths.first().value(QStringLiteral("protocol")).toInt(), 2);
    }

    void eventsThisVersionDoesNotKnowAreIgnored()
    {
        FakeHub hub;
        Desk desk;
        desk.connectTo(hub);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->state(), SyncState::Connected, kWait);
        // A later version's broadcasts: no reconnect, no pull, nothing applied, seq unmoved.
        hub.send(QStringLiteral(R"(42["desk:renamed",{"seq":1,"device":{"id":"d2"}}])"));
        hub.send(QStringLiteral(R"(42["weather",["sunny"]])"));
        const int pulls = int(hub.events.count(QStringLiteral("sync:pull")));
        // A known broadcast after them is applied as usual.
        protocol::TimerChanged started;
        started.seq = 1;
        started.entry.id = newId();
        started.entry.orgId = kOrg;
        started.entry.userId = newId();
        started.entry.taskTypeId = desk.store.typeId(QStringLiteral("Setup"));
        started.entry.startedAt = desk.store.clock.nowMs();
        started.entry.updatedAt = started.entry.startedAt;
        started.user = protocol::UserRef{started.entry.userId, QStringLiteral("Bob")};
        hub.send(sio::encodeMessage(sio::Packet::event(
            protocol::eventName(protocol::Event::TimerStarted), {protocol::encode(started)})));
        QTRY_VERIFY_WITH_TIMEOUT(desk.store.service->entry(started.entry.id).has_value(), kWait);
        QCOMPARE(desk.client->lastSeq(), 1);
        QCOMPARE(hub.events.count(QStringLiteral("sync:pull")), pulls);
        QCOMPARE(hub.connections, 1);
        QCOMPARE(desk.client->state(), SyncState::Connected);
    }

    void anUnavailableHubIsRetried()
    {
        FakeHub hub;
        const QJsonObject unavailable{{QStringLiteral("message"), QStringLiteral("unavailable")}};
        hub.refusals = {unavailable, unavailable};
        Desk desk;
        QSignalSpy states(desk.client.get(), &SyncClient::stateChanged);
        QSignalSpy errors(desk.client.get(), &SyncClient::errorOccurred);
        desk.connectTo(hub);
        // Refused twice for now, then answered: never the Unauthorized state.
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->state(), SyncState::Connected, kWait);
        QCOMPARE(hub.connections, 3);
        for (const QList<QVariant> &change : std::as_const(states))
            QVERIFY(change.first().value<SyncState>() != SyncState::Unauthorized);
        QVERIFY(states.contains({QVariant::fromValue(SyncState::Offline)}));
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.first().first().toString(),
                 QStringLiteral("The hub cannot check this machine's token for now; trying "
                                "again."));
        QCOMPARE(desk.client->errorMessage(), QString()); // cleared by the successful CONNECT
    }

    void aProtocolTheHubDoesNotSpeakStopsRetrying()
    {
        FakeHub hub;
        hub.refusals = {QJsonObject{
            {QStringLiteral("message"),
             QStringLiteral("This hub speaks sync protocol 3 and this desk speaks 2: update "
                            "Studio Timer.")},
            {QStringLiteral("data"),
             QJsonObject{{QStringLiteral("code"), QStringLiteral("unsupported_protocol")},
                         {QStringLiteral("protocol"), 3},
                         {QStringLiteral("deskProtocol"), 2}}}}};
        Desk desk;
        desk.connectTo(hub);
        QTRY_COMPARE_WITH_TIMEOUT(desk.client->state(), SyncState::Unauthorized, kWait);
        QCOMPARE(desk.client->errorMessage(),
                 QStringLiteral("This hub speaks sync protocol 3 and this desk speaks 2: update "
                                "Studio Timer."));
        QTest::qWait(300);
        QCOMPARE(hub.connections, 1);
        QCOMPARE(desk.client->state(), SyncState::Unauthorized);
    }
};

QTEST_GUILESS_MAIN(TestSyncClientProtocol)
#include "tst_syncclient_protocol.moc"
