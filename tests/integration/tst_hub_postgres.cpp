// The hub on PostgreSQL (issue 14), through studiotimer-hub and Database: both URI forms,
// migrations run once by hubs starting together, one certificate for the hubs of one database,
// `migrate --from-sqlite` verified, and no password in any output.

#include "PgServer.h"
#include "TortureSupport.h"
#include "store/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <QDir>
#include <QFile>

using namespace st;
using namespace st::test;

namespace {

// Every migration applied once (their numbers may have gaps: each is allocated to a change).
qint64 migrationCount()
{
    return QDir(QStringLiteral(":/migrations")).entryList({QStringLiteral("*.sql")}).size();
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

Run hub(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(STUDIOTIMER_HUB_BIN), args);
    if (!p.waitForFinished(60000))
        qFatal("studiotimer-hub did not finish");
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

qint64 scalar(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestHubPostgres final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bothUriFormsOpenAndMigrate();
    void hubsStartingTogetherMigrateOnce();
    void hubsOfOneDatabaseShareOneCertificate();
    void migrateFromSqliteIsVerified();
    void passwordNeverShown();

private:
    std::unique_ptr<PgServer> m_pg;
};

void TestHubPostgres::initTestCase()
{
    m_pg = std::make_unique<PgServer>();
    QVERIFY2(m_pg->isValid(), qPrintable(m_pg->error()));
}

void TestHubPostgres::bothUriFormsOpenAndMigrate()
{
    const QString url = m_pg->createDatabase();
    const QString name = url.section(QLatin1Char('/'), 3).section(QLatin1Char('?'), 0, 0);
    for (const QString &form : {url, m_pg->url(name, true)}) {
        auto db = Database::openUrl(form);
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        QVERIFY((*db)->isPostgres());
        QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(scalar(**db, QStringLiteral("SELECT COUNT(*) FROM schema_migrations")),
                 migrationCount());
    }
    // A database that is not there: a clear error, nothing made.
    const auto missing = Database::openUrl(m_pg->url(QStringLiteral("no_such_db")));
    QVERIFY(!missing);
    QVERIFY(missing.error().message.contains(QLatin1String("no_such_db")));
}

void TestHubPostgres::hubsStartingTogetherMigrateOnce()
{
    const QString url = m_pg->createDatabase();
    QTemporaryDir dir;
    // Three `org list` processes at once on a fresh database: each migrates or waits.
    std::vector<std::unique_ptr<QProcess>> runs;
    for (int i = 0; i < 3; ++i) {
        runs.push_back(std::make_unique<QProcess>());
        runs.back()->start(QStringLiteral(STUDIOTIMER_HUB_BIN),
                           {QStringLiteral("--data-dir"), dir.filePath(QString::number(i)),
                            QStringLiteral("--database"), url, QStringLiteral("org"),
                            QStringLiteral("list")});
    }
    for (auto &p : runs) {
        QVERIFY(p->waitForFinished(60000));
        QCOMPARE(p->exitCode(), 0);
    }
    auto db = Database::openUrl(url);
    QVERIFY(db);
    QCOMPARE(scalar(**db, QStringLiteral("SELECT COUNT(*) FROM schema_migrations")),
             migrationCount());
}

void TestHubPostgres::hubsOfOneDatabaseShareOneCertificate()
{
    const QString url = m_pg->createDatabase();
    QTemporaryDir one;
    QTemporaryDir two;
    // Two machines (two data folders), one database.
    const Run created =
        hub({QStringLiteral("--data-dir"), one.path(), QStringLiteral("--database"), url,
             QStringLiteral("org"), QStringLiteral("create"), QStringLiteral("Studio Nord")});
    QCOMPARE(created.exitCode, 0);
    const QString fingerprint = created.json().value(QLatin1String("fingerprint")).toString();
    QVERIFY(!fingerprint.isEmpty());
    const Run invited = hub({QStringLiteral("--data-dir"), two.path(), QStringLiteral("--database"),
                             url, QStringLiteral("org"), QStringLiteral("invite"),
                             created.json().value(QLatin1String("orgId")).toString()});
    QCOMPARE(invited.exitCode, 0);
    QCOMPARE(invited.json().value(QLatin1String("fingerprint")).toString(), fingerprint);
    // Served: both hubs announce the same certificate.
    for (const QTemporaryDir *dir : {&one, &two}) {
        torture::HubProcess server(QStringLiteral(STUDIOTIMER_HUB_BIN), dir->path(),
                                   {QStringLiteral("--database"), url,
                                    QStringLiteral("--tls-self-signed"),
                                    QStringLiteral("--no-announce")});
        QVERIFY(server.start());
    }
    QVERIFY(!QFile::exists(QDir(two.path()).filePath(QStringLiteral("hub-key.pem"))));
}

void TestHubPostgres::migrateFromSqliteIsVerified()
{
    QTemporaryDir dir;
    // A hub on SQLite with two organisations, a revoked token and its certificate.
    const Run nord = hub({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("org"),
                          QStringLiteral("create"), QStringLiteral("Studio Nord")});
    const Run sud = hub({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("org"),
                         QStringLiteral("create"), QStringLiteral("Studio Sud")});
    QCOMPARE(nord.exitCode, 0);
    QCOMPARE(sud.exitCode, 0);
    QCOMPARE(hub({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("org"),
                  QStringLiteral("revoke"), sud.json().value(QLatin1String("token")).toString()})
                 .exitCode,
             0);
    const Run before = hub(
        {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("org"), QStringLiteral("list")});

    const QString url = m_pg->createDatabase();
    const Run moved = hub({QStringLiteral("migrate"), QStringLiteral("--from-sqlite"), dir.path(),
                           QStringLiteral("--database"), url});
    QVERIFY2(moved.exitCode == 0, qPrintable(moved.err));
    const QJsonObject report = moved.json();
    QCOMPARE(report.value(QLatin1String("rows"))
                 .toObject()
                 .value(QLatin1String("organizations"))
                 .toInt(),
             2);
    QCOMPARE(
        report.value(QLatin1String("rows")).toObject().value(QLatin1String("hub_tokens")).toInt(),
        2);
    QCOMPARE(report.value(QLatin1String("heads"))
                 .toObject()
                 .value(nord.json().value(QLatin1String("orgId")).toString())
                 .toInt(),
             5);
    // The same organisations, tokens and heads on PostgreSQL; the same certificate.
    QTemporaryDir elsewhere;
    const Run after =
        hub({QStringLiteral("--data-dir"), elsewhere.path(), QStringLiteral("--database"), url,
             QStringLiteral("org"), QStringLiteral("list")});
    QCOMPARE(after.out, before.out);
    const Run invited =
        hub({QStringLiteral("--data-dir"), elsewhere.path(), QStringLiteral("--database"), url,
             QStringLiteral("org"), QStringLiteral("invite"),
             nord.json().value(QLatin1String("orgId")).toString()});
    QCOMPARE(invited.json().value(QLatin1String("fingerprint")).toString(),
             nord.json().value(QLatin1String("fingerprint")).toString());

    // Into a database that holds organisations already: refused, nothing added.
    const Run again = hub({QStringLiteral("migrate"), QStringLiteral("--from-sqlite"), dir.path(),
                           QStringLiteral("--database"), url});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains(QLatin1String("empty database")));
    auto db = Database::openUrl(url);
    QVERIFY(db);
    QCOMPARE(scalar(**db, QStringLiteral("SELECT COUNT(*) FROM organizations")), qint64(2));
}

void TestHubPostgres::passwordNeverShown()
{
    const QString url = m_pg->createDatabase();
    // Local connections are trusted here: the password is not needed, only carried.
    const QString withPassword =
        QString(url).replace(QStringLiteral("postgres@"), QStringLiteral("postgres:hunter2@"));
    QTemporaryDir dir;
    torture::HubProcess server(
        QStringLiteral(STUDIOTIMER_HUB_BIN), dir.path(),
        {QStringLiteral("--database"), withPassword, QStringLiteral("--no-announce")});
    QVERIFY(server.start());
    QString log;
    QVERIFY(QTest::qWaitFor(
        [&] {
            log = server.readLog();
            return log.contains(QLatin1String("database postgresql://"));
        },
        5000));
    QVERIFY2(log.contains(QLatin1String("postgres:***@")), qPrintable(log));
    QVERIFY(!log.contains(QLatin1String("hunter2")));
    // A URL it cannot use: refused with a clear message, still without the password.
    const Run bad = hub({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--database"),
                         QStringLiteral("postgresql://postgres:hunter2@/db?host=/nowhere&port=x"),
                         QStringLiteral("org"), QStringLiteral("list")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.err.contains(QLatin1String("postgresql://")));
    QVERIFY(!bad.err.contains(QLatin1String("hunter2")));
    const Run away =
        hub({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--database"),
             m_pg->url(QStringLiteral("no_such_db"))
                 .replace(QStringLiteral("postgres@"), QStringLiteral("postgres:hunter2@")),
             QStringLiteral("org"), QStringLiteral("list")});
    QCOMPARE(away.exitCode, 1);
    QVERIFY(!away.err.contains(QLatin1String("hunter2")));
}

QTEST_GUILESS_MAIN(TestHubPostgres)
#include "tst_hub_postgres.moc"
