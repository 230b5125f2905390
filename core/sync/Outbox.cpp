#include "Outbox.h"

#include "store/LockRepository.h"
#include "store/RosterRepository.h"

#include "domain/Json.h"
#include "store/Repositories.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlQuery>

#include <type_traits>

Q_LOGGING_CATEGORY(lcOutbox, "studiotimer.sync.outbox", QtWarningMsg)

namespace st {

namespace {

QString toText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject toObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

const QString kOpColumns = QStringLiteral("op_id, position, event, payload, created_at, attempts");
const QString kConflictColumns = QStringLiteral(
    "id, op_id, event, payload, entry_id, code, message, at, seen, base_rev, theirs_json");

// The event of a stored row (a name this build does not know is logged and read as none).
std::optional<protocol::Event> storedEvent(const QSqlQuery &q, int column)
{
    const QString name = q.value(column).toString();
    const auto event = protocol::eventFromName(name);
    if (!event || !protocol::isMutation(*event)) {
        qCWarning(lcOutbox) << "Skipping a stored change of an unknown kind:" << name;
        return std::nullopt;
    }
    return event;
}

std::optional<OutboxOp> readOp(const QSqlQuery &q)
{
    OutboxOp op;
    const auto event = storedEvent(q, 2);
    if (!event)
        return std::nullopt;
    op.opId = q.value(0).toString();
    op.position = q.value(1).toLongLong();
    op.event = *event;
    op.payload = toObject(q.value(3).toString());
    op.createdAt = q.value(4).toLongLong();
    op.attempts = q.value(5).toInt();
    return op;
}

// sync_conflicts.theirs_json: {entry, user, device} (the hub's entry, who made it and where).
QJsonObject theirsJson(const SyncConflict &c)
{
    return {{QStringLiteral("entry"), json::fromEntry(*c.theirs)},
            {QStringLiteral("user"), c.theirsUser},
            {QStringLiteral("device"), c.theirsDevice}};
}

std::optional<SyncConflict> readConflict(const QSqlQuery &q)
{
    SyncConflict c;
    const auto event = storedEvent(q, 2);
    if (!event)
        return std::nullopt;
    c.id = q.value(0).toString();
    c.opId = q.value(1).toString();
    c.event = *event;
    c.payload = toObject(q.value(3).toString());
    c.entryId = q.value(4).toString();
    c.code = errorCodeFromName(q.value(5).toString()).value_or(ErrorCode::Internal);
    c.message = q.value(6).toString();
    c.at = q.value(7).toLongLong();
    c.seen = q.value(8).toInt() != 0;
    if (!q.value(9).isNull())
        c.baseRev = q.value(9).toLongLong();
    if (!q.value(10).isNull()) {
        const QJsonObject theirs = toObject(q.value(10).toString());
        if (auto entry = json::toEntry(theirs.value(QStringLiteral("entry")).toObject()))
            c.theirs = entry.value();
        c.theirsUser = theirs.value(QStringLiteral("user")).toString();
        c.theirsDevice = theirs.value(QStringLiteral("device")).toString();
    }
    return c;
}

} // namespace

QJsonObject OutboxOp::request(const std::optional<protocol::UserRef> &user) const
{
    auto stored = protocol::decodeStoredRequest(event, payload);
    if (!stored) {
        // Sent as it is: the hub's refusal names the problem and the change becomes a conflict.
        qCWarning(lcOutbox) << "A stored change does not decode:" << stored.error().message;
        return payload;
    }
    protocol::Envelope &envelope = protocol::envelopeOf(stored.value());
    envelope.opId = opId;
    if (!envelope.user)
        envelope.user = user;
    return protocol::encode(stored.value());
}

QString OutboxOp::subjectId() const
{
    const auto request = protocol::decodeStoredRequest(event, payload);
    return request ? protocol::subjectOf(request.value()) : QString();
}

Outbox::Outbox(const Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

void Outbox::attach(TimerService &service)
{
    service.setMutationSink([this](const Mutation &m) -> Result<void> {
        if (auto r = record(m); !r)
            return r.error();
        return {};
    });
}

Result<QString> Outbox::record(const Mutation &mutation)
{
    return record(mutation.request);
}

Result<QString> Outbox::record(const protocol::Request &request)
{
    const QString opId = newId();
    QSqlQuery q = m_db.prepare(
        QStringLiteral("INSERT INTO sync_outbox (") + kOpColumns +
        QStringLiteral(") SELECT ?, COALESCE(MAX(position), 0) + 1, ?, ?, ?, 0 FROM sync_outbox"));
    q.addBindValue(opId);
    q.addBindValue(protocol::eventName(protocol::eventOf(request)));
    q.addBindValue(toText(protocol::encode(request)));
    q.addBindValue(m_clock.nowMs());
    if (auto r = m_db.exec(q); !r)
        return r.error();
    return opId;
}

QList<OutboxOp> Outbox::pending(int limit) const
{
    QList<OutboxOp> result;
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT ") + kOpColumns +
                               QStringLiteral(" FROM sync_outbox ORDER BY position LIMIT ?"));
    q.addBindValue(limit < 0 ? -1 : limit);
    if (q.exec()) {
        while (q.next()) {
            if (auto op = readOp(q))
                result.append(*op);
        }
    }
    return result;
}

std::optional<OutboxOp> Outbox::op(const QString &opId) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT ") + kOpColumns +
                               QStringLiteral(" FROM sync_outbox WHERE op_id = ?"));
    q.addBindValue(opId);
    if (q.exec() && q.next())
        return readOp(q);
    return std::nullopt;
}

int Outbox::pendingCount() const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM sync_outbox"));
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

bool Outbox::hasPendingFor(const QString &subjectId) const
{
    if (subjectId.isEmpty())
        return false;
    // Only the rows whose payload mentions the ID (a UUID, written as it is in the JSON) are
    // decoded: this runs for every change the hub sends, and decoding the whole outbox each time
    // made a long replay quadratic.
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT ") + kOpColumns +
                               QStringLiteral(" FROM sync_outbox WHERE instr(payload, ?) > 0"));
    q.addBindValue(subjectId);
    if (!q.exec())
        return false;
    while (q.next()) {
        if (const auto op = readOp(q); op && op->subjectId() == subjectId)
            return true;
    }
    return false;
}

Result<void> Outbox::acknowledge(const QString &opId)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM sync_outbox WHERE op_id = ?"));
    q.addBindValue(opId);
    return m_db.exec(q);
}

Result<void> Outbox::markSent(const QString &opId)
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("UPDATE sync_outbox SET attempts = attempts + 1 WHERE op_id = ?"));
    q.addBindValue(opId);
    return m_db.exec(q);
}

Result<SyncConflict> Outbox::refuse(const QString &opId, const Error &reason, bool inTransaction,
                                    const std::optional<TimeEntry> &theirs,
                                    const QList<AuditRecord> &trail)
{
    const auto found = op(opId);
    if (!found)
        return Error::notFound(
            QCoreApplication::translate("st::Outbox", "No pending change %1.").arg(opId));
    std::optional<Transaction> tx;
    if (!inTransaction) {
        tx.emplace(m_db);
        if (!tx->isActive())
            return tx->error();
    }
    SyncConflict c;
    c.id = newId();
    c.opId = found->opId;
    c.event = found->event;
    c.payload = found->payload;
    c.entryId = found->subjectId();
    c.code = reason.code;
    c.message = reason.message;
    c.at = m_clock.nowMs();
    if (const auto request = protocol::decodeStoredRequest(c.event, c.payload))
        c.baseRev = protocol::baseRevOf(request.value());
    c.theirs = theirs;
    if (theirs && !trail.isEmpty() && trail.last().after == audit::entryState(*theirs)) {
        c.theirsUser = trail.last().actorName;
        c.theirsDevice = trail.last().deviceName;
    }
    QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO sync_conflicts (") + kConflictColumns +
                               QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"));
    q.addBindValue(c.id);
    q.addBindValue(c.opId);
    q.addBindValue(protocol::eventName(c.event));
    q.addBindValue(toText(c.payload));
    q.addBindValue(c.entryId.isEmpty() ? QVariant() : QVariant(c.entryId));
    q.addBindValue(errorCodeName(c.code));
    q.addBindValue(c.message);
    q.addBindValue(c.at);
    q.addBindValue(c.baseRev ? QVariant(*c.baseRev) : QVariant());
    q.addBindValue(c.theirs ? QVariant(toText(theirsJson(c))) : QVariant());
    if (auto r = m_db.exec(q); !r)
        return r.error();
    // The change never happened at the hub: its trail row goes (the conflict keeps the change).
    if (const auto request = protocol::decodeStoredRequest(c.event, c.payload)) {
        const QString auditId = std::visit(
            [](const auto &r) {
                if constexpr (std::is_base_of_v<protocol::Audited, std::decay_t<decltype(r)>>)
                    return r.auditId;
                else
                    return QString();
            },
            request.value());
        // (A refused lock goes back to the lock before it: its trail's last row.)
        const Result<void> withdrawn =
            auditId.isEmpty()                        ? Result<void>{}
            : c.event == protocol::Event::LockSet    ? LockRepository(m_db).withdraw(auditId)
            : c.event == protocol::Event::RosterEdit ? RosterRepository(m_db).withdraw(auditId)
                                                     : EntryRepository(m_db).removeAudit(auditId);
        if (!withdrawn)
            return withdrawn.error();
        // A refused reprice: its trail rows go too.
        if (const auto *reprice = std::get_if<protocol::TaskTypeReprice>(&request.value())) {
            for (const QString &rowId : reprice->audits) {
                if (auto r = EntryRepository(m_db).removeAudit(rowId); !r)
                    return r.error();
            }
        }
    }
    if (auto r = acknowledge(opId); !r)
        return r.error();
    if (tx) {
        if (auto r = tx->commit(); !r)
            return r.error();
    }
    return c;
}

Result<void> Outbox::clearInTransaction()
{
    QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM sync_outbox"));
    return m_db.exec(q);
}

QList<SyncConflict> Outbox::conflicts(bool includeSeen) const
{
    QList<SyncConflict> result;
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT ") + kConflictColumns +
                               QStringLiteral(" FROM sync_conflicts WHERE seen = 0 OR ? = 1 "
                                              "ORDER BY at, id"));
    q.addBindValue(includeSeen ? 1 : 0);
    if (q.exec()) {
        while (q.next()) {
            if (auto c = readConflict(q))
                result.append(*c);
        }
    }
    return result;
}

std::optional<SyncConflict> Outbox::conflict(const QString &id) const
{
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT ") + kConflictColumns +
                               QStringLiteral(" FROM sync_conflicts WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return readConflict(q);
    return std::nullopt;
}

Result<void> Outbox::removeConflict(const QString &id)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM sync_conflicts WHERE id = ?"));
    q.addBindValue(id);
    return m_db.exec(q);
}

int Outbox::unseenConflictCount() const
{
    QSqlQuery q =
        m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM sync_conflicts WHERE seen = 0"));
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

Result<void> Outbox::markConflictsSeen()
{
    QSqlQuery q = m_db.prepare(QStringLiteral("UPDATE sync_conflicts SET seen = 1 WHERE seen = 0"));
    return m_db.exec(q);
}

} // namespace st
