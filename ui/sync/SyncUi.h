#pragma once

#include "models/StudioModel.h"
#include "sync/SyncClient.h"

#include <QObject>

#include <functional>

namespace st {

class Backend;
class MainWindow;
class SyncSession;
class SyncStatusWidget;
struct NowSnapshot;

// Puts sync into the window: the status corner of the status bar, a Sync menu (settings, refused
// changes), other machines' running timers in the Studio panel, and a notification for what
// happens on other machines ("Ana started Recording in Studio A").
class SyncUi final : public QObject
{
    Q_OBJECT
public:
    SyncUi(SyncSession &session, Backend &service, MainWindow &window, QObject *parent = nullptr);

    SyncStatusWidget *statusWidget() const { return m_status; }
    // Where notifications go besides the status bar (the tray, when there is one); used only
    // while the preference Preferences::notifyOtherMachines is on (it is by default).
    void setNotifier(std::function<void(const QString &title, const QString &text)> notify)
    {
        m_notify = std::move(notify);
    }
    // The last notification shown (tests).
    QString lastNotification() const { return m_lastNotification; }

    void openSettings();
    void openConflicts();

    static QList<RunningTimer> toRunning(const QList<RemoteTimer> &timers,
                                         const NowSnapshot &snapshot);
    static QString describe(const RemoteActivity &activity);

private:
    void updateStudio();

    SyncSession &m_session;
    Backend &m_service;
    MainWindow &m_window;
    SyncStatusWidget *m_status = nullptr;
    std::function<void(const QString &, const QString &)> m_notify;
    QString m_lastNotification;
};

} // namespace st
