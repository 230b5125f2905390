#pragma once

#include <QMainWindow>
#include <QPointer>

class QTabWidget;

namespace st {

class Backend;
enum class Appearance;
class HistoryView;
class ReportsView;
class NowView;
class TimesheetView;

// The window: the Now and History tabs, menus, and errors in the status bar. Closing it hides it
// when the tray keeps the app alive (setTrayAvailable, "close to tray" setting).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Backend &service, QWidget *parent = nullptr);

    NowView *nowView() const { return m_now; }
    HistoryView *historyView() const { return m_history; }
    ReportsView *reportsView() const { return m_reports; }
    QTabWidget *tabs() const { return m_tabs; }

    void setTrayAvailable(bool available) { m_trayAvailable = available; }
    void showAndRaise();
    void toggleVisible();
    void openSettings();
    void openTaskTypes();
    // View → Week timesheet, in a window of its own (one at a time).
    void openTimesheet();
    void openProjects();

Q_SIGNALS:
    void quitRequested();
    // The light or dark setting changed in the settings dialog (SystemTheme applies it).
    void appearanceChanged(st::Appearance appearance);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    Backend &m_service;
    QTabWidget *m_tabs = nullptr;
    NowView *m_now = nullptr;
    HistoryView *m_history = nullptr;
    ReportsView *m_reports = nullptr;
    QPointer<TimesheetView> m_timesheet;
    bool m_trayAvailable = false;
};

} // namespace st
