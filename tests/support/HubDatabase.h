#pragma once

// Where the hub tests keep the hub's data: SQLite in the test's folder, or PostgreSQL when
// STUDIOTIMER_TEST_HUB_STORE=postgresql (ctest runs the hub tests both ways). On PostgreSQL each
// call makes a fresh database in one server per test process, started on first use.

#include "PgServer.h"
#include "store/Database.h"

#include <QTemporaryDir>

#include <memory>

namespace st::test {

inline bool hubTestsOnPostgres()
{
    return qEnvironmentVariable("STUDIOTIMER_TEST_HUB_STORE") == QLatin1String("postgresql");
}

// The server of this test process (hubTestsOnPostgres() only).
inline PgServer &sharedPgServer()
{
    static PgServer server;
    if (!server.isValid())
        qFatal("cannot start PostgreSQL: %s", qPrintable(server.error()));
    return server;
}

// A path in dir, or the URI of a new PostgreSQL database: give it to Database::openAny.
inline QString newHubDatabase(const QTemporaryDir &dir)
{
    if (!hubTestsOnPostgres())
        return dir.filePath(QStringLiteral("hub.sqlite"));
    const QString url = sharedPgServer().createDatabase();
    if (url.isEmpty())
        qFatal("cannot create a database: %s", qPrintable(sharedPgServer().error()));
    return url;
}

inline std::unique_ptr<Database> openHubDatabase(const QString &location)
{
    auto opened = Database::openAny(location);
    if (!opened)
        qFatal("cannot open the hub database: %s", qPrintable(opened.error().message));
    return std::move(opened).value();
}

// The hub's command-line option for the same place: --data-dir DIR or --database URL.
inline QStringList hubDatabaseArguments(const QString &location, const QString &dataDir)
{
    if (location.startsWith(QLatin1String("postgresql://")))
        return {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--database"), location};
    return {QStringLiteral("--data-dir"), dataDir};
}

} // namespace st::test
