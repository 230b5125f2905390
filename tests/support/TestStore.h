#pragma once

#include "FakeClock.h"
#include "store/Database.h"
#include "timer/Profile.h"
#include "timer/TimerService.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace st::test {

// A real database in a temporary folder, with its profile and a timer service on a fake clock.
struct TestStore
{
    QTemporaryDir dir;
    FakeClock clock;
    std::unique_ptr<Database> db;
    Profile profile;
    std::unique_ptr<TimerService> service;

    explicit TestStore(Ms now = 1'764'316'800'000)
        : clock(now)
    {
        auto opened = Database::open(path());
        if (!opened)
            qFatal("Cannot open the test database: %s", qPrintable(opened.error().message));
        db = std::move(opened).value();
        auto p = profile::ensure(*db, clock);
        if (!p)
            qFatal("Cannot create the profile: %s", qPrintable(p.error().message));
        profile = p.value();
        service = std::make_unique<TimerService>(*db, clock, profile.org.id);
    }

    QString path() const { return dir.filePath(QStringLiteral("studiotimer.sqlite")); }
    QString userId() const { return profile.user.id; }
    QString typeId(const QString &name) const { return service->findTaskType(name)->id; }
};

} // namespace st::test
