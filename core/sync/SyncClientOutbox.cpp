#include "SyncClient.h"

#include "timer/Profile.h"
#include "timer/TimerService.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

// The sync client's outbox replay (docs/SYNC_CLIENT.md, "Session" 3): a window of requests in
// flight, their answers in outbox order, a stop at the first refusal.
namespace st {

namespace {

constexpr int kRateLimitRetryMs = 2000;
// An internal refusal that gives the hub's reason (its database failed the commit: a full disk,
// an I/O error) is sent again, like unavailable, until the change has been sent this many times;
// then it is filed as a conflict, not tried forever.
constexpr int kInternalSends = 5;

} // namespace

void SyncClient::sendOps()
{
    if (m_rateLimited || m_opsInFlight.size() >= kOpWindow)
        return;
    QSet<QString> inFlight;
    for (const OpInFlight &f : std::as_const(m_opsInFlight))
        inFlight.insert(f.op.opId);
    QList<OutboxOp> next;
    const QList<OutboxOp> pending = m_outbox.pending(kOpWindow);
    for (const OutboxOp &op : pending) {
        if (!inFlight.contains(op.opId) && m_opsInFlight.size() + next.size() < kOpWindow)
            next.append(op);
    }
    if (next.isEmpty())
        return;
    // Every mutating request names the person it is for; catalogue changes are made by the person
    // at this desk.
    std::optional<protocol::UserRef> me;
    if (const auto user = m_service.user(profile::currentUserId(m_db)))
        me = protocol::UserRef{user->id, user->name};
    if (m_state == SyncState::Connected)
        setState(SyncState::Syncing);
    {
        Transaction tx(m_db); // the sends counted with one disk sync (a savepoint when nested)
        for (const OutboxOp &op : std::as_const(next))
            (void)m_outbox.markSent(op.opId);
        (void)tx.commit();
    }
    for (const OutboxOp &op : std::as_const(next)) {
        m_opsInFlight.append({op, std::nullopt});
        request(op.event, op.request(me),
                [this, epoch = m_opEpoch, opId = op.opId](const QJsonObject &answer) {
                    onOpAnswered(epoch, opId, answer);
                });
    }
}

void SyncClient::onOpAnswered(quint64 epoch, const QString &opId, const QJsonObject &answer)
{
    if (epoch != m_opEpoch)
        return; // a request of a window given up: sent again, the hub answers the replay
    for (OpInFlight &f : m_opsInFlight) {
        if (f.op.opId == opId) {
            f.answer = protocol::decodeAnswer(answer);
            break;
        }
    }
    if (!m_opAnswersTimer.isActive())
        m_opAnswersTimer.start();
}

void SyncClient::handleOpAnswers()
{
    if (m_opsInFlight.isEmpty() || !m_opsInFlight.first().answer)
        return;
    // The answers at the head of the window, in outbox order, in one transaction (one disk sync
    // for the run). While they are handled nothing else is sent: what they apply announces
    // changes, and those must not start requests half-way.
    m_handlingOps = true;
    Transaction tx(m_db);
    bool stopped = false;
    while (!m_opsInFlight.isEmpty() && m_opsInFlight.first().answer) {
        const OpInFlight f = m_opsInFlight.takeFirst();
        if (!onOpAnswer(f.op, *f.answer)) {
            // Stop at the first refusal: the requests after it stay in the outbox and go again
            // (same opIds: the ones the hub applied meanwhile get their first answer).
            dropOpWindow();
            stopped = true;
            break;
        }
    }
    m_handlingOps = false;
    if (!stopped && m_sessionUp)
        sendOps(); // the window refilled, counted in the same transaction
    if (auto r = tx.commit(); !r)
        qCWarning(lcSync) << "Cannot store the hub's answers:" << r.error().message;
    notifyPending();
    advance();
}

void SyncClient::dropOpWindow()
{
    m_opsInFlight.clear();
    ++m_opEpoch;
    m_opAnswersTimer.stop();
}

bool SyncClient::onOpAnswer(const OutboxOp &op, const protocol::Answer &answer)
{
    if (answer.ok) {
        if (auto r = m_outbox.acknowledge(op.opId); !r)
            qCWarning(lcSync) << "Cannot remove an acknowledged change:" << r.error().message;
        // The hub's answer may carry the entry as it now stands (e.g. after a late start was cut).
        if (answer.entry)
            afterApply(m_cache.applyAnswer(*answer.entry), false);
        return true;
    }
    const Error error = withReason(answer.error);
    // A refusal without any reason is internal too, but says nothing that would change: filed.
    const bool internalRetry = error.code == ErrorCode::Internal &&
                               !answer.error.message.isEmpty() && op.attempts + 1 < kInternalSends;
    // Too fast, the hub's database away for now, or its commit failed: kept in the outbox, sent
    // again shortly (same opId).
    if (error.code == ErrorCode::RateLimited || error.code == ErrorCode::Unavailable ||
        internalRetry) {
        m_rateLimited = true;
        m_rateLimitTimer.start(kRateLimitRetryMs);
        return false;
    }
    auto conflict = m_outbox.refuse(op.opId, error, false, answer.entry, answer.trail);
    if (!conflict) {
        qCWarning(lcSync) << "Cannot record a refused change:" << conflict.error().message;
        return false;
    }
    qCInfo(lcSync) << "The hub refused" << protocol::eventName(op.event) << op.opId
                   << error.message;
    // Set the entry back to the hub's truth: from the answer when it has it, else from history.
    if (answer.entry)
        afterApply(m_cache.applyAnswer(*answer.entry, answer.trail), false);
    else if (!conflict->entryId.isEmpty() && protocol::isEntryRequest(op.event))
        m_resyncIds.insert(conflict->entryId);
    else if (op.event == protocol::Event::TaskTypeReprice) {
        // The entries repriced here go back to the hub's rates.
        const auto request = protocol::decodeStoredRequest(op.event, op.payload);
        if (const auto *reprice =
                request ? std::get_if<protocol::TaskTypeReprice>(&*request) : nullptr) {
            for (auto it = reprice->audits.cbegin(); it != reprice->audits.cend(); ++it)
                m_resyncIds.insert(it.key());
        }
    }
    notifyPending();
    Q_EMIT conflictsChanged(m_outbox.unseenConflictCount());
    return false;
}

} // namespace st
