// Robustness of the Socket.IO codec and the hub against mutated input (deterministic seeds, so a
// failure reproduces). The codec must never crash, must refuse or accept consistently (anything it
// accepts re-encodes to text that decodes to the same packet), and the hub must close only the
// connection that sent garbage.

#include "FakeClock.h"
#include "store/Database.h"
#include "sync/Hub.h"
#include "sync/SocketIoCodec.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <algorithm>

using namespace st;

namespace {

const QStringList kSeeds{
    QStringLiteral("0"),
    QStringLiteral("0{\"token\":\"abc\",\"deviceId\":\"d\",\"since\":3}"),
    QStringLiteral("0/custom,{\"a\":1}"),
    QStringLiteral("1/admin,"),
    QStringLiteral("212[\"timer:start\",{\"opId\":\"x\",\"user\":{\"id\":\"u\",\"name\":\"n\"}}]"),
    QStringLiteral("2/admin,456[\"project:delete\",123,null,true,1.5e3]"),
    QStringLiteral("3456[{\"ok\":false,\"error\":{\"code\":\"invalid\",\"message\":\"m\"}}]"),
    QStringLiteral("4{\"message\":\"unauthorized\"}"),
    QStringLiteral("52-/admin,9[\"up\",{\"_placeholder\":true,\"num\":1},"
                   "{\"_placeholder\":true,\"num\":0}]"),
    QStringLiteral("61-7[{\"_placeholder\":true,\"num\":0}]"),
};

const QString kAlphabet = QStringLiteral("0123456789-,/[]{}\":_abcnulltrue\\ \u00e9\u266b");

QString mutate(QString text, QRandomGenerator &rng)
{
    const int edits = 1 + int(rng.bounded(4));
    for (int i = 0; i < edits; ++i) {
        const int pos = text.isEmpty() ? 0 : int(rng.bounded(quint32(text.size() + 1)));
        const QChar c = kAlphabet.at(int(rng.bounded(quint32(kAlphabet.size()))));
        switch (rng.bounded(5)) {
        case 0: // insert
            text.insert(pos, c);
            break;
        case 1: // delete
            if (!text.isEmpty())
                text.remove(std::min(pos, int(text.size()) - 1), 1);
            break;
        case 2: // replace
            if (!text.isEmpty())
                text[std::min(pos, int(text.size()) - 1)] = c;
            break;
        case 3: // truncate
            text.truncate(pos);
            break;
        default: // duplicate a slice
            text.insert(pos, text.mid(int(rng.bounded(quint32(text.size() + 1))), 8));
            break;
        }
    }
    return text;
}

} // namespace

class TestFuzzSocketIo final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codecSurvivesMutations();
    void hubSurvivesMutatedFrames();
};

void TestFuzzSocketIo::codecSurvivesMutations()
{
    QRandomGenerator rng(20261128);
    int accepted = 0;
    int refused = 0;
    for (int round = 0; round < 20000; ++round) {
        const QString input = mutate(kSeeds.at(round % kSeeds.size()), rng);
        const Result<sio::Packet> packet = sio::decode(input);
        if (!packet) {
            ++refused;
            QCOMPARE(packet.error().code, ErrorCode::Invalid);
            QVERIFY(!packet.error().message.isEmpty());
            continue;
        }
        ++accepted;
        const QString again = sio::encode(*packet);
        const Result<sio::Packet> back = sio::decode(again);
        QVERIFY2(back.ok(), qPrintable(input + QStringLiteral(" -> ") + again));
        QCOMPARE(*back, *packet);
        QCOMPARE(sio::encode(*back), again);
        QVERIFY(packet->attachments <= sio::kMaxAttachments);
        // Engine.IO framing of the same text.
        QVERIFY(sio::decodeMessage(QString(QLatin1Char('4') + input)).ok());
    }
    // The mutations reach both outcomes, so both paths were exercised.
    QVERIFY(accepted > 1000);
    QVERIFY(refused > 1000);
}

void TestFuzzSocketIo::hubSurvivesMutatedFrames()
{
    QTemporaryDir dir;
    test::FakeClock clock;
    auto db = Database::open(dir.filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(db.ok());
    HubOptions options;
    options.bind = QHostAddress::LocalHost;
    options.port = 0;
    options.maxPayload = 4096;
    Hub hub(*db.value(), clock, options);
    QVERIFY(hub.listen().ok());
    auto org = hub.store().createOrganization(QStringLiteral("Fuzz"));
    QVERIFY(org.ok());
    const QUrl url(
        QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket").arg(hub.port()));
    const QString connectFrame = sio::encodeMessage(
        sio::Packet::connect({{QStringLiteral("token"), org->token},
                              {QStringLiteral("deviceId"), QStringLiteral("fuzz")}}));

    QRandomGenerator rng(4242);
    for (int round = 0; round < 60; ++round) {
        QWebSocket socket;
        QStringList frames;
        bool closed = false;
        connect(&socket, &QWebSocket::textMessageReceived, this,
                [&](const QString &t) { frames.append(t); });
        connect(&socket, &QWebSocket::disconnected, this, [&] { closed = true; });
        socket.open(url);
        QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 5000);
        socket.sendTextMessage(connectFrame);
        QTRY_VERIFY_WITH_TIMEOUT(frames.size() >= 2, 5000);
        QVERIFY(frames.at(1).startsWith(QLatin1String("40{")));
        for (int i = 0; i < 5 && !closed; ++i) {
            const QString seed = kSeeds.at(int(rng.bounded(quint32(kSeeds.size()))));
            socket.sendTextMessage(QLatin1Char('4') + mutate(seed, rng));
        }
        // Whatever happened to that socket, the hub still answers a fresh client.
        QWebSocket probe;
        QStringList probeFrames;
        connect(&probe, &QWebSocket::textMessageReceived, this,
                [&](const QString &t) { probeFrames.append(t); });
        probe.open(url);
        QTRY_VERIFY_WITH_TIMEOUT(!probeFrames.isEmpty(), 5000);
        probe.sendTextMessage(connectFrame);
        QTRY_VERIFY_WITH_TIMEOUT(probeFrames.size() >= 2, 5000);
        QVERIFY(probeFrames.at(1).startsWith(QLatin1String("40{")));
        probe.sendTextMessage(sio::encodeMessage(sio::Packet::event(
            QStringLiteral("sync:pull"), {QJsonObject{{QStringLiteral("since"), 0}}}, 1)));
        const auto answered = [&] {
            return std::any_of(probeFrames.cbegin(), probeFrames.cend(), [](const QString &f) {
                return f.startsWith(QLatin1String("431[{\"changes\""));
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(answered(), 5000);
    }
}

QTEST_GUILESS_MAIN(TestFuzzSocketIo)
#include "tst_fuzz_socketio.moc"
