#pragma once

#include "domain/Types.h"
#include "protocol/Broadcasts.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

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
};

// Who is connected per organisation, and the `presence` broadcast that lists them: today the full
// list of the organisation's desks, sent on every change (a desk joins or leaves, a user name
// changes). The hub owns the desks; Presence keeps which of them are present, in joining order.
class Presence final
{
public:
    // The desk is present in its organisation (desk->orgId) until it leaves.
    void join(const ConnectedDesk *desk);
    // True when the desk was present.
    bool leave(const ConnectedDesk *desk);
    bool contains(const ConnectedDesk *desk) const;
    // Desks present, across organisations.
    int count() const;
    // The `presence` broadcast for an organisation (docs/PROTOCOL.md, "presence").
    protocol::Presence message(const QString &orgId) const;

private:
    QHash<QString, QList<const ConnectedDesk *>> m_byOrg;
};

} // namespace st
