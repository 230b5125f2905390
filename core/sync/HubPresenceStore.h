#pragma once

#include "protocol/Broadcasts.h"
#include "store/Database.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace st {

// The tables of migration 0010_hub_presence.sql on the hubs' shared PostgreSQL database: each
// hub's heartbeat and the devices connected to it, and the NOTIFYs (presenceChannel()) that carry
// their changes, sent in the transaction that writes them. SharedPresence decides what to write;
// this class only reads and writes. Failed queries are logged by Database::exec with their SQL.
class HubPresenceStore final
{
public:
    static QString presenceChannel() { return QStringLiteral("studiotimer_presence"); }

    struct Row
    {
        QString hubId;
        QString orgId;
        protocol::PresenceDevice device;
    };
    struct Heartbeat
    {
        QString hubId;
        qint64 beat = 0;
    };

    explicit HubPresenceStore(const Database &db);

    // The hub's heartbeat row, made anew (beat 1) if another hub took it for gone and deleted
    // it. *registered: whether the row was missing (then the hub's devices must be written
    // again: the others dropped them).
    Result<void> beat(const QString &hubId, Ms now, bool *registered);
    Result<QList<Heartbeat>> heartbeats() const;
    // One transaction: the rows of devices now connected to the hub (added or changed), the
    // rows of devices gone, and the notifications that tell the other hubs.
    Result<void> publish(const QString &hubId, const QList<Row> &up, const QList<Row> &down,
                         const QStringList &notifications);
    // The devices of the organisation connected to the other hubs.
    Result<QList<Row>> othersIn(const QString &orgId, const QString &hubId) const;
    // Deletes a hub taken for gone, its heartbeat and devices, unless its beat moved since it was
    // seen at beat (nullopt: it has no heartbeat row at all). False: the hub is alive after all.
    Result<bool> expire(const QString &hubId, std::optional<qint64> beat);
    // The hub stops: its rows go, and the other hubs are told at once.
    Result<void> withdraw(const QString &hubId, const QString &notification);

private:
    Result<void> notify(const QString &payload);

    const Database &m_db;
};

} // namespace st
