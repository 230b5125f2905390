#pragma once

#include "domain/Clock.h"
#include "domain/Types.h"
#include "store/Database.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace st {

// What the sync hub keeps beside the organisations' own data (migration 0002_hub.sql):
// device tokens (as SHA-256 hashes only), the gapless change log per organisation, and the
// answers of applied opIds. Synchronous, on the hub's one database connection.
class HubStore final
{
public:
    HubStore(const Database &db, const Clock &clock);

    struct OrgSummary
    {
        Organization org;
        int activeTokens = 0;
        qint64 head = 0;
    };

    struct Change
    {
        qint64 seq = 0;
        QString type; // the broadcast's event name, e.g. "timer:started"
        QJsonObject data;
    };

    // A new organisation with the default task types (logged as its first changes, seq 1..5),
    // and its first device token.
    // Returns {org, token}; the token is shown once and never stored.
    struct Created
    {
        Organization org;
        QString token;
    };
    Result<Created> createOrganization(const QString &name);
    // A new device token for an existing organisation.
    Result<QString> issueToken(const QString &orgId);
    // Revokes a token (given in full); unknown or already revoked tokens are not_found.
    Result<QString> revokeToken(const QString &token); // returns the organisation's id
    // The organisation a live (not revoked) token belongs to.
    std::optional<QString> organizationForToken(const QString &token) const;
    // Whether the token with this hash no longer admits anyone (revoked or unknown).
    bool isRevokedHash(const QString &tokenHash) const;
    QList<OrgSummary> organizations() const;
    std::optional<Organization> organization(const QString &orgId) const;

    static QString hashToken(const QString &token);

    // Change log. appendChange must run inside the transaction of the change itself.
    qint64 head(const QString &orgId) const;
    Result<qint64> appendChange(const QString &orgId, const QString &type, QJsonObject data);
    // Changes with seq > since, at most limit of them; *more says whether others follow.
    Result<QList<Change>> changesSince(const QString &orgId, qint64 since, int limit,
                                       bool *more) const;

    // opId answers. saveOp must run inside the transaction of the change.
    std::optional<QJsonObject> opAnswer(const QString &orgId, const QString &opId) const;
    Result<void> saveOp(const QString &orgId, const QString &opId, const QJsonObject &answer);

private:
    static QString newToken();
    Result<void> insertToken(const QString &orgId, const QString &token);

    const Database &m_db;
    const Clock &m_clock;
};

} // namespace st
