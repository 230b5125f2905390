#include "LockRepository.h"

#include "Sql.h"
#include "TrailHead.h"

namespace st {

namespace {

QVariant dayValue(const std::optional<QDate> &day)
{
    return day ? QVariant(day->toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

std::optional<QDate> dayFrom(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    const QDate day = QDate::fromString(value.toString(), Qt::ISODate);
    return day.isValid() ? std::optional<QDate>(day) : std::nullopt;
}

const QString kTrailColumns =
    trail_head::columns().join(QLatin1String(", ")) + QStringLiteral(", until_day, previous_day");

LockRecord readRecord(const QSqlQuery &q)
{
    LockRecord r;
    trail_head::read(q, r);
    r.until = dayFrom(q.value(trail_head::kCount));
    r.previous = dayFrom(q.value(trail_head::kCount + 1));
    return r;
}

} // namespace

Result<std::optional<QDate>> LockRepository::lockedUntil(const QString &orgId) const
{
    // Read by every change to an entry: one cached statement.
    CachedQuery q(m_db, QStringLiteral("SELECT until_day FROM period_locks WHERE org_id = ?"));
    q->addBindValue(orgId);
    if (auto r = m_db.read(*q); !r)
        return r.error();
    if (!q->next())
        return std::optional<QDate>();
    return dayFrom(q->value(0));
}

Result<void> LockRepository::setLock(const QString &orgId, const std::optional<QDate> &until, Ms at)
{
    // One row per organisation, replaced (portable: no upsert by another key than id).
    QSqlQuery clear = m_db.prepare(QStringLiteral("DELETE FROM period_locks WHERE org_id = ?"));
    clear.addBindValue(orgId);
    if (auto done = m_db.exec(clear); !done)
        return done;
    QSqlQuery put = m_db.prepare(QStringLiteral(
        "INSERT INTO period_locks (org_id, until_day, updated_at) VALUES (?, ?, ?)"));
    put.addBindValue(orgId);
    put.addBindValue(dayValue(until));
    put.addBindValue(at);
    return m_db.exec(put);
}

Result<void> LockRepository::save(const LockRecord &r)
{
    if (auto done = setLock(r.orgId, r.until, r.at); !done)
        return done;
    return sql::upsert(m_db, QStringLiteral("lock_audit"),
                       trail_head::columns()
                           << QStringLiteral("until_day") << QStringLiteral("previous_day"),
                       trail_head::values(r) << dayValue(r.until) << dayValue(r.previous));
}

Result<void> LockRepository::withdraw(const QString &id)
{
    QSqlQuery find = m_db.prepare(QStringLiteral("SELECT org_id FROM lock_audit WHERE id = ?"));
    find.addBindValue(id);
    if (auto r = m_db.read(find); !r)
        return r;
    if (!find.next())
        return {};
    const QString orgId = find.value(0).toString();
    find.finish();
    QSqlQuery remove = m_db.prepare(QStringLiteral("DELETE FROM lock_audit WHERE id = ?"));
    remove.addBindValue(id);
    if (auto r = m_db.exec(remove); !r)
        return r;
    const auto rows = trail(orgId);
    if (!rows)
        return rows.error();
    LockRecord last = rows->isEmpty() ? LockRecord{} : rows->last();
    last.orgId = orgId;
    return setLock(orgId, last.until, last.at);
}

Result<QList<LockRecord>> LockRepository::trail(const QString &orgId) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT ") + kTrailColumns +
                               QStringLiteral(" FROM lock_audit WHERE org_id = ? ORDER BY at, id"));
    q.addBindValue(orgId);
    return sql::readAll<LockRecord>(m_db, q, readRecord);
}

Result<void> LockRepository::removeOrganization(const QString &orgId)
{
    for (const QString &table : {QStringLiteral("period_locks"), QStringLiteral("lock_audit")}) {
        QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM ") + table +
                                   QStringLiteral(" WHERE org_id = ?"));
        q.addBindValue(orgId);
        if (auto r = m_db.exec(q); !r)
            return r;
    }
    return {};
}

} // namespace st
