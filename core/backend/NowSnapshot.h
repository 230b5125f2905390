#pragma once

#include "backend/Preferences.h"
#include "domain/Types.h"

#include <QDate>
#include <QList>

#include <optional>

namespace st {

// What the "Now" screen shows, read on the backend's writer thread in one go (a few small
// queries, right after the change that asked for it): the window never queries.
struct NowSnapshot
{
    Organization org;
    User user; // the person at this desk
    QList<User> users;
    QList<TaskType> taskTypes; // every task type, archived ones included (for names)
    QList<Room> rooms;         // every room, archived ones included
    QList<Client> clients;     // every client, archived ones included
    QList<Project> projects;   // every project, archived ones included
    std::optional<TimeEntry> running;
    QList<TimeEntry> today;  // the desk user's entries of the local day, newest first
    QList<TimeEntry> studio; // every running entry of the organisation
    // The desk user's latest entry per (project, task type), newest first, at most five; and
    // their projects, most recent first (timer/RecentWork.h).
    QList<TimeEntry> recentPairs;
    QStringList recentProjectIds;
    Preferences prefs;
    std::optional<QDate> lockedUntil; // the closed period's last day (none: nothing locked)
    Ms takenAt = 0;
    bool valid = false;

    QList<TaskType> activeTaskTypes() const;
    QList<Room> activeRooms() const;
    std::optional<TaskType> taskType(const QString &id) const;
    QString taskTypeName(const QString &id) const;
    QString roomName(const QString &id) const;
    QString userName(const QString &id) const;
    QList<Project> activeProjects() const;
    std::optional<Project> project(const QString &id) const;
    std::optional<Client> client(const QString &id) const;
    QString projectName(const QString &id) const;
    QString clientName(const QString &id) const;
    // The cost of an entry at its task type's rate as of now.
    qint64 costCents(const TimeEntry &entry, Ms now) const;
};

} // namespace st
