#include "DesktopApp.h"

#include "AwayWatcher.h"
#include "HistoryView.h"
#include "Language.h"
#include "MainWindow.h"
#include "SystemTheme.h"
#include "TrayIcon.h"
#include "backend/Backend.h"
#include "backend/DailyBackup.h"
#include "backend/SyncSession.h"
#include "cli/ForwardedCommand.h"
#include "cli/SingleInstance.h"
#include "domain/Clock.h"
#include "models/HistoryModel.h"
#include "platform/IdleTime.h"
#include "store/Backup.h"
#include "store/DataLocation.h"
#include "store/Database.h"
#include "sync/ClockOffset.h"
#include "sync/SyncUi.h"
#include "timer/DemoData.h"
#include "timer/Profile.h"
#include "timer/TimerService.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace st {

namespace {

int fatal(const QString &message)
{
    QMessageBox::critical(nullptr, QCoreApplication::translate("st::DesktopApp", "Studio Timer"),
                          message);
    return 1;
}

// Saves the Now, History and Reports tabs as PNGs once the data shows, then quits.
void takeScreenshots(MainWindow &window, Backend &service, const QString &dir,
                     const QString &language)
{
    auto shoot = [&window, dir, language] {
        QDir().mkpath(dir);
        window.tabs()->setCurrentIndex(0);
        window.grab().save(QDir(dir).filePath(QStringLiteral("main-%1.png").arg(language)));
        window.tabs()->setCurrentIndex(1);
        window.grab().save(QDir(dir).filePath(QStringLiteral("history-%1.png").arg(language)));
        // The report is built on the backend's reader when its tab shows: give it a moment.
        window.tabs()->setCurrentIndex(2);
        QTimer::singleShot(800, &window, [&window, dir, language] {
            window.grab().save(QDir(dir).filePath(QStringLiteral("reports-%1.png").arg(language)));
            QCoreApplication::quit();
        });
    };
    auto ready = std::make_shared<int>(0);
    const auto step = [ready, shoot] {
        if (++*ready == 2)
            QTimer::singleShot(800, shoot); // let the layouts settle and the clocks tick once
    };
    auto once = std::make_shared<bool>(false);
    QObject::connect(&service, &Backend::snapshotChanged, &window, [once, step] {
        if (!std::exchange(*once, true))
            step();
    });
    QObject::connect(window.historyView()->model(), &HistoryModel::loaded, &window,
                     [step, once2 = std::make_shared<bool>(false)] {
                         if (!std::exchange(*once2, true))
                             step();
                     });
}

} // namespace

int runDesktop(QApplication &app, const DesktopOptions &options)
{
    const QString dataDir = dataLocation::dataDir(options.dataDir);
    SystemClock clock;
    const QString dbPath = dataLocation::databasePath(dataDir);
    QString orgId;
    Preferences prefs;
    QString language;
    {
        // Start-up reads on this thread, before any window exists; afterwards only the backend's
        // threads touch the database.
        auto db = Database::open(dbPath);
        if (!db)
            return fatal(db.error().message);
        // Settings older versions kept in QSettings move to the database, once.
        QSettings legacy;
        if (auto r = preferences::migrate(*db.value(), legacy); !r)
            qWarning("studiotimer: settings not moved to the database: %s",
                     qPrintable(r.error().message));
        prefs = preferences::load(*db.value());
        language = language::install(app, prefs.language); // before default names are made
        auto profile = profile::ensure(*db.value(), clock);
        if (!profile)
            return fatal(profile.error().message);
        orgId = profile->org.id;
        if (options.demoData) {
            TimerService service(*db.value(), clock, orgId);
            if (service.count({}) == 0) {
                if (auto r = demo::populate(service, profile->user.id); !r)
                    return fatal(r.error().message);
            }
        }
    }

    SingleInstance instance(dataDir);
    if (options.screenshotDir.isEmpty() && !instance.listen())
        qWarning("studiotimer: %s", qPrintable(instance.errorString()));

    // The store's TimerService runs on the hub's time once sync has measured the offset
    // (docs/SYNC_CLIENT.md); without sync the offset stays 0.
    ClockOffset hubOffset;
    HubClock hubClock(clock, hubOffset);
    Backend service(dbPath, hubClock, orgId);
    SyncSession sync(service, hubOffset, clock, QDir(dataDir).filePath(QStringLiteral("hub")));
    // Light or dark (issue 5): the Appearance setting, else the desktop's preference from the
    // XDG portal (asked without waiting), else the platform's palette.
    // STUDIOTIMER_APPEARANCE=light|dark|system decides for one run (the screenshots).
    const auto forced = SystemTheme::fromString(qEnvironmentVariable("STUDIOTIMER_APPEARANCE"));
    SystemTheme systemTheme(forced.value_or(SystemTheme::savedAppearance(prefs)));
    MainWindow window(service);
    if (!forced)
        QObject::connect(&window, &MainWindow::appearanceChanged, &systemTheme,
                         &SystemTheme::setAppearance);
    TrayIcon tray(service);
    SyncUi syncUi(sync, service, window);
    syncUi.setNotifier(
        [&tray](const QString &title, const QString &text) { tray.notify(title, text); });
    if (options.screenshotDir.isEmpty()) {
        // The token lives in the keychain, one per data folder.
        const QString tokenKey = QStringLiteral("hub-token:") + QDir(dataDir).absolutePath();
        openCredentialStore(&sync, QStringLiteral("StudioTimer"),
                            [&sync, tokenKey](CredentialStore *store) {
                                sync.setCredentialStore(store, tokenKey);
                                sync.restore();
                            });
    }
    // Away and forgotten timers (issue 5): asks after sleep or idle time, reminds in the tray
    // (or the status bar without one); nothing is stopped without asking.
    AwayWatcher away(service, &window);
    away.setIdleSource(&idletime::idleMs);
    away.apply(prefs.away);
    away.followSavedSettings();
    away.setNotifier([&tray, &window](const QString &title, const QString &text) {
        if (tray.isAvailable())
            tray.notify(title, text);
        else
            window.statusBar()->showMessage(title + QLatin1String(": ") + text);
    });
    // One copy of the database a day in backups/, made on the backend's reader.
    DailyBackup dailyBackup(service, backup::folderFor(dbPath));
    QObject::connect(
        &dailyBackup, &DailyBackup::failed, &window,
        [&window](const QString &message) { window.statusBar()->showMessage(message); });
    if (options.screenshotDir.isEmpty())
        dailyBackup.start();
    window.setTrayAvailable(tray.isAvailable());
    QApplication::setQuitOnLastWindowClosed(!tray.isAvailable());

    QObject::connect(&tray, &TrayIcon::toggleWindowRequested, &window, &MainWindow::toggleVisible);
    QObject::connect(&tray, &TrayIcon::showWindowRequested, &window, &MainWindow::showAndRaise);
    QObject::connect(&tray, &TrayIcon::quitRequested, &app, &QCoreApplication::quit);
    QObject::connect(&window, &MainWindow::quitRequested, &app, &QCoreApplication::quit);
    QObject::connect(&instance, &SingleInstance::activationRequested, &window,
                     &MainWindow::showAndRaise);
    // Read-only commands run on the backend's reader, changes on its writer, stamped with the
    // instant the command line asked.
    instance.setCommandHandler(
        [&service, &window](const SingleInstance::Request &request, SingleInstance::Reply reply) {
            forwarded::run(service, request, &window, std::move(reply));
        });

    if (!options.screenshotDir.isEmpty()) {
        window.show();
        // Dark ones are saved as main-dark-<lang>.png and so on.
        const bool dark = forced == Appearance::Dark;
        takeScreenshots(window, service, options.screenshotDir,
                        dark ? QStringLiteral("dark-") + language : language);
    } else if (!prefs.startMinimized) {
        window.show();
    } else if (!tray.isAvailable()) {
        window.showMinimized();
    }
    return app.exec();
}

} // namespace st
