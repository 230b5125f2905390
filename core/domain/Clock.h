#pragma once

#include "Types.h"

#include <QDateTime>

namespace st {

// The one place logic reads the time from. Tests inject a fake (tests/support/FakeClock.h).
class Clock
{
public:
    virtual ~Clock() = default;
    virtual Ms nowMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    Ms nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

} // namespace st
