#include "ClockOffset.h"

#include <algorithm>

namespace st {

ClockOffset::ClockOffset(int window)
    : m_window(std::max(1, window))
{}

void ClockOffset::addSample(Ms t0, Ms serverTime, Ms t1)
{
    if (t1 < t0)
        return;
    // (t0 + t1) / 2 without overflow, rounded to the nearest millisecond.
    const Ms middle = t0 + (t1 - t0 + 1) / 2;
    m_samples.append({serverTime - middle, t1 - t0});
    while (m_samples.size() > m_window)
        m_samples.removeFirst();
    // The lowest round trip wins; among equals the most recent (the clocks may have moved).
    const Sample *best = nullptr;
    for (const Sample &s : std::as_const(m_samples)) {
        if (!best || s.rtt <= best->rtt)
            best = &s;
    }
    m_best = *best;
}

void ClockOffset::reset()
{
    m_samples.clear();
    m_best.reset();
    m_restored.reset();
}

void ClockOffset::restore(Ms offset)
{
    m_restored = offset;
}

Ms ClockOffset::offsetMs() const
{
    if (m_best)
        return m_best->offset;
    return m_restored.value_or(0);
}

} // namespace st
