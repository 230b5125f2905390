#pragma once

#include "Database.h"
#include "domain/RosterAudit.h"

#include <QList>

#include <optional>

namespace st {

// Rooms and people renamed, archived and merged (table catalog_audit, docs/REPORTS.md "Rooms and
// people"): the writes a merge makes and the trail. Renames and archives are saved through
// CatalogRepository; callers hold the transaction.
class RosterRepository final
{
public:
    explicit RosterRepository(const Database &db)
        : m_db(db)
    {}

    // The earliest start of the entries (live or deleted) with this room or person, none without.
    Result<std::optional<Ms>> earliestStart(RosterKind kind, const QString &id) const;
    // Whether the person has a running timer.
    Result<bool> isRunning(const QString &userId) const;
    // Every entry of fromId becomes intoId's, then fromId's row is removed (the desk's current
    // person too, when it was fromId); answers how many entries moved. A second call moves none.
    Result<int> merge(RosterKind kind, const QString &fromId, const QString &intoId);

    // By id: a row with the same id is replaced (the hub's copy of a desk's row).
    Result<void> save(const RosterRecord &record);
    // A row taken back (the hub refused its change).
    Result<void> withdraw(const QString &id);
    // The organisation's rows, oldest first.
    Result<QList<RosterRecord>> trail(const QString &orgId) const;

private:
    const Database &m_db;
};

} // namespace st
