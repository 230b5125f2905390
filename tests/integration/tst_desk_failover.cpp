// A desk given several hubs of one PostgreSQL database (issue 14, the desk's side): two real
// studiotimer-hub processes on a PostgreSQL 15 the test starts itself; the first is killed with
// SIGKILL while a desk is sending. The desk moves to the second at once, carries on from its last
// seq (it does not pull the history again) and resends what was unanswered with the same opIds:
// the other desk — the studiotimer command line, joined with the same two URLs — receives every
// change once, and the hubs' log holds each once.

#include "CliProcess.h"
#include "HubDatabase.h"
#include "PgServer.h"
#include "TestDesk.h"
#include "TortureSupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <memory>

using namespace st;
using namespace st::test;

namespace {

constexpr int kWait = 60000;

// What the sync client logs about its sessions (studiotimer.sync.client at info): the hub it
// connected to with the seq it resumed after, and each page it pulled.
struct ClientLog
{
    static inline QMutex mutex;
    static inline QStringList lines;
    static inline QtMessageHandler previous = nullptr;

    ClientLog()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("studiotimer.sync.client.info=true"));
        previous = qInstallMessageHandler(
            [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
                if (qstrcmp(context.category, "studiotimer.sync.client") == 0) {
                    const QMutexLocker lock(&mutex);
                    lines.append(message);
                }
                if (previous)
                    previous(type, context, message);
            });
    }
    ~ClientLog()
    {
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
    }
    QStringList take()
    {
        const QMutexLocker lock(&mutex);
        return std::exchange(lines, {});
    }
};

} // namespace

class TestDeskFailover final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstHubKilledTheDeskCarriesOnThroughTheSecond();
};

void TestDeskFailover::firstHubKilledTheDeskCarriesOnThroughTheSecond()
{
    PgServer &pg = sharedPgServer();
    const QString url = pg.createDatabase();
    QVERIFY2(!url.isEmpty(), qPrintable(pg.error()));
    const QString database = url.section(QLatin1Char('/'), 3).section(QLatin1Char('?'), 0, 0);
    QTemporaryDir dir;
    const QStringList hubArgs{QStringLiteral("--database"), url, QStringLiteral("--no-announce"),
                              QStringLiteral("--rate-limit"), QStringLiteral("0")};
    torture::HubProcess hubA(QStringLiteral(STUDIOTIMER_HUB_BIN), dir.filePath(QStringLiteral("a")),
                             hubArgs);
    torture::HubProcess hubB(QStringLiteral(STUDIOTIMER_HUB_BIN), dir.filePath(QStringLiteral("b")),
                             hubArgs);
    const quint16 portA = hubA.start();
    const quint16 portB = hubB.start();
    QVERIFY(portA && portB);

    QProcess create;
    create.start(QStringLiteral(STUDIOTIMER_HUB_BIN),
                 QStringList{QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("cli")),
                             QStringLiteral("org"), QStringLiteral("create"),
                             QStringLiteral("Studio Nord")} +
                     hubArgs.mid(0, 2));
    QVERIFY(create.waitForFinished(30000));
    const QJsonObject org = QJsonDocument::fromJson(create.readAllStandardOutput()).object();
    const QString orgId = org.value(QLatin1String("orgId")).toString();
    const QString token = org.value(QLatin1String("token")).toString();
    QVERIFY(!orgId.isEmpty() && !token.isEmpty());

    // Desk One: this process's sync client, given hub A then hub B.
    ClientLog log;
    const Ms now = QDateTime::currentMSecsSinceEpoch();
    TestDesk one(QStringLiteral("Desk One"), QStringLiteral("Ana"), now);
    SyncSettings settings{hubUrl(QStringLiteral("127.0.0.1"), portA), token, one.profile.deviceId,
                          one.name};
    settings.moreUrls = {hubUrl(QStringLiteral("127.0.0.1"), portB)};
    QSignalSpy moved(one.client.get(), &SyncClient::hubChanged);
    one.client->start(settings);
    QTRY_VERIFY_WITH_TIMEOUT(one.caughtUp(), kWait);
    QCOMPARE(one.client->currentUrl().port(), int(portA));

    // Desk Two: the command line, joined with the same two URLs.
    QTemporaryDir two;
    const QString tokenFile = two.filePath(QStringLiteral("token"));
    {
        QFile file(tokenFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(token.toUtf8());
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    }
    const CliOptions loop{{}, true, kWait};
    const QString bothHubs =
        QStringLiteral("ws://127.0.0.1:%1,ws://127.0.0.1:%2").arg(portA).arg(portB);
    const CliRun joined = studiotimer(two.path(),
                                      {QStringLiteral("sync"), QStringLiteral("join"), bothHubs,
                                       QStringLiteral("--token-file"), tokenFile},
                                      loop);
    QVERIFY2(joined.exitCode == 0, qPrintable(joined.err));

    // Ana's finished entries, three days ago, ten minutes each.
    QStringList made;
    const Ms day = now - 3 * 24 * 3600 * 1000LL;
    const QString recording = one.typeId(QStringLiteral("Recording"));
    const auto add = [&] {
        const Ms from = day + made.size() * 20 * 60 * 1000LL;
        ManualEntry manual;
        manual.userId = one.userId;
        manual.taskTypeId = recording;
        manual.startedAt = from;
        manual.endedAt = from + 10 * 60 * 1000LL;
        auto entry = one.service->addManual(manual);
        if (entry)
            made.append(entry->id);
        return entry.ok();
    };
    for (int i = 0; i < 10; ++i)
        QVERIFY(add());
    QTRY_VERIFY_WITH_TIMEOUT(one.caughtUp(), kWait);
    const CliRun first =
        studiotimer(two.path(), {QStringLiteral("sync"), QStringLiteral("now")}, loop);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const qint64 seqBefore = one.client->lastSeq();
    QVERIFY(seqBefore >= 10);
    log.take();

    // Hub A dies with Ana's next changes on the way: some answered, some not, some still to make.
    for (int i = 0; i < 5; ++i)
        QVERIFY(add());
    QTRY_VERIFY_WITH_TIMEOUT(one.client->lastSeq() > seqBefore, kWait);
    for (int i = 0; i < 5; ++i)
        QVERIFY(add());
    QCoreApplication::processEvents(); // sent, most likely not answered yet
    hubA.killNow();
    for (int i = 0; i < 5; ++i)
        QVERIFY(add());
    QTRY_VERIFY_WITH_TIMEOUT(one.caughtUp() && one.client->currentUrl().port() == portB, kWait);
    QCOMPARE(moved.last().at(0).toUrl().port(), int(portB));

    // Desk Two (its user: alice) adds two entries, finds hub A gone too and syncs through B.
    for (const char *from : {"T09:00", "T10:00"}) {
        const QString start =
            QDateTime::fromMSecsSinceEpoch(day, QTimeZone::utc()).date().toString(Qt::ISODate) +
            QString::fromLatin1(from);
        const CliRun added = studiotimer(two.path(),
                                         {QStringLiteral("add"), QStringLiteral("Recording"),
                                          QStringLiteral("--from"), start, QStringLiteral("--to"),
                                          start.left(13) + QStringLiteral(":30")},
                                         loop);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }
    const CliRun synced =
        studiotimer(two.path(), {QStringLiteral("sync"), QStringLiteral("now")}, loop);
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    QVERIFY2(synced.out.contains(QStringLiteral(":%1").arg(portB)), qPrintable(synced.out));

    // Desk Two has each of Ana's entries once: no loss, no duplicate.
    const CliRun listed = studiotimer(two.path(),
                                      {QStringLiteral("list"), QStringLiteral("--from"),
                                       QStringLiteral("2000-01-01"), QStringLiteral("--json")},
                                      loop);
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
    QStringList atTwo;
    const QJsonArray rows = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    for (const QJsonValue &row : rows)
        atTwo.append(row.toObject().value(QLatin1String("id")).toString());
    QCOMPARE(atTwo.size(), made.size() + 2);
    for (const QString &id : made)
        QCOMPARE(atTwo.count(id), 1);
    // And Desk One hears Alice's through B.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(atTwo.cbegin(), atTwo.cend(),
                    [&](const QString &id) { return one.service->entry(id).has_value(); }),
        kWait);

    // The hubs' log: gapless, each of Ana's entries created once however often it was sent.
    const QString where = QStringLiteral("FROM hub_changes WHERE org_id = '%1'").arg(orgId);
    const qint64 head =
        pg.scalar(database, QStringLiteral("SELECT MAX(seq) ") + where).toLongLong();
    QCOMPARE(pg.scalar(database, QStringLiteral("SELECT COUNT(*) ") + where).toLongLong(), head);
    for (const QString &id : made)
        QCOMPARE(pg.scalar(database,
                           QStringLiteral("SELECT COUNT(*) %1 AND data LIKE '%%2%'").arg(where, id))
                     .toInt(),
                 1);
    QCOMPARE(one.outbox->pendingCount(), 0);
    QVERIFY(one.outbox->conflicts().isEmpty());
    QCOMPARE(one.client->lastSeq(), head);

    // Desk One resumed on B after its last seq, not from 0, and pulled only what it had missed.
    const QStringList lines = log.take();
    static const QRegularExpression resumed(QStringLiteral(
        "Connected to the hub at 127\\.0\\.0\\.1:(\\d+), resuming after seq (\\d+)"));
    static const QRegularExpression pulled(
        QStringLiteral("Pulled (\\d+) change\\(s\\) after seq (\\d+)"));
    int sessionsOnB = 0;
    qint64 pulledAfterKill = 0;
    for (const QString &line : lines) {
        if (const auto m = resumed.match(line); m.hasMatch()) {
            QCOMPARE(m.captured(1).toInt(), int(portB));
            QVERIFY2(m.captured(2).toLongLong() >= seqBefore, qPrintable(line));
            ++sessionsOnB;
        } else if (const auto p = pulled.match(line); p.hasMatch()) {
            QVERIFY2(p.captured(2).toLongLong() >= seqBefore, qPrintable(line));
            pulledAfterKill += p.captured(1).toLongLong();
        }
    }
    QCOMPARE(sessionsOnB, 1);
    qInfo("after the kill: %lld change(s) pulled, %lld in the log before it, head %lld",
          pulledAfterKill, seqBefore, head);
    QVERIFY(pulledAfterKill <= head - seqBefore);
}

QTEST_GUILESS_MAIN(TestDeskFailover)
#include "tst_desk_failover.moc"
