#include "AwayWatcher.h"

#include "AwayDialog.h"
#include "backend/Backend.h"
#include "domain/Format.h"

#include <QWidget>

#include <limits>

namespace st {

AwayWatcher::AwayWatcher(Backend &service, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_dialogParent(dialogParent)
    , m_detector(service.clock())
{
    connect(&m_service, &Backend::snapshotChanged, this, &AwayWatcher::onSnapshot);
    connect(&m_detector, &AwayDetector::awayDetected, this, &AwayWatcher::onAway);
    connect(&m_reminderTimer, &QTimer::timeout, this, &AwayWatcher::checkReminders);
    m_reminderTimer.start(60'000);
}

void AwayWatcher::setIdleSource(AwayDetector::IdleSource source)
{
    m_detector.setIdleSource(std::move(source));
}

void AwayWatcher::apply(const AwaySettings &settings)
{
    m_applied = settings;
    m_detector.setIdleThresholdMs(qint64(settings.idleMinutes) * 60'000);
    // 0 hours: a threshold no timer reaches.
    m_forgotten.setThresholdMs(settings.reminderHours > 0 ? Ms(settings.reminderHours) * 3'600'000
                                                          : std::numeric_limits<Ms>::max());
    m_forgotten.setEndOfDay(settings.endOfDay);
}

void AwayWatcher::followSavedSettings()
{
    m_followSettings = true;
    if (m_service.snapshot().valid)
        apply(m_service.snapshot().prefs.away);
}

void AwayWatcher::onSnapshot()
{
    const NowSnapshot &snap = m_service.snapshot();
    if (m_followSettings && snap.prefs.away != m_applied)
        apply(snap.prefs.away);
    const bool watch = snap.running && !snap.running->isPaused();
    const QString id = watch ? snap.running->id : QString();
    if (id == m_watchedEntryId)
        return;
    m_watchedEntryId = id;
    m_watchedSince = m_service.clock().nowMs();
    if (watch)
        m_detector.start();
    else
        m_detector.stop();
}

void AwayWatcher::onAway(qint64 from, qint64 to)
{
    const auto &running = m_service.snapshot().running;
    if (m_dialog || m_watchedEntryId.isEmpty() || !running || running->id != m_watchedEntryId)
        return; // one question at a time, and only about a running timer
    // Time before the timer started is not the entry's; after a pause, neither is the pause (the
    // watch began at the resume, unless the entry never paused: then since it started).
    const Ms since = running->pausedMs > 0 ? m_watchedSince : running->startedAt;
    const auto question = awayQuestion(*running, from, to, since);
    if (!question)
        return;
    auto *dialog = new AwayDialog(*question, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_service.resolveAway(dialog->choice(), dialog->from(), dialog->to(), this,
                              [this](const Result<TimeEntry> &r) {
                                  if (!r && m_notify)
                                      m_notify(tr("Studio Timer"), r.error().message);
                              });
    });
    dialog->open();
}

void AwayWatcher::checkReminders()
{
    const NowSnapshot &snap = m_service.snapshot();
    if (!snap.running || !m_notify)
        return;
    const Ms now = m_service.clock().nowMs();
    for (const ForgottenTimers::Reminder &r : m_forgotten.due({*snap.running}, now)) {
        const QString task = snap.taskTypeName(r.entry.taskTypeId);
        const QString running = format::duration(r.entry.effectiveEnd(now) - r.entry.startedAt);
        if (r.kind == ForgottenTimers::Kind::LongRunning)
            m_notify(tr("Still running?"), tr("%1 has been running for %2.").arg(task, running));
        else
            m_notify(tr("End of the working day"),
                     tr("%1 is still running (%2).").arg(task, running));
    }
}

} // namespace st
