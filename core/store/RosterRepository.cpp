#include "RosterRepository.h"

#include "Sql.h"

namespace st {

namespace {

QString table(RosterKind kind)
{
    return kind == RosterKind::Room ? QStringLiteral("rooms") : QStringLiteral("users");
}

QString column(RosterKind kind)
{
    return kind == RosterKind::Room ? QStringLiteral("room_id") : QStringLiteral("user_id");
}

const QString kTrailColumns =
    QStringLiteral("id, org_id, at, actor_id, actor_name, device_id, device_name, kind, action, "
                   "item_id, item_name, target_id, target_name, entries");

RosterRecord readRecord(const QSqlQuery &q)
{
    RosterRecord r;
    r.id = q.value(0).toString();
    r.orgId = q.value(1).toString();
    r.at = q.value(2).toLongLong();
    r.actorId = q.value(3).toString();
    r.actorName = q.value(4).toString();
    r.deviceId = q.value(5).toString();
    r.deviceName = q.value(6).toString();
    r.kind = roster::kindFrom(q.value(7).toString()).value_or(RosterKind::Room);
    r.action = q.value(8).toString();
    r.itemId = q.value(9).toString();
    r.itemName = q.value(10).toString();
    r.targetId = q.value(11).toString();
    r.targetName = q.value(12).toString();
    r.entries = q.value(13).toInt();
    return r;
}

QString text(const QString &value)
{
    return value.isNull() ? QString(QLatin1String("")) : value;
}

} // namespace

Result<std::optional<Ms>> RosterRepository::earliestStart(RosterKind kind, const QString &id) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT MIN(started_at) FROM time_entries WHERE ") +
                               column(kind) + QStringLiteral(" = ?"));
    q.addBindValue(id);
    if (auto r = m_db.read(q); !r)
        return r.error();
    if (!q.next() || q.value(0).isNull())
        return std::optional<Ms>();
    return std::optional<Ms>(q.value(0).toLongLong());
}

Result<bool> RosterRepository::isRunning(const QString &userId) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM time_entries WHERE user_id = ? "
                                              "AND ended_at IS NULL AND deleted = 0"));
    q.addBindValue(userId);
    if (auto r = m_db.read(q); !r)
        return r.error();
    return q.next() && q.value(0).toInt() > 0;
}

Result<int> RosterRepository::merge(RosterKind kind, const QString &fromId, const QString &intoId)
{
    QSqlQuery move =
        m_db.prepare(QStringLiteral("UPDATE time_entries SET ") + column(kind) +
                     QStringLiteral(" = ? WHERE ") + column(kind) + QStringLiteral(" = ?"));
    move.addBindValue(intoId);
    move.addBindValue(fromId);
    if (auto r = m_db.exec(move); !r)
        return r.error();
    const int moved = std::max(0, move.numRowsAffected());
    if (kind == RosterKind::Person) {
        QSqlQuery current = m_db.prepare(QStringLiteral(
            "UPDATE meta SET value = ? WHERE key = 'current_user_id' AND value = ?"));
        current.addBindValue(intoId);
        current.addBindValue(fromId);
        if (auto r = m_db.exec(current); !r)
            return r.error();
    }
    QSqlQuery remove = m_db.prepare(QStringLiteral("DELETE FROM ") + table(kind) +
                                    QStringLiteral(" WHERE id = ?"));
    remove.addBindValue(fromId);
    if (auto r = m_db.exec(remove); !r)
        return r.error();
    return moved;
}

Result<void> RosterRepository::save(const RosterRecord &r)
{
    return sql::upsert(m_db, QStringLiteral("catalog_audit"),
                       {QStringLiteral("id"), QStringLiteral("org_id"), QStringLiteral("at"),
                        QStringLiteral("actor_id"), QStringLiteral("actor_name"),
                        QStringLiteral("device_id"), QStringLiteral("device_name"),
                        QStringLiteral("kind"), QStringLiteral("action"), QStringLiteral("item_id"),
                        QStringLiteral("item_name"), QStringLiteral("target_id"),
                        QStringLiteral("target_name"), QStringLiteral("entries")},
                       {r.id, r.orgId, r.at, text(r.actorId), text(r.actorName), text(r.deviceId),
                        text(r.deviceName), roster::kindName(r.kind), r.action, r.itemId,
                        text(r.itemName), text(r.targetId), text(r.targetName), r.entries});
}

Result<void> RosterRepository::withdraw(const QString &id)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM catalog_audit WHERE id = ?"));
    q.addBindValue(id);
    return m_db.exec(q);
}

Result<QList<RosterRecord>> RosterRepository::trail(const QString &orgId) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT ") + kTrailColumns +
                               QStringLiteral(" FROM catalog_audit WHERE org_id = ? "
                                              "ORDER BY at, id"));
    q.addBindValue(orgId);
    return sql::readAll<RosterRecord>(m_db, q, readRecord);
}

} // namespace st
