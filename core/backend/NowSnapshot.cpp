#include "NowSnapshot.h"

#include "domain/Money.h"

namespace st {

QList<TaskType> NowSnapshot::activeTaskTypes() const
{
    QList<TaskType> result;
    for (const TaskType &t : taskTypes) {
        if (!t.archived)
            result.append(t);
    }
    return result;
}

QList<Room> NowSnapshot::activeRooms() const
{
    QList<Room> result;
    for (const Room &r : rooms) {
        if (!r.archived)
            result.append(r);
    }
    return result;
}

std::optional<TaskType> NowSnapshot::taskType(const QString &id) const
{
    for (const TaskType &t : taskTypes) {
        if (t.id == id)
            return t;
    }
    return std::nullopt;
}

QString NowSnapshot::taskTypeName(const QString &id) const
{
    const auto t = taskType(id);
    return t ? t->name : QString();
}

QString NowSnapshot::roomName(const QString &id) const
{
    for (const Room &r : rooms) {
        if (r.id == id)
            return r.name;
    }
    return {};
}

QString NowSnapshot::userName(const QString &id) const
{
    for (const User &u : users) {
        if (u.id == id)
            return u.name;
    }
    return {};
}

QList<Project> NowSnapshot::activeProjects() const
{
    QList<Project> result;
    for (const Project &p : projects) {
        if (!p.archived)
            result.append(p);
    }
    return result;
}

std::optional<Project> NowSnapshot::project(const QString &id) const
{
    for (const Project &p : projects) {
        if (p.id == id)
            return p;
    }
    return std::nullopt;
}

std::optional<Client> NowSnapshot::client(const QString &id) const
{
    for (const Client &c : clients) {
        if (c.id == id)
            return c;
    }
    return std::nullopt;
}

QString NowSnapshot::projectName(const QString &id) const
{
    const auto p = project(id);
    return p ? p->name : QString();
}

QString NowSnapshot::clientName(const QString &id) const
{
    const auto c = client(id);
    return c ? c->name : QString();
}

qint64 NowSnapshot::costCents(const TimeEntry &entry, Ms now) const
{
    return money::costCents(entry.billableMs(now), entry.hourlyRateCents); // its own rate
}

} // namespace st
