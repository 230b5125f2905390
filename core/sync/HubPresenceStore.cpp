#include "HubPresenceStore.h"

namespace st {

HubPresenceStore::HubPresenceStore(const Database &db)
    : m_db(db)
{}

Result<void> HubPresenceStore::beat(const QString &hubId, Ms now, bool *registered)
{
    *registered = false;
    CachedQuery bump(m_db,
                     QStringLiteral("UPDATE hub_heartbeats SET beat = beat + 1 WHERE hub_id = ?"));
    bump->addBindValue(hubId);
    if (auto r = m_db.exec(*bump); !r)
        return r;
    if (bump->numRowsAffected() > 0)
        return {};
    CachedQuery insert(m_db, QStringLiteral("INSERT INTO hub_heartbeats (hub_id, beat, "
                                            "started_at) VALUES (?, 1, ?)"));
    insert->addBindValue(hubId);
    insert->addBindValue(now);
    if (auto r = m_db.exec(*insert); !r)
        return r;
    *registered = true;
    return {};
}

Result<QList<HubPresenceStore::Heartbeat>> HubPresenceStore::heartbeats() const
{
    CachedQuery q(m_db, QStringLiteral("SELECT hub_id, beat FROM hub_heartbeats"));
    if (auto r = m_db.read(*q); !r)
        return r.error();
    QList<Heartbeat> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toLongLong()});
    return out;
}

Result<void> HubPresenceStore::notify(const QString &payload)
{
    CachedQuery q(m_db, QStringLiteral("SELECT pg_notify(?, ?)"));
    q->addBindValue(presenceChannel());
    q->addBindValue(payload);
    return m_db.exec(*q);
}

Result<void> HubPresenceStore::publish(const QString &hubId, const QList<Row> &up,
                                       const QList<Row> &down, const QStringList &notifications)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    for (const Row &row : up) {
        CachedQuery q(
            m_db, QStringLiteral("INSERT INTO hub_presence (hub_id, org_id, device_id, name, "
                                 "user_name, connected_at) VALUES (?, ?, ?, COALESCE(?, ''), "
                                 "COALESCE(?, ''), ?) ON CONFLICT "
                                 "(hub_id, org_id, device_id) DO UPDATE SET name = excluded.name, "
                                 "user_name = excluded.user_name, "
                                 "connected_at = excluded.connected_at"));
        q->addBindValue(hubId);
        q->addBindValue(row.orgId);
        q->addBindValue(row.device.id);
        q->addBindValue(row.device.name);
        q->addBindValue(row.device.userName);
        q->addBindValue(row.device.connectedAt);
        if (auto r = m_db.exec(*q); !r)
            return r;
    }
    for (const Row &row : down) {
        CachedQuery q(m_db, QStringLiteral("DELETE FROM hub_presence WHERE hub_id = ? AND "
                                           "org_id = ? AND device_id = ?"));
        q->addBindValue(hubId);
        q->addBindValue(row.orgId);
        q->addBindValue(row.device.id);
        if (auto r = m_db.exec(*q); !r)
            return r;
    }
    for (const QString &payload : notifications) {
        if (auto r = notify(payload); !r)
            return r;
    }
    return tx.commit();
}

Result<QList<HubPresenceStore::Row>> HubPresenceStore::othersIn(const QString &orgId,
                                                                const QString &hubId) const
{
    CachedQuery q(m_db, QStringLiteral("SELECT hub_id, device_id, name, user_name, connected_at "
                                       "FROM hub_presence WHERE org_id = ? AND hub_id <> ?"));
    q->addBindValue(orgId);
    q->addBindValue(hubId);
    if (auto r = m_db.read(*q); !r)
        return r.error();
    QList<Row> out;
    while (q->next())
        out.append({q->value(0).toString(),
                    orgId,
                    {q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                     q->value(4).toLongLong()}});
    return out;
}

Result<bool> HubPresenceStore::expire(const QString &hubId, std::optional<qint64> beat)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    if (beat) {
        CachedQuery q(m_db,
                      QStringLiteral("DELETE FROM hub_heartbeats WHERE hub_id = ? AND beat = ?"));
        q->addBindValue(hubId);
        q->addBindValue(*beat);
        if (auto r = m_db.exec(*q); !r)
            return r.error();
    }
    // Its row still there: it beat again meanwhile (or registered), it is alive. Gone: this hub
    // deleted it, or another hub did.
    CachedQuery q(m_db, QStringLiteral("SELECT 1 FROM hub_heartbeats WHERE hub_id = ?"));
    q->addBindValue(hubId);
    if (auto r = m_db.read(*q); !r)
        return r.error();
    if (q->next())
        return false;
    q->finish();
    CachedQuery rows(m_db, QStringLiteral("DELETE FROM hub_presence WHERE hub_id = ?"));
    rows->addBindValue(hubId);
    if (auto r = m_db.exec(*rows); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return true;
}

Result<void> HubPresenceStore::withdraw(const QString &hubId, const QString &notification)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    for (const QString &sql : {QStringLiteral("DELETE FROM hub_presence WHERE hub_id = ?"),
                               QStringLiteral("DELETE FROM hub_heartbeats WHERE hub_id = ?")}) {
        QSqlQuery q = m_db.prepare(sql);
        q.addBindValue(hubId);
        if (auto r = m_db.exec(q); !r)
            return r;
    }
    if (auto r = notify(notification); !r)
        return r;
    return tx.commit();
}

} // namespace st
