#include "HubStore.h"

#include "domain/Json.h"
#include "store/Repositories.h"
#include "timer/Profile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLocale>
#include <QRandomGenerator>

#include <array>

namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::HubStore)
};

QString currencyOfThisMachine()
{
    const QString iso = QLocale::system().currencySymbol(QLocale::CurrencyIsoCode);
    return iso.size() == 3 ? iso : QStringLiteral("EUR");
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

HubStore::HubStore(const Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

QString HubStore::hashToken(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString HubStore::newToken()
{
    std::array<quint32, 8> words{}; // 32 random bytes
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), sizeof(words));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<void> HubStore::insertToken(const QString &orgId, const QString &token)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO hub_tokens (token_hash, org_id, "
                                              "created_at, revoked_at) VALUES (?, ?, ?, NULL)"));
    q.addBindValue(hashToken(token));
    q.addBindValue(orgId);
    q.addBindValue(m_clock.nowMs());
    return m_db.exec(q);
}

Result<HubStore::Created> HubStore::createOrganization(const QString &name)
{
    if (auto r = validate::userName(name); !r)
        return Error::invalid(Tr::tr("An organisation needs a name of 1 to 80 characters."));
    const Ms now = m_clock.nowMs();
    Organization org{newId(), name.trimmed(), currencyOfThisMachine(), now};
    CatalogRepository catalog(m_db);
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    if (auto r = catalog.saveOrganization(org); !r)
        return r.error();
    // The default task types are the first changes of the log, so a device that joins later
    // learns them (and their IDs) with sync:pull from 0 like any other change.
    for (const TaskType &type : profile::defaultTaskTypes(org.id, now)) {
        if (auto r = catalog.saveTaskType(type); !r)
            return r.error();
        if (auto r = appendChange(org.id, QStringLiteral("taskType:changed"),
                                  {{QStringLiteral("taskType"), json::fromTaskType(type)}});
            !r)
            return r.error();
    }
    const QString token = newToken();
    if (auto r = insertToken(org.id, token); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return Created{org, token};
}

Result<QString> HubStore::issueToken(const QString &orgId)
{
    if (!organization(orgId))
        return Error::notFound(Tr::tr("No organisation %1.").arg(orgId));
    const QString token = newToken();
    if (auto r = insertToken(orgId, token); !r)
        return r.error();
    return token;
}

Result<QString> HubStore::revokeToken(const QString &token)
{
    const QString hash = hashToken(token.trimmed());
    QSqlQuery find = m_db.prepare(QStringLiteral(
        "SELECT org_id FROM hub_tokens WHERE token_hash = ? AND revoked_at IS NULL"));
    find.addBindValue(hash);
    if (auto r = m_db.exec(find); !r)
        return r.error();
    if (!find.next())
        return Error::notFound(Tr::tr("No such token, or it is revoked already."));
    const QString orgId = find.value(0).toString();
    QSqlQuery q =
        m_db.prepare(QStringLiteral("UPDATE hub_tokens SET revoked_at = ? WHERE token_hash = ?"));
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(hash);
    if (auto r = m_db.exec(q); !r)
        return r.error();
    return orgId;
}

std::optional<QString> HubStore::organizationForToken(const QString &token) const
{
    if (token.isEmpty())
        return std::nullopt;
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT org_id FROM hub_tokens WHERE token_hash = ? AND revoked_at IS NULL"));
    q.addBindValue(hashToken(token));
    if (!m_db.exec(q) || !q.next())
        return std::nullopt;
    return q.value(0).toString();
}

bool HubStore::isRevokedHash(const QString &tokenHash) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT 1 FROM hub_tokens WHERE token_hash = ? AND revoked_at IS NULL"));
    q.addBindValue(tokenHash);
    return !m_db.exec(q) || !q.next();
}

QList<HubStore::OrgSummary> HubStore::organizations() const
{
    QList<OrgSummary> result;
    const auto orgs = CatalogRepository(m_db).organizations(); // a failure is logged
    for (const Organization &org : orgs ? orgs.value() : QList<Organization>()) {
        OrgSummary s;
        s.org = org;
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "SELECT COUNT(*) FROM hub_tokens WHERE org_id = ? AND revoked_at IS NULL"));
        q.addBindValue(org.id);
        if (m_db.exec(q) && q.next())
            s.activeTokens = q.value(0).toInt();
        s.head = head(org.id);
        result.append(s);
    }
    return result;
}

std::optional<Organization> HubStore::organization(const QString &orgId) const
{
    auto org = CatalogRepository(m_db).organization(orgId); // a failure is logged
    return org ? org.value() : std::nullopt;
}

qint64 HubStore::head(const QString &orgId) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM hub_changes WHERE org_id = ?"));
    q.addBindValue(orgId);
    if (!m_db.exec(q) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

Result<qint64> HubStore::appendChange(const QString &orgId, const QString &type, QJsonObject data)
{
    const qint64 seq = head(orgId) + 1;
    data.insert(QStringLiteral("seq"), double(seq));
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO hub_changes (org_id, seq, type, data, at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(orgId);
    q.addBindValue(seq);
    q.addBindValue(type);
    q.addBindValue(jsonText(data));
    q.addBindValue(m_clock.nowMs());
    if (auto r = m_db.exec(q); !r)
        return r.error();
    return seq;
}

Result<QList<HubStore::Change>> HubStore::changesSince(const QString &orgId, qint64 since,
                                                       int limit, bool *more) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT seq, type, data FROM hub_changes WHERE org_id = ? AND seq > ? "
                       "ORDER BY seq LIMIT ?"));
    q.addBindValue(orgId);
    q.addBindValue(since);
    q.addBindValue(limit + 1);
    if (auto r = m_db.exec(q); !r)
        return r.error();
    QList<Change> changes;
    bool extra = false;
    while (q.next()) {
        if (changes.size() == limit) {
            extra = true;
            break;
        }
        changes.append(
            {q.value(0).toLongLong(), q.value(1).toString(), jsonObject(q.value(2).toString())});
    }
    if (more)
        *more = extra;
    return changes;
}

std::optional<QJsonObject> HubStore::opAnswer(const QString &orgId, const QString &opId) const
{
    QSqlQuery q =
        m_db.prepare(QStringLiteral("SELECT answer FROM hub_ops WHERE org_id = ? AND op_id = ?"));
    q.addBindValue(orgId);
    q.addBindValue(opId);
    if (!m_db.exec(q) || !q.next())
        return std::nullopt;
    return jsonObject(q.value(0).toString());
}

Result<void> HubStore::saveOp(const QString &orgId, const QString &opId, const QJsonObject &answer)
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("INSERT INTO hub_ops (org_id, op_id, answer, at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(orgId);
    q.addBindValue(opId);
    q.addBindValue(jsonText(answer));
    q.addBindValue(m_clock.nowMs());
    return m_db.exec(q);
}

} // namespace st
