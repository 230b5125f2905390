#include "FdWatch.h"

#include <QSocketNotifier>

#include <cerrno>
#include <memory>
#include <unordered_map>

#include <sys/epoll.h>
#include <unistd.h>

namespace st {

// The watches of one thread. It lives while the thread has any, and is not destroyed while it
// is calling one of them.
class FdWatch::Set final
{
public:
    static Set *forThisThread()
    {
        if (!t_set)
            t_set = new Set(&t_set);
        ++t_set->m_users;
        t_set->m_orphaned = false; // released during a dispatch, and wanted again in it
        return t_set;
    }

    void release()
    {
        if (--m_users > 0)
            return;
        if (m_dispatching > 0) {
            m_orphaned = true; // dispatch() deletes it on its way out
            return;
        }
        *m_slot = nullptr;
        delete this;
    }

    std::uint64_t add(FdWatch *watch)
    {
        const std::uint64_t id = ++m_lastId;
        m_watches.emplace(id, watch);
        return id;
    }

    void remove(const FdWatch *watch)
    {
        m_watches.erase(watch->m_id);
        if (watch->m_added)
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, watch->m_fd, nullptr);
    }

    // Brings the kernel's view of the watch up to date. False: the descriptor could not be
    // watched (it is not open).
    bool update(const FdWatch *watch)
    {
        epoll_event event{};
        event.events =
            (watch->m_read ? EPOLLIN | EPOLLRDHUP : 0u) | (watch->m_write ? EPOLLOUT : 0u);
        event.data.u64 = watch->m_id;
        if (event.events == 0) // even an empty mask reports a hang-up: out of the set instead
            return ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, watch->m_fd, nullptr) == 0;
        return ::epoll_ctl(m_epoll, watch->m_added ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, watch->m_fd,
                           &event) == 0;
    }

private:
    explicit Set(Set **slot)
        : m_slot(slot)
    {
        m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
        m_notifier = std::make_unique<QSocketNotifier>(m_epoll, QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(),
                         [this] { dispatch(); });
    }

    ~Set()
    {
        if (m_dispatching > 0) {
            // Inside the notifier's own signal: it goes once the loop is back.
            m_notifier->setEnabled(false);
            m_notifier.release()->deleteLater();
        }
        m_notifier.reset();
        ::close(m_epoll);
    }

    // Everything ready is handled, in the kernel's order, as a pass of the event loop over
    // per-descriptor notifiers did: a storm of thousands of desks is not spread over more passes
    // (and more of the presence windows that tell every desk who joined).
    void dispatch()
    {
        constexpr int kBatch = 256;
        constexpr int kMaxBatches = 64; // then the loop's timers get their turn
        epoll_event events[kBatch];
        ++m_dispatching;
        for (int batch = 0; batch < kMaxBatches && !m_orphaned; ++batch) {
            int count;
            do {
                count = ::epoll_wait(m_epoll, events, kBatch, 0);
            } while (count < 0 && errno == EINTR);
            for (int i = 0; i < count && !m_orphaned; ++i) {
                const std::uint32_t ready = events[i].events;
                const std::uint64_t id = events[i].data.u64;
                if (ready & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
                    call(id, true);
                if (ready & (EPOLLOUT | EPOLLHUP | EPOLLERR))
                    call(id, false);
            }
            if (count < kBatch)
                break;
        }
        if (m_orphaned && m_dispatching == 1) {
            *m_slot = nullptr;
            delete this;
            return;
        }
        --m_dispatching;
    }

    // The watch's handler, if the watch still exists and still wants it.
    void call(std::uint64_t id, bool read)
    {
        const auto it = m_watches.find(id);
        if (it == m_watches.end())
            return;
        const FdWatch *watch = it->second;
        // A copy: the handler may destroy the watch, and with it the original.
        if (read && watch->m_read && watch->onReadable)
            std::function<void()>(watch->onReadable)();
        else if (!read && watch->m_write && watch->onWritable)
            std::function<void()>(watch->onWritable)();
    }

    static thread_local Set *t_set;
    Set **m_slot; // its own thread's t_set, whichever thread ends it (one that stopped first)
    std::unordered_map<std::uint64_t, FdWatch *> m_watches;
    std::uint64_t m_lastId = 0;
    int m_users = 0;
    int m_dispatching = 0; // dispatch() calls under way (a handler may run a nested loop)
    bool m_orphaned = false;
    int m_epoll = -1;
    std::unique_ptr<QSocketNotifier> m_notifier; // on m_epoll
};

thread_local FdWatch::Set *FdWatch::Set::t_set = nullptr;

FdWatch::FdWatch(int fd)
    : m_fd(fd)
    , m_set(Set::forThisThread())
    , m_id(m_set->add(this))
{}

FdWatch::~FdWatch()
{
    m_set->remove(this);
    m_set->release();
}

void FdWatch::setReadEnabled(bool enabled)
{
    if (m_read != enabled) {
        m_read = enabled;
        update();
    }
}

void FdWatch::setWriteEnabled(bool enabled)
{
    if (m_write != enabled) {
        m_write = enabled;
        update();
    }
}

void FdWatch::update()
{
    if (m_read || m_write) {
        m_added = m_set->update(this);
    } else if (m_added) {
        m_set->update(this); // out of the set
        m_added = false;
    }
}

} // namespace st
