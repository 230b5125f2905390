#include "ForgottenTimers.h"

#include <QDateTime>

namespace st {

QList<ForgottenTimers::Reminder> ForgottenTimers::due(const QList<TimeEntry> &running, Ms now)
{
    QList<Reminder> result;
    QSet<QString> stillRunning;
    for (const TimeEntry &e : running) {
        if (!e.isRunning() || e.deleted)
            continue;
        stillRunning.insert(e.id);
        if (m_thresholdMs > 0 && now - e.startedAt >= m_thresholdMs &&
            !m_remindedLong.contains(e.id)) {
            m_remindedLong.insert(e.id);
            result.append({Kind::LongRunning, e});
        }
        if (m_endOfDay.isValid()) {
            const QDateTime local = QDateTime::fromMSecsSinceEpoch(now);
            const QDateTime endToday(local.date(), m_endOfDay);
            const qint64 day = local.date().toJulianDay();
            // Only a timer that was already running at the end of the day, once a day.
            if (local >= endToday && e.startedAt < endToday.toMSecsSinceEpoch() &&
                m_remindedEndOfDay.value(e.id, -1) != day) {
                m_remindedEndOfDay.insert(e.id, day);
                result.append({Kind::EndOfDay, e});
            }
        }
    }
    // Forget entries that stopped, so memory stays small.
    m_remindedLong.intersect(stillRunning);
    for (auto it = m_remindedEndOfDay.begin(); it != m_remindedEndOfDay.end();) {
        if (!stillRunning.contains(it.key()))
            it = m_remindedEndOfDay.erase(it);
        else
            ++it;
    }
    return result;
}

} // namespace st
