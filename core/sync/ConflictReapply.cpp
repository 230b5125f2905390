#include "ConflictReapply.h"

#include "protocol/Fields.h"
#include "sync/Outbox.h"
#include "timer/TimerService.h"

#include <QCoreApplication>

namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::SyncClient)
};

// The refused change, made again on the current entry by the person who made it.
Result<TimeEntry> makeAgain(TimerService &service, const protocol::Request &request)
{
    const protocol::Envelope &envelope = protocol::envelopeOf(request);
    const QString actorId = envelope.user ? envelope.user->id : QString();
    const auto stop = [&](const protocol::TimerStop &r) -> Result<TimeEntry> {
        const auto current = service.entry(r.entryId);
        if (current && current->isRunning())
            return service.stop(current->userId, r.at);
        Adjustment a;
        a.entryId = r.entryId;
        a.actorId = actorId;
        a.endedAt = r.at;
        a.reason = Tr::tr("Stop re-applied after a sync conflict");
        return service.adjust(a);
    };
    return std::visit(
        protocol::Overloaded{
            [&](const protocol::EntryAdjust &r) -> Result<TimeEntry> {
                return service.adjust({r.entryId, actorId, r.startedAt, r.endedAt, r.taskTypeId,
                                       r.roomId, r.note, r.reason, QString()});
            },
            [&](const protocol::EntryDelete &r) -> Result<TimeEntry> {
                return service.remove(r.entryId, actorId, r.reason);
            },
            [&](const protocol::EntryRestore &r) -> Result<TimeEntry> {
                return service.restore(r.entryId, actorId);
            },
            [&](const protocol::TimerStop &r) -> Result<TimeEntry> { return stop(r); },
            [](const auto &) -> Result<TimeEntry> {
                return Error::invalid(Tr::tr("Only a change to an entry can be re-applied."));
            },
        },
        request);
}

} // namespace

Result<TimeEntry> reapplyConflict(TimerService &service, Outbox &outbox, const QString &conflictId)
{
    const std::optional<SyncConflict> conflict = outbox.conflict(conflictId);
    if (!conflict)
        return Error::notFound(Tr::tr("That refused change is no longer listed."));
    const auto request = protocol::decodeStoredRequest(conflict->event, conflict->payload);
    if (!request)
        return request.error();
    Transaction tx(service.database());
    if (!tx.isActive())
        return tx.error();
    auto made = makeAgain(service, request.value());
    if (!made)
        return made.error();
    if (auto r = outbox.removeConflict(conflictId); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return made;
}

} // namespace st
