#pragma once

#include "Database.h"
#include "EntryFilter.h"
#include "domain/Types.h"

#include <QList>

#include <optional>

namespace st {

// Organisations, users, task types and rooms: the small tables every screen reads.
class CatalogRepository final
{
public:
    explicit CatalogRepository(const Database &db)
        : m_db(db)
    {}

    std::optional<Organization> organization(const QString &id) const;
    QList<Organization> organizations() const;
    Result<void> saveOrganization(const Organization &org);

    std::optional<User> user(const QString &id) const;
    std::optional<User> userByName(const QString &orgId, const QString &name) const;
    QList<User> users(const QString &orgId) const;
    Result<void> saveUser(const User &user);

    std::optional<TaskType> taskType(const QString &id) const;
    QList<TaskType> taskTypes(const QString &orgId, bool includeArchived = true) const;
    Result<void> saveTaskType(const TaskType &type);

    std::optional<Room> room(const QString &id) const;
    QList<Room> rooms(const QString &orgId, bool includeArchived = true) const;
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

    std::optional<TimeEntry> entry(const QString &id) const;
    // IDs of the organisation's entries starting with prefix (at most limit of them).
    QStringList idsWithPrefix(const QString &orgId, const QString &prefix, int limit) const;
    std::optional<TimeEntry> runningEntry(const QString &userId) const;
    QList<TimeEntry> runningEntries(const QString &orgId) const;
    // The first of the user's live entries sharing time with [start, end), other than excludeId.
    std::optional<TimeEntry> overlapping(const QString &userId, Ms start, Ms end,
                                         const QString &excludeId, Ms now) const;

    Result<void> insert(const TimeEntry &entry);
    Result<void> update(const TimeEntry &entry);

    QList<TimeEntry> list(const EntryFilter &filter, const EntrySort &sort, int limit, int offset,
                          Ms now) const;
    int count(const EntryFilter &filter, Ms now) const;
    Totals totals(const EntryFilter &filter, Ms now) const;

    Result<void> insertAudit(const AuditRecord &record);
    QList<AuditRecord> auditTrail(const QString &entryId) const;

private:
    // The longest finished entry ever stored: bounds how far before a range an overlapping entry
    // can start, so range queries stay on the started_at index.
    Ms longestEntryMs() const;
    // The earliest start an entry overlapping the filter's period can have: from minus the
    // longest finished entry, or the oldest running entry's start when that is earlier.
    Ms earliestStart(const EntryFilter &filter, Ms now) const;
    Result<void> noteLength(const TimeEntry &entry);

    const Database &m_db;
};

} // namespace st
