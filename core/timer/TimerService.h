#pragma once

#include "domain/Clock.h"
#include "domain/Lock.h"
#include "domain/RosterAudit.h"
#include "domain/Types.h"
#include "protocol/Requests.h"
#include "store/Database.h"
#include "store/EntryFilter.h"
#include "store/ProjectRepository.h"
#include "store/Repositories.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QUuid>

#include <functional>
#include <optional>
#include <vector>

namespace st {

// A change made through the service, typed: the sync request that makes the same change elsewhere
// (without opId) and what it wrote. The sync outbox (or the hub's change log) records it in the
// same transaction as the change itself.
struct Mutation
{
    protocol::Request request;
    QList<TimeEntry> entries;         // written, the subject last (a switch: the stopped one first)
    std::optional<TimeEntry> before;  // an adjustment: the entry as it was
    std::optional<AuditRecord> audit; // an audited change: its trail row
    std::optional<LockRecord> lock = {};     // locks:set: the lock's trail row as written
    QList<AuditRecord> trail = {};           // taskTypes:reprice: a trail row per entry written
    std::optional<RosterRecord> roster = {}; // roster:edit: the trail row as written

    protocol::Event event() const { return protocol::eventOf(request); }
};
using MutationSink = std::function<Result<void>(const Mutation &)>;

struct StartRequest
{
    QString userId;
    QString taskTypeId;
    QString roomId;
    QString note;
    std::optional<Ms> at;   // default: now
    QString entryId;        // default: a new UUID
    QString projectId = {}; // empty: none
    QStringList tags = {};
};

struct ManualEntry
{
    QString userId;
    QString taskTypeId;
    QString roomId;
    QString note;
    Ms startedAt = 0;
    Ms endedAt = 0;
    QString entryId; // default: a new UUID
    Ms pausedMs = 0; // time paused inside the entry, not billed (an imported entry's pauses)
    // The rate it was recorded at (an import's file says it); unstamped: the rate in effect on
    // its start day.
    qint64 hourlyRateCents = TimeEntry::kUnstampedRate;
    QString projectId = {}; // empty: none
    QStringList tags = {};
    bool billable = true; // false: not billed whatever its task type; true: as its task type
};

// What a batch of manual entries refers to that does not exist yet (IDs made by the caller):
// written first, in the batch's transaction. Clients and projects are saved as saveClient and
// saveProject save them (checked, sent to the hub); a project's client may be one of clients.
struct BatchCatalog
{
    QList<User> users;
    QList<Room> rooms;
    QList<Client> clients;
    QList<Project> projects;
};

// Manual entries written all or nothing (an import), with the users and rooms they refer to that
// do not exist yet (IDs made by the caller).
struct ManualBatch
{
    QList<User> newUsers;
    QList<Room> newRooms;
    QList<ManualEntry> entries;
    // Imported entries adjusted where they came from (indexes into entries), and their audit
    // trails there, oldest first (row IDs are made on insert).
    QSet<int> adjusted;
    QHash<int, QList<AuditRecord>> audit;
};

// One entry of a batch read as it is written (ManualBatchSource): with its adjusted flag and its
// audit trail where it came from, oldest first.
struct ManualBatchItem
{
    ManualEntry entry;
    bool adjusted = false;
    QList<AuditRecord> audit;
};
// The next entry of a streamed batch; nullopt after the last. An error stops the batch: nothing
// is written.
using ManualBatchSource = std::function<Result<std::optional<ManualBatchItem>>()>;

// What `task-types reprice` would change, or changed (TimerRates.cpp).
struct RepriceSummary
{
    int entries = 0;     // entries whose rate changes
    qint64 oldCents = 0; // their cost at the rates they were recorded at
    qint64 newCents = 0; // their cost at the rates in effect on their days
};

struct Adjustment
{
    QString entryId;
    QString actorId; // who makes the change
    std::optional<Ms> startedAt;
    std::optional<Ms> endedAt;
    std::optional<QString> taskTypeId;
    std::optional<QString> roomId; // "" clears the room
    std::optional<QString> note;
    QString reason;
    QString auditId; // the trail row's id (empty: a new one); the hub keeps the desk's
    std::optional<QString> projectId = {}; // "" clears the project
    std::optional<QStringList> tags = {};
};

// Everything a user does with time: timers, manual entries, audited adjustments, deletion, and the
// queries over them. Synchronous and display-free: the command line and the hub call it directly;
// the desktop app calls it on a worker thread. Every change is one transaction.
class TimerService final : public QObject
{
    Q_OBJECT
public:
    TimerService(const Database &db, const Clock &clock, QString orgId, QObject *parent = nullptr);

    QString orgId() const { return m_orgId; }
    const Clock &clock() const { return m_clock; }
    const Database &database() const { return m_db; }

    // Called inside each change's transaction; a failure rolls the change back.
    void setMutationSink(MutationSink sink) { m_sink = std::move(sink); }

    // Sync (core/sync/SyncCache): the organisation becomes the hub's when this machine joins one,
    // and changes the hub sends are written to the store directly (no sink, no outbox), then
    // announced here so every view hears of them like of local changes.
    void setOrgId(const QString &orgId) { m_orgId = orgId; }
    void announceRemoteChanges(const QList<TimeEntry> &entries, bool catalog)
    {
        for (const TimeEntry &e : entries)
            Q_EMIT entryChanged(e);
        if (catalog)
            Q_EMIT catalogChanged();
    }

    // Timers. start() while the user's timer runs is a switch: the running one stops at the same
    // instant. stop/pause/resume act on the user's running entry.
    Result<TimeEntry> start(const StartRequest &request);
    Result<TimeEntry> stop(const QString &userId, std::optional<Ms> at = {});
    Result<TimeEntry> pause(const QString &userId, std::optional<Ms> at = {});
    Result<TimeEntry> resume(const QString &userId, std::optional<Ms> at = {});

    Result<TimeEntry> addManual(const ManualEntry &entry);
    // One transaction: every entry is checked as addManual does (overlaps with the store and with
    // the batch's earlier entries included) and nothing is written unless all pass. failedIndex
    // (when given) receives the index of the refused entry, -1 when a user or room was refused.
    Result<QList<TimeEntry>> addManualBatch(const ManualBatch &batch, int *failedIndex = nullptr);
    // The same for a batch too long to hold (an import of a million rows, TimerBatch.cpp): the
    // entries come from next() one at a time and are not kept; returns how many were written.
    // Announces them with one entriesChanged().
    Result<qsizetype> addManualStream(const BatchCatalog &catalog, const ManualBatchSource &next,
                                      int *failedIndex = nullptr);
    Result<TimeEntry> adjust(const Adjustment &adjustment);
    // auditId: the trail row's id, as for Adjustment.
    Result<TimeEntry> remove(const QString &entryId, const QString &actorId,
                             const QString &reason = {}, const QString &auditId = {});
    Result<TimeEntry> restore(const QString &entryId, const QString &actorId,
                              const QString &auditId = {});

    // The device trail rows record as the one a change came from (the hub: the connection's).
    void setDevice(const QString &id, const QString &name)
    {
        m_deviceId = id;
        m_deviceName = name;
    }

    // Rates (TimerRates.cpp, docs/REPORTS.md "Rates"). setRate: typeId's rate from the local day
    // `from` on (not after today); entries already recorded keep their rate.
    Result<TaskType> setRate(const QString &taskTypeId, qint64 hourlyRateCents, QDate from);
    // The live entries of taskTypeId starting on a local day in [from, to] whose rate is not the
    // rate in effect on their day; with apply, their rates are rewritten in one transaction, one
    // audit row each (action and reason "reprice", actorId's), recorded for sync as one
    // taskTypes:reprice. auditIds: the trail row IDs to use (entry ID -> row ID; the hub keeps
    // the desk's), new ones for the others.
    Result<RepriceSummary> reprice(const QString &taskTypeId, QDate from, QDate to,
                                   const QString &actorId, bool apply,
                                   const QHash<QString, QString> &auditIds = {});

    // Closed periods (TimerLocks.cpp, docs/REPORTS.md "Closed periods"): no entry starting on or
    // before the locked day can be added, adjusted, deleted or restored, whoever asks (the window,
    // the command line, an import, the hub); a timer still running can be stopped, paused and
    // resumed. lockUntil closes the period up to day (today at the latest), unlock opens it
    // again; both are audited (lockTrail, oldest first) and recorded for sync. auditId: the trail
    // row's id, as for Adjustment.
    std::optional<QDate> lockedUntil() const;
    QList<LockRecord> lockTrail() const;
    Result<LockRecord> lockUntil(QDate day, const QString &actorId, const QString &auditId = {});
    Result<LockRecord> unlock(const QString &actorId, const QString &auditId = {});

    // Queries.
    std::optional<TimeEntry> entry(const QString &id) const;
    std::optional<TimeEntry> running(const QString &userId) const;
    QList<TimeEntry> runningEntries() const;
    QList<TimeEntry> list(EntryFilter filter, const EntrySort &sort = {}, int limit = 100,
                          int offset = 0) const;
    int count(EntryFilter filter) const;
    Totals totals(EntryFilter filter) const;
    QList<AuditRecord> auditTrail(const QString &entryId) const;
    qint64 costCents(const TimeEntry &entry) const;

    // The catalogue of the organisation.
    Organization organization() const;
    Result<void> saveOrganization(Organization org);
    QList<TaskType> taskTypes(bool includeArchived = false) const;
    std::optional<TaskType> taskType(const QString &id) const;
    Result<TaskType> saveTaskType(TaskType type);
    QList<Room> rooms(bool includeArchived = false) const;
    std::optional<Room> room(const QString &id) const;
    Result<Room> saveRoom(Room room);
    QList<User> users(bool includeArchived = true) const;
    std::optional<User> user(const QString &id) const;
    // The user with this name (case-insensitive), created when there is none.
    Result<User> ensureUser(const QString &name);
    // Clients and projects (TimerProjects.cpp, docs/REPORTS.md "Clients and projects"). Names are
    // unique in the organisation (any case); synced through the hub like task types.
    QList<Client> clients(bool includeArchived = false) const;
    QList<Project> projects(bool includeArchived = false) const;
    Result<Client> saveClient(Client client);
    Result<Project> saveProject(Project project);
    // The billable time and cost of the project's live entries (its budget's progress).
    Result<ProjectUse> projectUse(const QString &projectId) const;

    // Rooms and people (TimerRoster.cpp, docs/REPORTS.md "Rooms and people"): renamed (never
    // onto another one's name: merge them), archived (hidden from pickers, kept on entries and in
    // reports), unarchived, or merged (every entry of fromId, live or deleted, moves to intoId and
    // fromId disappears; refused while one of its entries is in the locked period, and for two
    // people both running a timer). Each is one transaction with its trail row (rosterTrail,
    // oldest first: who, which device), recorded for sync; auditId as for Adjustment.
    Result<RosterRecord> renameInRoster(RosterKind kind, const QString &id, const QString &newName,
                                        const QString &actorId, const QString &auditId = {});
    Result<RosterRecord> archiveInRoster(RosterKind kind, const QString &id, bool archived,
                                         const QString &actorId, const QString &auditId = {});
    Result<RosterRecord> mergeInRoster(RosterKind kind, const QString &fromId,
                                       const QString &intoId, const QString &actorId,
                                       const QString &auditId = {});
    // The request as the hub receives it (any of the three above).
    Result<RosterRecord> editRoster(const protocol::RosterEdit &edit, const QString &actorId);
    QList<RosterRecord> rosterTrail() const;

    // Resolve a name (case-insensitive) or an ID given on a command line or in a file.
    Result<TaskType> findTaskType(const QString &nameOrId) const;
    Result<Room> findRoom(const QString &nameOrId) const;
    Result<User> findUser(const QString &nameOrId) const;
    Result<Client> findClient(const QString &nameOrId) const;
    Result<Project> findProject(const QString &nameOrId) const;
    // An entry by its ID or a unique prefix of it (as the command line shows them).
    Result<TimeEntry> findEntry(const QString &idOrPrefix) const;

Q_SIGNALS:
    void entryChanged(const st::TimeEntry &entry);
    void catalogChanged();
    // Many entries changed at once (an import): read them again.
    void entriesChanged();

private:
    Result<TimeEntry> finishChange(Transaction &tx, const QList<TimeEntry> &changed,
                                   protocol::Request request,
                                   std::optional<TimeEntry> before = std::nullopt,
                                   std::optional<AuditRecord> audit = std::nullopt);
    Result<void> record(const Mutation &mutation);
    // Task types and rooms are saved alike: only this organisation's, under a name no other one
    // has (in any case), the change recorded for sync in the same transaction.
    template <class Item> Result<Item> saveCatalogItem(Item item, const QList<Item> &existing);
    // Refuses a change to an entry starting at startedAt when its day is in the closed period:
    // the one check every change to an entry passes (TimerLocks.cpp).
    Result<void> checkUnlocked(Ms startedAt) const;
    Result<LockRecord> changeLock(std::optional<QDate> until, const QString &actorId,
                                  const QString &auditId);
    Result<void> checkNoOverlap(const TimeEntry &entry) const;
    // With batchRefs (a batch's checked references), no overlap check: the batch checks them all
    // at once with checkBatchOverlaps.
    Result<TimeEntry> prepareManual(const ManualEntry &entry,
                                    QSet<QString> *batchRefs = nullptr) const;
    // A batch written in one transaction; kept (when given) receives its entries.
    Result<qsizetype> writeBatch(const BatchCatalog &catalog, const ManualBatchSource &next,
                                 int *failedIndex, QList<TimeEntry> *kept);
    Result<void> saveBatchCatalog(const BatchCatalog &catalog);
    // ids: the batch's entry IDs with their index, sorted; [from, to): its span.
    Result<void> checkBatchOverlaps(const std::vector<std::pair<QUuid, int>> &ids, Ms from, Ms to,
                                    int *failedIndex) const;
    protocol::EntryCreate manualChange(const TimeEntry &entry) const;
    Result<void> checkRefs(const QString &userId, const QString &taskTypeId,
                           const QString &roomId) const;
    // A project of this organisation (none: "") and tags that are words.
    Result<void> checkProjectAndTags(const QString &projectId, const QStringList &tags) const;
    // A new entry's ID: the one asked for (a UUID no entry has yet), or a fresh one.
    Result<QString> newEntryId(const QString &requested) const;
    // Reads for changes: a failed query is an internal error, never "no such row".
    Result<std::optional<TimeEntry>> ownEntry(const QString &id) const;
    // "No such user." when there is none; an actor may be a user of any organisation.
    enum UserScope
    {
        ThisOrganization,
        AnyOrganization
    };
    Result<User> knownUser(const QString &id, UserScope scope = ThisOrganization) const;
    Result<TimeEntry> liveEntry(const QString &id) const;
    Result<TimeEntry> runningFor(const QString &userId) const;
    QString describe(const TimeEntry &entry) const;
    // The device a trail row records: {id, name} (TimerEdits.cpp).
    std::pair<QString, QString> device() const;
    AuditRecord audit(const TimeEntry &before, const TimeEntry &after, const QString &actorId,
                      const QString &action, const QString &reason, const QString &id = {}) const;
    protocol::UserRef userRef(const QString &userId) const;
    QString rosterNotFound(RosterKind kind) const;

    const Database &m_db;
    const Clock &m_clock;
    QString m_orgId;
    CatalogRepository m_catalog;
    EntryRepository m_entries;
    ProjectRepository m_projects;
    MutationSink m_sink;
    QString m_deviceId;
    QString m_deviceName;
};

} // namespace st
