#pragma once

#include <cstdint>
#include <functional>

namespace st {

// Watches one descriptor (a socket) for the thread it is made in, like a pair of
// QSocketNotifiers, level-triggered. On Linux every FdWatch of a thread shares one epoll set, and
// the event loop watches that set through a single QSocketNotifier: a pass of the loop polls one
// descriptor, and then costs what is ready, not what is open. Qt 6.4's event dispatchers poll
// every notifier's descriptor on every pass: with 500 desks that was the hub's largest cost after
// the writes themselves (docs/PERFORMANCE-sync.md, "Latency at 500"). Elsewhere each FdWatch is a
// pair of QSocketNotifiers.
//
// The handlers may destroy any FdWatch, this one included; nothing is called on a watch once it
// is destroyed. The descriptor stays the owner's: close it after the watch is gone.
class FdWatch final
{
public:
    explicit FdWatch(int fd);
    ~FdWatch();
    FdWatch(const FdWatch &) = delete;
    FdWatch &operator=(const FdWatch &) = delete;

    // Called while enabled and the descriptor can be read (or has failed, or the peer left).
    std::function<void()> onReadable;
    // Called while enabled and the descriptor can be written (or has failed).
    std::function<void()> onWritable;

    // Both start disabled.
    void setReadEnabled(bool enabled);
    void setWriteEnabled(bool enabled);
    bool isReadEnabled() const { return m_read; }
    bool isWriteEnabled() const { return m_write; }

private:
    class Set;
    void update();

    int m_fd;
    bool m_read = false;
    bool m_write = false;
    Set *m_set;           // this thread's
    std::uint64_t m_id;   // its key in the set (never reused)
    bool m_added = false; // in the epoll set (not while both are disabled)
};

} // namespace st
