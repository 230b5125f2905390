// The hub's WebSocket opening handshake (core/sync/server/WsHandshake): the RFC's accept key, a
// good upgrade, and the requests answered with an HTTP error instead.

#include "sync/server/WsHandshake.h"

#include <QTest>

using namespace st;
using namespace st::ws;

namespace {

const QByteArray kKey = "dGhlIHNhbXBsZSBub25jZQ==";

QByteArray request(const QByteArray &extraOrReplaced = {}, const QByteArray &skip = {})
{
    QByteArray out = "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n";
    const QList<QByteArray> headers = {"Host: 127.0.0.1:7000", "Upgrade: websocket",
                                       "Connection: Upgrade", "Sec-WebSocket-Key: " + kKey,
                                       "Sec-WebSocket-Version: 13"};
    for (const QByteArray &header : headers) {
        if (skip.isEmpty() || !header.startsWith(skip))
            out += header + "\r\n";
    }
    return out + extraOrReplaced + "\r\n";
}

} // namespace

class TestWsHandshake final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptKeyOfTheRfc();
    void goodUpgrade();
    void headersAnyCaseAndListed();
    void incompleteUntilTheBlankLine();
    void refused_data();
    void refused();
    void oversizeHead();
    void errorAnswers();
};

void TestWsHandshake::acceptKeyOfTheRfc()
{
    // RFC 6455 section 1.3.
    QCOMPARE(acceptKey(kKey), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    const QByteArray answer = upgradeResponse(kKey);
    QVERIFY(answer.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
    QVERIFY(answer.contains("\r\nUpgrade: websocket\r\n"));
    QVERIFY(answer.contains("\r\nConnection: Upgrade\r\n"));
    QVERIFY(answer.endsWith("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n"));
}

void TestWsHandshake::goodUpgrade()
{
    const QByteArray head = request();
    // A client may send its first frame right behind the head: it is not part of it.
    const Handshake h = parseHandshake(QByteArray(head + "\x81\x85rest"));
    QCOMPARE(h.status, Handshake::Status::Ok);
    QCOMPARE(h.target, QByteArray("/socket.io/?EIO=4&transport=websocket"));
    QCOMPARE(h.key, kKey);
    QCOMPARE(h.length, head.size());
}

void TestWsHandshake::headersAnyCaseAndListed()
{
    const QByteArray head = "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                            "host: hub\r\nUPGRADE: WebSocket\r\n"
                            "connection: keep-alive, Upgrade\r\n"
                            "sec-websocket-key:   " +
                            kKey +
                            "  \r\n"
                            "Sec-WebSocket-Extensions: permessage-deflate\r\n"
                            "sec-websocket-version: 13\r\n\r\n";
    const Handshake h = parseHandshake(head);
    QCOMPARE(h.status, Handshake::Status::Ok);
    QCOMPARE(h.key, kKey);
}

void TestWsHandshake::incompleteUntilTheBlankLine()
{
    const QByteArray head = request();
    for (qsizetype n : {qsizetype(0), qsizetype(10), head.size() - 2, head.size() - 1})
        QCOMPARE(parseHandshake(head.first(n)).status, Handshake::Status::Incomplete);
}

void TestWsHandshake::refused_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("status");
    QTest::newRow("missing key") << request({}, "Sec-WebSocket-Key") << 400;
    QTest::newRow("key not 16 bytes")
        << request("Sec-WebSocket-Key: c2hvcnQ=\r\n", "Sec-WebSocket-Key") << 400;
    QTest::newRow("key not base64")
        << request("Sec-WebSocket-Key: !!!!!!!!!!!!!!!!!!!!!!==\r\n", "Sec-WebSocket-Key") << 400;
    QTest::newRow("key twice") << request("Sec-WebSocket-Key: " + kKey + "\r\n") << 400;
    QTest::newRow("wrong version")
        << request("Sec-WebSocket-Version: 8\r\n", "Sec-WebSocket-Version") << 426;
    QTest::newRow("no version") << request({}, "Sec-WebSocket-Version") << 426;
    QTest::newRow("no upgrade header") << request({}, "Upgrade") << 400;
    QTest::newRow("upgrade to something else") << request("Upgrade: h2c\r\n", "Upgrade") << 400;
    QTest::newRow("no connection upgrade")
        << request("Connection: keep-alive\r\n", "Connection") << 400;
    QTest::newRow("no host") << request({}, "Host") << 400;
    QTest::newRow("POST") << QByteArray(request()).replace("GET ", "POST ") << 400;
    QTest::newRow("HTTP/1.0") << QByteArray(request()).replace("HTTP/1.1", "HTTP/1.0") << 400;
    QTest::newRow("no target") << QByteArray(request()).replace(
                                      "GET /socket.io/?EIO=4&transport=websocket ", "GET ")
                               << 400;
    QTest::newRow("header without a colon") << request("Garbage\r\n") << 400;
}

void TestWsHandshake::refused()
{
    QFETCH(QByteArray, head);
    QFETCH(int, status);
    const Handshake h = parseHandshake(head);
    QCOMPARE(h.status, Handshake::Status::Bad);
    QCOMPARE(h.httpStatus, status);
    QVERIFY(qstrlen(h.error) > 0);
}

void TestWsHandshake::oversizeHead()
{
    // A head that has not ended within the limit is refused once the limit is reached, whatever
    // comes later; one that ends just within it is fine.
    QByteArray endless = "GET / HTTP/1.1\r\nX-Filler: " + QByteArray(kMaxHandshakeBytes, 'a');
    QCOMPARE(parseHandshake(endless.first(kMaxHandshakeBytes - 1)).status,
             Handshake::Status::Incomplete);
    const Handshake h = parseHandshake(endless);
    QCOMPARE(h.status, Handshake::Status::Bad);
    QCOMPARE(h.httpStatus, 431);
    QCOMPARE(parseHandshake(QByteArray(endless + "\r\n\r\n")).httpStatus, 431);

    const QByteArray base = request();
    const QByteArray filler =
        "X-Filler: " + QByteArray(kMaxHandshakeBytes - base.size() - 12, 'a') + "\r\n";
    const QByteArray justFits = request(filler);
    QCOMPARE(justFits.size(), kMaxHandshakeBytes);
    QCOMPARE(parseHandshake(justFits).status, Handshake::Status::Ok);
    QCOMPARE(parseHandshake(request("X" + filler)).status, Handshake::Status::Bad);
}

void TestWsHandshake::errorAnswers()
{
    const QByteArray bad = errorResponse(400, "no Host header");
    QVERIFY(bad.startsWith("HTTP/1.1 400 Bad Request\r\n"));
    QVERIFY(bad.contains("\r\nConnection: close\r\n"));
    QVERIFY(bad.contains("\r\nContent-Length: 15\r\n"));
    QVERIFY(bad.endsWith("\r\n\r\nno Host header\n"));
    const QByteArray version = errorResponse(426, "only version 13");
    QVERIFY(version.startsWith("HTTP/1.1 426 Upgrade Required\r\n"));
    QVERIFY(version.contains("\r\nSec-WebSocket-Version: 13\r\n"));
    QVERIFY(errorResponse(431, "too large").startsWith("HTTP/1.1 431 "));
}

QTEST_GUILESS_MAIN(TestWsHandshake)
#include "tst_ws_handshake.moc"
