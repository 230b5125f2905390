#include "ConnectThrottle.h"

#include <algorithm>

namespace st {

ConnectThrottle::ConnectThrottle(const Clock &clock, Options options)
    : m_clock(clock)
    , m_options(options)
{}

int ConnectThrottle::delayAfter(int failures) const
{
    if (failures <= 0)
        return 0;
    const qint64 delay = qint64(m_options.baseDelayMs) << std::min(failures - 1, 20);
    return int(std::min<qint64>(delay, m_options.maxDelayMs));
}

std::optional<int> ConnectThrottle::admit(const QString &address)
{
    const auto it = m_addresses.find(address);
    if (it == m_addresses.end())
        return 0;
    State &state = it->second;
    if (state.waiting >= m_options.maxWaiting) {
        ++state.burst.dropped;
        state.burst.lastMs = m_clock.nowMs();
        return std::nullopt;
    }
    const int delay = delayAfter(state.burst.failures);
    if (delay > 0)
        ++state.waiting;
    return delay;
}

void ConnectThrottle::done(const QString &address)
{
    if (const auto it = m_addresses.find(address); it != m_addresses.end())
        it->second.waiting = std::max(0, it->second.waiting - 1);
}

bool ConnectThrottle::failed(const QString &address)
{
    const Ms now = m_clock.nowMs();
    const auto [it, isNew] = m_addresses.try_emplace(address);
    Burst &burst = it->second.burst;
    if (isNew) {
        burst.address = address;
        burst.firstMs = now;
    }
    ++burst.failures;
    burst.lastMs = now;
    return isNew;
}

std::optional<ConnectThrottle::Burst> ConnectThrottle::succeeded(const QString &address)
{
    const auto it = m_addresses.find(address);
    if (it == m_addresses.end())
        return std::nullopt;
    const Burst burst = it->second.burst;
    // Connections still waiting call done() on an address that is gone: harmless.
    m_addresses.erase(it);
    return burst;
}

QList<ConnectThrottle::Burst> ConnectThrottle::endQuietBursts()
{
    const Ms now = m_clock.nowMs();
    QList<Burst> ended;
    for (auto it = m_addresses.begin(); it != m_addresses.end();) {
        const State &state = it->second;
        if (state.waiting == 0 && now - state.burst.lastMs >= m_options.forgetAfterMs) {
            ended.append(state.burst);
            it = m_addresses.erase(it);
        } else {
            ++it;
        }
    }
    return ended;
}

} // namespace st
