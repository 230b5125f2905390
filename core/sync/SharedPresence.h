#pragma once

#include "sync/HubPresenceStore.h"
#include "sync/Presence.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QString>

#include <memory>

namespace st {

// Presence across the hubs of one PostgreSQL database (docs/SCALING.md, "Presence"). Each hub
// writes the devices connected to it in hub_presence and tells the others with a NOTIFY carrying
// the change (its devices added or changed, the ids of those gone): O(1) per change, batched
// with the hub's presence window. A hub shows the other hubs' devices of the organisations it
// serves as remote desks in its own Presence, so its sockets get the same deltas and CONNECT list
// as for its own desks, and a device connected to two hubs is listed once.
//
// A hub bumps its heartbeat every second; a hub whose heartbeat stands still for kTtlMs (by the
// watching hub's own clock: no clocks are compared across machines) is gone, killed or cut off,
// and its devices leave. The rows are the truth, the notifications the news: a hub reads the
// rows of an organisation when it starts serving it, and of all it serves after its LISTEN
// connection was back, so a missed notification loses nothing.
class SharedPresence final
{
public:
    static constexpr int kBeatMs = 1000;
    static constexpr int kTtlMs = 5000;

    SharedPresence(const Database &db, Presence &presence, QString hubId);
    ~SharedPresence();

    const QString &hubId() const { return m_hubId; }

    // This hub's own desks (after Presence::join / leave / update).
    void joined(const ConnectedDesk *desk);
    void left(const ConnectedDesk *desk);
    void updated(const ConnectedDesk *desk);
    bool hasUnpublished() const { return !m_dirty.isEmpty(); }
    // Writes and announces the changes of this hub's devices since the last time; false if the
    // database failed (kept for the next time).
    bool publish();

    // The organisation's first (last) socket on this hub: the other hubs' devices are read
    // (dropped). False if the database failed (read again at resync()).
    bool follow(const QString &orgId);
    void unfollow(const QString &orgId);

    // A notification of another hub (the payload of presenceChannel()).
    void notified(const QString &payload);
    // Every second or so: the heartbeat, and the other hubs' (gone ones expire).
    void poll();
    // After the LISTEN connection or the database was back: the other hubs' devices read again.
    void resync();
    // The hub stops: its rows go and the other hubs drop its devices at once.
    void withdraw();

private:
    struct LocalDevice
    {
        protocol::PresenceDevice info;
        int sockets = 0;
    };
    struct Watched
    {
        std::optional<qint64> beat; // nullopt: not seen in hub_heartbeats yet
        qint64 movedAtMs = 0;       // m_elapsed when it last moved, or was first heard of
    };

    static QString keyOf(const QString &orgId, const QString &deviceId);
    // Adds or updates another hub's device (if its organisation is followed here).
    void upsertRemote(const QString &hubId, const QString &orgId,
                      const protocol::PresenceDevice &device);
    void removeRemote(const QString &hubId, const QString &orgId, const QString &deviceId);
    void dropHub(const QString &hubId);
    void watch(const QString &hubId);
    bool loadOthers(const QString &orgId);
    void markAllDirty();

    HubPresenceStore m_store;
    Presence &m_presence;
    QString m_hubId;
    // This hub's devices, by keyOf(org, device), and those changed since the last publish.
    QHash<QString, LocalDevice> m_local;
    QSet<QString> m_dirty;
    // The other hubs' devices, by hub and keyOf(org, device).
    QHash<QString, QHash<QString, std::shared_ptr<ConnectedDesk>>> m_remote;
    QSet<QString> m_followed;
    QSet<QString> m_unloaded; // followed, but their rows could not be read yet
    QHash<QString, Watched> m_watched;
    QElapsedTimer m_elapsed;
    qint64 m_lastBeatMs = -kBeatMs;
    qint64 m_lastPollOkMs = 0;
};

} // namespace st
