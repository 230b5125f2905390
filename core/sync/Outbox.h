#pragma once

#include "domain/Clock.h"
#include "domain/Error.h"
#include "protocol/Requests.h"
#include "store/Database.h"
#include "timer/TimerService.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace st {

// One local change waiting for the hub's acknowledgement.
struct OutboxOp
{
    QString opId; // UUID, sent as "opId"; a replay sends the same one
    qint64 position = 0;
    protocol::Event event = protocol::Event::TimerStart;
    QJsonObject payload; // the request as encoded (protocol::encode), without opId
    Ms createdAt = 0;
    int attempts = 0; // times sent before (as loaded: the send under way not counted)

    // The request as it goes on the wire: the payload plus opId, and user when the change names
    // none (a catalogue change is made by the person at the desk).
    QJsonObject request(const std::optional<protocol::UserRef> &user = std::nullopt) const;
    // The entry, task type or room the change is about (empty when none).
    QString subjectId() const;
};

// A change the hub refused, kept with its reason for the user.
struct SyncConflict
{
    QString id;
    QString opId;
    protocol::Event event = protocol::Event::TimerStart;
    QJsonObject payload;
    QString entryId; // the subject of the change, when it has one
    ErrorCode code = ErrorCode::Internal;
    QString message; // the hub's reason
    Ms at = 0;
    bool seen = false;
    // A stale change (code conflict with the hub's entry): the version it was based on and the
    // entry as the hub had it ("theirs"), which the desk took.
    std::optional<qint64> baseRev;
    std::optional<TimeEntry> theirs;
    QString theirsUser; // who made theirs, and where (empty: not known)
    QString theirsDevice;
};

// The sync client's outbox and conflicts list, in SQLite (migration 0003_client.sql).
//
// attach() plugs the outbox into a TimerService: every change the service makes records its
// request here inside the change's own transaction, so a change and its outbox row are written
// together or not at all. Rows keep the order they were made in and leave only on the hub's
// {ok:true} (acknowledge) or, on {ok:false}, move to the conflicts list (refuse) — never dropped.
class Outbox final
{
public:
    Outbox(const Database &db, const Clock &clock);

    // Makes service record its changes here (replaces any sink it had).
    void attach(TimerService &service);
    // Records a change with a new opId; to be called inside the caller's transaction.
    Result<QString> record(const Mutation &mutation);
    Result<QString> record(const protocol::Request &request);

    QList<OutboxOp> pending(int limit = -1) const;
    std::optional<OutboxOp> op(const QString &opId) const;
    int pendingCount() const;
    bool hasPendingFor(const QString &subjectId) const;

    // The hub accepted the change: the row leaves the outbox.
    Result<void> acknowledge(const QString &opId);
    // Counts a send (kept for diagnostics: a change that keeps failing to send is visible).
    Result<void> markSent(const QString &opId);
    // The hub refused the change: the row moves to the conflicts list with the reason, in one
    // transaction, unless the caller already runs one (inTransaction).
    // theirs: the hub's current entry when it answered a stale change with it, and trail the
    // entry's audit trail there (its last row, when it made theirs, says by whom and where).
    Result<SyncConflict> refuse(const QString &opId, const Error &reason,
                                bool inTransaction = false,
                                const std::optional<TimeEntry> &theirs = std::nullopt,
                                const QList<AuditRecord> &trail = {});
    // Empties the outbox (joining a hub rebuilds it from the local data; see SyncClient).
    // Must run inside the caller's transaction.
    Result<void> clearInTransaction();

    QList<SyncConflict> conflicts(bool includeSeen = true) const;
    std::optional<SyncConflict> conflict(const QString &id) const;
    // Takes a conflict off the list (re-applied); inside the caller's transaction.
    Result<void> removeConflict(const QString &id);
    int unseenConflictCount() const;
    Result<void> markConflictsSeen();

private:
    const Database &m_db;
    const Clock &m_clock;
};

} // namespace st
