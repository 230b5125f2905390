#include "ClockOffset.h"

#include <QMutexLocker>

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
    QMutexLocker lock(&m_mutex);
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
    publish();
}

void ClockOffset::reset()
{
    QMutexLocker lock(&m_mutex);
    m_samples.clear();
    m_best.reset();
    m_restored.reset();
    publish();
}

void ClockOffset::restore(Ms offset)
{
    QMutexLocker lock(&m_mutex);
    m_restored = offset;
    publish();
}

Ms ClockOffset::bestRttMs() const
{
    QMutexLocker lock(&m_mutex);
    return m_best ? m_best->rtt : -1;
}

int ClockOffset::sampleCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_samples.size());
}

void ClockOffset::publish()
{
    m_current.store(m_best ? m_best->offset : m_restored.value_or(0), std::memory_order_release);
    m_known.store(m_best.has_value() || m_restored.has_value(), std::memory_order_release);
}

} // namespace st
