// The hub's RFC 6455 frame codec (core/sync/server/WsFrame): what the server sends, and what it
// makes of a client's frames, good and bad, whole and in pieces.

#include "sync/server/WsFrame.h"

#include <QTest>

using namespace st;
using namespace st::ws;

namespace {

constexpr quint32 kMask = 0x37FA213D; // the RFC's example key

// Every message a reader gives for the bytes, fed in one go or one byte at a time.
QList<Message> readAll(const QByteArray &bytes, qint64 max = 1 << 20, bool byteByByte = false,
                       quint16 *error = nullptr)
{
    FrameReader reader(max);
    QList<Message> out;
    const qsizetype step = byteByByte ? 1 : std::max<qsizetype>(1, bytes.size());
    for (qsizetype at = 0; at < bytes.size(); at += step) {
        reader.append(QByteArrayView(bytes).sliced(at, std::min(step, bytes.size() - at)));
        while (auto m = reader.next())
            out.append(*m);
    }
    if (error)
        *error = reader.errorCode();
    return out;
}

quint16 errorFor(const QByteArray &bytes, qint64 max = 1 << 20)
{
    quint16 error = 0;
    readAll(bytes, max, false, &error);
    return error;
}

} // namespace

class TestWsFrame final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverFramesUnmaskedWithEachLengthForm_data();
    void serverFramesUnmaskedWithEachLengthForm();
    void rfcExamples();
    void maskedFramesRoundTrip_data();
    void maskedFramesRoundTrip();
    void fragmentedMessageWithPingBetween();
    void pingAndCloseFrames();
    void closeReasonCutAtACharacter();
    void protocolErrors_data();
    void protocolErrors();
    void oversizeRefusedFromTheHeader();
    void invalidUtf8_data();
    void invalidUtf8();
    void nothingHeldBetweenMessages();
};

void TestWsFrame::serverFramesUnmaskedWithEachLengthForm_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("headerLength");
    QTest::newRow("empty") << 0 << 2;
    QTest::newRow("125: 7-bit length") << 125 << 2;
    QTest::newRow("126: 16-bit length") << 126 << 4;
    QTest::newRow("65535: 16-bit length") << 65535 << 4;
    QTest::newRow("65536: 64-bit length") << 65536 << 10;
}

void TestWsFrame::serverFramesUnmaskedWithEachLengthForm()
{
    QFETCH(int, length);
    QFETCH(int, headerLength);
    const QByteArray payload(length, 'x');
    const QByteArray frame = encodeFrame(Opcode::Text, payload);
    QCOMPARE(frame.size(), headerLength + length);
    QCOMPARE(quint8(frame[0]), quint8(0x81)); // FIN, text
    QCOMPARE(quint8(frame[1]) & 0x80, 0);     // never masked
    QCOMPARE(frame.sliced(headerLength), payload);

    // The client's form of the same message reads back whole, in one piece or byte by byte.
    const QByteArray masked = encodeMaskedFrame(Opcode::Text, payload, kMask);
    QCOMPARE(masked.size(), headerLength + 4 + length);
    for (bool byteByByte : {false, true}) {
        if (byteByByte && length > 1000)
            continue;
        const QList<Message> messages = readAll(masked, 1 << 20, byteByByte);
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages[0].payload, payload);
    }
}

void TestWsFrame::rfcExamples()
{
    // RFC 6455 section 5.7: "Hello", unmasked from the server, masked from a client.
    QCOMPARE(encodeFrame(Opcode::Text, "Hello"), QByteArray::fromHex("810548656c6c6f"));
    QCOMPARE(encodeMaskedFrame(Opcode::Text, "Hello", kMask),
             QByteArray::fromHex("818537fa213d7f9f4d5158"));
    const QList<Message> messages = readAll(QByteArray::fromHex("818537fa213d7f9f4d5158"));
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].opcode, Opcode::Text);
    QCOMPARE(messages[0].payload, QByteArray("Hello"));
    // 256 bytes and 64 KiB binary: the 16- and 64-bit length forms of the same section.
    QCOMPARE(encodeFrame(Opcode::Binary, QByteArray(256, 0)).first(4),
             QByteArray::fromHex("827e0100"));
    QCOMPARE(encodeFrame(Opcode::Binary, QByteArray(65536, 0)).first(10),
             QByteArray::fromHex("827f0000000000010000"));
}

void TestWsFrame::maskedFramesRoundTrip_data()
{
    QTest::addColumn<int>("opcode");
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("text") << int(Opcode::Text) << QByteArray("42[\"timer:start\",{}]");
    QTest::newRow("text, non-ASCII")
        << int(Opcode::Text) << QByteArray("4\xc3\xa9t\xc3\xa9 \xf0\x9f\x8e\xb5");
    QTest::newRow("binary, any bytes") << int(Opcode::Binary) << QByteArray("\x00\xff\xfe\x80", 4);
    QTest::newRow("empty text") << int(Opcode::Text) << QByteArray();
}

void TestWsFrame::maskedFramesRoundTrip()
{
    QFETCH(int, opcode);
    QFETCH(QByteArray, payload);
    for (quint32 mask : {0u, kMask, 0xFFFFFFFFu}) {
        const QList<Message> messages = readAll(encodeMaskedFrame(Opcode(opcode), payload, mask));
        QCOMPARE(messages.size(), 1);
        QCOMPARE(int(messages[0].opcode), opcode);
        QCOMPARE(messages[0].payload, payload);
    }
}

void TestWsFrame::fragmentedMessageWithPingBetween()
{
    // A text message in three fragments, a ping between the first two (control frames may
    // come between fragments), then a second, whole message.
    const QByteArray bytes = encodeMaskedFrame(Opcode::Text, "42[\"a\",", kMask, false) +
                             encodeMaskedFrame(Opcode::Ping, "p", kMask) +
                             encodeMaskedFrame(Opcode::Continuation, "{\"b\":", 1, false) +
                             encodeMaskedFrame(Opcode::Continuation, "1}]", 2) +
                             encodeMaskedFrame(Opcode::Binary, "\x01\x02", 3);
    for (bool byteByByte : {false, true}) {
        const QList<Message> messages = readAll(bytes, 1 << 20, byteByByte);
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages[0].opcode, Opcode::Ping);
        QCOMPARE(messages[0].payload, QByteArray("p"));
        QCOMPARE(messages[1].opcode, Opcode::Text);
        QCOMPARE(messages[1].payload, QByteArray("42[\"a\",{\"b\":1}]"));
        QCOMPARE(messages[2].opcode, Opcode::Binary);
        QCOMPARE(messages[2].payload, QByteArray("\x01\x02"));
    }
    // A character split across two fragments is valid once joined.
    const QList<Message> split = readAll(encodeMaskedFrame(Opcode::Text, "\xc3", kMask, false) +
                                         encodeMaskedFrame(Opcode::Continuation, "\xa9", kMask));
    QCOMPARE(split.size(), 1);
    QCOMPARE(split[0].payload, QByteArray("\xc3\xa9"));
}

void TestWsFrame::pingAndCloseFrames()
{
    const QList<Message> ping = readAll(encodeMaskedFrame(Opcode::Ping, "abc", kMask));
    QCOMPARE(ping.size(), 1);
    QCOMPARE(ping[0].opcode, Opcode::Ping);
    QCOMPARE(ping[0].payload, QByteArray("abc"));
    // The server's answer: a pong with the same payload, unmasked.
    QCOMPARE(encodeFrame(Opcode::Pong, "abc"), QByteArray::fromHex("8a03616263"));

    const QByteArray closeFrame = encodeClose(close::TooBig, "too big");
    QCOMPARE(closeFrame, QByteArray(QByteArray::fromHex("880903f1") + "too big"));
    QByteArray closePayload = closeFrame.sliced(2);
    const QList<Message> closes = readAll(encodeMaskedFrame(Opcode::Close, closePayload, kMask));
    QCOMPARE(closes.size(), 1);
    QCOMPARE(closes[0].opcode, Opcode::Close);
    QCOMPARE(closes[0].closeCode, close::TooBig);
    QCOMPARE(closes[0].payload, QByteArray("too big"));

    const QList<Message> bare = readAll(encodeMaskedFrame(Opcode::Close, {}, kMask));
    QCOMPARE(bare.size(), 1);
    QCOMPARE(bare[0].closeCode, close::NoStatus);
}

void TestWsFrame::closeReasonCutAtACharacter()
{
    // 60 two-byte characters (120 bytes) and one more: 123 bytes fit, never half a character.
    QByteArray reason;
    for (int i = 0; i < 62; ++i)
        reason += "\xc3\xa9";
    const QByteArray frame = encodeClose(close::ProtocolError, reason);
    QCOMPARE(frame.size(), 2 + 2 + 122);
    QVERIFY(isValidUtf8(frame.sliced(4)));
}

void TestWsFrame::protocolErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    const QByteArray hello = encodeMaskedFrame(Opcode::Text, "Hello", kMask);
    QByteArray rsv = hello;
    rsv[0] = char(quint8(rsv[0]) | 0x40);
    QByteArray opcode3 = hello;
    opcode3[0] = char(0x83);
    QByteArray opcodeB = hello;
    opcodeB[0] = char(0x8B);
    QTest::newRow("unmasked") << encodeFrame(Opcode::Text, "Hello") << int(close::ProtocolError);
    QTest::newRow("reserved bit") << rsv << int(close::ProtocolError);
    QTest::newRow("reserved data opcode") << opcode3 << int(close::ProtocolError);
    QTest::newRow("reserved control opcode") << opcodeB << int(close::ProtocolError);
    QTest::newRow("fragmented ping")
        << encodeMaskedFrame(Opcode::Ping, "p", kMask, false) << int(close::ProtocolError);
    QTest::newRow("ping over 125 bytes")
        << encodeMaskedFrame(Opcode::Ping, QByteArray(126, 'p'), kMask)
        << int(close::ProtocolError);
    QTest::newRow("continuation first")
        << encodeMaskedFrame(Opcode::Continuation, "x", kMask) << int(close::ProtocolError);
    QTest::newRow("new message inside a fragmented one")
        << QByteArray(encodeMaskedFrame(Opcode::Text, "a", kMask, false) +
                      encodeMaskedFrame(Opcode::Text, "b", kMask))
        << int(close::ProtocolError);
    QTest::newRow("close with one byte")
        << encodeMaskedFrame(Opcode::Close, "\x03", kMask) << int(close::ProtocolError);
    QTest::newRow("close code 1005 sent")
        << encodeMaskedFrame(Opcode::Close, QByteArray::fromHex("03ed"), kMask)
        << int(close::ProtocolError);
    QTest::newRow("close code 999")
        << encodeMaskedFrame(Opcode::Close, QByteArray::fromHex("03e7"), kMask)
        << int(close::ProtocolError);
    QTest::newRow("16-bit length for 5 bytes")
        << QByteArray(QByteArray::fromHex("81fe0005") + QByteArray(4, '\0') + "Hello")
        << int(close::ProtocolError);
    QTest::newRow("64-bit length with its top bit")
        << QByteArray::fromHex("81ff8000000000000005") << int(close::ProtocolError);
}

void TestWsFrame::protocolErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    quint16 error = 0;
    const QList<Message> messages = readAll(bytes, 1 << 20, false, &error);
    QVERIFY(messages.isEmpty());
    QCOMPARE(int(error), code);
}

void TestWsFrame::oversizeRefusedFromTheHeader()
{
    // The header alone (no payload yet) is enough to refuse a message over the limit.
    FrameReader reader(1000);
    reader.append(encodeMaskedFrame(Opcode::Text, QByteArray(1001, 'x'), kMask).first(8));
    QVERIFY(!reader.next());
    QCOMPARE(reader.errorCode(), close::TooBig);
    QCOMPARE(reader.buffered(), 0);
    // What the peer goes on sending (the rest of that message) is dropped, not held.
    reader.append(QByteArray(5000, 'x'));
    reader.append(QByteArrayView(QByteArray(5000, 'y')));
    QVERIFY(!reader.next());
    QCOMPARE(reader.buffered(), 0);
    // Exactly the limit passes; fragments count together.
    QCOMPARE(errorFor(encodeMaskedFrame(Opcode::Text, QByteArray(1000, 'x'), kMask), 1000), 0);
    QCOMPARE(errorFor(encodeMaskedFrame(Opcode::Text, QByteArray(600, 'x'), kMask, false) +
                          encodeMaskedFrame(Opcode::Continuation, QByteArray(401, 'x'), kMask),
                      1000),
             close::TooBig);
    // A 64-bit length of 2^62 is refused, not allocated.
    QCOMPARE(errorFor(QByteArray::fromHex("82ff4000000000000000") + QByteArray(4, '\0')),
             close::TooBig);
    // Nothing is parsed after an error.
    FrameReader broken(1000);
    broken.append(QByteArray(encodeFrame(Opcode::Text, "unmasked") +
                             encodeMaskedFrame(Opcode::Text, "fine", kMask)));
    QVERIFY(!broken.next());
    QVERIFY(!broken.next());
    QCOMPARE(broken.errorCode(), close::ProtocolError);
}

void TestWsFrame::invalidUtf8_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("lone continuation") << QByteArray("a\x80");
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf");
    QTest::newRow("overlong 3-byte") << QByteArray("\xe0\x80\xaf");
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80");
    QTest::newRow("past U+10FFFF") << QByteArray("\xf4\x90\x80\x80");
    QTest::newRow("truncated") << QByteArray("\xe2\x82");
    QTest::newRow("0xFF") << QByteArray("\xff");
}

void TestWsFrame::invalidUtf8()
{
    QFETCH(QByteArray, text);
    QVERIFY(!isValidUtf8(text));
    QCOMPARE(errorFor(encodeMaskedFrame(Opcode::Text, text, kMask)), close::InvalidPayload);
    // The same bytes are fine in a binary message.
    QCOMPARE(errorFor(encodeMaskedFrame(Opcode::Binary, text, kMask)), 0);
    // And in a close reason they close with 1007 too.
    const QByteArray closePayload = QByteArray::fromHex("03e8") + text;
    QCOMPARE(errorFor(encodeMaskedFrame(Opcode::Close, closePayload, kMask)),
             close::InvalidPayload);
    QVERIFY(isValidUtf8("\xf4\x8f\xbf\xbf \xef\xbf\xbf \xe2\x82\xac \xc2\xa9"));
}

void TestWsFrame::nothingHeldBetweenMessages()
{
    FrameReader reader(1 << 20);
    const QByteArray two = encodeMaskedFrame(Opcode::Text, "one", kMask) +
                           encodeMaskedFrame(Opcode::Text, "two", kMask);
    reader.append(two.first(two.size() - 2));
    QCOMPARE(reader.next()->payload, QByteArray("one"));
    QVERIFY(!reader.next());
    QCOMPARE(reader.buffered(), 7); // the 9-byte second frame but its last 2 bytes
    reader.append(two.last(2));
    QCOMPARE(reader.next()->payload, QByteArray("two"));
    QVERIFY(!reader.next());
    QCOMPARE(reader.buffered(), 0);
}

QTEST_GUILESS_MAIN(TestWsFrame)
#include "tst_ws_frame.moc"
