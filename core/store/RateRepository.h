#pragma once

#include "Database.h"
#include "domain/Types.h"

#include <QHash>

namespace st {

// What an entry is stamped with when it is recorded.
struct EntryStamp
{
    qint64 hourlyRateCents = 0;
    bool billable = true;
};

// Task types' rate histories (table task_type_rates, docs/REPORTS.md "Rates") and the one place
// an entry's rate is decided: its project's rate, else its client's, else its task type's on its
// start day.
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

    // What entry is stamped with (docs/REPORTS.md, "Rates"): billable when the entry and its task
    // type both are (a Break never is); then the rate of its project when set, else of the
    // project's client when set, else the task type's in effect on its local start day; 0 when
    // not billable. A NotFound error for an unknown task type.
    Result<EntryStamp> stamp(const TimeEntry &entry) const;

private:
    const Database &m_db;
};

} // namespace st
