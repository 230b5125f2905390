#include "MainWindow.h"

#include "HistoryView.h"
#include "NowView.h"
#include "TrayIcon.h"
#include "dialogs/SettingsDialog.h"
#include "dialogs/TaskTypesDialog.h"
#include "reports/ReportsView.h"
#include "timer/AsyncTimerService.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>

namespace st {

MainWindow::MainWindow(AsyncTimerService &service, QWidget *parent)
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
    QAction *settings = file->addAction(tr("&Settings…"));
    settings->setShortcut(QKeySequence::Preferences);
    connect(settings, &QAction::triggered, this, &MainWindow::openSettings);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &MainWindow::quitRequested);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_history->undoAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    connect(help->addAction(tr("&About Studio Timer")), &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Studio Timer"),
                           tr("<b>Studio Timer %1</b><p>Time tracking for recording studios.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });

    connect(&m_service, &AsyncTimerService::failed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10'000); });
    statusBar();
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
    dialog->open();
}

void MainWindow::openTaskTypes()
{
    auto *dialog = new TaskTypesDialog(m_service, this);
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
