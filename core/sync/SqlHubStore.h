#pragma once

#include "domain/Clock.h"
#include "store/Database.h"
#include "sync/HubStore.h"

namespace st {

// The hub's store on its database (tables of migration 0002_hub.sql), on the hub's one connection:
// SQLite, or PostgreSQL shared by several hubs. One set of SQL for both; on PostgreSQL the
// organisation's row is locked (SELECT ... FOR UPDATE) before its seq is taken, so concurrent
// hubs number its changes one after the other without gaps, and every change sends a NOTIFY on
// kChangesChannel ("orgId seq") that is delivered when its transaction commits.
// Failed queries are logged by Database::exec with their SQL.
class SqlHubStore final : public HubStore
{
public:
    // The PostgreSQL channel of the change notifications.
    static QString changesChannel() { return QStringLiteral("studiotimer_changes"); }

    SqlHubStore(const Database &db, const Clock &clock);

    Result<void> lockOrganization(const QString &orgId) override;
    Result<Created> createOrganization(const QString &name) override;
    Result<QString> issueToken(const QString &orgId) override;
    Result<QString> revokeToken(const QString &token) override;
    Result<std::optional<Organization>> organizationForToken(const QString &token) const override;
    Result<bool> isRevokedHash(const QString &tokenHash) const override;
    Result<qint64> revocationMarker() const override;
    Result<QList<OrgSummary>> organizations() const override;

    Result<qint64> head(const QString &orgId) const override;
    Result<qint64> appendChange(const QString &orgId, const QString &type,
                                QJsonObject data) override;
    Result<QList<Change>> changesSince(const QString &orgId, qint64 since, int limit,
                                       bool *more) const override;

    Result<std::optional<Op>> op(const QString &orgId, const QString &opId) const override;
    Result<void> saveOp(const QString &orgId, const QString &opId, const Op &op) override;

private:
    Result<void> insertToken(const QString &orgId, const QString &token);

    const Database &m_db;
    const Clock &m_clock;
};

} // namespace st
