#pragma once

#include "domain/Error.h"

#include <QString>

namespace st::autostart {

// Start Studio Timer on login, the freedesktop.org way: a .desktop file in
// $XDG_CONFIG_HOME/autostart (~/.config/autostart). Turning it off removes the file.
QString entryPath();
bool isEnabled();
// executable: the program to start; the app passes its own path and --minimized.
Result<void> setEnabled(bool enabled, const QString &executable);

} // namespace st::autostart
