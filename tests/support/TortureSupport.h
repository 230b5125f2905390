#pragma once

// Shared by the torture runs (tests/torture): the seed and the run's size from the environment,
// read-only looks at SQLite files, and studiotimer-hub as a process that is killed with SIGKILL
// and started again on the same data folder and port.

#include "domain/Types.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <csignal>
#include <memory>

namespace st::test::torture {

// A size from the environment (a count of kills, of operations), fallback when unset or not > 0.
inline int parameter(const char *variable, int fallback)
{
    const int n = qEnvironmentVariableIntValue(variable);
    return n > 0 ? n : fallback;
}

// STUDIOTIMER_TORTURE_SEED, else a random one; printed, so a failed run can be replayed.
inline quint32 seed()
{
    bool ok = false;
    const quint32 s = qEnvironmentVariable("STUDIOTIMER_TORTURE_SEED").toUInt(&ok);
    const quint32 chosen = ok ? s : QRandomGenerator::global()->generate();
    qInfo("torture seed %u (STUDIOTIMER_TORTURE_SEED=%u replays it)", chosen, chosen);
    return chosen;
}

// Opens an SQLite file read-only on its own connection and runs f; the connection is gone after.
template <typename F> void withDatabase(const QString &file, F &&f)
{
    const QString name = QStringLiteral("torture-%1").arg(newId());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY2(db.open(), qPrintable(file));
        f(db);
    }
    QSqlDatabase::removeDatabase(name);
}

inline QString integrity(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next())
        return QStringLiteral("integrity_check did not run");
    return q.value(0).toString();
}

// A studiotimer-hub process on a data folder; start() waits for its port.
class HubProcess
{
public:
    // extraArguments: e.g. --tls-self-signed.
    HubProcess(QString binary, QString dataDir, QStringList extraArguments = {})
        : m_binary(std::move(binary))
        , m_dataDir(std::move(dataDir))
        , m_extra(std::move(extraArguments))
    {}
    ~HubProcess() { killNow(); }

    // `org create NAME`: {"orgId", "name", "token", "fingerprint"}.
    QJsonObject createOrg(const QString &name = QStringLiteral("Torture"))
    {
        QProcess create;
        create.start(m_binary, {QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("org"),
                                QStringLiteral("create"), name});
        create.waitForFinished(30000);
        return QJsonDocument::fromJson(create.readAllStandardOutput()).object();
    }

    // Starts the hub on port (0: any free one) and returns the port it listens on, 0 if it did not
    // come up within 20 s.
    quint16 start(quint16 port = 0)
    {
        m_process = std::make_unique<QProcess>();
        m_process->start(m_binary,
                         QStringList{QStringLiteral("--data-dir"), m_dataDir,
                                     QStringLiteral("--port"), QString::number(port),
                                     QStringLiteral("--bind"), QStringLiteral("127.0.0.1")} +
                             m_extra);
        static const QRegularExpression portLine(QStringLiteral("listening on port (\\d+)"));
        QString err;
        QRegularExpressionMatch m;
        const bool up = QTest::qWaitFor(
            [&] {
                err += QString::fromUtf8(m_process->readAllStandardError());
                m = portLine.match(err);
                return m.hasMatch() || m_process->state() == QProcess::NotRunning;
            },
            20000);
        m_port = up && m.hasMatch() ? quint16(m.captured(1).toUInt()) : 0;
        m_log = err;
        if (!m_port)
            qWarning("studiotimer-hub did not start: %s", qPrintable(err));
        return m_port;
    }

    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    // Everything the hub wrote on standard error so far.
    QString readLog()
    {
        if (m_process)
            m_log += QString::fromUtf8(m_process->readAllStandardError());
        return m_log;
    }

    void killNow()
    {
        if (isRunning()) {
            ::kill(pid_t(m_process->processId()), SIGKILL);
            m_process->waitForFinished(10000);
        }
    }

private:
    QString m_binary;
    QString m_dataDir;
    QStringList m_extra;
    quint16 m_port = 0;
    QString m_log;
    std::unique_ptr<QProcess> m_process;
};

} // namespace st::test::torture
