#pragma once

#include "domain/Types.h"
#include "protocol/Broadcasts.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace st {

// A desk connected to the hub's "/" namespace: its organisation, the device it says it is, and
// the person last seen working at it (set by its first request).
struct ConnectedDesk
{
    QString orgId;
    QString deviceId;
    QString deviceName;
    QString userName;
    Ms connectedAt = 0;
    // Connected to another hub on the same database (SharedPresence): listed, not counted.
    bool remote = false;
};

// Who is connected per organisation, by device (a device with two sockets, one reconnecting while
// the other closes, is listed once), and what changed since the organisation's last presence
// message. Each change is O(1); flush() turns the changes of a window into at most three deltas
// (presence:joined, presence:left, presence:changed), however many changes there were, and a
// device that came and went within the window is not mentioned at all. snapshot() is the list as
// of the last flush, which is what a desk that connects now must start from: the deltas of the
// next flush bring it up to date (docs/PROTOCOL.md, "presence:joined"). The hub owns the desks.
class Presence final
{
public:
    // The desk's socket is present in its organisation (desk->orgId) until it leaves.
    void join(const ConnectedDesk *desk);
    // True when the desk's socket was present.
    bool leave(const ConnectedDesk *desk);
    // The desk's userName (or name) changed.
    void update(const ConnectedDesk *desk);
    bool contains(const ConnectedDesk *desk) const;
    // This hub's sockets present, across organisations (remote desks not counted).
    int count() const { return m_sockets; }
    // Devices present in an organisation.
    int deviceCount(const QString &orgId) const;

    // The organisations with changes not yet flushed.
    QList<QString> pending() const { return m_pending; }
    // The deltas of the organisation's changes since its last flush (none, or up to three).
    QList<protocol::Presence> flush(const QString &orgId);
    // The organisation's device list as of its last flush, as compact JSON text (an array; built
    // at most once per flush).
    QString snapshot(const QString &orgId);

private:
    struct Device
    {
        protocol::PresenceDevice info;
        QList<const ConnectedDesk *> sockets;
        quint64 order = 0; // when it joined: the list keeps joining order
    };
    struct Org
    {
        QHash<QString, Device> devices;
        // The devices changed since the last flush, as they were then (nullopt: absent).
        QHash<QString, std::optional<protocol::PresenceDevice>> before;
        std::optional<QString> snapshot; // as of the last flush
    };

    // Records the device's state before its first change in this window.
    void touch(Org &org, const QString &orgId, const QString &deviceId);
    static protocol::PresenceDevice describe(const ConnectedDesk *desk, Ms connectedAt);
    static QString encodeList(const Org &org);

    QHash<QString, Org> m_orgs;
    QList<QString> m_pending;
    int m_sockets = 0;
    quint64 m_nextOrder = 0;
};

} // namespace st
