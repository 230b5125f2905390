#include "SqlHubStore.h"

#include "protocol/Broadcasts.h"

#include "domain/Json.h"
#include "store/Repositories.h"
#include "timer/Profile.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>

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

// An organisation from the first four columns: id, name, currency, updated_at.
Organization organizationAt(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toLongLong()};
}

} // namespace

SqlHubStore::SqlHubStore(const Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

Result<void> SqlHubStore::insertToken(const QString &orgId, const QString &token)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO hub_tokens (token_hash, org_id, "
                                              "created_at, revoked_at) VALUES (?, ?, ?, NULL)"));
    q.addBindValue(hashToken(token));
    q.addBindValue(orgId);
    q.addBindValue(m_clock.nowMs());
    return m_db.exec(q);
}

Result<HubStore::Created> SqlHubStore::createOrganization(const QString &name)
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
        const protocol::Broadcast change = protocol::TaskTypeChanged{0, type};
        if (auto r = appendChange(org.id, protocol::eventName(protocol::eventOf(change)),
                                  protocol::encode(change));
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

Result<QString> SqlHubStore::issueToken(const QString &orgId)
{
    QSqlQuery find = m_db.prepare(QStringLiteral("SELECT 1 FROM organizations WHERE id = ?"));
    find.addBindValue(orgId);
    if (auto r = m_db.exec(find); !r)
        return r.error();
    if (!find.next())
        return Error::notFound(Tr::tr("No organisation %1.").arg(orgId));
    const QString token = newToken();
    if (auto r = insertToken(orgId, token); !r)
        return r.error();
    return token;
}

Result<QString> SqlHubStore::revokeToken(const QString &token)
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

Result<std::optional<Organization>> SqlHubStore::organizationForToken(const QString &token) const
{
    if (token.isEmpty())
        return std::optional<Organization>();
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT o.id, o.name, o.currency, o.updated_at FROM hub_tokens t "
        "JOIN organizations o ON o.id = t.org_id WHERE t.token_hash = ? AND t.revoked_at IS NULL"));
    q.addBindValue(hashToken(token));
    if (auto r = m_db.exec(q); !r)
        return r.error();
    if (!q.next())
        return std::optional<Organization>();
    return std::optional<Organization>(organizationAt(q));
}

Result<bool> SqlHubStore::isRevokedHash(const QString &tokenHash) const
{
    CachedQuery q(
        m_db,
        QStringLiteral("SELECT 1 FROM hub_tokens WHERE token_hash = ? AND revoked_at IS NULL"));
    q->addBindValue(tokenHash);
    if (auto r = m_db.exec(*q); !r)
        return r.error();
    return !q->next();
}

Result<qint64> SqlHubStore::revocationMarker() const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT COUNT(*) FROM hub_tokens WHERE revoked_at IS NOT NULL"));
    if (auto r = m_db.exec(q); !r)
        return r.error();
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

Result<QList<HubStore::OrgSummary>> SqlHubStore::organizations() const
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT o.id, o.name, o.currency, o.updated_at, "
        "(SELECT COUNT(*) FROM hub_tokens t WHERE t.org_id = o.id AND t.revoked_at IS NULL), "
        "(SELECT COALESCE(MAX(c.seq), 0) FROM hub_changes c WHERE c.org_id = o.id) "
        "FROM organizations o ORDER BY o.name, o.id"));
    if (auto r = m_db.exec(q); !r)
        return r.error();
    QList<OrgSummary> result;
    while (q.next())
        result.append({organizationAt(q), q.value(4).toInt(), q.value(5).toLongLong()});
    return result;
}

Result<qint64> SqlHubStore::head(const QString &orgId) const
{
    CachedQuery q(m_db,
                  QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM hub_changes WHERE org_id = ?"));
    q->addBindValue(orgId);
    if (auto r = m_db.exec(*q); !r)
        return r.error();
    return q->next() ? q->value(0).toLongLong() : qint64(0);
}

Result<void> SqlHubStore::lockOrganization(const QString &orgId)
{
    if (!m_db.isPostgres())
        return {}; // SQLite: the write transaction already excludes every other writer
    CachedQuery q(m_db,
                  QStringLiteral("SELECT id FROM organizations WHERE id = ?") + m_db.forUpdate());
    q->addBindValue(orgId);
    return m_db.exec(*q);
}

Result<qint64> SqlHubStore::appendChange(const QString &orgId, const QString &type,
                                         QJsonObject data)
{
    if (auto r = lockOrganization(orgId); !r)
        return r.error();
    const Result<qint64> last = head(orgId);
    if (!last)
        return last.error();
    const qint64 seq = *last + 1;
    data.insert(QStringLiteral("seq"), double(seq));
    CachedQuery q(
        m_db, QStringLiteral(
                  "INSERT INTO hub_changes (org_id, seq, type, data, at) VALUES (?, ?, ?, ?, ?)"));
    q->addBindValue(orgId);
    q->addBindValue(seq);
    q->addBindValue(type);
    q->addBindValue(jsonText(data));
    q->addBindValue(m_clock.nowMs());
    if (auto r = m_db.exec(*q); !r)
        return r.error();
    if (m_db.isPostgres()) {
        // Delivered to every listening hub when the change commits, never before nor if not.
        CachedQuery notify(m_db, QStringLiteral("SELECT pg_notify(?, ?)"));
        notify->addBindValue(changesChannel());
        notify->addBindValue(QString(orgId + QLatin1Char(' ') + QString::number(seq)));
        if (auto r = m_db.exec(*notify); !r)
            return r.error();
    }
    return seq;
}

Result<QList<HubStore::Change>> SqlHubStore::changesSince(const QString &orgId, qint64 since,
                                                          int limit, bool *more) const
{
    CachedQuery q(
        m_db, QStringLiteral("SELECT seq, type, data FROM hub_changes WHERE org_id = ? AND seq > ? "
                             "ORDER BY seq LIMIT ?"));
    q->addBindValue(orgId);
    q->addBindValue(since);
    q->addBindValue(limit + 1);
    if (auto r = m_db.exec(*q); !r)
        return r.error();
    QList<Change> changes;
    bool extra = false;
    while (q->next()) {
        if (changes.size() == limit) {
            extra = true;
            break;
        }
        changes.append(
            {q->value(0).toLongLong(), q->value(1).toString(), jsonObject(q->value(2).toString())});
    }
    if (more)
        *more = extra;
    return changes;
}

Result<std::optional<HubStore::Op>> SqlHubStore::op(const QString &orgId, const QString &opId) const
{
    CachedQuery q(
        m_db,
        QStringLiteral("SELECT answer, request_hash FROM hub_ops WHERE org_id = ? AND op_id = ?"));
    q->addBindValue(orgId);
    q->addBindValue(opId);
    if (auto r = m_db.exec(*q); !r)
        return r.error();
    if (!q->next())
        return std::optional<Op>();
    return std::optional<Op>(Op{jsonObject(q->value(0).toString()), q->value(1).toString()});
}

Result<void> SqlHubStore::saveOp(const QString &orgId, const QString &opId, const Op &op)
{
    CachedQuery q(m_db, QStringLiteral("INSERT INTO hub_ops (org_id, op_id, answer, "
                                       "request_hash, at) VALUES (?, ?, ?, ?, ?)"));
    q->addBindValue(orgId);
    q->addBindValue(opId);
    q->addBindValue(jsonText(op.answer));
    q->addBindValue(op.requestHash);
    q->addBindValue(m_clock.nowMs());
    return m_db.exec(*q);
}

} // namespace st
