#pragma once

// A real PostgreSQL 15 (Debian's postgresql-15) for the tests: a cluster made with initdb in a
// temporary folder, listening only on a Unix socket in that folder (no TCP), trusted for local
// connections. initdb and the server refuse to run as root: as root they run as the `postgres`
// user (runuser), which then owns the folder. Stopped and removed with the object.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace st::test {

class PgServer final
{
public:
    static constexpr int kPort = 5432; // the socket's name, in our own folder: never clashes

    // Where Debian puts the server binaries; empty when postgresql-15 is not installed.
    static QString binDir()
    {
        const QString dir = QStringLiteral("/usr/lib/postgresql/15/bin");
        return QFile::exists(dir + QStringLiteral("/pg_ctl")) ? dir : QString();
    }
    static bool available()
    {
        return !binDir().isEmpty() && QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"));
    }

    PgServer()
        : m_dir(QDir::tempPath() + QStringLiteral("/st-pg-XXXXXX"))
    {
        if (!available() || !m_dir.isValid()) {
            m_error = QStringLiteral("PostgreSQL 15 or the QPSQL driver is not installed "
                                     "(tools/install-deps.sh installs them)");
            return;
        }
        if (::geteuid() == 0) {
            const passwd *owner = ::getpwnam("postgres");
            if (!owner) {
                m_error = QStringLiteral("running as root, but there is no postgres user");
                return;
            }
            if (::chown(QFile::encodeName(m_dir.path()).constData(), owner->pw_uid,
                        owner->pw_gid) != 0) {
                m_error = QStringLiteral("cannot give the folder to postgres");
                return;
            }
            m_asPostgres = true;
        }
        if (!run(QStringLiteral("initdb"),
                 {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), QStringLiteral("postgres"),
                  QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-E"),
                  QStringLiteral("UTF8"), QStringLiteral("--locale=C"),
                  QStringLiteral("--no-sync")})) {
            return;
        }
        start();
    }

    ~PgServer()
    {
        if (m_running)
            stop();
    }
    PgServer(const PgServer &) = delete;
    PgServer &operator=(const PgServer &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString socketDir() const { return m_dir.path(); }
    bool isRunning() const { return m_running; }

    // pg_ctl start / stop (fast: connections are cut), waiting until done.
    bool start()
    {
        const QString options =
            QStringLiteral("-k %1 -c listen_addresses='' -p %2 -c fsync=off -c max_connections=200")
                .arg(socketDir())
                .arg(kPort);
        m_running = run(QStringLiteral("pg_ctl"),
                        {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"),
                         m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-o"),
                         options, QStringLiteral("-w"), QStringLiteral("start")});
        return m_running;
    }
    bool stop()
    {
        m_running = false;
        return run(QStringLiteral("pg_ctl"),
                   {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("fast"),
                    QStringLiteral("-w"), QStringLiteral("stop")});
    }

    // The libpq URI of a database: the query form (host=/socket/dir) or, with percentHost, the
    // socket folder percent-encoded as the host.
    QString url(const QString &database, bool percentHost = false) const
    {
        if (percentHost)
            return QStringLiteral("postgresql://postgres@%1:%2/%3")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(socketDir())),
                     QString::number(kPort), database); // one pass: the host holds "%2F"
        return QStringLiteral("postgresql://postgres@/%1?host=%2&port=%3")
            .arg(database, socketDir())
            .arg(kPort);
    }

    // Runs a query on database as postgres; the first column of every row (empty on an error).
    QVariantList column(const QString &database, const QString &query) const
    {
        const QString name = QStringLiteral("pg-check-") + database;
        QVariantList values;
        {
            QSqlDatabase db = connection(name, database);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(query)) {
                    while (q.next())
                        values.append(q.value(0));
                }
            }
        }
        QSqlDatabase::removeDatabase(name);
        return values;
    }
    // The first column of the first row.
    QVariant scalar(const QString &database, const QString &query) const
    {
        const QVariantList values = column(database, query);
        return values.isEmpty() ? QVariant() : values.first();
    }

    // A new empty database (a fresh name each call); its URI.
    QString createDatabase()
    {
        const QString name =
            QStringLiteral("st_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        if (!sql(QStringLiteral("CREATE DATABASE %1").arg(name)))
            return {};
        return url(name);
    }

    // Runs one statement as postgres on the maintenance database; false (and error()) on failure.
    bool sql(const QString &statement, const QString &database = QStringLiteral("postgres"))
    {
        const QString name = QStringLiteral("pgserver-") + QUuid::createUuid().toString();
        bool ok = false;
        {
            QSqlDatabase db = connection(name, database);
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(statement);
                if (!ok)
                    m_error = q.lastError().text();
            } else {
                m_error = db.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    // Cuts every connection whose application_name starts with prefix (pg_terminate_backend).
    bool terminate(const QString &applicationPrefix, const QString &database)
    {
        return sql(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                  "application_name LIKE '%1%' AND datname = '%2'")
                       .arg(applicationPrefix, database));
    }

private:
    // A connection (not yet open) as postgres to database, under a unique Qt connection name.
    QSqlDatabase connection(const QString &name, const QString &database) const
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(socketDir());
        db.setPort(kPort);
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(database);
        return db;
    }

    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    bool run(const QString &tool, const QStringList &args)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        const QString binary = binDir() + QLatin1Char('/') + tool;
        if (m_asPostgres)
            p.start(QStringLiteral("runuser"),
                    QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                QStringLiteral("--"), binary} +
                        args);
        else
            p.start(binary, args);
        if (!p.waitForFinished(120'000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            m_error = tool + QStringLiteral(" failed: ") + QString::fromLocal8Bit(p.readAll());
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
    QString m_error;
    bool m_asPostgres = false;
    bool m_running = false;
};

} // namespace st::test
