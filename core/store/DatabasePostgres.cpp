// Database on PostgreSQL (the hub's --database URL): opening from a libpq URI, migrating under an
// advisory lock, reconnecting, and what PostgreSQL's errors mean to a user.

#include "Database.h"
#include "DatabaseUrl.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QUuid>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::Database)
};

// Any number that is ours: hubs starting together take it, the first migrates, the others then
// find the schema current.
constexpr qint64 kMigrationLock = 0x53545f4d49475241; // "ST_MIGRA"

QString quoted(const QString &value)
{
    QString text = value;
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

} // namespace

Result<std::unique_ptr<Database>> Database::openAny(const QString &pathOrUrl)
{
    if (DatabaseUrl::looksLikeUrl(pathOrUrl))
        return openUrl(pathOrUrl);
    return open(pathOrUrl);
}

Result<std::unique_ptr<Database>> Database::openUrl(const QString &text,
                                                    const QString &applicationName)
{
    const Result<DatabaseUrl> url = DatabaseUrl::parse(text);
    if (!url)
        return url.error();
    const QString name = QStringLiteral("st-") + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<Database> database(new Database(name, url->redacted()));
    database->m_engine = Engine::Postgres;
    database->m_url = text;
    database->m_applicationName =
        applicationName.isEmpty() ? QStringLiteral("studiotimer") : applicationName;
    QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    if (auto r = database->openPostgres(); !r)
        return r.error();

    QSqlQuery lock(database->connection());
    if (!lock.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kMigrationLock)))
        return Error::internal(
            Tr::tr("Cannot open %1: %2").arg(database->path(), lock.lastError().text()));
    const Result<void> migrated = database->migrate();
    lock.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kMigrationLock));
    if (!migrated)
        return migrated.error();
    return database;
}

Result<void> Database::openPostgres() const
{
    const Result<DatabaseUrl> url = DatabaseUrl::parse(m_url);
    if (!url)
        return url.error();
    QSqlDatabase db = connection();
    db.setHostName(url->host);
    db.setPort(url->port);
    db.setUserName(url->user);
    db.setPassword(url->password);
    db.setDatabaseName(url->database);
    QStringList options;
    for (const QString &option : url->options) {
        const qsizetype eq = option.indexOf(QLatin1Char('='));
        options << option.left(eq) + QLatin1Char('=') + quoted(option.mid(eq + 1));
    }
    const QString given = url->options.join(QLatin1Char(' '));
    if (!given.contains(QLatin1String("application_name=")))
        options << QStringLiteral("application_name=") + quoted(m_applicationName);
    // A server that does not answer fails the open in seconds, not minutes.
    if (!given.contains(QLatin1String("connect_timeout=")))
        options << QStringLiteral("connect_timeout=5");
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        // libpq's text names the server and the user, never the password.
        m_disconnected = true;
        return Error::internal(Tr::tr("Cannot open %1: %2").arg(m_path, db.lastError().text()));
    }
    QSqlQuery setup(db);
    // Text travels as UTF-8. A hub waits at most 5 s for a row another hub holds (one that hangs
    // mid-transaction): then the request is refused for now, not the hub stalled.
    for (const QString &sql :
         {QStringLiteral("SET client_encoding = 'UTF8'"), QStringLiteral("SET lock_timeout = 5000"),
          // No NOTICE lines on the hub's standard error ("… already exists, skipping").
          QStringLiteral("SET client_min_messages = warning")}) {
        if (!setup.exec(sql)) {
            m_disconnected = true;
            return Error::internal(
                Tr::tr("Cannot open %1: %2").arg(m_path, setup.lastError().text()));
        }
    }
    m_disconnected = false;
    return {};
}

Result<void> Database::reconnect() const
{
    if (!isPostgres())
        return {};
    if (m_transactionDepth > 0)
        return unavailableError(); // only between transactions
    m_statements.clear();          // prepared on the lost connection
    connection().close();
    return openPostgres();
}

QString Database::forUpdate() const
{
    return isPostgres() ? QStringLiteral(" FOR UPDATE") : QString();
}

bool Database::noteDisconnect(const QSqlError &error) const
{
    const QString state = error.nativeErrorCode();
    const QString text = error.text();
    const bool lost = state.startsWith(QLatin1String("08")) || state == QLatin1String("57P01") ||
                      state == QLatin1String("57P02") || state == QLatin1String("57P03") ||
                      text.contains(QLatin1String("server closed the connection")) ||
                      text.contains(QLatin1String("no connection to the server")) ||
                      text.contains(QLatin1String("terminating connection")) ||
                      text.contains(QLatin1String("connection to server")) ||
                      !connection().isOpen();
    if (lost)
        m_disconnected = true;
    return lost;
}

Error Database::unavailableError()
{
    return {ErrorCode::Unavailable, Tr::tr("The database is unavailable for now; nothing was "
                                           "changed. Try again later.")};
}

Error Database::postgresError(const QSqlError &error, const QString &doing) const
{
    const QString state = error.nativeErrorCode();
    if (noteDisconnect(error))
        return unavailableError();
    if (state.startsWith(QLatin1String("23"))) // integrity: unique, foreign key, check
        return Error::conflict(Tr::tr("The change clashes with another change saved at the same "
                                      "moment; nothing was changed. Try again."));
    // Serialization failure, deadlock, lock not available: another hub's change was in the way.
    // Temporary: the desk sends it again a little later.
    if (state == QLatin1String("40001") || state == QLatin1String("40P01") ||
        state == QLatin1String("55P03"))
        return {ErrorCode::Unavailable, busyError().message};
    return Error::internal(doing.arg(error.text()));
}

void Database::adaptBindings(QSqlQuery &query) const
{
    if (!isPostgres())
        return;
    const QVariantList values = query.boundValues();
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (values.at(i).typeId() == QMetaType::Bool)
            query.bindValue(int(i), values.at(i).toBool() ? 1 : 0);
    }
}

} // namespace st
