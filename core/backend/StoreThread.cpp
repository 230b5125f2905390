#include "StoreThread.h"

#include "store/Database.h"
#include "timer/TimerService.h"

namespace st {

class StoreThread::Worker final : public QObject
{
public:
    Worker(QString path, const Clock &clock, QString orgId, Hooks hooks)
        : m_path(std::move(path))
        , m_clock(clock)
        , m_orgId(std::move(orgId))
        , m_hooks(std::move(hooks))
    {}

    // Opens the connection on first use, on the thread.
    TimerService *service()
    {
        if (m_service || m_openFailed)
            return m_service.get();
        auto db = Database::open(m_path);
        if (!db) {
            m_openFailed = true;
            if (m_hooks.onFailure)
                m_hooks.onFailure(db.error().message);
            return nullptr;
        }
        m_db = std::move(db).value();
        m_service = std::make_unique<TimerService>(*m_db, m_clock, m_orgId);
        if (m_hooks.onOpen)
            m_hooks.onOpen(*m_service, this);
        return m_service.get();
    }

    void run(const std::function<void(TimerService &)> &job, std::optional<Ms> askedAt)
    {
        if (TimerService *s = service()) {
            const RequestClock::Pin pin(m_clock, askedAt);
            job(*s);
        }
    }

    void close()
    {
        m_service.reset();
        m_db.reset();
    }

private:
    QString m_path;
    RequestClock m_clock;
    QString m_orgId;
    Hooks m_hooks;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<TimerService> m_service;
    bool m_openFailed = false;
};

StoreThread::StoreThread(const QString &name, QString databasePath, const Clock &clock,
                         QString orgId, Hooks hooks)
{
    m_thread.setObjectName(name);
    m_worker = new Worker(std::move(databasePath), clock, std::move(orgId), std::move(hooks));
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

StoreThread::~StoreThread()
{
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void StoreThread::post(std::function<void(TimerService &)> job, std::optional<Ms> askedAt,
                       std::function<void()> after)
{
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, job = std::move(job), askedAt, after = std::move(after)] {
            worker->run(job, askedAt);
            if (after)
                after();
        },
        Qt::QueuedConnection);
}

void StoreThread::waitForIdle()
{
    QMetaObject::invokeMethod(
        m_worker, [] {}, Qt::BlockingQueuedConnection);
}

QObject *StoreThread::worker() const
{
    return m_worker;
}

} // namespace st
