#include "MainWindow.h"

#include "BusyIndicator.h"
#include "HistoryView.h"
#include "NowView.h"
#include "TrayIcon.h"
#include "backend/Backend.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/SettingsDialog.h"
#include "dialogs/TaskTypesDialog.h"
#include "projects/ProjectsDialog.h"
#include "projects/RosterDialog.h"
#include "reports/ReportsView.h"
#include "timesheet/TimesheetView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>

#include <iterator>

namespace st {

MainWindow::MainWindow(Backend &service, QWidget *parent)
    : QMainWindow(parent)
    , m_service(service)
{
    setWindowTitle(tr("Studio Timer"));
    setWindowIcon(TrayIcon::icon(QStringLiteral("#e15759"), true));
    m_tabs = new QTabWidget(this);
    m_now = new NowView(m_service, m_tabs);
    m_history = new HistoryView(m_service, m_tabs);
    m_tabs->addTab(m_now, tr("Now"));
    m_tabs->addTab(m_history, tr("History"));
    m_reports = new ReportsView(m_service, m_tabs);
    m_tabs->addTab(m_reports, tr("Reports"));
    setCentralWidget(m_tabs);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_history->newEntryAction());
    file->addSeparator();
    QAction *types = file->addAction(tr("&Task types…"));
    connect(types, &QAction::triggered, this, &MainWindow::openTaskTypes);
    QAction *projects = file->addAction(tr("&Clients and projects…"));
    projects->setObjectName(QStringLiteral("clientsAndProjectsAction"));
    connect(projects, &QAction::triggered, this, &MainWindow::openProjects);
    QAction *roster = file->addAction(tr("R&ooms and people…"));
    roster->setObjectName(QStringLiteral("roomsAndPeopleAction"));
    connect(roster, &QAction::triggered, this, [this] {
        auto *dialog = new RosterDialog(m_service, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *settings = file->addAction(tr("&Settings…"));
    settings->setShortcut(QKeySequence::Preferences);
    connect(settings, &QAction::triggered, this, &MainWindow::openSettings);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &MainWindow::quitRequested);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_history->undoAction());

    // Every tab from the keyboard: Alt+1..3 (plain digits start tasks, and stay in text fields),
    // and Ctrl+Tab / Ctrl+Shift+Tab around them.
    QMenu *view = menuBar()->addMenu(tr("&View"));
    const std::pair<QString, QString> pages[] = {
        {tr("&Now"), tr("Alt+1")}, {tr("&History"), tr("Alt+2")}, {tr("&Reports"), tr("Alt+3")}};
    for (int i = 0; i < int(std::size(pages)); ++i) {
        QAction *page = view->addAction(pages[i].first);
        page->setShortcut(QKeySequence(pages[i].second));
        connect(page, &QAction::triggered, this, [this, i] { m_tabs->setCurrentIndex(i); });
    }
    QAction *timesheet = view->addAction(tr("&Week timesheet"));
    timesheet->setShortcut(QKeySequence(tr("Ctrl+T")));
    connect(timesheet, &QAction::triggered, this, &MainWindow::openTimesheet);
    view->addSeparator();
    QAction *next = view->addAction(tr("Ne&xt tab"));
    next->setShortcuts({QKeySequence(tr("Ctrl+Tab")), QKeySequence(tr("Ctrl+PgDown"))});
    connect(next, &QAction::triggered, this,
            [this] { m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count()); });
    QAction *previous = view->addAction(tr("Pre&vious tab"));
    previous->setShortcuts({QKeySequence(tr("Ctrl+Shift+Tab")), QKeySequence(tr("Ctrl+PgUp"))});
    connect(previous, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    connect(help->addAction(tr("&About Studio Timer")), &QAction::triggered, this, [this] {
        auto *about = new AboutDialog(m_service, this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });

    connect(&m_service, &Backend::failed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10'000); });
    // Says so when a request waits (a long report, an export); timer buttons never do.
    statusBar()->addPermanentWidget(new BusyIndicator(m_service, this));
    resize(980, 680);
}

void MainWindow::showAndRaise()
{
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
}

void MainWindow::toggleVisible()
{
    if (isVisible() && !isMinimized())
        hide();
    else
        showAndRaise();
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::appearanceChanged, this, &MainWindow::appearanceChanged);
    dialog->open();
}

void MainWindow::openTaskTypes()
{
    auto *dialog = new TaskTypesDialog(m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openTimesheet()
{
    if (!m_timesheet) {
        m_timesheet = new TimesheetView(m_service, this);
        m_timesheet->setWindowFlag(Qt::Window);
        m_timesheet->setAttribute(Qt::WA_DeleteOnClose);
        m_timesheet->resize(900, 420);
    }
    m_timesheet->show();
    m_timesheet->raise();
    m_timesheet->activateWindow();
}

void MainWindow::openProjects()
{
    auto *dialog = new ProjectsDialog(m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_trayAvailable && m_service.snapshot().prefs.closeToTray) {
        hide();
        event->ignore();
        return;
    }
    event->accept();
    Q_EMIT quitRequested();
}

} // namespace st
