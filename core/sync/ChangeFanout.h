#pragma once

#include "protocol/Broadcasts.h"
#include "sync/HubStore.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace st {

// Sends each organisation's committed changes to this hub's sockets in seq order, each once,
// whichever hub made them (several hubs may share one PostgreSQL database). The change log is the
// source of truth: a change this hub did not see being made (another hub's, announced by a
// NOTIFY, or missed while the LISTEN connection was down) is read back from the log, so nothing
// is lost and nothing is sent twice. Only organisations with sockets here are followed.
class ChangeFanout final
{
public:
    using Send =
        std::function<void(const QString &orgId, const QString &event, const QJsonObject &data)>;

    ChangeFanout(HubStore &store, Send send);

    // The organisation's first socket here: changes after head are sent from now on.
    void follow(const QString &orgId, qint64 head);
    // Its last socket left.
    void unfollow(const QString &orgId);
    bool isFollowed(const QString &orgId) const { return m_sent.contains(orgId); }

    // Changes this hub committed (with their seq), in the order they were made.
    void committed(const QString &orgId, const QList<protocol::Broadcast> &changes);
    // Another hub (or this one) committed the organisation's change seq.
    void notified(const QString &orgId, qint64 seq);
    // Reads the log of every followed organisation past what was sent (after a LISTEN
    // reconnect, or to check); false if the store failed (tried again next time).
    bool catchUpAll();

private:
    bool catchUp(const QString &orgId);

    HubStore &m_store;
    Send m_send;
    QHash<QString, qint64> m_sent; // the last seq sent, by followed organisation
};

} // namespace st
