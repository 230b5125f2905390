#pragma once

// The head of every trail row of a catalog change (lock_audit, catalog_audit): its id, the
// organisation, when, who and from which device. LockRepository and RosterRepository read and
// write it alike; each table's own columns follow it.

#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

namespace st::trail_head {

// The columns are NOT NULL: an absent name is stored as an empty text.
inline QString text(const QString &value)
{
    return value.isNull() ? QString(QLatin1String("")) : value;
}

inline QStringList columns()
{
    return {QStringLiteral("id"),         QStringLiteral("org_id"),     QStringLiteral("at"),
            QStringLiteral("actor_id"),   QStringLiteral("actor_name"), QStringLiteral("device_id"),
            QStringLiteral("device_name")};
}
constexpr int kCount = 7; // the record's own columns start at this index of a row

template <class Record> void read(const QSqlQuery &q, Record &r)
{
    r.id = q.value(0).toString();
    r.orgId = q.value(1).toString();
    r.at = q.value(2).toLongLong();
    r.actorId = q.value(3).toString();
    r.actorName = q.value(4).toString();
    r.deviceId = q.value(5).toString();
    r.deviceName = q.value(6).toString();
}

template <class Record> QVariantList values(const Record &r)
{
    return {r.id,
            r.orgId,
            r.at,
            text(r.actorId),
            text(r.actorName),
            text(r.deviceId),
            text(r.deviceName)};
}

} // namespace st::trail_head
