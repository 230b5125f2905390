#include "Database.h"

#include "DataLocation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QUrl>
#include <QUuid>

Q_LOGGING_CATEGORY(lcStore, "studiotimer.store", QtWarningMsg)

namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::Database)
};

struct Migration
{
    int version = 0;
    QString resource;
};

// Numbered SQL files in :/migrations, e.g. 0001_initial.sql.
QList<Migration> migrations()
{
    static const QList<Migration> list = [] {
        QList<Migration> result;
        static const QRegularExpression re(QStringLiteral("^(\\d{4})_.*\\.sql$"));
        QDirIterator it(QStringLiteral(":/migrations"));
        while (it.hasNext()) {
            it.next();
            const auto m = re.match(it.fileName());
            if (m.hasMatch())
                result.append({m.captured(1).toInt(), it.filePath()});
        }
        std::sort(result.begin(), result.end(),
                  [](const Migration &a, const Migration &b) { return a.version < b.version; });
        return result;
    }();
    return list;
}

QStringList statements(const QString &script)
{
    QStringList result;
    QString current;
    const auto lines = script.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            result.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        result.append(current.trimmed());
    return result;
}

bool looksLikeSqlite(const QString &path, QString *why)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return true; // a new database
    if (!file.open(QIODevice::ReadOnly)) {
        *why = Tr::tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const QByteArray header = file.read(16);
    if (header != QByteArrayLiteral("SQLite format 3\0")) {
        *why =
            Tr::tr("%1 is not a Studio Timer database (it is not SQLite). It was left untouched.")
                .arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

} // namespace

int Database::latestSchemaVersion()
{
    const auto list = migrations();
    return list.isEmpty() ? 0 : list.last().version;
}

Database::Database(QString connectionName, QString path)
    : m_connectionName(std::move(connectionName))
    , m_path(std::move(path))
{}

Database::~Database()
{
    m_statements.clear(); // before the connection goes
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            if (!isPostgres())
                QSqlQuery(db).exec(QStringLiteral("PRAGMA optimize"));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path)
{
    const bool inMemory = path == QLatin1String(":memory:");
    auto access = dataLocation::FileAccess::ReadWrite;
    if (!inMemory) {
        QString why;
        if (!looksLikeSqlite(path, &why))
            return Error::invalid(why);
        const Result<dataLocation::FileAccess> prepared = dataLocation::prepareDatabaseFile(path);
        if (!prepared)
            return prepared.error();
        access = *prepared;
    }

    const QString name = QStringLiteral("st-") + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<Database> database(new Database(name, path));
    database->m_readOnly = access != dataLocation::FileAccess::ReadWrite;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        if (database->m_readOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        if (access == dataLocation::FileAccess::ReadOnlyFolder) {
            // SQLite cannot make its -shm beside a WAL file in a read-only folder: read the file
            // as it is (changes left in a -wal by a crash are not seen).
            options += QStringLiteral(";QSQLITE_OPEN_URI");
            db.setDatabaseName(QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath())
                                   .toString(QUrl::FullyEncoded) +
                               QStringLiteral("?immutable=1"));
        } else {
            db.setDatabaseName(path);
        }
        db.setConnectOptions(options);
        if (!db.open())
            return Error::internal(Tr::tr("Cannot open %1: %2")
                                       .arg(QDir::toNativeSeparators(path), db.lastError().text()));
    }
    if (auto r = database->checkIntegrity(); !r)
        return r.error();
    if (database->m_readOnly) {
        if (auto r = database->readSchemaVersion(); !r)
            return r.error();
        return database;
    }
    if (auto r = database->configure(); !r)
        return r.error();
    if (auto r = database->migrate(); !r)
        return r.error();
    return database;
}

Error Database::readOnlyError() const
{
    return Error::invalid(Tr::tr("%1 is read-only for you: it can be read, but nothing can be "
                                 "changed. Make the file and its folder writable to change it.")
                              .arg(QDir::toNativeSeparators(m_path)));
}

Result<void> Database::readSchemaVersion()
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) ||
        !query.next())
        return readOnlyError();
    m_schemaVersion = query.value(0).toInt();
    if (m_schemaVersion != latestSchemaVersion())
        return Error::invalid(
            Tr::tr("%1 is read-only and has schema %2, this version needs %3: open it once where "
                   "it can be written, or with the matching version of Studio Timer.")
                .arg(QDir::toNativeSeparators(m_path))
                .arg(m_schemaVersion)
                .arg(latestSchemaVersion()));
    QSqlQuery(connection()).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    return {};
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QSqlQuery Database::prepare(const QString &sql) const
{
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        qCCritical(lcStore) << "Cannot prepare" << sql << query.lastError().text();
    return query;
}

namespace {

// A failed query in the log: its SQL, the values bound to it and the driver's text, so a failure
// seen in the field can be replayed (long values are shortened).
void logFailure(const QString &sql, const QVariantList &values, const QString &why)
{
    constexpr qsizetype kMaxValue = 200;
    QStringList shown;
    for (const QVariant &value : values) {
        QString text = value.isNull() ? QStringLiteral("NULL") : value.toString();
        if (text.size() > kMaxValue)
            text = text.left(kMaxValue) + QStringLiteral("…");
        shown << (value.typeId() == QMetaType::QString && !value.isNull()
                      ? QLatin1Char('\'') + text + QLatin1Char('\'')
                      : text);
    }
    qCWarning(lcStore).noquote() << QStringLiteral("Query failed: %1 with [%2]: %3")
                                        .arg(sql, shown.join(QStringLiteral(", ")), why);
}

void logFailure(const QSqlQuery &query)
{
    logFailure(query.lastQuery(), query.boundValues(), query.lastError().text());
}

} // namespace

// What a user reads for a write the database refused: a constraint a concurrent change broke, or a
// database another process kept locked past the busy timeout, in words (the driver's text is in
// the log); any other failure keeps the driver's text after what was being done.
Error Database::writeError(const QSqlError &error, const QString &doing) const
{
    if (isPostgres())
        return postgresError(error, doing);
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric) & 0xff; // the primary result code
    constexpr int kBusy = 5, kLocked = 6, kConstraint = 19;
    const QString text = error.text();
    if ((numeric && code == kConstraint) || text.contains(QLatin1String("constraint failed")))
        return Error::conflict(Tr::tr("The change clashes with another change saved at the same "
                                      "moment; nothing was changed. Try again."));
    if ((numeric && (code == kBusy || code == kLocked)) ||
        text.contains(QLatin1String("database is locked")))
        return busyError();
    return Error::internal(doing.arg(text));
}

Error Database::busyError()
{
    return Error::internal(Tr::tr("The data is busy: another Studio Timer kept it locked; "
                                  "nothing was changed. Try again."));
}

Result<void> Database::exec(QSqlQuery &query) const
{
    adaptBindings(query);
    if (!query.exec()) {
        logFailure(query);
        if (m_readOnly)
            return readOnlyError();
        return writeError(query.lastError(), Tr::tr("The database refused a change: %1"));
    }
    return {};
}

Result<void> Database::read(QSqlQuery &query) const
{
    adaptBindings(query);
    if (!query.exec())
        return readError(query);
    return {};
}

Error Database::readError(const QSqlQuery &query) const
{
    if (isPostgres() && noteDisconnect(query.lastError())) {
        logFailure(query);
        return unavailableError();
    }
    return readError(query.lastQuery(), query.boundValues(), query.lastError().text());
}

Error Database::readError(const QString &sql, const QVariantList &values, const QString &why) const
{
    logFailure(sql, values, why);
    return Error::internal(Tr::tr("The database could not be read: %1").arg(why));
}

Result<void> Database::checkIntegrity()
{
    // Reading the schema touches the header and the schema pages: a damaged or foreign file fails
    // here, before anything is written. The full page check runs before a migration (quickCheck).
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(name = 'schema_migrations'), 0) "
                                   "FROM sqlite_master WHERE type = 'table'")) ||
        !query.next()) {
        return Error::invalid(Tr::tr("%1 is damaged or is not a Studio Timer database (%2). It was "
                                     "left untouched.")
                                  .arg(QDir::toNativeSeparators(m_path), query.lastError().text()));
    }
    // Another program's SQLite file: tables, but not our schema's record. Nothing is created
    // beside its own tables.
    if (query.value(0).toInt() > 0 && query.value(1).toInt() == 0)
        return Error::invalid(Tr::tr("%1 is another program's SQLite database, not Studio "
                                     "Timer's. It was left untouched.")
                                  .arg(QDir::toNativeSeparators(m_path)));
    return {};
}

Result<void> Database::quickCheck()
{
    if (isPostgres())
        return {}; // PostgreSQL checks its own pages (and is backed up with pg_dump)
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next())
        return Error::invalid(Tr::tr("%1 is damaged (%2). It was left untouched.")
                                  .arg(QDir::toNativeSeparators(m_path), query.lastError().text()));
    const QString verdict = query.value(0).toString();
    if (verdict != QLatin1String("ok"))
        return Error::invalid(Tr::tr("%1 is damaged (%2). It was left untouched; restore a backup.")
                                  .arg(QDir::toNativeSeparators(m_path), verdict));
    return {};
}

Result<void> Database::configure()
{
    QSqlQuery query(connection());
    const QStringList pragmas{
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA journal_mode = WAL"),
        // With WAL, NORMAL still never corrupts; FULL also keeps the last commit across power loss.
        QStringLiteral("PRAGMA synchronous = FULL"),
        QStringLiteral("PRAGMA temp_store = MEMORY"),
    };
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma))
            return Error::internal(
                Tr::tr("Cannot configure the database: %1").arg(query.lastError().text()));
    }
    return {};
}

Result<void> Database::migrate()
{
    QSqlDatabase db = connection();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                   "version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)")))
        return Error::internal(query.lastError().text());
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) ||
        !query.next())
        return Error::internal(query.lastError().text());
    m_schemaVersion = query.value(0).toInt();
    query.finish();

    const int latest = latestSchemaVersion();
    if (m_schemaVersion > latest) {
        return Error::invalid(
            Tr::tr("%1 was written by a newer version of Studio Timer (schema %2; "
                   "this version knows up to %3). It was left untouched: update "
                   "Studio Timer to open it.")
                .arg(QDir::toNativeSeparators(m_path))
                .arg(m_schemaVersion)
                .arg(latest));
    }
    if (m_schemaVersion == latest)
        return {};

    // An existing database is checked page by page and copied aside before its schema changes.
    if (m_schemaVersion > 0 && m_path != QLatin1String(":memory:") && !isPostgres()) {
        if (auto r = quickCheck(); !r)
            return r;
        QSqlQuery checkpoint(db);
        checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        const QString backup = m_path + QStringLiteral(".v%1.bak").arg(m_schemaVersion);
        QFile::remove(backup);
        if (!QFile::copy(m_path, backup))
            return Error::internal(Tr::tr("Cannot back up %1 before upgrading it.")
                                       .arg(QDir::toNativeSeparators(m_path)));
        dataLocation::restrictToOwner(backup);
    }

    for (const Migration &migration : migrations()) {
        if (migration.version <= m_schemaVersion)
            continue;
        QFile file(migration.resource);
        if (!file.open(QIODevice::ReadOnly))
            return Error::internal(Tr::tr("Missing migration %1.").arg(migration.resource));
        const QString script = QString::fromUtf8(file.readAll());

        Transaction tx(*this);
        if (!tx.isActive())
            return tx.error();
        for (const QString &statement : statements(script)) {
            if (!query.exec(statement))
                return Error::internal(Tr::tr("Migration %1 failed: %2")
                                           .arg(migration.version)
                                           .arg(query.lastError().text()));
        }
        QSqlQuery record = prepare(
            QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"));
        record.addBindValue(migration.version);
        record.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (auto r = exec(record); !r)
            return r;
        if (auto r = tx.commit(); !r)
            return r;
        m_schemaVersion = migration.version;
        qCDebug(lcStore) << "Migrated" << m_path << "to schema" << m_schemaVersion;
    }
    return {};
}

Result<QString> Database::readMeta(const QString &key, const QString &fallback) const
{
    CachedQuery query(*this, QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query->addBindValue(key);
    if (auto r = read(*query); !r)
        return r.error();
    return query->next() ? query->value(0).toString() : fallback;
}

QString Database::meta(const QString &key, const QString &fallback) const
{
    auto value = readMeta(key, fallback);
    return value ? value.value() : fallback;
}

Result<void> Database::setMeta(const QString &key, const QString &value) const
{
    // One statement, the same on both engines: two PostgreSQL hubs setting one key at once wait
    // for each other instead of clashing on the key.
    QSqlQuery query =
        prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) ON "
                               "CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(key);
    query.addBindValue(value);
    return exec(query);
}

CachedQuery::CachedQuery(const Database &db, const QString &sql)
{
    // Queries built from filters vary with the filter's shape: the cache stays bounded.
    constexpr size_t kMaxStatements = 256;
    auto found = db.m_statements.find(sql);
    if (found == db.m_statements.end() && db.m_statements.size() < kMaxStatements) {
        QSqlQuery prepared = db.prepare(sql);
        if (prepared.lastError().isValid()) {
            // Not kept (a table missing for now, a failing disk): prepared again next time.
            m_fresh.emplace(std::move(prepared));
            m_query = &*m_fresh;
            return;
        }
        found = db.m_statements.emplace(sql, std::make_unique<Database::Statement>()).first;
        found->second->query = std::move(prepared);
    }
    if (found == db.m_statements.end() || found->second->inUse) {
        m_fresh.emplace(db.prepare(sql));
        m_query = &*m_fresh;
        return;
    }
    found->second->inUse = true;
    m_statement = found->second.get();
    m_query = &m_statement->query;
}

CachedQuery::~CachedQuery()
{
    m_query->finish();
    if (m_statement)
        m_statement->inUse = false;
}

Transaction::Transaction(const Database &db)
    : m_database(db)
{
    const int depth = m_database.m_transactionDepth + 1;
    const QString sql = depth > 1                 ? QStringLiteral("SAVEPOINT st_tx_%1").arg(depth)
                        : m_database.isPostgres() ? QStringLiteral("BEGIN")
                                                  : QStringLiteral("BEGIN IMMEDIATE");
    QSqlError why;
    if (!run(sql, &why)) {
        m_error = m_database.isReadOnly()
                      ? m_database.readOnlyError()
                      : m_database.writeError(why, Tr::tr("Cannot start a transaction: %1"));
        return;
    }
    m_depth = depth;
    m_database.m_transactionDepth = depth;
    m_active = true;
}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    QSqlError why;
    const bool undone = m_depth == 1
                            ? run(QStringLiteral("ROLLBACK"), &why)
                            // ROLLBACK TO keeps the savepoint open: RELEASE closes it, now empty.
                            : run(QStringLiteral("ROLLBACK TO st_tx_%1").arg(m_depth), &why) &&
                                  run(QStringLiteral("RELEASE st_tx_%1").arg(m_depth), &why);
    if (!undone)
        qCCritical(lcStore) << "Cannot roll back a transaction:" << why.text();
    end();
}

Result<void> Transaction::commit()
{
    if (!m_active)
        return m_error;
    const QString sql =
        m_depth == 1 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE st_tx_%1").arg(m_depth);
    QSqlError why;
    if (!run(sql, &why)) {
        m_error = m_database.writeError(why, Tr::tr("Cannot save the change: %1"));
        return m_error;
    }
    end();
    return {};
}

bool Transaction::run(const QString &sql, QSqlError *why) const
{
    QSqlDatabase db = m_database.connection();
    // PostgreSQL answers COMMIT of a transaction a failed statement aborted with "ROLLBACK", not
    // an error: the driver's commit() sees that and fails, where exec("COMMIT") would succeed.
    if (m_database.isPostgres() && sql == QLatin1String("COMMIT")) {
        if (db.commit())
            return true;
        *why = db.lastError();
        logFailure(sql, {}, why->text());
        return false;
    }
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *why = query.lastError();
    logFailure(query);
    return false;
}

void Transaction::end()
{
    if (m_database.m_transactionDepth != m_depth)
        qCCritical(lcStore) << "Transactions ended out of order:" << m_depth << "inside"
                            << m_database.m_transactionDepth;
    m_database.m_transactionDepth = m_depth - 1;
    m_active = false;
}

} // namespace st
