#pragma once

namespace st {

class Backend;
struct TimeEntry;

namespace ui {
// "Continue" from the window or the tray: the desk user's last entry again from now (same task,
// room and note), or a paused timer resumed. Stamped at the click; a refusal comes through
// Backend::failed.
void continueLastEntry(Backend &service);
// One of the recent project + task pairs again from now (NowSnapshot::recentPairs): the same
// task, project, room, note and tags; a running timer stops at that instant (a switch).
void continueWork(Backend &service, const TimeEntry &like);
} // namespace ui

} // namespace st
