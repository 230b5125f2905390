// The hub's --database URL (issue 14): both libpq URI forms taken apart for QPSQL, bad ones
// refused, and the password never shown.

#include "store/DatabaseUrl.h"

#include <QTest>

using namespace st;

class TestDatabaseUrl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostPortForm();
    void socketFolderForm();
    void percentEncodedSocketFolderAsHost();
    void libpqParametersPassedOn();
    void badUrlsRefused_data();
    void badUrlsRefused();
    void passwordNeverShown();
};

void TestDatabaseUrl::hostPortForm()
{
    const auto url =
        DatabaseUrl::parse(QStringLiteral("postgresql://hub:s3cr%40t@db.example:6543/studio"));
    QVERIFY(url);
    QCOMPARE(url->user, QStringLiteral("hub"));
    QCOMPARE(url->password, QStringLiteral("s3cr@t"));
    QCOMPARE(url->host, QStringLiteral("db.example"));
    QCOMPARE(url->port, 6543);
    QCOMPARE(url->database, QStringLiteral("studio"));
    QVERIFY(url->options.isEmpty());
    const auto plain = DatabaseUrl::parse(QStringLiteral("postgres://hub@10.0.0.5/studio"));
    QVERIFY(plain);
    QCOMPARE(plain->host, QStringLiteral("10.0.0.5"));
    QCOMPARE(plain->port, -1);          // libpq's default
    QVERIFY(plain->password.isEmpty()); // PGPASSWORD or ~/.pgpass then
    const auto v6 = DatabaseUrl::parse(QStringLiteral("postgresql://hub@[::1]:5433/studio"));
    QVERIFY(v6);
    QCOMPARE(v6->host, QStringLiteral("::1"));
    QCOMPARE(v6->port, 5433);
}

void TestDatabaseUrl::socketFolderForm()
{
    const auto url = DatabaseUrl::parse(
        QStringLiteral("postgresql://hub@/studio?host=/var/run/postgresql&port=5433"));
    QVERIFY(url);
    QCOMPARE(url->user, QStringLiteral("hub"));
    QCOMPARE(url->host, QStringLiteral("/var/run/postgresql"));
    QCOMPARE(url->port, 5433);
    QCOMPARE(url->database, QStringLiteral("studio"));
}

void TestDatabaseUrl::percentEncodedSocketFolderAsHost()
{
    const auto url = DatabaseUrl::parse(QStringLiteral("postgresql://hub@%2Ftmp%2Fpg:5432/studio"));
    QVERIFY(url);
    QCOMPARE(url->host, QStringLiteral("/tmp/pg"));
    QCOMPARE(url->port, 5432);
}

void TestDatabaseUrl::libpqParametersPassedOn()
{
    const auto url = DatabaseUrl::parse(
        QStringLiteral("postgresql://hub@db/studio?sslmode=verify-full&connect_timeout=3"));
    QVERIFY(url);
    QCOMPARE(url->options, (QStringList{QStringLiteral("sslmode=verify-full"),
                                        QStringLiteral("connect_timeout=3")}));
}

void TestDatabaseUrl::badUrlsRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("not a url") << QStringLiteral("/var/lib/hub");
    QTest::newRow("other scheme") << QStringLiteral("mysql://hub@db/studio");
    QTest::newRow("no database") << QStringLiteral("postgresql://hub@db");
    QTest::newRow("empty database") << QStringLiteral("postgresql://hub@db/");
    QTest::newRow("port not a number") << QStringLiteral("postgresql://hub@db:http/studio");
    QTest::newRow("port out of range") << QStringLiteral("postgresql://hub@db:70000/studio");
    QTest::newRow("query port bad") << QStringLiteral("postgresql://hub@/studio?host=/s&port=0");
    QTest::newRow("strange parameter") << QStringLiteral("postgresql://hub@db/studio?a%20b=1");
}

void TestDatabaseUrl::badUrlsRefused()
{
    QFETCH(QString, text);
    const auto url = DatabaseUrl::parse(text);
    QVERIFY(!url);
    QCOMPARE(url.error().code, ErrorCode::Invalid);
    QVERIFY(url.error().message.contains(QLatin1String("postgresql://")));
}

void TestDatabaseUrl::passwordNeverShown()
{
    const auto url = DatabaseUrl::parse(QStringLiteral("postgresql://hub:hunter2@db:6543/studio"));
    QVERIFY(url);
    QCOMPARE(url->redacted(), QStringLiteral("postgresql://hub:***@db:6543/studio"));
    const auto socket = DatabaseUrl::parse(
        QStringLiteral("postgresql://hub:hunter2@/studio?host=/run/pg&port=5433"));
    QVERIFY(socket);
    QCOMPARE(socket->redacted(),
             QStringLiteral("postgresql://hub:***@/studio?host=/run/pg&port=5433"));
    const auto wrong = DatabaseUrl::parse(QStringLiteral("postgresql://hub:hunter2@db:x/studio"));
    QVERIFY(!wrong);
    QVERIFY(!wrong.error().message.contains(QLatin1String("hunter2")));
}

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_database_url.moc"
