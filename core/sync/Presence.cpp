#include "Presence.h"

#include <QJsonDocument>

#include <algorithm>

namespace st {

protocol::PresenceDevice Presence::describe(const ConnectedDesk *desk, Ms connectedAt)
{
    return {desk->deviceId, desk->deviceName, desk->userName, connectedAt};
}

QString Presence::encodeList(const Org &org)
{
    QList<const Device *> devices;
    devices.reserve(org.devices.size());
    for (const Device &d : org.devices)
        devices.append(&d);
    std::sort(devices.begin(), devices.end(),
              [](const Device *a, const Device *b) { return a->order < b->order; });
    QList<protocol::PresenceDevice> list;
    list.reserve(devices.size());
    for (const Device *d : devices)
        list.append(d->info);
    return QString::fromUtf8(
        QJsonDocument(protocol::encodeDevices(list)).toJson(QJsonDocument::Compact));
}

void Presence::touch(Org &org, const QString &orgId, const QString &deviceId)
{
    if (org.before.isEmpty()) {
        // The first change since the last flush: the list as it stands is the snapshot.
        if (!org.snapshot)
            org.snapshot = encodeList(org);
        m_pending.append(orgId);
    }
    if (org.before.contains(deviceId))
        return;
    const auto it = org.devices.constFind(deviceId);
    org.before.insert(deviceId, it == org.devices.cend()
                                    ? std::nullopt
                                    : std::optional<protocol::PresenceDevice>(it->info));
}

void Presence::join(const ConnectedDesk *desk)
{
    Org &org = m_orgs[desk->orgId];
    auto it = org.devices.find(desk->deviceId);
    if (it != org.devices.end() && it->sockets.contains(desk))
        return;
    touch(org, desk->orgId, desk->deviceId);
    if (it == org.devices.end()) {
        it = org.devices.insert(desk->deviceId, {describe(desk, desk->connectedAt), {}, 0});
        it->order = m_nextOrder++;
    } else {
        // Another socket of the same device (a reconnect before the old socket closed): the
        // newest names it.
        it->info = describe(desk, it->info.connectedAt);
    }
    it->sockets.append(desk);
    if (!desk->remote)
        ++m_sockets;
}

bool Presence::leave(const ConnectedDesk *desk)
{
    const auto orgIt = m_orgs.find(desk->orgId);
    if (orgIt == m_orgs.end())
        return false;
    Org &org = *orgIt;
    const auto it = org.devices.find(desk->deviceId);
    if (it == org.devices.end() || !it->sockets.contains(desk))
        return false;
    touch(org, desk->orgId, desk->deviceId);
    it->sockets.removeOne(desk);
    if (!desk->remote)
        --m_sockets;
    if (it->sockets.isEmpty())
        org.devices.erase(it);
    return true;
}

void Presence::update(const ConnectedDesk *desk)
{
    const auto orgIt = m_orgs.find(desk->orgId);
    if (orgIt == m_orgs.end())
        return;
    Org &org = *orgIt;
    const auto it = org.devices.find(desk->deviceId);
    if (it == org.devices.end() || !it->sockets.contains(desk))
        return;
    const protocol::PresenceDevice now = describe(desk, it->info.connectedAt);
    if (now.name == it->info.name && now.userName == it->info.userName)
        return;
    touch(org, desk->orgId, desk->deviceId);
    it->info = now;
}

bool Presence::contains(const ConnectedDesk *desk) const
{
    const auto orgIt = m_orgs.constFind(desk->orgId);
    if (orgIt == m_orgs.cend())
        return false;
    const auto it = orgIt->devices.constFind(desk->deviceId);
    return it != orgIt->devices.cend() && it->sockets.contains(desk);
}

int Presence::deviceCount(const QString &orgId) const
{
    const auto it = m_orgs.constFind(orgId);
    return it == m_orgs.cend() ? 0 : int(it->devices.size());
}

QList<protocol::Presence> Presence::flush(const QString &orgId)
{
    m_pending.removeOne(orgId);
    const auto orgIt = m_orgs.find(orgId);
    if (orgIt == m_orgs.end())
        return {};
    Org &org = *orgIt;
    protocol::Presence joined{protocol::Event::PresenceJoined, {}, {}};
    protocol::Presence left{protocol::Event::PresenceLeft, {}, {}};
    protocol::Presence changed{protocol::Event::PresenceChanged, {}, {}};
    for (auto b = org.before.cbegin(); b != org.before.cend(); ++b) {
        const auto it = org.devices.constFind(b.key());
        const bool wasThere = b.value().has_value();
        const bool isThere = it != org.devices.cend();
        if (!wasThere && isThere) {
            joined.devices.append(it->info);
        } else if (wasThere && !isThere) {
            left.ids.append(b.key());
        } else if (wasThere && isThere) {
            const protocol::PresenceDevice &was = *b.value();
            if (was.name != it->info.name || was.userName != it->info.userName ||
                was.connectedAt != it->info.connectedAt)
                changed.devices.append(it->info);
        }
    }
    const bool anything = !org.before.isEmpty();
    org.before.clear();
    if (anything)
        org.snapshot.reset(); // rebuilt when asked, or before the next change
    if (org.devices.isEmpty()) {
        m_orgs.erase(orgIt);
    }
    QList<protocol::Presence> out;
    for (protocol::Presence *p : {&joined, &changed, &left}) {
        if (!p->devices.isEmpty() || !p->ids.isEmpty())
            out.append(std::move(*p));
    }
    return out;
}

QString Presence::snapshot(const QString &orgId)
{
    const auto it = m_orgs.find(orgId);
    if (it == m_orgs.end())
        return QStringLiteral("[]");
    if (!it->snapshot)
        it->snapshot = encodeList(*it); // nothing pending: the list is the flushed one
    return *it->snapshot;
}

} // namespace st
