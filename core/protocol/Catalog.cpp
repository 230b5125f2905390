#include "Catalog.h"

#include "Fields.h"

namespace st::protocol {

namespace {

QJsonValue integerOrNull(const std::optional<qint64> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject fromClient(const Client &c)
{
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("color"), c.color},
            {QStringLiteral("hourlyRateCents"), integerOrNull(c.hourlyRateCents)},
            {QStringLiteral("archived"), c.archived},
            {QStringLiteral("updatedAt"), double(c.updatedAt)}};
}

Result<Client> toClient(const QJsonObject &object)
{
    Reader r(object, QStringLiteral("client"));
    Client c;
    c.id = r.id("id");
    c.name = r.text("name", true, validate::kMaxNameLength);
    c.color = r.text("color", true, 16);
    c.hourlyRateCents = r.rate("hourlyRateCents");
    c.archived = r.boolean("archived", false);
    c.updatedAt = r.time("updatedAt").value_or(0);
    if (!r.ok())
        return r.error();
    if (auto v = validate::client(c); !v)
        return v.error();
    return c;
}

QJsonObject fromProject(const Project &p)
{
    return {{QStringLiteral("id"), p.id},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("clientId"), idOrNull(p.clientId)},
            {QStringLiteral("color"), p.color},
            {QStringLiteral("hourlyRateCents"), integerOrNull(p.hourlyRateCents)},
            {QStringLiteral("budgetMs"), integerOrNull(p.budgetMs)},
            {QStringLiteral("budgetCents"), integerOrNull(p.budgetCents)},
            {QStringLiteral("archived"), p.archived},
            {QStringLiteral("updatedAt"), double(p.updatedAt)}};
}

Result<Project> toProject(const QJsonObject &object)
{
    Reader r(object, QStringLiteral("project"));
    Project p;
    p.id = r.id("id");
    p.name = r.text("name", true, validate::kMaxNameLength);
    p.clientId = r.id("clientId", false);
    p.color = r.text("color", true, 16);
    p.hourlyRateCents = r.rate("hourlyRateCents");
    p.budgetMs = r.integer("budgetMs");
    p.budgetCents = r.integer("budgetCents");
    p.archived = r.boolean("archived", false);
    p.updatedAt = r.time("updatedAt").value_or(0);
    if (!r.ok())
        return r.error();
    if (auto v = validate::project(p); !v)
        return v.error();
    return p;
}

} // namespace st::protocol
