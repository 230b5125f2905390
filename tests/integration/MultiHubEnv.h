#pragma once

// Several studiotimer-hub processes on one fresh PostgreSQL database (issue 14), for the
// multi-hub tests: the hubs, an organisation made with "org create", and direct queries.

#include "HubDatabase.h"
#include "HubRequests.h"
#include "HubTestClient.h"
#include "PgServer.h"
#include "TortureSupport.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace st::test {

struct Org
{
    QString id;
    QString token;
    QString recordingId;
};

// A fresh database on the test's PostgreSQL server, and studiotimer-hub processes on it.
struct MultiEnv
{
    PgServer &pg = sharedPgServer();
    QTemporaryDir dir;
    QString url = pg.createDatabase();
    std::vector<std::unique_ptr<torture::HubProcess>> hubs;

    QString database() const
    {
        return url.section(QLatin1Char('/'), 3).section(QLatin1Char('?'), 0, 0);
    }

    // Starts one more hub on the database; its port (0: it did not start).
    quint16 addHub()
    {
        const QString dataDir = dir.filePath(QString::number(hubs.size()));
        hubs.push_back(std::make_unique<torture::HubProcess>(
            QStringLiteral(STUDIOTIMER_HUB_BIN), dataDir,
            QStringList{QStringLiteral("--database"), url, QStringLiteral("--no-announce"),
                        QStringLiteral("--rate-limit"), QStringLiteral("0")}));
        return hubs.back()->start();
    }

    Org createOrg(const QString &name)
    {
        QProcess create;
        create.start(QStringLiteral(STUDIOTIMER_HUB_BIN),
                     {QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("cli")),
                      QStringLiteral("--database"), url, QStringLiteral("org"),
                      QStringLiteral("create"), name});
        create.waitForFinished(30000);
        const QJsonObject created =
            QJsonDocument::fromJson(create.readAllStandardOutput()).object();
        Org org{created.value(QLatin1String("orgId")).toString(),
                created.value(QLatin1String("token")).toString(),
                {}};
        HubTestClient c;
        if (!hubs.empty() && c.join(hubs.front()->port(), org.token, QStringLiteral("setup"))) {
            const QJsonObject pulled =
                c.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), 0}});
            org.recordingId = firstTaskTypeId(pulled);
        }
        return org;
    }

    // Two hubs, the organisation "Studio Nord", a desk on each hub ("Desk on A", "Desk on B").
    bool twoHubsOneOrg(Org &org, HubTestClient &deskA, HubTestClient &deskB)
    {
        const quint16 a = addHub();
        const quint16 b = addHub();
        if (!a || !b)
            return false;
        org = createOrg(QStringLiteral("Studio Nord"));
        return !org.recordingId.isEmpty() &&
               deskA.join(a, org.token, QStringLiteral("Desk on A")) &&
               deskB.join(b, org.token, QStringLiteral("Desk on B"));
    }

    // Runs a query on the hubs' database; the first column of its first row, or of every row.
    QVariant scalar(const QString &sql) { return pg.scalar(database(), sql); }
    QVariantList column(const QString &sql) { return pg.column(database(), sql); }
};

inline QList<qint64> seqsOf(const QList<QJsonObject> &events)
{
    QList<qint64> seqs;
    for (const QJsonObject &e : events)
        seqs.append(seqOf(e));
    return seqs;
}

inline QJsonObject stopPayload(const QJsonObject &u, const QString &entryId)
{
    return {{QStringLiteral("opId"), newId()},
            {QStringLiteral("user"), u},
            {QStringLiteral("entryId"), entryId}};
}

} // namespace st::test
