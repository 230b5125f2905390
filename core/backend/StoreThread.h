#pragma once

#include "backend/RequestClock.h"
#include "domain/Clock.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

namespace st {

class Database;
class TimerService;

// One thread of the backend with its own SQLite connection and TimerService (a connection
// belongs to the thread that opened it). Jobs run in the order posted; the connection opens on
// the first one. The worker object lives on the thread: connect to it to run code there.
class StoreThread final
{
public:
    // onOpen runs on the thread once the connection is open; onFailure when it cannot open.
    struct Hooks
    {
        std::function<void(TimerService &, QObject *worker)> onOpen;
        std::function<void(const QString &message)> onFailure;
    };

    StoreThread(const QString &name, QString databasePath, const Clock &clock, QString orgId,
                Hooks hooks);
    ~StoreThread(); // closes the connection on the thread, then joins it

    // Runs job on the thread, with "now" at askedAt when given (RequestClock), then after() (also
    // when the store could not open and job did not run).
    void post(std::function<void(TimerService &)> job, std::optional<Ms> askedAt = {},
              std::function<void()> after = {});
    // Blocks until every job posted so far has run.
    void waitForIdle();
    QObject *worker() const;

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr; // lives in m_thread, deleted when it finishes
};

} // namespace st
