#include "Repositories.h"

#include "RateRepository.h"
#include "Sql.h"

#include "domain/Money.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlRecord>
#include <QVariantList>

namespace st {

namespace {

using sql::appendWhere;
using sql::kBillableSql;
using sql::readAll;
using sql::readFirst;
using sql::Sql;

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullable(const std::optional<Ms> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

// A null QString binds as SQL NULL: text columns that are NOT NULL get an empty string instead.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

std::optional<Ms> optionalMs(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<Ms>(value.toLongLong());
}

// The columns of time_entries in the order readEntry expects them.
const QString kEntryColumns = QStringLiteral(
    "e.id, e.org_id, e.user_id, e.task_type_id, e.room_id, e.note, e.started_at, e.ended_at, "
    "e.paused_ms, e.paused_at, e.source, e.rev, e.updated_at, e.deleted, e.adjusted, "
    "e.hourly_rate_cents, e.project_id, e.tags, e.billable");

TimeEntry readEntry(const QSqlQuery &q)
{
    TimeEntry e;
    e.id = q.value(0).toString();
    e.orgId = q.value(1).toString();
    e.userId = q.value(2).toString();
    e.taskTypeId = q.value(3).toString();
    e.roomId = q.value(4).toString();
    e.note = q.value(5).toString();
    e.startedAt = q.value(6).toLongLong();
    e.endedAt = optionalMs(q.value(7));
    e.pausedMs = q.value(8).toLongLong();
    e.pausedAt = optionalMs(q.value(9));
    e.source = entrySourceFromName(q.value(10).toString()).value_or(EntrySource::Timer);
    e.rev = q.value(11).toInt();
    e.updatedAt = q.value(12).toLongLong();
    e.deleted = q.value(13).toInt() != 0;
    e.adjusted = q.value(14).toInt() != 0;
    e.hourlyRateCents = q.value(15).toLongLong();
    e.projectId = q.value(16).toString();
    e.tags = sql::tagsFrom(q.value(17).toString());
    e.billable = q.value(18).toInt() != 0;
    return e;
}

} // namespace

// ---- EntryRepository ---------------------------------------------------------------------------

Result<std::optional<TimeEntry>> EntryRepository::entry(const QString &id) const
{
    CachedQuery q(m_db, QStringLiteral("SELECT ") + kEntryColumns +
                            QStringLiteral(" FROM time_entries e WHERE e.id = ?"));
    q->addBindValue(id);
    return readFirst<TimeEntry>(m_db, *q, readEntry);
}

Result<QStringList> EntryRepository::idsWithPrefix(const QString &orgId, const QString &prefix,
                                                   int limit) const
{
    // IDs are lowercase hex and dashes: a prefix of anything else matches nothing.
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f-]{1,36}$"));
    if (!hex.match(prefix).hasMatch())
        return QStringList();
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT id FROM time_entries WHERE org_id = ? AND id >= ? AND id < ? ORDER BY id LIMIT ?"));
    q.addBindValue(orgId);
    q.addBindValue(prefix);
    q.addBindValue(QString(prefix + QStringLiteral("~"))); // '~' sorts after every ID character
    q.addBindValue(limit);
    auto ids =
        readAll<QString>(m_db, q, [](const QSqlQuery &row) { return row.value(0).toString(); });
    if (!ids)
        return ids.error();
    return QStringList(ids.value());
}

Result<std::optional<TimeEntry>> EntryRepository::runningEntry(const QString &userId) const
{
    CachedQuery q(
        m_db, QStringLiteral("SELECT ") + kEntryColumns +
                  QStringLiteral(" FROM time_entries e WHERE e.user_id = ? AND e.ended_at IS NULL "
                                 "AND e.deleted = 0"));
    q->addBindValue(userId);
    return readFirst<TimeEntry>(m_db, *q, readEntry);
}

Result<QList<TimeEntry>> EntryRepository::runningEntries(const QString &orgId) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT ") + kEntryColumns +
        QStringLiteral(" FROM time_entries e WHERE e.org_id = ? AND e.ended_at IS NULL "
                       "AND e.deleted = 0 ORDER BY e.started_at"));
    q.addBindValue(orgId);
    return readAll<TimeEntry>(m_db, q, readEntry);
}

Result<std::optional<TimeEntry>> EntryRepository::overlapping(const QString &userId, Ms start,
                                                              Ms end, const QString &excludeId,
                                                              Ms now) const
{
    const auto longest = longestEntryMs();
    if (!longest)
        return longest.error();
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT ") + kEntryColumns +
        QStringLiteral(" FROM time_entries e WHERE e.user_id = ? AND e.deleted = 0 AND e.id <> ? "
                       "AND e.started_at < ? AND e.started_at >= ? "
                       "AND COALESCE(e.ended_at, ?) > ? ORDER BY e.started_at LIMIT 1"));
    q.addBindValue(userId);
    q.addBindValue(excludeId);
    q.addBindValue(end);
    // A running entry may have started long ago: only finished ones are bounded by the longest.
    q.addBindValue(std::min(start - longest.value(), start));
    q.addBindValue(std::max(now, end));
    q.addBindValue(start);
    auto found = readFirst<TimeEntry>(m_db, q, readEntry);
    if (!found || found.value())
        return found;
    q.finish();
    // A running entry that started before the bound.
    auto running = runningEntry(userId);
    if (!running)
        return running.error();
    if (const auto &r = running.value();
        r && r->id != excludeId &&
        overlaps(start, end, r->startedAt, std::max(now, r->startedAt + 1)))
        return running;
    return std::optional<TimeEntry>();
}

Result<Ms> EntryRepository::longestEntryMs() const
{
    return sql::longestEntryMs(m_db);
}

Result<Ms> EntryRepository::earliestStart(const EntryFilter &filter, Ms now) const
{
    return sql::earliestStart(m_db, filter, now);
}

Result<void> EntryRepository::noteLength(const TimeEntry &entry)
{
    if (!entry.endedAt)
        return {};
    const Ms length = *entry.endedAt - entry.startedAt;
    const auto longest = longestEntryMs();
    if (!longest)
        return longest.error();
    if (length <= longest.value())
        return {};
    // The comparison again inside one statement: two hubs on one PostgreSQL database noting
    // entries at once keep the greater length (a read then a write could put back the smaller).
    CachedQuery q(m_db, QStringLiteral("INSERT INTO meta (key, value) VALUES ('longest_entry_ms', "
                                       "?) ON CONFLICT (key) DO UPDATE SET value = excluded.value "
                                       "WHERE CAST(meta.value AS BIGINT) < "
                                       "CAST(excluded.value AS BIGINT)"));
    q->addBindValue(QString::number(length));
    return m_db.exec(*q);
}

Result<void> EntryRepository::insert(const TimeEntry &entry)
{
    TimeEntry stamped = entry;
    return insert(stamped);
}

Result<void> EntryRepository::insert(TimeEntry &e)
{
    if (e.hourlyRateCents < 0) {
        const auto stamp = RateRepository(m_db).stamp(e);
        if (!stamp)
            return stamp.error();
        e.hourlyRateCents = stamp.value().hourlyRateCents;
        e.billable = stamp.value().billable;
    }
    CachedQuery q(m_db,
                  QStringLiteral(
                      "INSERT INTO time_entries (id, org_id, user_id, task_type_id, room_id, note, "
                      "started_at, ended_at, paused_ms, paused_at, source, rev, updated_at, "
                      "deleted, adjusted, hourly_rate_cents, project_id, tags, billable) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(e.id), QVariant(e.orgId), QVariant(e.userId), QVariant(e.taskTypeId),
          nullable(e.roomId), text(e.note), QVariant(e.startedAt), nullable(e.endedAt),
          QVariant(e.pausedMs), nullable(e.pausedAt), QVariant(entrySourceName(e.source)),
          QVariant(e.rev), QVariant(e.updatedAt), QVariant(e.deleted ? 1 : 0),
          QVariant(e.adjusted ? 1 : 0), QVariant(e.hourlyRateCents), nullable(e.projectId),
          QVariant(sql::tagsText(e.tags)), QVariant(e.billable ? 1 : 0)})
        q->addBindValue(v);
    if (auto r = m_db.exec(*q); !r)
        return r;
    return noteLength(e);
}

Result<void> EntryRepository::update(const TimeEntry &e)
{
    CachedQuery q(
        m_db,
        QStringLiteral(
            "UPDATE time_entries SET user_id = ?, task_type_id = ?, room_id = ?, note = ?, "
            "started_at = ?, ended_at = ?, paused_ms = ?, paused_at = ?, source = ?, rev = ?, "
            "updated_at = ?, deleted = ?, adjusted = ?, "
            "hourly_rate_cents = COALESCE(?, hourly_rate_cents), project_id = ?, tags = ?, "
            "billable = ? WHERE id = ?"));
    for (const QVariant &v :
         {QVariant(e.userId), QVariant(e.taskTypeId), nullable(e.roomId), text(e.note),
          QVariant(e.startedAt), nullable(e.endedAt), QVariant(e.pausedMs), nullable(e.pausedAt),
          QVariant(entrySourceName(e.source)), QVariant(e.rev), QVariant(e.updatedAt),
          QVariant(e.deleted ? 1 : 0), QVariant(e.adjusted ? 1 : 0),
          e.hourlyRateCents < 0 ? QVariant(QMetaType::fromType<qint64>()) // unstamped: kept
                                : QVariant(e.hourlyRateCents),
          nullable(e.projectId), QVariant(sql::tagsText(e.tags)), QVariant(e.billable ? 1 : 0),
          QVariant(e.id)})
        q->addBindValue(v);
    if (auto r = m_db.exec(*q); !r)
        return r;
    if (q->numRowsAffected() != 1)
        return Error::notFound(QStringLiteral("No entry %1.").arg(e.id));
    return noteLength(e);
}

Result<QList<TimeEntry>> EntryRepository::list(const EntryFilter &filter, const EntrySort &sort,
                                               int limit, int offset, Ms now) const
{
    const auto earliest = earliestStart(filter, now);
    if (!earliest)
        return earliest.error();
    Sql sql;
    sql.add(QStringLiteral("SELECT ") + kEntryColumns + QStringLiteral(" FROM time_entries e"));
    QString order;
    QVariantList orderValues;
    switch (sort.key) {
    case EntrySortKey::StartedAt:
        order = QStringLiteral("e.started_at");
        break;
    case EntrySortKey::EndedAt:
        order = QStringLiteral("COALESCE(e.ended_at, ?)");
        orderValues = {now};
        break;
    case EntrySortKey::Duration:
        order = kBillableSql;
        orderValues = {now, now};
        break;
    case EntrySortKey::TaskType:
        sql.add(QStringLiteral(" JOIN task_types t ON t.id = e.task_type_id"));
        order = QStringLiteral("LOWER(t.name)");
        break;
    case EntrySortKey::Project:
        sql.add(QStringLiteral(" LEFT JOIN projects p ON p.id = e.project_id"));
        order = QStringLiteral("LOWER(COALESCE(p.name, ''))");
        break;
    case EntrySortKey::User:
        sql.add(QStringLiteral(" JOIN users u ON u.id = e.user_id"));
        order = QStringLiteral("LOWER(u.name)");
        break;
    case EntrySortKey::Room:
        sql.add(QStringLiteral(" LEFT JOIN rooms r ON r.id = e.room_id"));
        order = QStringLiteral("LOWER(COALESCE(r.name, ''))");
        break;
    case EntrySortKey::Note:
        order = QStringLiteral("LOWER(e.note)");
        break;
    }
    appendWhere(sql, filter, now, earliest.value());
    const QString direction = sort.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    sql.text += QStringLiteral(" ORDER BY ") + order + direction;
    sql.values += orderValues;
    if (sort.key != EntrySortKey::StartedAt)
        sql.text += QStringLiteral(", e.started_at") + direction;
    sql.add(QStringLiteral(", e.id") + direction + QStringLiteral(" LIMIT ? OFFSET ?"),
            {limit, offset});

    CachedQuery q(m_db, sql.text);
    sql.bind(*q);
    return readAll<TimeEntry>(m_db, *q, readEntry);
}

Result<void> EntryRepository::forEach(const EntryFilter &filter, Ms now,
                                      const std::function<bool(const TimeEntry &)> &visit) const
{
    const auto earliest = earliestStart(filter, now);
    if (!earliest)
        return earliest.error();
    // One statement read to its end: the rows come from one range of the started_at index, in
    // its order, so the cost is linear in the entries covered (no OFFSET to skip again).
    Sql sql;
    sql.add(QStringLiteral("SELECT ") + kEntryColumns + QStringLiteral(" FROM time_entries e"));
    appendWhere(sql, filter, now, earliest.value());
    sql.add(QStringLiteral(" ORDER BY e.started_at, e.id"));
    QSqlQuery q = m_db.prepare(sql.text);
    sql.bind(q);
    if (auto r = m_db.read(q); !r)
        return r;
    while (q.next()) {
        if (!visit(readEntry(q)))
            break;
    }
    if (q.lastError().isValid())
        return m_db.readError(q);
    return {};
}

Result<int> EntryRepository::count(const EntryFilter &filter, Ms now) const
{
    const auto earliest = earliestStart(filter, now);
    if (!earliest)
        return earliest.error();
    Sql sql;
    sql.add(QStringLiteral("SELECT COUNT(*) FROM time_entries e"));
    appendWhere(sql, filter, now, earliest.value());
    CachedQuery q(m_db, sql.text);
    sql.bind(*q);
    if (auto r = m_db.read(*q); !r)
        return r.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Result<Totals> EntryRepository::totals(const EntryFilter &filter, Ms now) const
{
    // One aggregate per task type, in task type order: each reads one range of the covering index
    // time_entries_type_start (no table rows, no sort); each entry is priced at its own rate.
    // Each entry's cost is rounded on its own (half up), then summed: as on an invoice.
    EntryFilter perType = filter;
    perType.taskTypeIds.clear();
    const auto earliest = earliestStart(filter, now);
    if (!earliest)
        return earliest.error();
    const auto types = CatalogRepository(m_db).taskTypes(filter.orgId);
    if (!types)
        return types.error();
    Totals totals;
    for (const TaskType &type : types.value()) {
        if (!filter.taskTypeIds.isEmpty() && !filter.taskTypeIds.contains(type.id))
            continue;
        Sql sql;
        sql.add(QStringLiteral("SELECT COUNT(*), SUM(s.b), SUM((s.b * s.r + 1800000) / 3600000) "
                               "FROM (SELECT ") +
                    kBillableSql +
                    QStringLiteral(" AS b, e.hourly_rate_cents AS r FROM time_entries e"),
                {now, now});
        appendWhere(sql, perType, now, earliest.value());
        sql.add(QStringLiteral(" AND e.task_type_id = ?) s"), {type.id});
        CachedQuery q(m_db, sql.text);
        sql.bind(*q);
        if (auto r = m_db.read(*q); !r)
            return r.error();
        if (!q->next())
            continue;
        const TaskTotal t{type.id, q->value(1).toLongLong(), q->value(2).toLongLong(),
                          q->value(0).toInt()};
        if (t.entries == 0)
            continue;
        totals.billableMs += t.billableMs;
        totals.costCents += t.costCents;
        totals.entries += t.entries;
        totals.perTaskType.append(t);
    }
    return totals;
}

Result<void> EntryRepository::insertAudit(const AuditRecord &a)
{
    // By id: the row of a change that comes back from the hub replaces this desk's copy (the hub's
    // time and device), keeping its place in the trail.
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO entry_audit (id, entry_id, ordinal, actor_id, actor_name, device_id, "
        "device_name, at, action, before_json, after_json, reason) VALUES (?, ?, (SELECT "
        "COALESCE(MAX(ordinal), 0) + 1 FROM entry_audit WHERE entry_id = ?), ?, ?, ?, ?, ?, ?, ?, "
        "?, ?) ON CONFLICT (id) DO UPDATE SET actor_id = excluded.actor_id, actor_name = "
        "excluded.actor_name, device_id = excluded.device_id, device_name = excluded.device_name, "
        "at = excluded.at, action = excluded.action, before_json = excluded.before_json, "
        "after_json = excluded.after_json, reason = excluded.reason"));
    for (const QVariant &v :
         {QVariant(a.id), QVariant(a.entryId), QVariant(a.entryId), text(a.actorId),
          text(a.actorName), text(a.deviceId), text(a.deviceName), QVariant(a.at), text(a.action),
          QVariant(QString::fromUtf8(QJsonDocument(a.before).toJson(QJsonDocument::Compact))),
          QVariant(QString::fromUtf8(QJsonDocument(a.after).toJson(QJsonDocument::Compact))),
          text(a.reason)})
        q.addBindValue(v);
    return m_db.exec(q);
}

Result<void> EntryRepository::removeAudit(const QString &id)
{
    QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM entry_audit WHERE id = ?"));
    q.addBindValue(id);
    return m_db.exec(q);
}

Result<QList<AuditRecord>> EntryRepository::auditTrail(const QString &entryId) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT id, entry_id, actor_id, actor_name, at, action, before_json, "
                       "after_json, reason, device_id, device_name FROM entry_audit "
                       "WHERE entry_id = ? ORDER BY at, ordinal"));
    q.addBindValue(entryId);
    return readAll<AuditRecord>(m_db, q, [](const QSqlQuery &row) {
        AuditRecord a;
        a.id = row.value(0).toString();
        a.entryId = row.value(1).toString();
        a.actorId = row.value(2).toString();
        a.actorName = row.value(3).toString();
        a.at = row.value(4).toLongLong();
        a.action = row.value(5).toString();
        a.before = QJsonDocument::fromJson(row.value(6).toString().toUtf8()).object();
        a.after = QJsonDocument::fromJson(row.value(7).toString().toUtf8()).object();
        a.reason = row.value(8).toString();
        a.deviceId = row.value(9).toString();
        a.deviceName = row.value(10).toString();
        return a;
    });
}

} // namespace st
