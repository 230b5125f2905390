#pragma once

#include "TestStore.h"
#include "backend/Backend.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace st::test {

// A test store plus the desktop app's asynchronous service on the same database file.
struct GuiFixture
{
    TestStore store;
    std::unique_ptr<Backend> async;

    GuiFixture()
        : async(std::make_unique<Backend>(store.path(), store.clock, store.profile.org.id))
    {
        settle();
    }

    // Lets every request posted so far run on the worker and every answer arrive here.
    void settle()
    {
        for (int i = 0; i < 3; ++i) {
            async->waitForIdle();
            QCoreApplication::sendPostedEvents();
            QCoreApplication::processEvents();
        }
    }

    QString typeId(const QString &name) const { return store.typeId(name); }
    std::optional<TimeEntry> running() const { return store.service->running(store.userId()); }
};

} // namespace st::test
