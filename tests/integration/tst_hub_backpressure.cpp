// The hub's backpressure (issue 13): a desk that stops reading is cut off once what waits to go
// out to it passes --max-unsent-bytes, without slowing the others. A desk that reads is never cut
// off for what it asked for: its next requests wait in TCP while its answers wait to go out. And a
// desk's pipelined burst is taken a turn at a time, so the other desks are not queued behind it.

#include "FakeClock.h"
#include "HubRequests.h"
#include "HubTestClient.h"
#include "RawWebSocket.h"
#include "TestHub.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace st;
using namespace st::test;

namespace {

constexpr int kWait = 5000;

// A Socket.IO EVENT with an ack id, as a desk pipelines it.
QByteArray request(int ack, const QString &event, const QJsonObject &payload)
{
    return QByteArray("42") + QByteArray::number(ack) +
           QJsonDocument(QJsonArray{event, payload}).toJson(QJsonDocument::Compact);
}

// A desk on a bare socket the test controls (it may stop reading), counting its answers.
struct RawDesk
{
    RawWebSocket socket;
    bool connected = false;
    int answers = 0;
    int refused = 0;
    qint64 answerBytes = 0;

    bool join(quint16 port, const QString &token, const QString &name, int receiveBuffer = 0)
    {
        const QJsonObject auth{{QStringLiteral("token"), token},
                               {QStringLiteral("deviceId"), QString(QStringLiteral("dev-") + name)},
                               {QStringLiteral("deviceName"), name}};
        const QByteArray connect =
            QByteArray("40") + QJsonDocument(auth).toJson(QJsonDocument::Compact);
        socket.onText = [this, connect](const QByteArray &text) {
            if (text.startsWith("0{")) {
                socket.sendText(connect);
            } else if (text.startsWith("40{")) {
                connected = true;
            } else if (text.startsWith("43")) {
                ++answers;
                refused += !text.contains(R"("ok":true)");
                answerBytes += text.size();
            }
        };
        socket.connectTo(port, receiveBuffer);
        return QTest::qWaitFor([this] { return connected; }, kWait);
    }
};

} // namespace

class TestHubBackpressure final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A desk that stops reading while its organisation works is cut off once the events waiting
    // for it pass the limit; the desk that works keeps getting quick answers meanwhile.
    void aDeskThatStopsReadingIsCutOff()
    {
        TestHub<FakeClock> env;
        env.options.maxUnsentBytes = 256 * 1024;
        env.options.ratePerSecond = 0;
        env.stop();
        env.start();
        RawDesk worker;
        QVERIFY(worker.join(env.port, env.token, QStringLiteral("Worker")));
        RawDesk stalled;
        QVERIFY(stalled.join(env.port, env.token, QStringLiteral("Stalled"), 4096));
        stalled.socket.stopReading();
        QSignalSpy gone(env.hub.get(), &Hub::clientDisconnected);
        // Cut off for what waits, not by the heartbeat (which would come after 45 s).
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral(
                                 "^cut off Stalled/\\S+ because it does not read: \\d+ bytes")));

        // The worker switches timers, 50 at a time (each change an event for the stalled desk).
        const QString recording = env.typeId(QStringLiteral("Recording"));
        const QJsonObject ann = user(newId(), QStringLiteral("Ann"));
        int sent = 0;
        qint64 worst = 0;
        QElapsedTimer clock;
        clock.start();
        while (gone.isEmpty() && clock.elapsed() < 60000) {
            QElapsedTimer rtt;
            rtt.start();
            for (int i = 0; i < 50; ++i) {
                env.clock.advance(1000);
                worker.socket.sendText(request(++sent, QStringLiteral("timer:start"),
                                               startPayload(newId(), recording, ann)));
            }
            QVERIFY(QTest::qWaitFor([&] { return worker.answers == sent; }, kWait));
            worst = std::max(worst, rtt.elapsed());
        }
        QCOMPARE(worker.refused, 0);
        QCOMPARE(gone.size(), 1);
        QCOMPARE(gone.first().at(1).toString(), QStringLiteral("Stalled"));
        QCOMPARE(env.hub->connectedCount(), 1);
        QVERIFY2(worst < 1000, qPrintable(QString::number(worst)));
    }

    // A desk that asks for far more than the limit and reads it late is not taken for one that
    // does not read: the hub stops taking its requests while its answers wait (the events of
    // the others' work still reach it), and everything it asked for arrives.
    void aDeskThatReadsLateGetsEverythingItAskedFor()
    {
        TestHub<FakeClock> env; // the default limit, 1 MB
        env.options.ratePerSecond = 0;
        env.stop();
        env.start();
        QSignalSpy gone(env.hub.get(), &Hub::clientDisconnected);
        RawDesk worker;
        QVERIFY(worker.join(env.port, env.token, QStringLiteral("Worker")));
        RawDesk late;
        // A small receive buffer: the kernel keeps little of what waits for it.
        QVERIFY(late.join(env.port, env.token, QStringLiteral("Late"), 4096));
        late.socket.stopReading();
        constexpr int kBurst = 5000;
        for (int i = 1; i <= kBurst; ++i)
            late.socket.sendText(
                request(i, QStringLiteral("sync:pull"),
                        {{QStringLiteral("since"), 0}, {QStringLiteral("limit"), 10}}));
        // The desk reads nothing for a while (the kernel keeps a few MB of the 20 MB it asked
        // for); meanwhile the organisation works.
        const QString recording = env.typeId(QStringLiteral("Recording"));
        const QJsonObject ann = user(newId(), QStringLiteral("Ann"));
        for (int i = 1; i <= 10; ++i) {
            env.clock.advance(1000);
            worker.socket.sendText(
                request(i, QStringLiteral("timer:start"), startPayload(newId(), recording, ann)));
            QVERIFY(QTest::qWaitFor([&] { return worker.answers == i; }, kWait));
            QTest::qWait(50);
        }
        QCOMPARE(worker.refused, 0);
        QVERIFY(gone.isEmpty());
        // It reads again while the work goes on: its answers come in between the events.
        late.socket.resumeReading();
        for (int i = 11; i <= 40 && late.answers < kBurst; ++i) {
            env.clock.advance(1000);
            worker.socket.sendText(
                request(i, QStringLiteral("timer:start"), startPayload(newId(), recording, ann)));
            QVERIFY(QTest::qWaitFor([&] { return worker.answers == i; }, kWait));
        }
        QTRY_COMPARE_WITH_TIMEOUT(late.answers, kBurst, 60000);
        QCOMPARE(late.refused, 0);
        QVERIFY2(late.answerBytes > 4 * env.options.maxUnsentBytes,
                 qPrintable(QString::number(late.answerBytes)));
        QVERIFY(gone.isEmpty());
        QCOMPARE(env.hub->connectedCount(), 2);
    }

    // One desk replays a long outbox at once: another desk's request is answered while most of
    // that burst still waits, not after it.
    void aPipelinedBurstDoesNotQueueTheOthers()
    {
        TestHub<FakeClock> env;
        env.options.ratePerSecond = 0;
        env.stop();
        env.start();
        RawDesk busy;
        QVERIFY(busy.join(env.port, env.token, QStringLiteral("Busy")));
        HubTestClient other;
        QVERIFY(other.join(env.port, env.token, QStringLiteral("Other")));
        const QString recording = env.typeId(QStringLiteral("Recording"));
        const QJsonObject busyUser = user(newId(), QStringLiteral("Bo"));
        constexpr int kBurst = 1000;
        for (int i = 1; i <= kBurst; ++i)
            busy.socket.sendText(request(i, QStringLiteral("timer:start"),
                                         startPayload(newId(), recording, busyUser)));
        QTRY_VERIFY_WITH_TIMEOUT(busy.answers > 0, kWait);
        const QJsonObject answer =
            other.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), 0}});
        QVERIFY(!answer.isEmpty());
        const int before = busy.answers;
        QVERIFY2(before < kBurst / 2, qPrintable(QString::number(before)));
        QTRY_COMPARE_WITH_TIMEOUT(busy.answers, kBurst, 60000);
    }
};

QTEST_GUILESS_MAIN(TestHubBackpressure)
#include "tst_hub_backpressure.moc"
