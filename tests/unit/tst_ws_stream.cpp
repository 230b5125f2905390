// WsStream over TLS (the hub's wss:// connections): what waits for a peer that does not read is
// counted, where Qt keeps it, so backpressure and flow control see it (issue 13).

#include "sync/SelfSignedCertificate.h"
#include "sync/server/WsStream.h"

#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace st;

class TestWsStream final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tlsCountsWhatThePeerHasNotTaken()
    {
        QTemporaryDir dir;
        const auto identity = selfsigned::ensure(dir.path());
        QVERIFY2(identity.ok(), qPrintable(identity.ok() ? QString() : identity.error().message));
        QSslServer listener;
        listener.setSslConfiguration(identity.value().tls);
        QVERIFY(listener.listen(QHostAddress::LocalHost));

        // The peer: connected and encrypted, then it reads nothing (Qt stops taking bytes from
        // the kernel once its 4 kB buffer is full).
        QSslSocket peer;
        peer.setPeerVerifyMode(QSslSocket::VerifyNone);
        peer.setReadBufferSize(4096);
        peer.connectToHostEncrypted(QStringLiteral("127.0.0.1"), listener.serverPort());
        QTRY_VERIFY_WITH_TIMEOUT(listener.hasPendingConnections(), 10000);
        auto *server = qobject_cast<QSslSocket *>(listener.nextPendingConnection());
        QVERIFY(server);
        server->setParent(nullptr); // the stream's now
        const std::unique_ptr<WsStream> stream = WsStream::tls(server);
        QTRY_VERIFY_WITH_TIMEOUT(server->isEncrypted() && peer.isEncrypted(), 10000);
        int written = 0;
        stream->onWritten = [&written] {
            ++written;
        };

        // 16 MB, far more than the kernel keeps for a loopback socket.
        constexpr qint64 kBytes = 16 << 20;
        std::vector<QByteArray> frames;
        for (qint64 sent = 0; sent < kBytes; sent += 65536)
            frames.emplace_back(65536, 'x');
        stream->write(frames);
        QTest::qWait(300); // Qt encrypts it all and hands the kernel what it takes

        // Still waiting: all but what the kernel and the peer's 4 kB took.
        QVERIFY2(stream->bytesToWrite() > kBytes / 2,
                 qPrintable(QString::number(stream->bytesToWrite())));
        const qint64 stalled = stream->bytesToWrite();
        QVERIFY(written > 0); // Qt took the plain bytes: a listener is told

        // The peer reads: what waits goes down, and the listener hears of it.
        written = 0;
        peer.setReadBufferSize(0);
        const auto readsAndWaitHalves = [&] {
            peer.readAll();
            return stream->bytesToWrite() < stalled / 2;
        };
        QTRY_VERIFY_WITH_TIMEOUT(readsAndWaitHalves(), 20000);
        QVERIFY(written > 0);
        stream->abort();
    }
};

QTEST_GUILESS_MAIN(TestWsStream)
#include "tst_ws_stream.moc"
