#pragma once

#include "domain/Clock.h"

#include <optional>
#include <utility>

namespace st {

// The clock a backend thread's TimerService reads: its base clock, except while a request runs
// that was asked earlier (a click, a forwarded command): then "now" is the instant it was asked,
// so a start that had to wait in the queue is recorded when the user asked for it. Used only on
// its own thread.
class RequestClock final : public Clock
{
public:
    explicit RequestClock(const Clock &base)
        : m_base(base)
    {}
    Ms nowMs() const override { return m_pinned ? *m_pinned : m_base.nowMs(); }

    // "now" is askedAt (when given) until this scope ends.
    class Pin
    {
    public:
        Pin(RequestClock &clock, std::optional<Ms> askedAt)
            : m_clock(clock)
            , m_previous(std::exchange(clock.m_pinned, askedAt))
        {}
        ~Pin() { m_clock.m_pinned = m_previous; }
        Pin(const Pin &) = delete;
        Pin &operator=(const Pin &) = delete;

    private:
        RequestClock &m_clock;
        std::optional<Ms> m_previous;
    };

private:
    const Clock &m_base;
    std::optional<Ms> m_pinned;
};

} // namespace st
