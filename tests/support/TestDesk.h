#pragma once

#include "FakeClock.h"
#include "TestHub.h"
#include "store/Database.h"
#include "sync/ClockOffset.h"
#include "sync/Outbox.h"
#include "sync/SyncClient.h"
#include "timer/Profile.h"
#include "timer/TimerService.h"

#include <QTemporaryDir>

#include <memory>

namespace st::test {

// A desk for sync tests: its own database and clock, a timer service on the hub's time, its
// outbox and sync client. The person at the desk is userName.
struct TestDesk
{
    QTemporaryDir dir;
    FakeClock local;
    ClockOffset offset;
    HubClock clock{local, offset};
    std::unique_ptr<Database> db;
    Profile profile;
    std::unique_ptr<TimerService> service;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<SyncClient> client;
    QString name;
    QString userId;

    TestDesk(const QString &deskName, const QString &userName, Ms now)
        : local(now)
        , name(deskName)
    {
        auto opened = Database::open(dir.filePath(QStringLiteral("desk.sqlite")));
        if (!opened)
            qFatal("cannot open a desk database: %s", qPrintable(opened.error().message));
        db = std::move(opened).value();
        auto p = profile::ensure(*db, local);
        if (!p)
            qFatal("cannot create a profile: %s", qPrintable(p.error().message));
        profile = p.value();
        service = std::make_unique<TimerService>(*db, clock, profile.org.id);
        outbox = std::make_unique<Outbox>(*db, local);
        outbox->attach(*service);
        auto user = service->ensureUser(userName);
        if (!user || !profile::setCurrentUser(*db, user->id))
            qFatal("cannot create the user");
        userId = user->id;
        client = std::make_unique<SyncClient>(*db, *service, *outbox, offset, local);
        client->setBackoff(20, 200);
    }

    // Joins env's hub with its token, or with another one (a wrong or revoked token).
    template <class Env> void connectTo(const Env &env, const QString &token = {})
    {
        client->start({hubUrl(QStringLiteral("127.0.0.1"), env.port),
                       token.isEmpty() ? env.token : token, profile.deviceId, name});
    }
    QString typeId(const QString &typeName) const { return service->findTaskType(typeName)->id; }
    bool caughtUp() const
    {
        return client->state() == SyncState::Connected && outbox->pendingCount() == 0;
    }
};

} // namespace st::test
