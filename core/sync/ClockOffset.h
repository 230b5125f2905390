#pragma once

#include "domain/Clock.h"

#include <QList>
#include <QMutex>

#include <atomic>
#include <optional>

namespace st {

// How far the hub's clock is ahead of this machine's (hub = local + offset), estimated as NTP
// does: a request leaves at local t0, the hub stamps serverTime, the answer arrives at local t1;
// that sample says offset = serverTime - (t0 + t1) / 2, wrong by at most rtt / 2 = (t1 - t0) / 2.
// The estimate is the sample with the lowest round trip among the most recent ones, so one slow
// answer does not move it, and a clock that was reset is followed after a window of samples.
// Thread-safe: the sync client samples on the store's worker thread while the UI reads the
// offset (through a HubClock) to show elapsed times.
class ClockOffset final
{
public:
    struct Sample
    {
        Ms offset = 0;
        Ms rtt = 0;
    };

    explicit ClockOffset(int window = 16);

    // Adds a sample; ignored when t1 < t0 (the local clock went back mid-request).
    void addSample(Ms t0, Ms serverTime, Ms t1);
    // Forgets the samples (a new hub, or a new connection after a long time).
    void reset();
    // Starts from an estimate saved by a previous run, until real samples arrive.
    void restore(Ms offset);

    bool isKnown() const { return m_known.load(std::memory_order_acquire); }
    // The best estimate in ms (0 while nothing is known).
    Ms offsetMs() const { return m_current.load(std::memory_order_acquire); }
    // The round trip of the sample the estimate comes from (-1 when there is none).
    Ms bestRttMs() const;
    int sampleCount() const;

    // The hub's time for a local instant, and back.
    Ms toHub(Ms local) const { return local + offsetMs(); }
    Ms toLocal(Ms hub) const { return hub - offsetMs(); }

private:
    void publish(); // with m_mutex held

    int m_window;
    mutable QMutex m_mutex;
    QList<Sample> m_samples; // oldest first, at most m_window
    std::optional<Sample> m_best;
    std::optional<Ms> m_restored;
    std::atomic<Ms> m_current{0};
    std::atomic<bool> m_known{false};
};

// The hub's time as this machine best knows it: the local clock plus the estimated offset. Give it
// to the TimerService of a machine that syncs, so the times it records and the elapsed times it
// shows agree with every other machine of the organisation, however wrong the local clock is.
class HubClock final : public Clock
{
public:
    HubClock(const Clock &local, const ClockOffset &offset)
        : m_local(local)
        , m_offset(offset)
    {}
    Ms nowMs() const override { return m_offset.toHub(m_local.nowMs()); }

private:
    const Clock &m_local;
    const ClockOffset &m_offset;
};

} // namespace st
