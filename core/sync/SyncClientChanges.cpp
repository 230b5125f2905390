#include "SyncClient.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

// The sync client's side of the hub's changes: pulled pages, broadcasts, what applying one did.
namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::SyncClient)
};

constexpr int kApplyRetryMs = 5000;

} // namespace

void SyncClient::onPullAnswer(const QJsonObject &answer, bool resync)
{
    const auto page = protocol::decodePullAnswer(answer);
    if (!page) {
        abortConnection(Tr::tr("The hub refused to send its history: %1")
                            .arg(withReason(page.error()).message));
        return;
    }
    const QList<protocol::PulledChange> &changes = page->changes;
    qint64 highest = resync ? m_resyncSince : m_cache.lastSeq();
    qCInfo(lcSync, "Pulled %lld change(s) after seq %lld", qint64(changes.size()), highest);
    bool failed = false;
    // The page is written in one transaction: one disk sync instead of one per change.
    const bool batched = m_cache.beginBatch().ok();
    for (const protocol::PulledChange &change : changes) {
        const qint64 seq = change.seq;
        highest = std::max(highest, seq);
        if (resync) {
            // A pass over the whole history for the refused entries only; what is new is
            // applied as usual.
            const auto event = change.event();
            const auto decoded = event ? protocol::decodeBroadcast(*event, change.data)
                                       : Result<protocol::Broadcast>(Error{});
            const QString subject = decoded ? protocol::subjectOf(decoded.value()) : QString();
            if (seq > m_cache.lastSeq()) {
                if (!afterApply(m_cache.apply(change.type, change.data, seq), false))
                    failed = true;
            } else if (!subject.isEmpty() && m_resyncIds.contains(subject)) {
                m_resyncSeen.insert(subject);
                afterApply(m_cache.apply(decoded.value(), -1), false);
            }
        } else if (seq > m_cache.lastSeq()) {
            if (!afterApply(m_cache.apply(change.type, change.data, seq), false))
                failed = true;
        }
        if (failed)
            break; // in order or not at all: the rest waits for the retry
    }
    if (batched) {
        if (auto r = m_cache.endBatch(); !r) {
            abortConnection(Tr::tr("Cannot store the hub's changes: %1").arg(r.error().message));
            return;
        }
    }
    if (failed) {
        m_needPull = false;
        m_resyncing = false;
        return;
    }
    const bool more = page->more && !changes.isEmpty();
    if (resync) {
        m_resyncSince = highest;
        if (!more)
            finishResync();
        return;
    }
    m_needPull = more;
}

void SyncClient::finishResync()
{
    // Entries the hub's history never mentions do not exist there: withdrawn here.
    for (const QString &id : std::as_const(m_resyncIds)) {
        if (m_resyncSeen.contains(id) || m_outbox.hasPendingFor(id))
            continue;
        if (auto r = m_cache.withdrawUnknownEntry(id); !r)
            qCWarning(lcSync) << "Cannot withdraw a refused entry:" << r.error().message;
    }
    m_resyncIds.clear();
    m_resyncSeen.clear();
    m_resyncing = false;
    Q_EMIT remoteTimersChanged();
}

void SyncClient::onBroadcast(const QString &name, const QJsonObject &payload)
{
    const auto event = protocol::eventFromName(name);
    if (!event || !protocol::isBroadcast(*event)) {
        qCDebug(lcSync) << "Ignoring an event this version does not know:" << name;
        return;
    }
    auto broadcast = protocol::decodeBroadcast(*event, payload);
    if (!broadcast) {
        // The history's copy is applied (or skipped, and counted) by a pull.
        qCWarning(lcSync) << "A malformed broadcast:" << broadcast.error().message;
        if (protocol::isChange(*event)) {
            m_needPull = true;
            advance();
        }
        return;
    }
    if (const auto *presence = std::get_if<protocol::Presence>(&broadcast.value())) {
        protocol::applyPresence(m_presence, *presence);
        Q_EMIT presenceChanged();
        return;
    }
    if (protocol::seqOf(broadcast.value()) <= 0)
        return; // not a change of the organisation's history
    // Applied once this pass of the event loop is over, with the others that came in it: one
    // transaction (one disk sync) for a burst, e.g. this desk's own replayed outbox coming back.
    m_liveChanges.append(std::move(broadcast).value());
    if (!m_liveChangesTimer.isActive())
        m_liveChangesTimer.start();
}

void SyncClient::applyLiveChanges()
{
    QList<protocol::Broadcast> changes;
    std::swap(changes, m_liveChanges);
    const bool batched = !changes.isEmpty() && m_cache.beginBatch().ok();
    for (const protocol::Broadcast &change : std::as_const(changes)) {
        const qint64 seq = protocol::seqOf(change);
        const qint64 last = m_cache.lastSeq();
        if (m_joining || seq > last + 1) {
            // A gap: something was missed (or the join's pull is still running). Pull brings it.
            m_needPull = true;
            break;
        }
        if (seq <= last)
            continue; // already applied (from a pull)
        if (!afterApply(m_cache.apply(change, seq), true))
            break; // in order or not at all: a pull tries again
    }
    if (batched) {
        if (auto r = m_cache.endBatch(); !r) {
            abortConnection(Tr::tr("Cannot store the hub's changes: %1").arg(r.error().message));
            return;
        }
    }
    if (m_needPull)
        advance();
}

bool SyncClient::afterApply(const Result<AppliedChange> &applied, bool live)
{
    if (!applied) {
        qCWarning(lcSync) << "Cannot apply a change from the hub:" << applied.error().message;
        // The change stays unapplied and lastSeq unmoved: a pull tries again a little later (not
        // at once: a change that cannot be stored here would spin).
        setError(
            Tr::tr("A change from the hub cannot be stored here: %1").arg(applied.error().message));
        if (!m_applyRetryTimer.isActive())
            m_applyRetryTimer.start(kApplyRetryMs);
        return false;
    }
    const auto *timer =
        applied->change ? std::get_if<protocol::TimerChanged>(&*applied->change) : nullptr;
    if (timer) {
        const QString entryId = applied->subjectId;
        if (timer->event == protocol::Event::TimerStopped)
            m_deviceOfEntry.remove(entryId);
        else if (timer->device)
            m_deviceOfEntry.insert(entryId, timer->device->name);
        const bool fromElsewhere = !timer->device || timer->device->id != m_settings.deviceId;
        if (live && fromElsewhere && !applied->entries.isEmpty()) {
            RemoteActivity activity;
            activity.event = timer->event;
            activity.entry = applied->entries.last();
            activity.userName = timer->user ? timer->user->name : QString();
            activity.taskTypeName = timer->taskType ? timer->taskType->name : QString();
            activity.roomName = timer->room ? timer->room->name : QString();
            activity.deviceName = timer->device ? timer->device->name : QString();
            Q_EMIT remoteActivity(activity);
        }
    }
    if (!applied->entries.isEmpty())
        Q_EMIT remoteTimersChanged();
    return true;
}

} // namespace st
