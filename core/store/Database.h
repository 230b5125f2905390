#pragma once

#include "domain/Error.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <map>
#include <memory>
#include <optional>

namespace st {

// One SQLite connection (one per thread), opened with the project's pragmas and migrated to the
// schema this build knows. A newer or corrupt file is refused and left as it was.
//
// The hub may instead run on PostgreSQL (openUrl): the same migrations and the same SQL, which is
// kept portable; the few differences between the engines live here (transactions, errors,
// dialect()).
class Database final
{
public:
    enum class Engine
    {
        Sqlite,
        Postgres
    };

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating when missing) the database at path; ":memory:" is accepted for tests.
    static Result<std::unique_ptr<Database>> open(const QString &path);

    // Opens a PostgreSQL database from a libpq URI (DatabaseUrl), migrating it under an advisory
    // lock so that hubs starting together migrate once. applicationName names the connection in
    // pg_stat_activity. The password, if the URI has one, is never in a message or log.
    static Result<std::unique_ptr<Database>> openUrl(const QString &url,
                                                     const QString &applicationName = {});
    // A path or, when it starts with postgresql://, a URI.
    static Result<std::unique_ptr<Database>> openAny(const QString &pathOrUrl);

    // The schema version this build migrates to.
    static int latestSchemaVersion();

    QSqlDatabase connection() const;
    // The file, or the URI without its password.
    QString path() const { return m_path; }
    // PostgreSQL: the URI as given, password included, to open another connection (never shown).
    QString connectUrl() const { return m_url; }
    Engine engine() const { return m_engine; }
    bool isPostgres() const { return m_engine == Engine::Postgres; }
    // " FOR UPDATE" on PostgreSQL (the row stays locked until the transaction ends), nothing on
    // SQLite, where a write transaction already excludes every other writer.
    QString forUpdate() const;
    // PostgreSQL: whether the last failure lost the connection (the server went away); then
    // reconnect() opens it again. Always false on SQLite.
    bool isDisconnected() const { return m_disconnected; }
    Result<void> reconnect() const;
    // Opened read-only: the file or its folder is not writable by this user. Reads work; a change
    // fails with readOnlyError().
    bool isReadOnly() const { return m_readOnly; }
    Error readOnlyError() const;
    int schemaVersion() const { return m_schemaVersion; }

    // A prepared query on this connection; prepare failures are programming errors and logged.
    QSqlQuery prepare(const QString &sql) const;
    // Runs a prepared query that changes rows; a failure becomes an internal error with the
    // driver's text. Every failure, here and in read(), is logged with its SQL and bound values.
    Result<void> exec(QSqlQuery &query) const;
    // Runs a prepared query that reads rows: a failure is an error, never an empty answer.
    Result<void> read(QSqlQuery &query) const;
    // The error of a query that failed while its rows were read (after read() succeeded).
    Error readError(const QSqlQuery &query) const;
    // The same for a read run outside QSqlQuery (RowStream): sql, its values, the driver's text.
    Error readError(const QString &sql, const QVariantList &values, const QString &why) const;

    // Reads every page: slow on a large file, so callers run it off the UI thread.
    Result<void> quickCheck();

    // A value of the meta table, fallback when it has none; meta() also answers fallback when
    // the read fails (logged).
    Result<QString> readMeta(const QString &key, const QString &fallback = {}) const;
    QString meta(const QString &key, const QString &fallback = {}) const;
    Result<void> setMeta(const QString &key, const QString &value) const;

private:
    friend class CachedQuery;
    friend class Transaction;
    struct Statement
    {
        QSqlQuery query;
        bool inUse = false;
    };

    Database(QString connectionName, QString path);
    Result<void> openPostgres() const;
    // A failed query's error for the user; notes a lost PostgreSQL connection.
    Error writeError(const QSqlError &error, const QString &doing) const;
    Error postgresError(const QSqlError &error, const QString &doing) const;
    // Whether a failure's text says the PostgreSQL connection is lost (then noted).
    bool noteDisconnect(const QSqlError &error) const;
    static Error busyError();
    static Error unavailableError();
    // PostgreSQL types its parameters: a bool bound where the schema has 0/1 goes as 0/1.
    void adaptBindings(QSqlQuery &query) const;
    Result<void> configure();
    Result<void> checkIntegrity();
    Result<void> readSchemaVersion();
    Result<void> migrate();

    QString m_connectionName;
    QString m_path;
    Engine m_engine = Engine::Sqlite;
    QString m_url; // PostgreSQL: the URI as given (with its password, if any), to reconnect
    QString m_applicationName;
    mutable bool m_disconnected = false;
    int m_schemaVersion = 0;
    bool m_readOnly = false;
    // How many Transactions are open on this connection: the outermost is BEGIN IMMEDIATE, the
    // ones inside it savepoints.
    mutable int m_transactionDepth = 0;
    // Prepared once, reused by CachedQuery: parsing SQL is most of a small query's cost.
    mutable std::map<QString, std::unique_ptr<Statement>> m_statements;
};

// A statement prepared once per connection and reused, for the frequent small queries (a row by
// ID, the running entry, an insert): SQLite then skips parsing and planning the SQL each time.
// Bind, exec and read as with a QSqlQuery; the statement is reset when the CachedQuery goes out of
// scope, so no read stays open. A nested use of the same SQL gets a freshly prepared statement.
class CachedQuery final
{
public:
    CachedQuery(const Database &db, const QString &sql);
    ~CachedQuery();
    CachedQuery(const CachedQuery &) = delete;
    CachedQuery &operator=(const CachedQuery &) = delete;

    QSqlQuery &operator*() { return *m_query; }
    QSqlQuery *operator->() { return m_query; }

private:
    Database::Statement *m_statement = nullptr;
    std::optional<QSqlQuery> m_fresh;
    QSqlQuery *m_query = nullptr;
};

// A write transaction (BEGIN IMMEDIATE, so concurrent writers queue on the busy timeout instead of
// failing mid-way). Rolls back in its destructor unless committed.
//
// Transactions nest: one opened while another is open on the same connection is a SAVEPOINT,
// released by commit() and rolled back to by the destructor, so a compound change made of smaller
// ones is still one transaction or nothing. An inner rollback keeps the outer's earlier work; the
// outer's rollback drops everything, committed savepoints included. Nest them as scopes (an inner
// Transaction ends before its outer one).
class Transaction final
{
public:
    explicit Transaction(const Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    // True for a savepoint inside another transaction.
    bool isNested() const { return m_depth > 1; }
    const Error &error() const { return m_error; }
    Result<void> commit();

private:
    bool run(const QString &sql, QSqlError *why) const;
    void end();

    const Database &m_database;
    int m_depth = 0; // 1 for the outermost, 0 when it never started
    bool m_active = false;
    Error m_error;
};

} // namespace st
