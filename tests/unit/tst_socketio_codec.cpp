#include "sync/SocketIoCodec.h"

#include <QTest>

using namespace st;
using namespace st::sio;

class TestSocketIoCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void engineIoRoundTrip_data();
    void engineIoRoundTrip();
    void engineIoMalformed_data();
    void engineIoMalformed();
    void openPacket();
    void openPacketMalformed_data();
    void openPacketMalformed();
    void canonicalRoundTrip_data();
    void canonicalRoundTrip();
    void decodedFields();
    void factoriesRoundTrip();
    void namespaceWithoutTrailingComma();
    void malformed_data();
    void malformed();
    void messageFrames();
    void placeholders();
    void jsonText();
};

void TestSocketIoCodec::engineIoRoundTrip_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("data");
    QTest::newRow("open") << QStringLiteral("0{\"sid\":\"a\"}") << 0
                          << QStringLiteral("{\"sid\":\"a\"}");
    QTest::newRow("close") << QStringLiteral("1") << 1 << QString();
    QTest::newRow("ping") << QStringLiteral("2") << 2 << QString();
    QTest::newRow("ping probe") << QStringLiteral("2probe") << 2 << QStringLiteral("probe");
    QTest::newRow("pong") << QStringLiteral("3") << 3 << QString();
    QTest::newRow("message") << QStringLiteral("4hello") << 4 << QStringLiteral("hello");
    QTest::newRow("upgrade") << QStringLiteral("5") << 5 << QString();
    QTest::newRow("noop") << QStringLiteral("6") << 6 << QString();
}

void TestSocketIoCodec::engineIoRoundTrip()
{
    QFETCH(QString, frame);
    QFETCH(int, type);
    QFETCH(QString, data);
    const Result<EioPacket> p = decodeEio(frame);
    QVERIFY(p.ok());
    QCOMPARE(static_cast<int>(p->type), type);
    QCOMPARE(p->data, data);
    QCOMPARE(encodeEio(*p), frame);
}

void TestSocketIoCodec::engineIoMalformed_data()
{
    QTest::addColumn<QString>("frame");
    QTest::newRow("empty") << QString();
    QTest::newRow("type 7") << QStringLiteral("7");
    QTest::newRow("type letter") << QStringLiteral("x");
    QTest::newRow("type minus") << QStringLiteral("-1");
}

void TestSocketIoCodec::engineIoMalformed()
{
    QFETCH(QString, frame);
    const Result<EioPacket> p = decodeEio(frame);
    QVERIFY(!p.ok());
    QCOMPARE(p.error().code, ErrorCode::Invalid);
    QVERIFY(!p.error().message.isEmpty());
}

void TestSocketIoCodec::openPacket()
{
    OpenInfo info;
    info.sid = QStringLiteral("lv_VI97HAXpY6yYWAAAC");
    const QString frame = encodeOpen(info);
    QCOMPARE(frame, QStringLiteral("0{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[],"
                                   "\"pingInterval\":25000,\"pingTimeout\":20000,"
                                   "\"maxPayload\":1000000}"));
    const Result<EioPacket> eio = decodeEio(frame);
    QVERIFY(eio.ok());
    QCOMPARE(eio->type, EioType::Open);
    const Result<OpenInfo> back = decodeOpen(eio->data);
    QVERIFY(back.ok());
    QCOMPARE(*back, info);

    OpenInfo other{QStringLiteral("s"), {QStringLiteral("websocket")}, 300, 200, 1000};
    const Result<OpenInfo> back2 = decodeOpen(QStringView(encodeOpen(other)).mid(1));
    QVERIFY(back2.ok());
    QCOMPARE(*back2, other);
}

void TestSocketIoCodec::openPacketMalformed_data()
{
    QTest::addColumn<QString>("data");
    QTest::newRow("not json") << QStringLiteral("{sid");
    QTest::newRow("array") << QStringLiteral("[1]");
    QTest::newRow("no sid") << QStringLiteral(
        "{\"pingInterval\":1,\"pingTimeout\":1,\"maxPayload\":1}");
    QTest::newRow("zero interval")
        << QStringLiteral("{\"sid\":\"a\",\"pingInterval\":0,\"pingTimeout\":1,\"maxPayload\":1}");
    QTest::newRow("string timeout") << QStringLiteral(
        "{\"sid\":\"a\",\"pingInterval\":1,\"pingTimeout\":\"1\",\"maxPayload\":1}");
    QTest::newRow("fraction payload") << QStringLiteral(
        "{\"sid\":\"a\",\"pingInterval\":1,\"pingTimeout\":1,\"maxPayload\":1.5}");
    QTest::newRow("upgrades not array") << QStringLiteral(
        "{\"sid\":\"a\",\"pingInterval\":1,\"pingTimeout\":1,\"maxPayload\":1,\"upgrades\":1}");
}

void TestSocketIoCodec::openPacketMalformed()
{
    QFETCH(QString, data);
    const Result<OpenInfo> info = decodeOpen(data);
    QVERIFY(!info.ok());
    QCOMPARE(info.error().code, ErrorCode::Invalid);
}

void TestSocketIoCodec::canonicalRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("connect") << QStringLiteral("0");
    QTest::newRow("connect auth") << QStringLiteral("0{\"token\":\"abc\"}");
    QTest::newRow("connect nsp") << QStringLiteral("0/admin,");
    QTest::newRow("connect nsp auth") << QStringLiteral("0/admin,{\"a\":1}");
    QTest::newRow("connect answer") << QStringLiteral("0{\"sid\":\"x\"}");
    QTest::newRow("disconnect") << QStringLiteral("1");
    QTest::newRow("disconnect nsp") << QStringLiteral("1/admin,");
    QTest::newRow("event") << QStringLiteral("2[\"hello\",1]");
    QTest::newRow("event no args") << QStringLiteral("2[\"hello\"]");
    QTest::newRow("event ack") << QStringLiteral("212[\"timer:start\",{\"entryId\":\"e\"}]");
    QTest::newRow("event nsp ack") << QStringLiteral("2/admin,456[\"project:delete\",123]");
    QTest::newRow("event unicode") << QStringLiteral("2[\"n\",\"Ren\u00e9e \u266b\"]");
    QTest::newRow("ack") << QStringLiteral("3456[]");
    QTest::newRow("ack args") << QStringLiteral("30[{\"ok\":true},null,\"x\"]");
    QTest::newRow("ack nsp") << QStringLiteral("3/admin,456[]");
    QTest::newRow("connect error object") << QStringLiteral("4{\"message\":\"unauthorized\"}");
    QTest::newRow("connect error string") << QStringLiteral("4\"unauthorized\"");
    QTest::newRow("connect error nsp") << QStringLiteral("4/admin,{\"message\":\"no\"}");
    QTest::newRow("binary event") << QStringLiteral(
        "51-[\"hello\",{\"_placeholder\":true,\"num\":0}]");
    QTest::newRow("binary event nsp ack")
        << QStringLiteral("52-/admin,9[\"up\",{\"_placeholder\":true,\"num\":1},"
                          "{\"_placeholder\":true,\"num\":0}]");
    QTest::newRow("binary zero") << QStringLiteral("50-[\"x\"]");
    QTest::newRow("binary ack") << QStringLiteral(
        "61-/admin,456[{\"_placeholder\":true,\"num\":0}]");
    QTest::newRow("ten attachments") << QStringLiteral("510-[\"x\"]");
}

void TestSocketIoCodec::canonicalRoundTrip()
{
    QFETCH(QString, text);
    const Result<Packet> p = decode(text);
    QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message));
    QCOMPARE(encode(*p), text);
    const Result<Packet> again = decode(encode(*p));
    QVERIFY(again.ok());
    QCOMPARE(*again, *p);
}

void TestSocketIoCodec::decodedFields()
{
    const Result<Packet> p = decode(u"52-/admin,9[\"up\",{\"_placeholder\":true,\"num\":1},7]");
    QVERIFY(p.ok());
    QCOMPARE(p->type, PacketType::BinaryEvent);
    QCOMPARE(p->attachments, 2);
    QCOMPARE(p->nsp, QStringLiteral("/admin"));
    QCOMPARE(p->ackId, std::optional<qint64>(9));
    QCOMPARE(p->eventName(), QStringLiteral("up"));
    QCOMPARE(p->eventArgs().size(), 2);
    QCOMPARE(p->eventArgs().at(1).toInt(), 7);
    QVERIFY(p->isBinary() && p->isEvent() && !p->isAck());

    const Result<Packet> c = decode(u"0");
    QVERIFY(c.ok());
    QCOMPARE(c->type, PacketType::Connect);
    QCOMPARE(c->nsp, QStringLiteral("/"));
    QVERIFY(c->data.isUndefined());
    QVERIFY(!c->ackId);

    const Result<Packet> big = decode(u"29007199254740991[\"x\"]");
    QVERIFY(big.ok());
    QCOMPARE(*big->ackId, kMaxAckId);

    const Result<Packet> ack = decode(u"3/admin,0[1]");
    QVERIFY(ack.ok());
    QCOMPARE(ack->ackId, std::optional<qint64>(0));
    QVERIFY(ack->isAck());
    QCOMPARE(ack->eventName(), QString());
}

void TestSocketIoCodec::factoriesRoundTrip()
{
    const QList<Packet> packets{
        Packet::connect(),
        Packet::connect(
            {{QStringLiteral("token"), QStringLiteral("t")}, {QStringLiteral("since"), 42}}),
        Packet::connect({}, QStringLiteral("/custom")),
        Packet::connectError(QStringLiteral("unauthorized")),
        Packet::disconnect(QStringLiteral("/custom")),
        Packet::event(QStringLiteral("timer:start"), {QJsonObject{{QStringLiteral("a"), 1}}}, 3),
        Packet::event(QStringLiteral("presence"), {}, {}, QStringLiteral("/x")),
        Packet::ack(7, {QJsonObject{{QStringLiteral("ok"), true}}}),
        Packet::ack(0, {}),
    };
    for (const Packet &p : packets) {
        const Result<Packet> back = decode(encode(p));
        QVERIFY2(back.ok(), qPrintable(encode(p)));
        QCOMPARE(*back, p);
    }
    QCOMPARE(encode(Packet::connect()), QStringLiteral("0{}"));
    QCOMPARE(encode(Packet::connectError(QStringLiteral("unauthorized"))),
             QStringLiteral("4{\"message\":\"unauthorized\"}"));
    QCOMPARE(encode(Packet::event(QStringLiteral("a"), {1, QStringLiteral("b")}, 12)),
             QStringLiteral("212[\"a\",1,\"b\"]"));
}

void TestSocketIoCodec::namespaceWithoutTrailingComma()
{
    const Result<Packet> p = decode(u"0/custom");
    QVERIFY(p.ok());
    QCOMPARE(p->nsp, QStringLiteral("/custom"));
    QCOMPARE(encode(*p), QStringLiteral("0/custom,"));
}

void TestSocketIoCodec::malformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("type 7") << QStringLiteral("7[\"a\"]");
    QTest::newRow("type letter") << QStringLiteral("a");
    QTest::newRow("nsp without slash") << QStringLiteral("2,[\"a\"]");
    QTest::newRow("nsp with brace") << QStringLiteral("0/custom{\"a\":1}");
    QTest::newRow("nsp with space") << QStringLiteral("0/cus tom,");
    QTest::newRow("nsp too long") << QStringLiteral("0/") + QString(300, QLatin1Char('a'));
    QTest::newRow("non-numeric ack id") << QStringLiteral("2abc[\"a\"]");
    QTest::newRow("ack id too large") << QStringLiteral("29007199254740992[\"a\"]");
    QTest::newRow("ack id too many digits") << QStringLiteral("212345678901234567890[\"a\"]");
    QTest::newRow("ack id on connect") << QStringLiteral("01{}");
    QTest::newRow("ack id on disconnect") << QStringLiteral("15");
    QTest::newRow("ack without id") << QStringLiteral("3[]");
    QTest::newRow("invalid json") << QStringLiteral("2[\"a\",]");
    QTest::newRow("truncated json") << QStringLiteral("2[\"a\"");
    QTest::newRow("two json values") << QStringLiteral("2[\"a\"],[\"b\"]");
    QTest::newRow("trailing garbage") << QStringLiteral("2[\"a\"]x");
    QTest::newRow("event object") << QStringLiteral("2{\"a\":1}");
    QTest::newRow("event without data") << QStringLiteral("2");
    QTest::newRow("event empty array") << QStringLiteral("2[]");
    QTest::newRow("event name number") << QStringLiteral("2[1,2]");
    QTest::newRow("event name null") << QStringLiteral("2[null]");
    QTest::newRow("event reserved name") << QStringLiteral("2[\"disconnect\"]");
    QTest::newRow("connect array") << QStringLiteral("0[1]");
    QTest::newRow("connect string") << QStringLiteral("0\"x\"");
    QTest::newRow("disconnect data") << QStringLiteral("1{}");
    QTest::newRow("connect error array") << QStringLiteral("4[1]");
    QTest::newRow("ack object") << QStringLiteral("31{}");
    QTest::newRow("binary no dash") << QStringLiteral("51[\"a\"]");
    QTest::newRow("binary no count") << QStringLiteral("5-[\"a\"]");
    QTest::newRow("binary letters") << QStringLiteral("5x-[\"a\"]");
    QTest::newRow("binary 11 attachments") << QStringLiteral("511-[\"a\"]");
    QTest::newRow("binary huge attachments") << QStringLiteral("599999999-[\"a\"]");
    QTest::newRow("placeholder out of range")
        << QStringLiteral("51-[\"a\",{\"_placeholder\":true,\"num\":1}]");
    QTest::newRow("placeholder negative")
        << QStringLiteral("51-[\"a\",{\"_placeholder\":true,\"num\":-1}]");
    QTest::newRow("placeholder not number")
        << QStringLiteral("51-[\"a\",{\"_placeholder\":true,\"num\":\"0\"}]");
    QTest::newRow("placeholder nested out of range")
        << QStringLiteral("61-1[{\"x\":[{\"_placeholder\":true,\"num\":3}]}]");
    QTest::newRow("json too deep") << QStringLiteral("2[\"a\",") + QString(2000, QLatin1Char('[')) +
                                          QString(2000, QLatin1Char(']')) + QLatin1Char(']');
}

void TestSocketIoCodec::malformed()
{
    QFETCH(QString, text);
    const Result<Packet> p = decode(text);
    QVERIFY2(!p.ok(), qPrintable(text.left(60)));
    QCOMPARE(p.error().code, ErrorCode::Invalid);
    QVERIFY(!p.error().message.isEmpty());
}

void TestSocketIoCodec::messageFrames()
{
    const Packet p = Packet::event(QStringLiteral("timer:start"),
                                   {QJsonObject{{QStringLiteral("opId"), QStringLiteral("o")}}}, 5);
    const QString frame = encodeMessage(p);
    QCOMPARE(frame, QStringLiteral("425[\"timer:start\",{\"opId\":\"o\"}]"));
    const Result<Packet> back = decodeMessage(frame);
    QVERIFY(back.ok());
    QCOMPARE(*back, p);

    QVERIFY(!decodeMessage(u"2").ok());        // a ping is not a message
    QVERIFY(!decodeMessage(u"").ok());         // empty frame
    QVERIFY(!decodeMessage(u"4").ok());        // message with empty Socket.IO packet
    QVERIFY(!decodeMessage(u"42[\"a\"").ok()); // truncated JSON
}

void TestSocketIoCodec::placeholders()
{
    QCOMPARE(placeholder(2),
             (QJsonObject{{QStringLiteral("_placeholder"), true}, {QStringLiteral("num"), 2}}));
    QVERIFY(isPlaceholder(placeholder(0)));
    QVERIFY(!isPlaceholder(QJsonObject{{QStringLiteral("num"), 0}}));
    QVERIFY(!isPlaceholder(QJsonValue(1)));
    const QJsonArray data{QStringLiteral("x"), placeholder(0),
                          QJsonObject{{QStringLiteral("n"), QJsonArray{placeholder(1)}}}};
    QCOMPARE(countPlaceholders(data), 2);
    QVERIFY(checkPlaceholders(data, 2).ok());
    QVERIFY(!checkPlaceholders(data, 1).ok());
    QVERIFY(checkPlaceholders(QJsonArray{1, 2}, 0).ok());
}

void TestSocketIoCodec::jsonText()
{
    QCOMPARE(toJsonText(QJsonValue(QJsonValue::Undefined)), QString());
    QCOMPARE(toJsonText(QJsonValue()), QStringLiteral("null"));
    QCOMPARE(toJsonText(QStringLiteral("a\"b")), QStringLiteral("\"a\\\"b\""));
    QCOMPARE(toJsonText(42), QStringLiteral("42"));
    QCOMPARE(toJsonText(true), QStringLiteral("true"));
    QCOMPARE(toJsonText(QJsonArray{1, QStringLiteral("x")}), QStringLiteral("[1,\"x\"]"));
    QCOMPARE(toJsonText(QJsonObject{{QStringLiteral("k"), 1}}), QStringLiteral("{\"k\":1}"));
}

QTEST_GUILESS_MAIN(TestSocketIoCodec)
#include "tst_socketio_codec.moc"
