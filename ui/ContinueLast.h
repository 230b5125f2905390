#pragma once

namespace st {

class Backend;

namespace ui {
// "Continue" from the window or the tray: the desk user's last entry again from now (same task,
// room and note), or a paused timer resumed. Stamped at the click; a refusal comes through
// Backend::failed.
void continueLastEntry(Backend &service);
} // namespace ui

} // namespace st
