#pragma once

#include "HubDatabase.h"
#include "domain/Clock.h"
#include "store/Database.h"
#include "store/Repositories.h"
#include "sync/Hub.h"
#include "sync/SqlHubStore.h"

#include <QHostAddress>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>
#include <optional>
#include <utility>

namespace st::test {

// A hub on its own database in a temporary folder, on a loopback port kept across restarts,
// with one organisation ("Studio Nord") and its invite token. ClockType is the hub's clock:
// FakeClock to move time by hand, SystemClock beside real desktop windows.
template <class ClockType> struct TestHub
{
    QTemporaryDir dir;
    QString location = newHubDatabase(dir); // SQLite in dir, or PostgreSQL (HubDatabase.h)
    ClockType clock;
    std::unique_ptr<Database> db;
    std::unique_ptr<Hub> hub;
    quint16 port = 0;
    HubOptions options; // used by start(): change, then stop() and start() again
    QString orgId;
    QString token;

    template <class... ClockArgs>
    explicit TestHub(ClockArgs &&...clockArgs)
        : clock(std::forward<ClockArgs>(clockArgs)...)
    {
        db = openHubDatabase(location);
        start();
        auto created = hub->store().createOrganization(QStringLiteral("Studio Nord"));
        if (!created)
            qFatal("cannot create an organisation: %s", qPrintable(created.error().message));
        orgId = created->org.id;
        token = created->token;
    }

    // Listens again on the same port after stop(); the database stays open throughout.
    void start()
    {
        HubOptions o = options;
        o.bind = QHostAddress::LocalHost;
        o.port = port;
        hub = std::make_unique<Hub>(*db, clock, o);
        if (auto r = hub->listen(); !r)
            qFatal("cannot listen: %s", qPrintable(r.error().message));
        port = hub->port();
    }
    void stop() { hub.reset(); }

    QString typeId(const QString &name) const
    {
        const QList<TaskType> types = CatalogRepository(*db).taskTypes(orgId).value();
        for (const TaskType &t : types) {
            if (t.name == name)
                return t.id;
        }
        return {};
    }
    std::optional<TimeEntry> entry(const QString &id) const
    {
        return EntryRepository(*db).entry(id).value();
    }
    qint64 head() const // also while stopped; -1 when the database fails
    {
        const auto head = SqlHubStore(*db, clock).head(orgId);
        return head ? *head : -1;
    }
    int entryCount() const
    {
        QSqlQuery q(db->connection());
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM time_entries WHERE org_id = ?"));
        q.addBindValue(orgId);
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    }
};

} // namespace st::test
