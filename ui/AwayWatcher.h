#pragma once

#include "AwayDialog.h"
#include "timer/AwayDetector.h"
#include "timer/ForgottenTimers.h"

#include <QObject>
#include <QPointer>
#include <QTime>
#include <QTimer>

#include <functional>

class QWidget;

namespace st {

class Backend;

// This machine's away and reminder settings (QSettings, group "away").
struct AwaySettings
{
    int idleMinutes = 10;  // idle this long counts as away; 0 turns idle detection off
    int reminderHours = 4; // remind of a timer running this long; 0 turns it off
    QTime endOfDay{19, 0}; // remind of a running timer at this local time; invalid turns it off

    static AwaySettings load();
    void save() const;
};

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
    // Reads AwaySettings::load() now and again every minute, so changes made in the settings
    // dialog apply without a restart (the app; tests call apply()).
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
    QPointer<AwayDialog> m_dialog;
    bool m_followSettings = false;
};

} // namespace st
