#include "RosterRepository.h"

#include "Sql.h"
#include "TrailHead.h"

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
    trail_head::columns().join(QLatin1String(", ")) +
    QStringLiteral(", kind, action, item_id, item_name, target_id, target_name, entries");

RosterRecord readRecord(const QSqlQuery &q)
{
    RosterRecord r;
    trail_head::read(q, r);
    constexpr int k = trail_head::kCount;
    r.kind = roster::kindFrom(q.value(k).toString()).value_or(RosterKind::Room);
    r.action = q.value(k + 1).toString();
    r.itemId = q.value(k + 2).toString();
    r.itemName = q.value(k + 3).toString();
    r.targetId = q.value(k + 4).toString();
    r.targetName = q.value(k + 5).toString();
    r.entries = q.value(k + 6).toInt();
    return r;
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
    return sql::upsert(
        m_db, QStringLiteral("catalog_audit"),
        trail_head::columns() << QStringLiteral("kind") << QStringLiteral("action")
                              << QStringLiteral("item_id") << QStringLiteral("item_name")
                              << QStringLiteral("target_id") << QStringLiteral("target_name")
                              << QStringLiteral("entries"),
        trail_head::values(r) << roster::kindName(r.kind) << r.action << r.itemId
                              << trail_head::text(r.itemName) << trail_head::text(r.targetId)
                              << trail_head::text(r.targetName) << r.entries);
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
