#pragma once

#include "Database.h"
#include "EntryFilter.h"
#include "domain/Types.h"

#include <QList>

#include <functional>
#include <optional>

namespace st {

// Reads answer a Result: a failed query is an error (logged with its SQL and bound values by
// Database), never an empty list or a "not found". A lookup by ID answers nullopt when there is no
// such row.

// Organisations, users, task types and rooms: the small tables every screen reads.
class CatalogRepository final
{
public:
    explicit CatalogRepository(const Database &db)
        : m_db(db)
    {}

    Result<std::optional<Organization>> organization(const QString &id) const;
    Result<QList<Organization>> organizations() const;
    Result<void> saveOrganization(const Organization &org);

    Result<std::optional<User>> user(const QString &id) const;
    // The user of orgId with this name (any case); a NotFound error when there is none.
    Result<User> userByName(const QString &orgId, const QString &name) const;
    Result<QList<User>> users(const QString &orgId, bool includeArchived = true) const;
    Result<void> saveUser(const User &user);

    Result<std::optional<TaskType>> taskType(const QString &id) const;
    Result<QList<TaskType>> taskTypes(const QString &orgId, bool includeArchived = true) const;
    Result<void> saveTaskType(const TaskType &type);

    Result<std::optional<Room>> room(const QString &id) const;
    Result<QList<Room>> rooms(const QString &orgId, bool includeArchived = true) const;
    Result<void> saveRoom(const Room &room);

private:
    const Database &m_db;
};

// Time entries and their audit trail.
class EntryRepository final
{
public:
    explicit EntryRepository(const Database &db)
        : m_db(db)
    {}

    Result<std::optional<TimeEntry>> entry(const QString &id) const;
    // IDs of the organisation's entries starting with prefix (at most limit of them).
    Result<QStringList> idsWithPrefix(const QString &orgId, const QString &prefix, int limit) const;
    Result<std::optional<TimeEntry>> runningEntry(const QString &userId) const;
    Result<QList<TimeEntry>> runningEntries(const QString &orgId) const;
    // The first of the user's live entries sharing time with [start, end), other than excludeId.
    Result<std::optional<TimeEntry>> overlapping(const QString &userId, Ms start, Ms end,
                                                 const QString &excludeId, Ms now) const;

    // An entry not stamped yet (TimeEntry::kUnstampedRate) takes the rate in effect on its start
    // day for its task type (RateRepository::stamp), written back into entry.
    Result<void> insert(TimeEntry &entry);
    Result<void> insert(const TimeEntry &entry);
    // An unstamped entry keeps the rate stored with it.
    Result<void> update(const TimeEntry &entry);

    // One page of a list a person scrolls (History).
    Result<QList<TimeEntry>> list(const EntryFilter &filter, const EntrySort &sort, int limit,
                                  int offset, Ms now) const;
    // Every entry the filter covers, oldest first (by start, then ID), in one pass over the
    // period's rows: reports and exports read this way, whatever the number of entries. visit
    // returns false to stop early.
    Result<void> forEach(const EntryFilter &filter, Ms now,
                         const std::function<bool(const TimeEntry &)> &visit) const;
    Result<int> count(const EntryFilter &filter, Ms now) const;
    Result<Totals> totals(const EntryFilter &filter, Ms now) const;

    // By id: a row with the same id is replaced (keeping its place in the trail).
    Result<void> insertAudit(const AuditRecord &record);
    Result<void> removeAudit(const QString &id);
    Result<QList<AuditRecord>> auditTrail(const QString &entryId) const;

private:
    // The longest finished entry ever stored: bounds how far before a range an overlapping entry
    // can start, so range queries stay on the started_at index.
    Result<Ms> longestEntryMs() const;
    // The earliest start an entry overlapping the filter's period can have: from minus the
    // longest finished entry, or the oldest running entry's start when that is earlier.
    Result<Ms> earliestStart(const EntryFilter &filter, Ms now) const;
    Result<void> noteLength(const TimeEntry &entry);

    const Database &m_db;
};

} // namespace st
