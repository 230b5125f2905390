#pragma once

#include <QtGlobal>

#include <optional>

namespace st::idletime {

// Milliseconds since the last keyboard or mouse input of the session, from the X11 screen saver
// extension. nullopt where the platform can't tell (offscreen, Wayland, no XScreenSaver): idle
// detection then switches itself off.
std::optional<qint64> idleMs();
// Whether idleMs() can answer on this system.
bool available();

} // namespace st::idletime
