#include "ChangeFanout.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcFanout, "studiotimer.hub.fanout", QtInfoMsg)

namespace st {

namespace {
constexpr int kPage = 500;
} // namespace

ChangeFanout::ChangeFanout(HubStore &store, Send send)
    : m_store(store)
    , m_send(std::move(send))
{}

void ChangeFanout::follow(const QString &orgId, qint64 head)
{
    if (!m_sent.contains(orgId))
        m_sent.insert(orgId, head);
}

void ChangeFanout::unfollow(const QString &orgId)
{
    m_sent.remove(orgId);
}

void ChangeFanout::committed(const QString &orgId, const QList<protocol::Broadcast> &changes)
{
    auto it = m_sent.find(orgId);
    if (it == m_sent.end())
        return;
    for (const protocol::Broadcast &change : changes) {
        const qint64 seq = protocol::seqOf(change);
        if (seq <= *it)
            continue; // sent already, from the log
        if (seq == *it + 1) {
            m_send(orgId, protocol::eventName(protocol::eventOf(change)), protocol::encode(change));
            *it = seq;
            continue;
        }
        // Another hub's changes came in between: the log has them, this one and what follows.
        catchUp(orgId);
        return;
    }
}

void ChangeFanout::notified(const QString &orgId, qint64 seq)
{
    const auto it = m_sent.constFind(orgId);
    if (it != m_sent.constEnd() && seq > *it)
        catchUp(orgId);
}

bool ChangeFanout::catchUpAll()
{
    bool ok = true;
    const QList<QString> orgs = m_sent.keys();
    for (const QString &orgId : orgs)
        ok = catchUp(orgId) && ok;
    return ok;
}

bool ChangeFanout::catchUp(const QString &orgId)
{
    bool more = true;
    while (more) {
        const auto it = m_sent.find(orgId);
        if (it == m_sent.end())
            return true;
        const auto changes = m_store.changesSince(orgId, *it, kPage, &more);
        if (!changes) {
            qCWarning(lcFanout).noquote()
                << "cannot read the change log to broadcast:" << changes.error().message;
            return false;
        }
        for (const HubStore::Change &c : changes.value()) {
            m_send(orgId, c.type, c.data);
            m_sent[orgId] = c.seq;
        }
    }
    return true;
}

} // namespace st
