#include "AwayDetector.h"

namespace st {

AwayDetector::AwayDetector(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_elapsed.start();
    m_monotonic = [this] {
        return m_elapsed.elapsed();
    };
    connect(&m_timer, &QTimer::timeout, this, &AwayDetector::check);
}

bool AwayDetector::idleDetectionAvailable() const
{
    return m_idle && m_idle().has_value();
}

void AwayDetector::start(int intervalMs)
{
    m_lastWall = m_clock.nowMs();
    m_lastMonotonic = m_monotonic();
    m_idleSince.reset();
    m_timer.start(intervalMs);
}

void AwayDetector::stop()
{
    m_timer.stop();
    m_lastWall.reset();
    m_lastMonotonic.reset();
    m_idleSince.reset();
}

void AwayDetector::check()
{
    const qint64 wall = m_clock.nowMs();
    const qint64 mono = m_monotonic();
    if (m_lastWall && m_lastMonotonic) {
        // Asleep: wall time passed that the monotonic clock did not see.
        const qint64 slept = (wall - *m_lastWall) - (mono - *m_lastMonotonic);
        if (slept >= m_sleepThresholdMs) {
            m_idleSince.reset();
            m_lastWall = wall;
            m_lastMonotonic = mono;
            Q_EMIT awayDetected(wall - slept, wall);
            return;
        }
    }
    m_lastWall = wall;
    m_lastMonotonic = mono;

    if (!m_idle || m_idleThresholdMs <= 0)
        return;
    const auto idle = m_idle();
    if (!idle)
        return;
    if (*idle >= m_idleThresholdMs) {
        if (!m_idleSince)
            m_idleSince = wall - *idle;
    } else if (m_idleSince) {
        // Back: the away span ends at the last input.
        const qint64 back = wall - *idle;
        const qint64 from = *m_idleSince;
        m_idleSince.reset();
        if (back > from)
            Q_EMIT awayDetected(from, back);
    }
}

} // namespace st
