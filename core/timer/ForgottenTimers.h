#pragma once

#include "domain/Types.h"

#include <QHash>
#include <QSet>
#include <QTime>

namespace st {

// Decides when to remind someone of a timer they may have forgotten: once it has run longer than
// a threshold, and once at the end of the working day. Each reminder is given once per entry.
// It only reminds: nothing is ever stopped or deleted without asking.
class ForgottenTimers final
{
public:
    enum class Kind
    {
        LongRunning,
        EndOfDay
    };
    struct Reminder
    {
        Kind kind;
        TimeEntry entry;
    };

    void setThresholdMs(Ms ms) { m_thresholdMs = ms; }
    Ms thresholdMs() const { return m_thresholdMs; }
    // Local time of day; an invalid time turns the end-of-day reminder off.
    void setEndOfDay(QTime time) { m_endOfDay = time; }
    QTime endOfDay() const { return m_endOfDay; }

    // The reminders due now for these running entries.
    QList<Reminder> due(const QList<TimeEntry> &running, Ms now);

private:
    Ms m_thresholdMs = 4 * 3'600'000;
    QTime m_endOfDay = QTime(19, 0);
    QSet<QString> m_remindedLong;
    QHash<QString, qint64> m_remindedEndOfDay; // entry -> local day (Julian) reminded
};

} // namespace st
