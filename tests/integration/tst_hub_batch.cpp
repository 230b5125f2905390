// Group commit on the hub (issue 13): requests queued together are applied in one transaction,
// a savepoint each; each is answered after that commit, in order per socket; a refusal undoes only
// its own request; a hub killed with SIGKILL keeps every change it acknowledged.

#include "FakeClock.h"
#include "HubDatabase.h"
#include "HubRequests.h"
#include "HubTestClient.h"
#include "TestHub.h"
#include "store/Database.h"
#include "store/Repositories.h"
#include "sync/HubService.h"
#include "sync/SqlHubStore.h"

#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace st;
using namespace st::test;

namespace {

// The ack ids a client received, in the order they arrived.
QList<qint64> ackOrder(const HubTestClient &client)
{
    QList<qint64> ids;
    for (const QString &frame : client.frames) {
        const auto packet = sio::decodeMessage(frame);
        if (packet && packet->type == sio::PacketType::Ack && packet->ackId)
            ids.append(*packet->ackId);
    }
    return ids;
}

// Sends a request without waiting for its answer.
void sendRequest(HubTestClient &client, qint64 ackId, const QString &event,
                 const QJsonObject &payload)
{
    client.send(sio::encodeMessage(sio::Packet::event(event, {payload}, ackId)));
}

// The hub's request half on its own database, without a transport: batches are made by hand.
struct ServiceEnv
{
    QTemporaryDir dir;
    QString location = newHubDatabase(dir);
    FakeClock clock;
    std::unique_ptr<Database> db;
    std::unique_ptr<SqlHubStore> store;
    std::unique_ptr<HubService> service;
    QString orgId;
    QString recordingId;
    HubCaller caller;

    ServiceEnv()
    {
        db = openHubDatabase(location);
        store = std::make_unique<SqlHubStore>(*db, clock);
        service = std::make_unique<HubService>(*db, clock, *store);
        orgId = store->createOrganization(QStringLiteral("Studio")).value().org.id;
        const QList<TaskType> types = CatalogRepository(*db).taskTypes(orgId).value();
        recordingId = types.first().id;
        caller = {orgId, QStringLiteral("dev-1"), QStringLiteral("Desk 1")};
    }

    // Queues a request; its outcome lands in *out when the batch is committed.
    void submit(const QString &event, const QJsonObject &payload, QList<HubOutcome> *out)
    {
        service->submit(caller, event, payload,
                        [out](const HubOutcome &outcome) { out->append(outcome); });
    }
    std::optional<User> userRow(const QString &id) const
    {
        return CatalogRepository(*db).user(id).value();
    }
    std::optional<TimeEntry> entry(const QString &id) const
    {
        return EntryRepository(*db).entry(id).value();
    }
};

} // namespace

class TestHubBatch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusedMiddleRequestLeavesTheOthersApplied();
    void sameOpIdTwiceInOneBatchAnswersTheFirstAnswer();
    void pullInABatchSeesWhatCameBefore();
    void answersKeepTheOrderOfEachSocket();
    void everyAcknowledgedChangeSurvivesSigkill();
};

void TestHubBatch::refusedMiddleRequestLeavesTheOthersApplied()
{
    ServiceEnv env;
    const qint64 head = env.store->head(env.orgId).value();
    const QString ana = newId();
    const QString ben = newId();
    const QString first = newId();
    const QString third = newId();
    QList<HubOutcome> outcomes;
    env.submit(QStringLiteral("timer:start"),
               startPayload(first, env.recordingId, user(ana, QStringLiteral("Ana"))), &outcomes);
    // Refused (no such task type): Ben, named here for the first time, must not be created.
    env.submit(QStringLiteral("timer:start"),
               startPayload(newId(), newId(), user(ben, QStringLiteral("Ben"))), &outcomes);
    // The same person as the first request, renamed: applied, after the refusal.
    env.submit(QStringLiteral("timer:start"),
               startPayload(third, env.recordingId, user(ana, QStringLiteral("Ana K."))),
               &outcomes);
    QVERIFY(outcomes.isEmpty()); // nothing is answered before the batch is committed
    QVERIFY(QTest::qWaitFor([&] { return outcomes.size() == 3; }, 5000)); // the zero-timer

    QVERIFY(isOk(outcomes[0].answer));
    QVERIFY(!isOk(outcomes[1].answer));
    QVERIFY(isOk(outcomes[2].answer));
    QCOMPARE(entryIdOf(outcomes[0].answer), first);
    QCOMPARE(entryIdOf(outcomes[2].answer), third);
    // The log stays gapless: the refused request took no seq.
    QCOMPARE(seqOf(outcomes[0].answer), head + 1);
    QCOMPARE(seqOf(outcomes[2].answer), head + 3); // a switch: stopped + started
    QCOMPARE(env.store->head(env.orgId).value(), head + 3);
    QCOMPARE(outcomes[0].broadcasts.size(), 1);
    QCOMPARE(outcomes[1].broadcasts.size(), 0);
    QCOMPARE(outcomes[2].broadcasts.size(), 2);
    QCOMPARE(outcomes[1].userName, QString()); // not even presence learns the refused name

    // Committed: the first entry stopped by the switch, the third running, Ben nowhere.
    QVERIFY(env.entry(first).has_value());
    QVERIFY(!env.entry(first)->isRunning());
    QVERIFY(env.entry(third)->isRunning());
    QVERIFY(!env.userRow(ben).has_value());
    QCOMPARE(env.userRow(ana)->name, QStringLiteral("Ana K."));
}

void TestHubBatch::sameOpIdTwiceInOneBatchAnswersTheFirstAnswer()
{
    ServiceEnv env;
    const QString opId = newId();
    const QString entryId = newId();
    const QJsonObject request =
        startPayload(entryId, env.recordingId, user(newId(), QStringLiteral("Ana")), opId);
    QList<HubOutcome> outcomes;
    env.submit(QStringLiteral("timer:start"), request, &outcomes);
    env.submit(QStringLiteral("timer:start"), request, &outcomes);
    // The same opId for another request: refused, not applied.
    QJsonObject other = request;
    other.insert(QStringLiteral("entryId"), newId());
    env.submit(QStringLiteral("timer:start"), other, &outcomes);
    env.service->flush();
    QCOMPARE(outcomes.size(), 3);
    QVERIFY(isOk(outcomes[0].answer));
    QCOMPARE(outcomes[1].answer, outcomes[0].answer);
    QCOMPARE(outcomes[1].broadcasts.size(), 0); // applied once, broadcast once
    QVERIFY(!isOk(outcomes[2].answer));
    QCOMPARE(outcomes[2]
                 .answer.value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("op_id_reused"));
    QSqlQuery q(env.db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM time_entries")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestHubBatch::pullInABatchSeesWhatCameBefore()
{
    ServiceEnv env;
    const qint64 head = env.store->head(env.orgId).value();
    QList<HubOutcome> outcomes;
    env.submit(QStringLiteral("timer:start"),
               startPayload(newId(), env.recordingId, user(newId(), QStringLiteral("Ana"))),
               &outcomes);
    env.submit(QStringLiteral("sync:pull"), {{QStringLiteral("since"), double(head)}}, &outcomes);
    env.submit(QStringLiteral("timer:start"),
               startPayload(newId(), env.recordingId, user(newId(), QStringLiteral("Ben"))),
               &outcomes);
    env.service->flush();
    QCOMPARE(outcomes.size(), 3);
    QVERIFY(isOk(outcomes[0].answer));
    QVERIFY(isOk(outcomes[2].answer));
    // The pull answers with the change before it (committed first), not the one after it.
    const QJsonObject pulled = outcomes[1].answer;
    QCOMPARE(pulled.value(QLatin1String("head")).toInteger(), head + 1);
    QCOMPARE(pulled.value(QLatin1String("changes")).toArray().size(), 1);
}

void TestHubBatch::answersKeepTheOrderOfEachSocket()
{
    TestHub<FakeClock> env;
    const QString recording = env.typeId(QStringLiteral("Recording"));
    constexpr int kPerSocket = 60;
    HubTestClient a;
    HubTestClient b;
    QVERIFY(a.join(env.port, env.token, QStringLiteral("A")));
    QVERIFY(b.join(env.port, env.token, QStringLiteral("B")));
    const QJsonObject ana = user(newId(), QStringLiteral("Ana"));
    const QJsonObject ben = user(newId(), QStringLiteral("Ben"));
    QStringList anaEntries;
    QStringList benEntries;
    // Pipelined, interleaved between the sockets; each start is a switch from the one before.
    for (int i = 0; i < kPerSocket; ++i) {
        anaEntries.append(newId());
        benEntries.append(newId());
        sendRequest(a, 100 + i, QStringLiteral("timer:start"),
                    startPayload(anaEntries.last(), recording, ana));
        sendRequest(b, 100 + i, QStringLiteral("timer:start"),
                    startPayload(benEntries.last(), recording, ben));
    }
    QVERIFY(QTest::qWaitFor(
        [&] { return a.acks.size() == kPerSocket && b.acks.size() == kPerSocket; }, 20000));
    for (HubTestClient *client : {&a, &b}) {
        const QStringList &entries = client == &a ? anaEntries : benEntries;
        const QList<qint64> order = ackOrder(*client);
        QCOMPARE(order.size(), kPerSocket);
        qint64 lastSeq = 0;
        for (int i = 0; i < kPerSocket; ++i) {
            QCOMPARE(order[i], qint64(100 + i)); // answered in the order sent
            const QJsonObject answer = client->acks.value(100 + i);
            QVERIFY2(isOk(answer), QJsonDocument(answer).toJson().constData());
            QCOMPARE(entryIdOf(answer), entries[i]);
            QVERIFY(seqOf(answer) > lastSeq); // applied in the order sent
            lastSeq = seqOf(answer);
        }
        // Each person's timer is the last one they started; every earlier one stopped.
        QVERIFY(env.entry(entries.last())->isRunning());
        QVERIFY(!env.entry(entries.first())->isRunning());
    }
    // Every change broadcast, in seq order, after its commit.
    QVERIFY(a.waitForEvent(QStringLiteral("timer:started"), 2 * kPerSocket));
    const QList<QJsonObject> started = a.eventsNamed(QStringLiteral("timer:started"));
    for (int i = 1; i < started.size(); ++i)
        QVERIFY(seqOf(started[i]) > seqOf(started[i - 1]));
    QCOMPARE(env.entryCount(), 2 * kPerSocket);
}

void TestHubBatch::everyAcknowledgedChangeSurvivesSigkill()
{
    QTemporaryDir dir;
    const QString location = newHubDatabase(dir);
    const QStringList where = hubDatabaseArguments(location, dir.path());
    QProcess create;
    create.start(QStringLiteral(STUDIOTIMER_HUB_BIN),
                 where + QStringList{QStringLiteral("org"), QStringLiteral("create"),
                                     QStringLiteral("Studio")});
    QVERIFY(create.waitForFinished(30000));
    const QString token = QJsonDocument::fromJson(create.readAllStandardOutput())
                              .object()
                              .value(QLatin1String("token"))
                              .toString();
    QVERIFY(!token.isEmpty());

    QProcess server;
    server.start(QStringLiteral(STUDIOTIMER_HUB_BIN),
                 where + QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                     QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                                     QStringLiteral("--rate-limit"), QStringLiteral("0")});
    static const QRegularExpression portLine(QStringLiteral("listening on port (\\d+)"));
    QString log;
    QRegularExpressionMatch m;
    QVERIFY(QTest::qWaitFor(
        [&] {
            log += QString::fromUtf8(server.readAllStandardError());
            m = portLine.match(log);
            return m.hasMatch();
        },
        10000));
    const quint16 port = quint16(m.captured(1).toUInt());

    HubTestClient a;
    HubTestClient b;
    QVERIFY(a.join(port, token, QStringLiteral("A")));
    QVERIFY(b.join(port, token, QStringLiteral("B")));
    const QJsonObject pulled =
        a.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), 0}});
    const QString recording = firstTaskTypeId(pulled);
    QVERIFY(!recording.isEmpty());

    // Many requests pipelined from two sockets; killed while some are still unanswered.
    constexpr int kPerSocket = 2000;
    const QJsonObject ana = user(newId(), QStringLiteral("Ana"));
    const QJsonObject ben = user(newId(), QStringLiteral("Ben"));
    for (int i = 0; i < kPerSocket; ++i) {
        sendRequest(a, 1000 + i, QStringLiteral("timer:start"),
                    startPayload(newId(), recording, ana));
        sendRequest(b, 1000 + i, QStringLiteral("timer:start"),
                    startPayload(newId(), recording, ben));
    }
    QVERIFY(QTest::qWaitFor([&] { return a.acks.size() + b.acks.size() >= 1000; }, 60000));
    ::kill(pid_t(server.processId()), SIGKILL);
    QVERIFY(server.waitForFinished(10000));
    QCOMPARE(server.exitStatus(), QProcess::CrashExit);
    QTest::qWait(50); // answers already in this process's socket buffers
    const int acknowledged = a.acks.size() + b.acks.size();
    qInfo("%d of %d requests acknowledged before SIGKILL", acknowledged, 2 * kPerSocket);

    const std::unique_ptr<Database> db = openHubDatabase(location);
    EntryRepository entries(*db);
    int checked = 0;
    for (const HubTestClient *client : {&a, &b}) {
        for (auto it = client->acks.cbegin(); it != client->acks.cend(); ++it) {
            if (it.key() < 1000)
                continue; // the pull
            QVERIFY(isOk(it.value()));
            const QString entryId = entryIdOf(it.value());
            const auto stored = entries.entry(entryId);
            QVERIFY(stored);
            QVERIFY2(stored->has_value(),
                     qPrintable(QStringLiteral("acknowledged entry %1 lost").arg(entryId)));
            ++checked;
        }
    }
    QCOMPARE(checked, acknowledged - 1);
    QVERIFY(checked >= 1000);
}

QTEST_GUILESS_MAIN(TestHubBatch)
#include "tst_hub_batch.moc"
