#pragma once

#include "Database.h"
#include "domain/Lock.h"

#include <QList>

#include <optional>

namespace st {

// Closed periods (tables period_locks and lock_audit, migration 0008_locks.sql): the last locked
// day of each organisation and the trail of its locks and unlocks.
class LockRepository final
{
public:
    explicit LockRepository(const Database &db)
        : m_db(db)
    {}

    // The organisation's last locked day; none when nothing is locked.
    Result<std::optional<QDate>> lockedUntil(const QString &orgId) const;
    // Writes the change: the organisation's lock becomes record.until, and the trail row is
    // written (replaced when a row with its id exists: the hub's copy of a desk's own change).
    Result<void> save(const LockRecord &record);
    // The organisation's trail, oldest first.
    Result<QList<LockRecord>> trail(const QString &orgId) const;
    // Takes back the change whose trail row is id (the hub refused it): the row goes, and the
    // organisation's lock becomes its trail's last remaining row's (none: unlocked).
    Result<void> withdraw(const QString &id);
    // Forgets an organisation's lock and trail (a desk's own organisation when it joins a hub).
    Result<void> removeOrganization(const QString &orgId);

private:
    Result<void> setLock(const QString &orgId, const std::optional<QDate> &until, Ms at);

    const Database &m_db;
};

} // namespace st
