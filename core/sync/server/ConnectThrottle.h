#pragma once

#include "domain/Clock.h"

#include <QList>
#include <QString>

#include <map>
#include <optional>

namespace st {

// Slows down guessing: CONNECTs from an address whose recent CONNECTs failed (wrong tokens) wait
// before their token is checked, twice as long after each failure up to a cap, and only a few of
// them wait at once (the rest are closed unchecked). A right token waits at most the cap, once:
// it resets its address, so a busy NAT address with a stray wrong token is not locked out.
// Each burst of failures is reported twice to the log, when it starts and when it ends, never
// once per attempt.
class ConnectThrottle final
{
public:
    struct Options
    {
        int baseDelayMs = 100;     // the wait after the first failure
        int maxDelayMs = 2000;     // the cap
        int maxWaiting = 8;        // CONNECTs of one address waiting at once
        int forgetAfterMs = 30000; // a burst ends when its address is quiet this long
    };
    // A burst of failures from one address, for the log.
    struct Burst
    {
        QString address;
        int failures = 0;
        int dropped = 0; // closed unchecked: too many waited already
        Ms firstMs = 0;
        Ms lastMs = 0;
    };

    ConnectThrottle(const Clock &clock, Options options);

    // How long a CONNECT from address waits before its token is checked (0: at once), or nullopt
    // when too many of that address wait already: close it unchecked. A wait > 0 must be ended
    // with done() when it is over.
    std::optional<int> admit(const QString &address);
    void done(const QString &address);
    // The token was wrong. True when this starts a burst (log it once).
    bool failed(const QString &address);
    // The token was right: the address starts afresh. Its burst, if it had one, has ended.
    std::optional<Burst> succeeded(const QString &address);
    // Ends the bursts of addresses quiet for forgetAfterMs (nothing waiting), for the log.
    QList<Burst> endQuietBursts();

    int delayAfter(int failures) const;

private:
    struct State
    {
        Burst burst;
        int waiting = 0;
    };

    const Clock &m_clock;
    Options m_options;
    std::map<QString, State> m_addresses; // only addresses with failures
};

} // namespace st
