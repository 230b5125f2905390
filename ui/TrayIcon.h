#pragma once

#include <QIcon>
#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace st {

class Backend;

// The tray icon and its menu: quick start per task type, Continue (the last entry
// again), Continue recent (the last five project + task pairs), Pause/Resume, Stop, Show, Quit. The
// menu exists even where the desktop has no tray (isAvailable() is then false), so the window
// alone still works and tests can read the menu.
class TrayIcon final : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(Backend &service, QObject *parent = nullptr);
    ~TrayIcon() override;

    bool isAvailable() const { return m_tray != nullptr; }
    QMenu *menu() const { return m_menu.get(); }
    // The quick-start actions, one per active task type, in order.
    QList<QAction *> startActions() const { return m_startActions; }
    QAction *pauseAction() const { return m_pause; }
    QAction *continueAction() const { return m_continue; }
    // "Continue recent": the last five project + task pairs, newest first.
    QMenu *recentMenu() const { return m_recent; }
    QAction *stopAction() const { return m_stop; }
    QString toolTip() const { return m_toolTip; }
    bool showsRunning() const { return m_running; }

    // A desktop notification from the tray (nothing where there is no tray).
    void notify(const QString &title, const QString &text);

    // An icon for a running timer in the task's colour, or the idle icon.
    static QIcon icon(const QString &color, bool running);

Q_SIGNALS:
    void toggleWindowRequested();
    void showWindowRequested();
    void quitRequested();

private:
    void rebuildMenu();
    void update();

    Backend &m_service;
    std::unique_ptr<QMenu> m_menu; // a menu has no QObject parent: owned here
    QSystemTrayIcon *m_tray = nullptr;
    QList<QAction *> m_startActions;
    QAction *m_pause = nullptr;
    QAction *m_continue = nullptr;
    QMenu *m_recent = nullptr; // a child of m_menu
    QAction *m_stop = nullptr;
    QString m_menuKey;
    QString m_toolTip;
    bool m_running = false;
};

} // namespace st
