#pragma once

#include <QString>

class QApplication;

namespace st {

struct DesktopOptions
{
    QString dataDir;
    bool demoData = false; // --demo-data: fill an empty database with demo data first
    QString screenshotDir; // --screenshots DIR: save the main window and history, then quit
};

// The desktop app: one instance per data dir, the window, the tray, commands handed over by
// other `studiotimer` processes. Returns the exit code.
int runDesktop(QApplication &app, const DesktopOptions &options);

} // namespace st
