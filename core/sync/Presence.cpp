#include "Presence.h"

#include <QJsonArray>

namespace st {

void Presence::join(const ConnectedDesk *desk)
{
    QList<const ConnectedDesk *> &desks = m_byOrg[desk->orgId];
    if (!desks.contains(desk))
        desks.append(desk);
}

bool Presence::leave(const ConnectedDesk *desk)
{
    const auto it = m_byOrg.find(desk->orgId);
    if (it == m_byOrg.end() || !it->removeOne(desk))
        return false;
    if (it->isEmpty())
        m_byOrg.erase(it);
    return true;
}

bool Presence::contains(const ConnectedDesk *desk) const
{
    return m_byOrg.value(desk->orgId).contains(desk);
}

int Presence::count() const
{
    int n = 0;
    for (const QList<const ConnectedDesk *> &desks : m_byOrg)
        n += int(desks.size());
    return n;
}

protocol::Presence Presence::message(const QString &orgId) const
{
    protocol::Presence presence;
    for (const ConnectedDesk *desk : m_byOrg.value(orgId))
        presence.devices.append(
            {desk->deviceId, desk->deviceName, desk->userName, desk->connectedAt});
    return presence;
}

} // namespace st
