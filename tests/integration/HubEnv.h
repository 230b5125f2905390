#pragma once

// The hub in process for tst_hub and tst_hub_connection: a hub on a fresh database on a free
// loopback port, and organisations made in it.

#include "FakeClock.h"
#include "HubDatabase.h"
#include "store/Database.h"
#include "store/Repositories.h"
#include "sync/Hub.h"

#include <QTemporaryDir>

#include <memory>

namespace st::test {

struct OrgFixture
{
    QString id;
    QString token;
    QString recordingId; // a task type of the organisation
    QString mixingId;
    int base = 0; // the head after creation: the default task types are the first changes
};

// A hub on a real database (SQLite in a temporary folder, or PostgreSQL: HubDatabase.h), on a
// free loopback port.
struct HubEnv
{
    QTemporaryDir dir;
    QString location = newHubDatabase(dir);
    FakeClock clock;
    std::unique_ptr<Database> db;
    std::unique_ptr<Hub> hub;

    explicit HubEnv(HubOptions options = {}) { start(std::move(options)); }

    void start(HubOptions options = {})
    {
        db = openHubDatabase(location);
        options.bind = QHostAddress::LocalHost;
        options.port = 0;
        hub = std::make_unique<Hub>(*db, clock, options);
        if (auto r = hub->listen(); !r)
            qFatal("cannot listen: %s", qPrintable(r.error().message));
    }

    void stop()
    {
        hub.reset();
        db.reset();
    }

    quint16 port() const { return hub->port(); }

    OrgFixture org(const QString &name)
    {
        auto created = hub->store().createOrganization(name);
        if (!created)
            qFatal("cannot create an organisation: %s", qPrintable(created.error().message));
        OrgFixture f{created->org.id, created->token, {}, {}, 0};
        f.base = int(*hub->store().head(f.id));
        const QList<TaskType> types = CatalogRepository(*db).taskTypes(f.id).value();
        for (const TaskType &t : types) {
            if (t.position == 1)
                f.recordingId = t.id;
            if (t.position == 2)
                f.mixingId = t.id;
        }
        return f;
    }
};

} // namespace st::test
