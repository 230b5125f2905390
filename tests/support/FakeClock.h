#pragma once

#include "domain/Clock.h"

namespace st::test {

// A clock the test moves by hand.
class FakeClock final : public Clock
{
public:
    explicit FakeClock(Ms now = 1'764'316'800'000)
        : m_now(now)
    {} // 2025-11-28T08:00:00Z
    Ms nowMs() const override { return m_now; }
    void set(Ms now) { m_now = now; }
    void advance(Ms ms) { m_now += ms; }
    void advanceMinutes(qint64 minutes) { m_now += minutes * 60'000; }

private:
    Ms m_now;
};

} // namespace st::test
