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

qint64 NowSnapshot::costCents(const TimeEntry &entry, Ms now) const
{
    return money::costCents(entry.billableMs(now), entry.hourlyRateCents); // its own rate
}

} // namespace st
