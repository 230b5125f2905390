#include "SyncUi.h"

#include "ConflictsDialog.h"
#include "MainWindow.h"
#include "NowView.h"
#include "SyncSettingsPage.h"
#include "SyncStatusWidget.h"
#include "backend/Backend.h"
#include "backend/SyncSession.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QVBoxLayout>

namespace st {

SyncUi::SyncUi(SyncSession &session, Backend &service, MainWindow &window, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_service(service)
    , m_window(window)
{
    m_status = new SyncStatusWidget(m_session, m_window.statusBar());
    m_window.statusBar()->addPermanentWidget(m_status);
    connect(m_status, &SyncStatusWidget::conflictsRequested, this, &SyncUi::openConflicts);

    auto *menu = new QMenu(tr("S&ync"), &m_window);
    connect(menu->addAction(tr("Sync &settings…")), &QAction::triggered, this,
            &SyncUi::openSettings);
    connect(menu->addAction(tr("&Refused changes…")), &QAction::triggered, this,
            &SyncUi::openConflicts);
    const QList<QAction *> menus = m_window.menuBar()->actions();
    // Before Help, the last menu.
    m_window.menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), menu);

    connect(&m_session, &SyncSession::remoteTimersChanged, this, &SyncUi::updateStudio);
    // Other desks' timers are only as last seen while the hub cannot be reached.
    const auto reachability = [this] {
        const SyncState state = m_session.state();
        const bool lost = state == SyncState::Offline || state == SyncState::Connecting ||
                          state == SyncState::Unauthorized;
        m_window.nowView()->studioModel()->setHubReachable(!lost, m_service.clock().nowMs());
    };
    connect(&m_session, &SyncSession::stateChanged, this, reachability);
    reachability();
    // The studio panel's local feed already has other machines' entries (they are in the local
    // cache); this feed adds their device names, and timers the cache does not have yet.
    connect(&m_service, &Backend::snapshotChanged, this, &SyncUi::updateStudio);
    connect(&m_session, &SyncSession::remoteActivity, this, [this](const RemoteActivity &a) {
        const QString text = describe(a);
        if (text.isEmpty())
            return;
        m_lastNotification = text;
        m_window.statusBar()->showMessage(text, 10'000);
        if (m_notify && m_service.snapshot().prefs.notifyOtherMachines)
            m_notify(tr("Studio Timer"), text);
    });
}

void SyncUi::updateStudio()
{
    m_window.nowView()->studioModel()->setRemoteTimers(
        toRunning(m_session.remoteTimers(), m_service.snapshot()));
}

QList<RunningTimer> SyncUi::toRunning(const QList<RemoteTimer> &timers, const NowSnapshot &snapshot)
{
    QList<RunningTimer> result;
    for (const RemoteTimer &t : timers) {
        const auto type = snapshot.taskType(t.entry.taskTypeId);
        result.append({t.entry, t.userName, t.taskTypeName, type ? QColor(type->color) : QColor(),
                       t.roomName, t.deviceName.isEmpty() ? tr("another machine") : t.deviceName});
    }
    return result;
}

QString SyncUi::describe(const RemoteActivity &a)
{
    const QString who =
        a.deviceName.isEmpty() ? a.userName : tr("%1 (%2)").arg(a.userName, a.deviceName);
    const bool room = !a.roomName.isEmpty();
    switch (a.event) {
    case protocol::Event::TimerStarted:
        return room ? tr("%1 started %2 in %3").arg(who, a.taskTypeName, a.roomName)
                    : tr("%1 started %2").arg(who, a.taskTypeName);
    case protocol::Event::TimerStopped:
        return room ? tr("%1 stopped %2 in %3").arg(who, a.taskTypeName, a.roomName)
                    : tr("%1 stopped %2").arg(who, a.taskTypeName);
    case protocol::Event::TimerPaused:
        return tr("%1 paused %2").arg(who, a.taskTypeName);
    case protocol::Event::TimerResumed:
        return tr("%1 resumed %2").arg(who, a.taskTypeName);
    default:
        return {};
    }
}

void SyncUi::openSettings()
{
    QDialog dialog(&m_window);
    dialog.setWindowTitle(tr("Sync"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *page = new SyncSettingsPage(m_session, &dialog);
    layout->addWidget(page);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&dialog, page] {
        if (page->apply())
            dialog.accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.exec();
}

void SyncUi::openConflicts()
{
    ConflictsDialog dialog(m_session, &m_window);
    dialog.exec();
}

} // namespace st
