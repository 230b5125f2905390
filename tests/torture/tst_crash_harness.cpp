// Crash harness: the command line and the hub killed with SIGKILL at random moments under load.
// Whatever was acknowledged (a command that exited 0, a request the hub answered ok) is there
// exactly once afterwards, nothing else is, and the database passes PRAGMA integrity_check.
//
// Its length is a parameter: STUDIOTIMER_TORTURE_KILLS (default 20, as in CI; hundreds by hand:
// `STUDIOTIMER_TORTURE_KILLS=500 build/tests/torture/tst_crash_harness`). The seed is printed, and
// STUDIOTIMER_TORTURE_SEED replays a run.

#include "../integration/HubTestClient.h"
#include "TortureSupport.h"

#include "domain/Types.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace st;
using st::test::torture::integrity;
using st::test::torture::seed;
using st::test::torture::withDatabase;

namespace {

int kills()
{
    return test::torture::parameter("STUDIOTIMER_TORTURE_KILLS", 20);
}

// A command of the app, as a user's script runs it.
struct Command
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString note;
    bool killed = false;
};

} // namespace

class TestCrashHarness : public QObject
{
    Q_OBJECT

private slots:
    void commandLineKilledMidWrite();
    void hubKilledUnderLoad();
};

void TestCrashHarness::commandLineKilledMidWrite()
{
    QTemporaryDir dir;
    QRandomGenerator rng(seed());
    const QString bin = QStringLiteral(STUDIOTIMER_BIN);
    const QStringList base{QStringLiteral("--data-dir"), dir.path()};
    QProcess init; // creates the database and its default task types
    init.start(bin, base + QStringList{QStringLiteral("status")});
    QVERIFY(init.waitForFinished(30000));
    QCOMPARE(init.exitCode(), 0);

    QSet<QString> acknowledged, refusedOrKilled;
    int slot = 0;
    // The kill lands anywhere in a command's life: its length is learnt from the rounds so far.
    qint64 lifetimeMs = 300;
    const QDateTime day0(QDate(2026, 1, 5), QTime(0, 0));
    for (int round = 0; round < kills(); ++round) {
        // Three writers at once (manual entries in their own minute each, plus a timer switch);
        // one of them dies by SIGKILL after a random moment.
        std::vector<Command> commands(3);
        for (std::size_t i = 0; i < commands.size(); ++i) {
            Command &c = commands[i];
            c.note = QStringLiteral("crash-%1-%2").arg(round).arg(i);
            QStringList args = base;
            if (i == 2) {
                args << QStringLiteral("start") << QStringLiteral("Recording")
                     << QStringLiteral("--note") << c.note;
            } else {
                const QDateTime from = day0.addSecs(60LL * slot++);
                args << QStringLiteral("add") << QStringLiteral("Mixing")
                     << QStringLiteral("--from") << from.toString(Qt::ISODate)
                     << QStringLiteral("--to") << from.addSecs(50).toString(Qt::ISODate)
                     << QStringLiteral("--note") << c.note;
            }
            c.process->start(bin, args);
        }
        QElapsedTimer clock;
        clock.start();
        const std::size_t victim = rng.bounded(quint32(commands.size()));
        QVERIFY(commands[victim].process->waitForStarted(10000));
        QTest::qSleep(int(rng.bounded(quint32(lifetimeMs))));
        if (commands[victim].process->state() != QProcess::NotRunning) {
            ::kill(pid_t(commands[victim].process->processId()), SIGKILL);
            commands[victim].killed = true;
        }
        for (Command &c : commands) {
            QVERIFY(c.process->waitForFinished(30000));
            if (!c.killed)
                lifetimeMs = std::max(lifetimeMs, clock.elapsed());
            const bool ok =
                c.process->exitStatus() == QProcess::NormalExit && c.process->exitCode() == 0;
            const QString err = QString::fromUtf8(c.process->readAllStandardError());
            // A refusal is a sentence for a person, never the database's own words.
            QVERIFY2(!err.contains(QLatin1String("constraint"), Qt::CaseInsensitive) &&
                         !err.contains(QLatin1String("Unable to fetch row")),
                     qPrintable(err));
            (ok ? acknowledged : refusedOrKilled).insert(c.note);
            QVERIFY2(ok || c.killed || c.process->exitCode() == 1, qPrintable(err));
        }
    }

    // Every acknowledged change is there exactly once; a killed one is there at most once.
    withDatabase(dir.filePath(QStringLiteral("studiotimer.sqlite")), [&](QSqlDatabase &db) {
        QCOMPARE(integrity(db), QStringLiteral("ok"));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT note, COUNT(*) FROM time_entries "
                                      "WHERE deleted = 0 GROUP BY note")));
        QHash<QString, int> counts;
        while (q.next())
            counts.insert(q.value(0).toString(), q.value(1).toInt());
        for (const QString &note : std::as_const(acknowledged))
            QVERIFY2(counts.value(note) == 1, qPrintable(note));
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM time_entries "
                                      "WHERE ended_at IS NULL AND deleted = 0")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() <= 1);
    });
    QVERIFY(!acknowledged.isEmpty());
    qInfo("%d kills: %lld commands acknowledged, %lld killed or refused", kills(),
          qlonglong(acknowledged.size()), qlonglong(refusedOrKilled.size()));
}

namespace {

QJsonObject user()
{
    static const QString id = newId();
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), QStringLiteral("Kai")}};
}

} // namespace

void TestCrashHarness::hubKilledUnderLoad()
{
    QTemporaryDir dir;
    QRandomGenerator rng(seed());
    test::torture::HubProcess hub(QStringLiteral(STUDIOTIMER_HUB_BIN), dir.path());
    const QString token = hub.createOrg().value(QLatin1String("token")).toString();
    QVERIFY(!token.isEmpty());

    QString taskTypeId;
    QSet<QString> acknowledged;
    qint64 slot = 0;
    const qint64 day0 = QDateTime(QDate(2026, 1, 5), QTime(0, 0)).toMSecsSinceEpoch();
    for (int round = 0; round < kills(); ++round) {
        const quint16 port = hub.start();
        QVERIFY(port != 0);
        test::HubTestClient client;
        QVERIFY(client.join(port, token, QStringLiteral("Desk")));
        if (taskTypeId.isEmpty()) {
            const QJsonObject page =
                client.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), 0}});
            const QJsonArray changes = page.value(QLatin1String("changes")).toArray();
            QVERIFY(!changes.isEmpty());
            taskTypeId = changes.first()
                             .toObject()
                             .value(QLatin1String("data"))
                             .toObject()
                             .value(QLatin1String("taskType"))
                             .toObject()
                             .value(QLatin1String("id"))
                             .toString();
        }
        // A burst of pipelined manual entries; the hub dies while they are in flight.
        QHash<qint64, QString> sent; // ack id -> entry id
        const int burst = 20 + int(rng.bounded(40u));
        for (int i = 0; i < burst; ++i) {
            const QString entryId = newId();
            const qint64 start = day0 + 60'000 * slot++;
            const QJsonObject entry{{QStringLiteral("id"), entryId},
                                    {QStringLiteral("taskTypeId"), taskTypeId},
                                    {QStringLiteral("note"), QStringLiteral("burst %1").arg(i)},
                                    {QStringLiteral("startedAt"), start},
                                    {QStringLiteral("endedAt"), start + 50'000}};
            const qint64 ackId = 1'000'000LL * (round + 1) + i;
            client.send(sio::encodeMessage(
                sio::Packet::event(QStringLiteral("timeEntries:create"),
                                   {QJsonObject{{QStringLiteral("opId"), newId()},
                                                {QStringLiteral("user"), user()},
                                                {QStringLiteral("entry"), entry}}},
                                   ackId)));
            sent.insert(ackId, entryId);
        }
        // The kill comes after a random number of answers: some acknowledged, the rest in flight.
        const int answered = int(rng.bounded(quint32(burst)));
        QVERIFY(QTest::qWaitFor([&] { return client.acks.size() >= answered || client.closed; },
                                10000));
        hub.killNow();
        QTest::qWait(50); // answers already on the wire still arrive
        for (auto it = client.acks.cbegin(); it != client.acks.cend(); ++it) {
            if (sent.contains(it.key()) && it.value().value(QLatin1String("ok")).toBool())
                acknowledged.insert(sent.value(it.key()));
        }
    }

    // After the last kill: every acknowledged entry is in the log exactly once, seqs have no gap.
    const quint16 port = hub.start();
    QVERIFY(port != 0);
    test::HubTestClient client;
    QVERIFY(client.join(port, token, QStringLiteral("Checker")));
    QHash<QString, int> created;
    qint64 since = 0;
    for (bool more = true; more;) {
        const QJsonObject page =
            client.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), since}});
        QVERIFY(page.value(QLatin1String("ok")).toBool());
        const QJsonArray changes = page.value(QLatin1String("changes")).toArray();
        for (const QJsonValue &v : changes) {
            const QJsonObject change = v.toObject();
            QCOMPARE(change.value(QLatin1String("seq")).toInteger(), since + 1);
            since = change.value(QLatin1String("seq")).toInteger();
            if (change.value(QLatin1String("type")).toString() == QLatin1String("entry:created"))
                ++created[change.value(QLatin1String("data"))
                              .toObject()
                              .value(QLatin1String("entry"))
                              .toObject()
                              .value(QLatin1String("id"))
                              .toString()];
        }
        more = page.value(QLatin1String("more")).toBool();
    }
    for (const QString &id : std::as_const(acknowledged))
        QVERIFY2(created.value(id) == 1, qPrintable(id));
    for (auto it = created.cbegin(); it != created.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
    hub.killNow();
    withDatabase(dir.filePath(QStringLiteral("hub.sqlite")),
                 [](QSqlDatabase &db) { QCOMPARE(integrity(db), QStringLiteral("ok")); });
    QVERIFY(!acknowledged.isEmpty());
    qInfo("%d hub kills: %lld requests acknowledged, %lld entries in the log", kills(),
          qlonglong(acknowledged.size()), qlonglong(created.size()));
}

QTEST_GUILESS_MAIN(TestCrashHarness)
#include "tst_crash_harness.moc"
