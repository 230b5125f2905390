#pragma once

#include "AwayDialog.h"
#include "backend/Preferences.h"
#include "timer/AwayDetector.h"
#include "timer/ForgottenTimers.h"

#include <QObject>
#include <QPointer>
#include <QTime>
#include <QTimer>

#include <functional>
#include <optional>

class QWidget;

namespace st {

class Backend;

// Watches the desk user's timer: asks "You were away..." after sleep or idle time while it runs
// (not while paused) and applies the answer through Backend; reminds of a forgotten
// timer (long running, end of the working day) through the notifier. Nothing is stopped without
// asking.
class AwayWatcher final : public QObject
{
    Q_OBJECT
public:
    using Notifier = std::function<void(const QString &title, const QString &text)>;

    AwayWatcher(Backend &service, QWidget *dialogParent, QObject *parent = nullptr);

    void setNotifier(Notifier notifier) { m_notify = std::move(notifier); }
    void setIdleSource(AwayDetector::IdleSource source);
    void apply(const AwaySettings &settings);
    // Applies the saved settings (the backend snapshot's preferences) now and whenever a new
    // snapshot brings other ones, so changes made in the settings dialog apply without a restart
    // (the app; tests call apply()).
    void followSavedSettings();

    AwayDetector &detector() { return m_detector; }
    bool isWatching() const { return !m_watchedEntryId.isEmpty(); }
    // The open "You were away" question, if any.
    AwayDialog *pendingDialog() const { return m_dialog; }
    // One reminder check (every minute; directly by tests).
    void checkReminders();

private:
    void onSnapshot();
    void onAway(qint64 from, qint64 to);

    Backend &m_service;
    QPointer<QWidget> m_dialogParent;
    AwayDetector m_detector;
    ForgottenTimers m_forgotten;
    QTimer m_reminderTimer;
    Notifier m_notify;
    QString m_watchedEntryId;
    Ms m_watchedSince = 0; // when the watch of that entry began (its start, or a resume)
    QPointer<AwayDialog> m_dialog;
    bool m_followSettings = false;
    std::optional<AwaySettings> m_applied; // the settings last applied
};

} // namespace st
