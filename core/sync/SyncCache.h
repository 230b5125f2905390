#pragma once

#include "Outbox.h"
#include "domain/Types.h"
#include "protocol/Broadcasts.h"
#include "store/Database.h"
#include "store/Repositories.h"
#include "timer/TimerService.h"

#include <QJsonObject>
#include <QSet>

#include <functional>
#include <optional>

namespace st {

// What one change from the hub did to the local cache.
struct AppliedChange
{
    QList<TimeEntry> entries; // entries written (to announce)
    bool catalog = false;     // a task type, room, user, client, project or the lock written
    QString subjectId;        // the entry / task type / room the change is about
    std::optional<protocol::Broadcast> change; // the change as decoded (none: skipped)
};

// The sync client's side of the local database: applies the hub's changes to the cache (through
// the repositories, so nothing goes back into the outbox), remembers the last seq, and carries a
// machine's own data over when it joins a hub.
//
// Joining (the local organisation is not the hub's): the hub's history is pulled first, into the
// hub's organisation, while this machine's own data stays in its old organisation. Then, in one
// transaction, the old organisation's data moves over:
//  - task types and rooms with the name (case-insensitive) of one of the hub's are merged into
//    the hub's (entries are re-pointed at it); the others keep their IDs and are pushed
//    (taskTypes:upsert, rooms:upsert); clients and projects alike (clients:upsert, then
//    projects:upsert), entries re-pointed at the hub's project of the same name;
//  - this machine's closed period and its trail go: the hub's lock holds;
//  - users keep their IDs (the hub learns them from each request's user field);
//  - live entries are pushed with their IDs: finished ones as timeEntries:create, a running one as
//    timer:start (then timer:pause when paused); deleted ones stay local. Pauses inside finished
//    entries cannot travel in timeEntries:create, so the hub bills them as worked time;
//  - the outbox is rebuilt from that state (older pending requests of the old organisation are
//    subsumed by it), the old organisation is removed and the profile points at the hub's.
// Anything the hub refuses lands in the conflicts list as usual. A crash before the move leaves
// the old organisation in place and the next CONNECT joins again.
class SyncCache final
{
public:
    SyncCache(const Database &db, TimerService &service, Outbox &outbox);

    qint64 lastSeq() const;
    std::optional<Ms> savedClockOffset() const;
    Result<void> saveClockOffset(Ms offset);

    // The organisation the hub answered in CONNECT; changes are stored under it.
    void setHubOrganization(const QString &orgId, const QString &orgName);
    QString hubOrgId() const { return m_hubOrgId; }
    bool needsJoin() const { return !m_hubOrgId.isEmpty() && m_service.orgId() != m_hubOrgId; }
    // Makes the hub's organisation row exist (before its history is pulled); when the hub is not
    // the one joined before, the history starts again from seq 0.
    Result<void> beginJoin();
    // Moves this machine's data to the hub's organisation and fills the outbox (see above).
    // Returns the number of requests queued.
    Result<int> finishJoin();

    // Applies one change and records seq as the last applied, in one transaction. seq <= 0
    // applies without moving lastSeq.
    Result<AppliedChange> apply(const protocol::Broadcast &change, qint64 seq);
    // The same for a change as the hub sends it (a broadcast payload or a sync:pull change's
    // type and data): one of a type this build does not know, or that does not decode, is
    // skipped (logged) but its seq counts, so the history goes on.
    Result<AppliedChange> apply(const QString &type, const QJsonObject &data, qint64 seq);
    // The entry as the hub's answer to one of this desk's changes says it now stands, with the
    // hub's trail rows of it when the answer has them (a stale change refused).
    Result<AppliedChange> applyAnswer(const TimeEntry &entry, const QList<AuditRecord> &trail = {});
    // Only records seq as applied (a change of a kind this version does not know).
    Result<void> setLastSeq(qint64 seq);

    // A page of changes in one transaction (one disk sync instead of one per change): apply()
    // between beginBatch() and endBatch() writes each change under a savepoint (a change that
    // fails leaves nothing behind) and the views hear of everything after the commit.
    Result<void> beginBatch();
    Result<void> endBatch();

    // The hub refused a change to this entry and its history does not know it: the local copy is
    // withdrawn (soft-deleted, audited) so the cache shows the hub's truth.
    Result<std::optional<TimeEntry>> withdrawUnknownEntry(const QString &entryId);

private:
    QString state(const QString &key) const;
    Result<void> setState(const QString &key, const QString &value) const;
    Result<void> ensureUser(const std::optional<protocol::UserRef> &user, const QString &id);
    Result<void> ensureTaskType(const QString &id, const std::optional<protocol::NamedRef> &hint);
    Result<void> ensureRoom(const QString &id, const std::optional<protocol::NamedRef> &hint);
    Result<void> ensureClient(const QString &id);
    Result<void> ensureProject(const QString &id);
    // roster:edited: the rename, archive or merge made here too, its trail row kept (by id).
    Result<void> applyRoster(RosterRecord record);
    Result<QList<TimeEntry>> writeEntry(TimeEntry entry);
    // An entry from the hub with what it says about it; audit: the trail row of an audited
    // change (actor, action, before, reason), written when the entry was known here.
    Result<AppliedChange> applyEntry(const TimeEntry &entry,
                                     const std::optional<protocol::UserRef> &user,
                                     const std::optional<protocol::NamedRef> &taskType,
                                     const std::optional<protocol::NamedRef> &room,
                                     std::optional<AuditRecord> audit);
    Result<AppliedChange> applyInTransaction(const protocol::Broadcast &change);
    // Runs body in the change's transaction (or the batch's savepoint) and records seq.
    Result<AppliedChange> run(qint64 seq, const std::function<Result<AppliedChange>()> &body);
    bool hasPendingFor(const QString &id) const;
    Result<void> execSql(const QString &sql) const;

    const Database &m_db;
    TimerService &m_service;
    Outbox &m_outbox;
    CatalogRepository m_catalog;
    EntryRepository m_entries;
    QString m_hubOrgId;
    QString m_hubOrgName;
    bool m_catalogTouched = false;
    std::optional<Transaction> m_batch;
    QSet<QString> m_batchPending; // subjects with outbox rows, read once per batch
    QList<TimeEntry> m_batchEntries;
    bool m_batchCatalog = false;
};

namespace synccache {
// The clock offset to the hub that the last sync session measured, for a process that runs
// without one (the command line while the app is closed); nothing when none was measured.
std::optional<Ms> savedClockOffset(const Database &db);
} // namespace synccache

} // namespace st
