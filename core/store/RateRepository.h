#pragma once

#include "Database.h"
#include "domain/Types.h"

#include <QHash>

namespace st {

// Task types' rate histories (table task_type_rates, docs/REPORTS.md "Rates") and the one place
// an entry's rate is decided: the rate in effect on its start day for its task type.
class RateRepository final
{
public:
    explicit RateRepository(const Database &db)
        : m_db(db)
    {}

    // Every history of the organisation, by task type ID, oldest step first.
    Result<QHash<QString, QList<RateStep>>> histories(const QString &orgId) const;
    Result<QList<RateStep>> history(const QString &taskTypeId) const;

    // The history to store for type: type.rates when given, otherwise the stored one; when its
    // last rate is not type's rate (a round-1 peer, a caller that set only the rate), type's rate
    // takes effect from the day of type.updatedAt; a new type's first rate holds for every day.
    // An error when the history is malformed (domain/Rates.h, validateHistory).
    Result<QList<RateStep>> resolve(const TaskType &type) const;
    // Replaces the stored history of taskTypeId.
    Result<void> write(const QString &taskTypeId, const QList<RateStep> &steps);

    // What an entry of taskTypeId starting at startedAt is stamped with: the rate in effect on
    // its local start day, 0 when the type is not billable. A NotFound error for an unknown type.
    Result<qint64> stamp(const QString &taskTypeId, Ms startedAt) const;

private:
    const Database &m_db;
};

} // namespace st
