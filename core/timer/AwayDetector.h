#pragma once

#include "domain/Clock.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace st {

// Notices when the person was away while a timer ran: the machine slept (the wall clock jumped
// ahead of the monotonic clock, which stops during suspend) or the session sat idle for longer
// than a threshold. It reports the away span once the person is back.
class AwayDetector final : public QObject
{
    Q_OBJECT
public:
    // Milliseconds since the last keyboard or mouse input; nullopt where the platform can't tell.
    using IdleSource = std::function<std::optional<qint64>()>;
    // Milliseconds of a clock that does not advance while the machine sleeps.
    using MonotonicSource = std::function<qint64()>;

    AwayDetector(const Clock &clock, QObject *parent = nullptr);

    void setIdleSource(IdleSource source) { m_idle = std::move(source); }
    void setMonotonicSource(MonotonicSource source) { m_monotonic = std::move(source); }
    // Idle longer than this counts as away (0 turns idle detection off).
    void setIdleThresholdMs(qint64 ms) { m_idleThresholdMs = ms; }
    // Sleep shorter than this is ignored (a busy machine may be late to check).
    void setSleepThresholdMs(qint64 ms) { m_sleepThresholdMs = ms; }

    bool idleDetectionAvailable() const;

    // Checks every interval while watching; a timer is only watched while it runs.
    void start(int intervalMs = 15'000);
    void stop();
    // One check: called by the interval timer, and directly by tests.
    void check();

Q_SIGNALS:
    // from..to in ms UTC: when the person left and when they came back.
    void awayDetected(qint64 from, qint64 to);

private:
    const Clock &m_clock;
    IdleSource m_idle;
    MonotonicSource m_monotonic;
    QElapsedTimer m_elapsed;
    QTimer m_timer;
    qint64 m_idleThresholdMs = 10 * 60'000;
    qint64 m_sleepThresholdMs = 2 * 60'000;
    std::optional<qint64> m_lastWall;
    std::optional<qint64> m_lastMonotonic;
    std::optional<qint64> m_idleSince; // wall time the current idle span began, once over threshold
};

} // namespace st
