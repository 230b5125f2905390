#include "RateRepository.h"

#include "Sql.h"

namespace st {

namespace {

RateStep readStep(const QSqlQuery &q)
{
    return RateStep{QDate::fromString(q.value(1).toString(), Qt::ISODate), q.value(2).toLongLong()};
}

} // namespace

Result<QHash<QString, QList<RateStep>>> RateRepository::histories(const QString &orgId) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT r.task_type_id, r.effective_from, r.hourly_rate_cents FROM task_type_rates r "
        "JOIN task_types t ON t.id = r.task_type_id WHERE t.org_id = ? "
        "ORDER BY r.task_type_id, r.effective_from"));
    q.addBindValue(orgId);
    if (auto r = m_db.read(q); !r)
        return r.error();
    QHash<QString, QList<RateStep>> result;
    while (q.next())
        result[q.value(0).toString()].append(readStep(q));
    return result;
}

Result<QList<RateStep>> RateRepository::history(const QString &taskTypeId) const
{
    CachedQuery q(m_db, QStringLiteral("SELECT task_type_id, effective_from, hourly_rate_cents "
                                       "FROM task_type_rates WHERE task_type_id = ? "
                                       "ORDER BY effective_from"));
    q->addBindValue(taskTypeId);
    return sql::readAll<RateStep>(m_db, *q, readStep);
}

Result<QList<RateStep>> RateRepository::resolve(const TaskType &type) const
{
    TaskType merged = type;
    if (merged.rates.isEmpty()) {
        auto stored = history(type.id);
        if (!stored)
            return stored.error();
        merged.rates = stored.value();
    }
    // A rate changed without a day (a round-1 peer, a caller that set only the rate) takes
    // effect from the day of the change; a new type's first rate holds for every day.
    if (merged.rates.isEmpty())
        rates::setRateFrom(merged, rates::firstDay(), type.hourlyRateCents);
    else if (merged.rates.last().hourlyRateCents != type.hourlyRateCents)
        rates::setRateFrom(merged, rates::localDay(type.updatedAt), type.hourlyRateCents);
    if (auto r = rates::validateHistory(merged); !r)
        return r.error();
    return merged.rates;
}

Result<void> RateRepository::write(const QString &taskTypeId, const QList<RateStep> &steps)
{
    QSqlQuery clear =
        m_db.prepare(QStringLiteral("DELETE FROM task_type_rates WHERE task_type_id = ?"));
    clear.addBindValue(taskTypeId);
    if (auto r = m_db.exec(clear); !r)
        return r;
    for (const RateStep &step : steps) {
        CachedQuery q(m_db, QStringLiteral("INSERT INTO task_type_rates (task_type_id, "
                                           "effective_from, hourly_rate_cents) VALUES (?, ?, ?)"));
        q->addBindValue(taskTypeId);
        q->addBindValue(step.from.toString(Qt::ISODate));
        q->addBindValue(step.hourlyRateCents);
        if (auto r = m_db.exec(*q); !r)
            return r;
    }
    return {};
}

Result<EntryStamp> RateRepository::stamp(const TimeEntry &entry) const
{
    // One statement on primary keys, the precedence in one COALESCE: the project's rate, its
    // client's, then the task type's history as rates::rateOn reads it (the last step from that
    // day or earlier, else the first step, else the type's own rate). Imports stamp every row
    // this way, so it stays one lookup.
    CachedQuery q(m_db, QStringLiteral("SELECT t.billable, COALESCE("
                                       "(SELECT p.hourly_rate_cents FROM projects p WHERE "
                                       "p.id = ?), "
                                       "(SELECT c.hourly_rate_cents FROM projects p JOIN clients c "
                                       "ON c.id = p.client_id WHERE p.id = ?), "
                                       "(SELECT r.hourly_rate_cents FROM task_type_rates r WHERE "
                                       "r.task_type_id = t.id AND r.effective_from <= ? "
                                       "ORDER BY r.effective_from DESC LIMIT 1), "
                                       "(SELECT r.hourly_rate_cents FROM task_type_rates r WHERE "
                                       "r.task_type_id = t.id ORDER BY r.effective_from LIMIT 1), "
                                       "t.hourly_rate_cents) FROM task_types t WHERE t.id = ?"));
    q->addBindValue(entry.projectId);
    q->addBindValue(entry.projectId);
    q->addBindValue(rates::localDay(entry.startedAt).toString(Qt::ISODate));
    q->addBindValue(entry.taskTypeId);
    auto found = sql::readFirst<EntryStamp>(m_db, *q, [&](const QSqlQuery &row) {
        const bool billable = entry.billable && row.value(0).toInt() != 0;
        return EntryStamp{billable ? row.value(1).toLongLong() : 0, billable};
    });
    if (!found)
        return found.error();
    if (!found.value())
        return Error::notFound(QStringLiteral("No task type %1.").arg(entry.taskTypeId));
    return *found.value();
}

} // namespace st
