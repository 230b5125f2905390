#include "AwayResolution.h"

#include "TimerService.h"
#include "domain/Format.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

namespace st {

std::optional<AwayQuestion> awayQuestion(const TimeEntry &running, Ms from, Ms to, Ms watchedSince)
{
    if (!running.isRunning() || running.isPaused())
        return std::nullopt;
    const Ms leave = std::max({from, running.startedAt, watchedSince});
    if (to - leave < kShortestAwayMs)
        return std::nullopt;
    return AwayQuestion{leave, to, running.billableMs(leave) > 0};
}

Result<TimeEntry> resolveAway(TimerService &service, const QString &userId, AwayChoice choice,
                              Ms from, Ms to)
{
    const auto running = service.running(userId);
    if (!running)
        return Error::notFound(QCoreApplication::translate("st::Away", "No timer is running."));
    if (to <= from)
        return Error::invalid(QCoreApplication::translate("st::Away", "The away time is empty."));
    const Ms leave = std::max(from, running->startedAt);
    const Ms back = std::min(to, service.clock().nowMs());
    if (choice == AwayChoice::Keep || back <= leave)
        return *running;

    if (choice == AwayChoice::StopAtLeave) {
        if (running->billableMs(leave) <= 0)
            return Error::invalid(QCoreApplication::translate(
                "st::Away", "The timer had no time before you left: keep the "
                            "away time or discard it."));
        Adjustment a;
        a.entryId = running->id;
        a.actorId = userId;
        a.endedAt = leave;
        a.reason =
            QCoreApplication::translate("st::Away", "Away from %1 to %2: stopped when I left")
                .arg(QDateTime::fromMSecsSinceEpoch(leave).toString(QStringLiteral("HH:mm")),
                     QDateTime::fromMSecsSinceEpoch(back).toString(QStringLiteral("HH:mm")));
        return service.adjust(a);
    }

    // Discard: a pause from leaving to coming back, unless the timer was paused already.
    if (running->isPaused())
        return *running;
    if (auto paused = service.pause(userId, leave); !paused)
        return paused.error();
    return service.resume(userId, back);
}

} // namespace st
