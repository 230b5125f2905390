#include "ProjectRepository.h"

#include "Sql.h"

namespace st {

namespace {

using sql::readAll;
using sql::readFirst;
using sql::upsert;

QVariant optionalValue(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

std::optional<qint64> optionalInteger(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

const QString kClientColumns =
    QStringLiteral("id, org_id, name, color, hourly_rate_cents, archived, updated_at");

Client readClient(const QSqlQuery &q)
{
    Client c;
    c.id = q.value(0).toString();
    c.orgId = q.value(1).toString();
    c.name = q.value(2).toString();
    c.color = q.value(3).toString();
    c.hourlyRateCents = optionalInteger(q.value(4));
    c.archived = q.value(5).toInt() != 0;
    c.updatedAt = q.value(6).toLongLong();
    return c;
}

const QString kProjectColumns =
    QStringLiteral("id, org_id, name, client_id, color, hourly_rate_cents, budget_ms, "
                   "budget_cents, archived, updated_at");

Project readProject(const QSqlQuery &q)
{
    Project p;
    p.id = q.value(0).toString();
    p.orgId = q.value(1).toString();
    p.name = q.value(2).toString();
    p.clientId = q.value(3).toString();
    p.color = q.value(4).toString();
    p.hourlyRateCents = optionalInteger(q.value(5));
    p.budgetMs = optionalInteger(q.value(6));
    p.budgetCents = optionalInteger(q.value(7));
    p.archived = q.value(8).toInt() != 0;
    p.updatedAt = q.value(9).toLongLong();
    return p;
}

} // namespace

Result<std::optional<Client>> ProjectRepository::client(const QString &id) const
{
    CachedQuery q(m_db, QStringLiteral("SELECT ") + kClientColumns +
                            QStringLiteral(" FROM clients WHERE id = ?"));
    q->addBindValue(id);
    return readFirst<Client>(m_db, *q, readClient);
}

Result<QList<Client>> ProjectRepository::clients(const QString &orgId, bool includeArchived) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT ") + kClientColumns +
                               QStringLiteral(" FROM clients WHERE org_id = ? AND (archived = 0 "
                                              "OR ? = 1) ORDER BY LOWER(name), id"));
    q.addBindValue(orgId);
    q.addBindValue(includeArchived ? 1 : 0);
    return readAll<Client>(m_db, q, readClient);
}

Result<void> ProjectRepository::saveClient(const Client &c)
{
    if (auto r = validate::client(c); !r)
        return r;
    return upsert(m_db, QStringLiteral("clients"),
                  {QStringLiteral("id"), QStringLiteral("org_id"), QStringLiteral("name"),
                   QStringLiteral("color"), QStringLiteral("hourly_rate_cents"),
                   QStringLiteral("archived"), QStringLiteral("updated_at")},
                  {c.id, c.orgId, c.name.trimmed(), c.color.toLower(),
                   optionalValue(c.hourlyRateCents), c.archived ? 1 : 0, c.updatedAt});
}

Result<std::optional<Project>> ProjectRepository::project(const QString &id) const
{
    CachedQuery q(m_db, QStringLiteral("SELECT ") + kProjectColumns +
                            QStringLiteral(" FROM projects WHERE id = ?"));
    q->addBindValue(id);
    return readFirst<Project>(m_db, *q, readProject);
}

Result<QList<Project>> ProjectRepository::projects(const QString &orgId, bool includeArchived) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT ") + kProjectColumns +
                               QStringLiteral(" FROM projects WHERE org_id = ? AND (archived = 0 "
                                              "OR ? = 1) ORDER BY LOWER(name), id"));
    q.addBindValue(orgId);
    q.addBindValue(includeArchived ? 1 : 0);
    return readAll<Project>(m_db, q, readProject);
}

Result<void> ProjectRepository::saveProject(const Project &p)
{
    if (auto r = validate::project(p); !r)
        return r;
    const QVariant client =
        p.clientId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(p.clientId);
    return upsert(m_db, QStringLiteral("projects"),
                  {QStringLiteral("id"), QStringLiteral("org_id"), QStringLiteral("name"),
                   QStringLiteral("client_id"), QStringLiteral("color"),
                   QStringLiteral("hourly_rate_cents"), QStringLiteral("budget_ms"),
                   QStringLiteral("budget_cents"), QStringLiteral("archived"),
                   QStringLiteral("updated_at")},
                  {p.id, p.orgId, p.name.trimmed(), client, p.color.toLower(),
                   optionalValue(p.hourlyRateCents), optionalValue(p.budgetMs),
                   optionalValue(p.budgetCents), p.archived ? 1 : 0, p.updatedAt});
}

Result<ProjectUse> ProjectRepository::use(const QString &projectId, Ms now) const
{
    // Each entry's cost rounded half up on its own, then summed (as EntryRepository::totals).
    CachedQuery q(m_db, QStringLiteral("SELECT COUNT(*), COALESCE(SUM(s.b), 0), "
                                       "COALESCE(SUM((s.b * s.r + 1800000) / 3600000), 0) FROM "
                                       "(SELECT ") +
                            sql::kBillableSql +
                            QStringLiteral(" AS b, e.hourly_rate_cents AS r FROM time_entries e "
                                           "WHERE e.project_id = ? AND e.deleted = 0) s"));
    q->addBindValue(now);
    q->addBindValue(now);
    q->addBindValue(projectId);
    if (auto r = m_db.read(*q); !r)
        return r.error();
    ProjectUse use;
    if (q->next()) {
        use.entries = q->value(0).toInt();
        use.billableMs = q->value(1).toLongLong();
        use.costCents = q->value(2).toLongLong();
    }
    return use;
}

} // namespace st
