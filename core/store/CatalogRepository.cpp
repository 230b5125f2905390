#include "Repositories.h"

#include "RateRepository.h"

#include "Sql.h"

#include <QCoreApplication>

namespace st {

namespace {

using sql::readAll;
using sql::readFirst;
using sql::upsert;

TaskType readTaskType(const QSqlQuery &q)
{
    TaskType t;
    t.id = q.value(0).toString();
    t.orgId = q.value(1).toString();
    t.name = q.value(2).toString();
    t.color = q.value(3).toString();
    t.hourlyRateCents = q.value(4).toLongLong();
    t.billable = q.value(5).toInt() != 0;
    t.archived = q.value(6).toInt() != 0;
    t.position = q.value(7).toInt();
    t.updatedAt = q.value(8).toLongLong();
    return t;
}

const QString kTaskTypeColumns = QStringLiteral(
    "id, org_id, name, color, hourly_rate_cents, billable, archived, position, updated_at");

Room readRoom(const QSqlQuery &q)
{
    return Room{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).toInt() != 0, q.value(4).toLongLong()};
}

User readUser(const QSqlQuery &q)
{
    return User{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).toLongLong(), q.value(4).toInt() != 0};
}

Organization readOrganization(const QSqlQuery &q)
{
    return Organization{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toLongLong()};
}

} // namespace

// ---- CatalogRepository -------------------------------------------------------------------------

Result<std::optional<Organization>> CatalogRepository::organization(const QString &id) const
{
    CachedQuery q(
        m_db,
        QStringLiteral("SELECT id, name, currency, updated_at FROM organizations WHERE id = ?"));
    q->addBindValue(id);
    return readFirst<Organization>(m_db, *q, readOrganization);
}

Result<QList<Organization>> CatalogRepository::organizations() const
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT id, name, currency, updated_at FROM organizations ORDER BY name, id"));
    return readAll<Organization>(m_db, q, readOrganization);
}

Result<void> CatalogRepository::saveOrganization(const Organization &org)
{
    return upsert(m_db, QStringLiteral("organizations"),
                  {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("currency"),
                   QStringLiteral("updated_at")},
                  {org.id, org.name, org.currency, org.updatedAt});
}

Result<std::optional<User>> CatalogRepository::user(const QString &id) const
{
    CachedQuery q(
        m_db,
        QStringLiteral("SELECT id, org_id, name, updated_at, archived FROM users WHERE id = ?"));
    q->addBindValue(id);
    return readFirst<User>(m_db, *q, readUser);
}

Result<User> CatalogRepository::userByName(const QString &orgId, const QString &name) const
{
    // Case-insensitive beyond ASCII: compared in C++, users are few.
    auto all = users(orgId);
    if (!all)
        return all.error();
    const QString wanted = name.trimmed();
    for (const User &u : all.value()) {
        if (u.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return u;
    }
    return Error::notFound(
        QCoreApplication::translate("st::TimerService", "No user \"%1\".").arg(wanted));
}

Result<QList<User>> CatalogRepository::users(const QString &orgId, bool includeArchived) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT id, org_id, name, updated_at, archived FROM users "
                       "WHERE org_id = ? AND (archived = 0 OR ? = 1) ORDER BY name, id"));
    q.addBindValue(orgId);
    q.addBindValue(includeArchived ? 1 : 0);
    return readAll<User>(m_db, q, readUser);
}

Result<void> CatalogRepository::saveUser(const User &user)
{
    if (auto r = validate::userName(user.name); !r)
        return r;
    return upsert(
        m_db, QStringLiteral("users"),
        {QStringLiteral("id"), QStringLiteral("org_id"), QStringLiteral("name"),
         QStringLiteral("updated_at"), QStringLiteral("archived")},
        {user.id, user.orgId, user.name.trimmed(), user.updatedAt, user.archived ? 1 : 0});
}

Result<std::optional<TaskType>> CatalogRepository::taskType(const QString &id) const
{
    CachedQuery q(m_db, QStringLiteral("SELECT ") + kTaskTypeColumns +
                            QStringLiteral(" FROM task_types WHERE id = ?"));
    q->addBindValue(id);
    auto type = readFirst<TaskType>(m_db, *q, readTaskType);
    if (!type || !type.value())
        return type;
    q->finish();
    auto history = RateRepository(m_db).history(id);
    if (!history)
        return history.error();
    TaskType found = *type.value();
    found.rates = history.value();
    return std::optional<TaskType>(found);
}

Result<QList<TaskType>> CatalogRepository::taskTypes(const QString &orgId,
                                                     bool includeArchived) const
{
    QSqlQuery q =
        m_db.prepare(QStringLiteral("SELECT ") + kTaskTypeColumns +
                     QStringLiteral(" FROM task_types WHERE org_id = ? AND (archived = 0 OR ? = 1) "
                                    "ORDER BY position, name, id"));
    q.addBindValue(orgId);
    q.addBindValue(includeArchived ? 1 : 0);
    auto types = readAll<TaskType>(m_db, q, readTaskType);
    if (!types)
        return types;
    auto histories = RateRepository(m_db).histories(orgId);
    if (!histories)
        return histories.error();
    QList<TaskType> result = types.value();
    for (TaskType &t : result)
        t.rates = histories.value().value(t.id);
    return result;
}

Result<void> CatalogRepository::saveTaskType(const TaskType &t)
{
    if (auto r = validate::taskType(t); !r)
        return r;
    RateRepository rates(m_db);
    const auto history = rates.resolve(t);
    if (!history)
        return history.error();
    if (auto r = upsert(m_db, QStringLiteral("task_types"),
                        {QStringLiteral("id"), QStringLiteral("org_id"), QStringLiteral("name"),
                         QStringLiteral("color"), QStringLiteral("hourly_rate_cents"),
                         QStringLiteral("billable"), QStringLiteral("archived"),
                         QStringLiteral("position"), QStringLiteral("updated_at")},
                        {t.id, t.orgId, t.name.trimmed(), t.color.toLower(), t.hourlyRateCents,
                         t.billable ? 1 : 0, t.archived ? 1 : 0, t.position, t.updatedAt});
        !r)
        return r;
    return rates.write(t.id, history.value());
}

Result<std::optional<Room>> CatalogRepository::room(const QString &id) const
{
    CachedQuery q(
        m_db,
        QStringLiteral("SELECT id, org_id, name, archived, updated_at FROM rooms WHERE id = ?"));
    q->addBindValue(id);
    return readFirst<Room>(m_db, *q, readRoom);
}

Result<QList<Room>> CatalogRepository::rooms(const QString &orgId, bool includeArchived) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT id, org_id, name, archived, updated_at FROM rooms "
                       "WHERE org_id = ? AND (archived = 0 OR ? = 1) ORDER BY name, id"));
    q.addBindValue(orgId);
    q.addBindValue(includeArchived ? 1 : 0);
    return readAll<Room>(m_db, q, readRoom);
}

Result<void> CatalogRepository::saveRoom(const Room &room)
{
    if (auto r = validate::room(room); !r)
        return r;
    return upsert(
        m_db, QStringLiteral("rooms"),
        {QStringLiteral("id"), QStringLiteral("org_id"), QStringLiteral("name"),
         QStringLiteral("archived"), QStringLiteral("updated_at")},
        {room.id, room.orgId, room.name.trimmed(), room.archived ? 1 : 0, room.updatedAt});
}

} // namespace st
