#pragma once

#include "domain/Error.h"
#include "domain/Types.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace st {

// What the sync hub keeps beside the organisations' own data: device tokens (as SHA-256 hashes
// only), the gapless change log per organisation, and the answers of applied opIds.
// Every read returns a Result: a query that fails is an error (logged with its SQL and bound
// values by the implementation), never "not found".
// SqlHubStore is the implementation on the hub's database, SQLite or PostgreSQL (migration
// 0002_hub.sql).
class HubStore
{
public:
    virtual ~HubStore() = default;

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
    virtual Result<Created> createOrganization(const QString &name) = 0;
    // A new device token for an existing organisation.
    virtual Result<QString> issueToken(const QString &orgId) = 0;
    // Revokes a token (given in full); unknown or already revoked tokens are not_found.
    virtual Result<QString> revokeToken(const QString &token) = 0; // the organisation's id
    // The organisation a live (not revoked) token belongs to; nullopt for an unknown, empty or
    // revoked token.
    virtual Result<std::optional<Organization>>
    organizationForToken(const QString &token) const = 0;
    // Whether the token with this hash no longer admits anyone (revoked or unknown).
    virtual Result<bool> isRevokedHash(const QString &tokenHash) const = 0;
    // A number that changes whenever a token is revoked, by this process or another (the
    // "org revoke" command while the hub runs). Cheap: the hub asks about twice a second and
    // checks its connections' tokens only when it moved. SQLite counts the revoked tokens; a
    // PostgreSQL store can bump it from a NOTIFY.
    virtual Result<qint64> revocationMarker() const = 0;
    virtual Result<QList<OrgSummary>> organizations() const = 0;

    static QString hashToken(const QString &token);

    // Holds the organisation's changes back in other transactions (other hubs on one database)
    // until this transaction ends: its reads see every committed change and its seq is the next
    // one. Run inside the change's transaction, before reading what the change depends on.
    virtual Result<void> lockOrganization(const QString &orgId) = 0;

    // Change log. appendChange must run inside the transaction of the change itself (it takes
    // lockOrganization too).
    virtual Result<qint64> head(const QString &orgId) const = 0;
    virtual Result<qint64> appendChange(const QString &orgId, const QString &type,
                                        QJsonObject data) = 0;
    // Changes with seq > since, at most limit of them; *more says whether others follow.
    virtual Result<QList<Change>> changesSince(const QString &orgId, qint64 since, int limit,
                                               bool *more) const = 0;

    // An applied opId: its first answer and the hash of the request it was applied for
    // (requestHash(); empty for an op recorded before schema 6).
    struct Op
    {
        QJsonObject answer;
        QString requestHash;
    };
    // nullopt: the opId was not applied. saveOp must run inside the transaction of the change.
    virtual Result<std::optional<Op>> op(const QString &orgId, const QString &opId) const = 0;
    virtual Result<void> saveOp(const QString &orgId, const QString &opId, const Op &op) = 0;

    // The SHA-256 (hex) of a request: its event name and its payload as compact JSON (keys
    // sorted), so the same request always hashes the same.
    static QString requestHash(const QString &event, const QJsonObject &payload);

protected:
    // 32 random bytes, URL-safe base64.
    static QString newToken();
};

} // namespace st
