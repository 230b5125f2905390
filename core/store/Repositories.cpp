#include "Repositories.h"

#include "domain/Money.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlRecord>
#include <QVariantList>

namespace st {

namespace {

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
    "e.paused_ms, e.paused_at, e.source, e.rev, e.updated_at, e.deleted, e.adjusted");

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
    return e;
}

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
                q.value(3).toLongLong()};
}

// Inserts a row, or replaces every column of the row with the same id (portable upsert).
Result<void> upsert(const Database &db, const QString &table, const QStringList &columns,
                    const QVariantList &values)
{
    QSqlQuery exists =
        db.prepare(QStringLiteral("SELECT 1 FROM ") + table + QStringLiteral(" WHERE id = ?"));
    exists.addBindValue(values.first());
    if (auto r = db.exec(exists); !r)
        return r;
    const bool update = exists.next();
    exists.finish();

    QString sql;
    if (update) {
        QStringList sets;
        for (qsizetype i = 1; i < columns.size(); ++i)
            sets << columns.at(i) + QStringLiteral(" = ?");
        sql = QStringLiteral("UPDATE ") + table + QStringLiteral(" SET ") +
              sets.join(QStringLiteral(", ")) + QStringLiteral(" WHERE id = ?");
    } else {
        sql = QStringLiteral("INSERT INTO ") + table + QStringLiteral(" (") +
              columns.join(QStringLiteral(", ")) + QStringLiteral(") VALUES (") +
              QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")) +
              QLatin1Char(')');
    }
    QSqlQuery query = db.prepare(sql);
    if (update) {
        for (qsizetype i = 1; i < values.size(); ++i)
            query.addBindValue(values.at(i));
        query.addBindValue(values.first());
    } else {
        for (const QVariant &value : values)
            query.addBindValue(value);
    }
    return db.exec(query);
}

// Positional SQL with its bound values kept in step.
struct Sql
{
    QString text;
    QVariantList values;

    Sql &add(const QString &part, std::initializer_list<QVariant> bound = {})
    {
        text += part;
        for (const QVariant &value : bound)
            values.append(value);
        return *this;
    }
    Sql &in(const QString &column, const QStringList &ids)
    {
        text += QStringLiteral(" AND ") + column + QStringLiteral(" IN (") +
                QStringList(ids.size(), QStringLiteral("?")).join(QLatin1Char(',')) +
                QLatin1Char(')');
        for (const QString &id : ids)
            values.append(id);
        return *this;
    }
    void bind(QSqlQuery &query) const
    {
        for (const QVariant &value : values)
            query.addBindValue(value);
    }
};

// Billable milliseconds of the row e, as SQL: pauses excluded, a running entry up to now.
const QString kBillableSql = QStringLiteral(
    "(CASE WHEN COALESCE(e.paused_at, e.ended_at, ?) - e.started_at - e.paused_ms > 0 "
    "THEN COALESCE(e.paused_at, e.ended_at, ?) - e.started_at - e.paused_ms ELSE 0 END)");

void appendWhere(Sql &sql, const EntryFilter &f, Ms now, Ms earliest)
{
    sql.add(QStringLiteral(" WHERE e.org_id = ? AND e.deleted = ?"), {f.orgId, f.deleted ? 1 : 0});
    if (f.from || f.to) {
        const Ms from = f.from.value_or(0);
        const Ms to = f.to.value_or(validate::kMaxTime + 1);
        // Every entry overlapping [from, to) starts in [earliest, to) (see earliestStart): one
        // range of the started_at index. Finished entries overlap when they end after from (or
        // start at it); running ones when now is after from.
        sql.add(QStringLiteral(" AND e.started_at >= ? AND e.started_at < ? AND ((e.ended_at IS "
                               "NOT NULL AND (e.ended_at > ? OR e.started_at >= ?))"),
                {earliest, to, from, from});
        if (now > from)
            sql.add(QStringLiteral(" OR e.ended_at IS NULL"));
        sql.add(QStringLiteral(")"));
    }
    if (!f.taskTypeIds.isEmpty())
        sql.in(QStringLiteral("e.task_type_id"), f.taskTypeIds);
    if (!f.userIds.isEmpty())
        sql.in(QStringLiteral("e.user_id"), f.userIds);
    if (!f.roomIds.isEmpty())
        sql.in(QStringLiteral("e.room_id"), f.roomIds);
    if (!f.text.trimmed().isEmpty()) {
        QString pattern = f.text.trimmed().toLower();
        pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        sql.add(QStringLiteral(" AND LOWER(e.note) LIKE ? ESCAPE '\\'"),
                {QString(QLatin1Char('%') + pattern + QLatin1Char('%'))});
    }
}

} // namespace

// ---- CatalogRepository -------------------------------------------------------------------------

std::optional<Organization> CatalogRepository::organization(const QString &id) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT id, name, currency, updated_at FROM organizations WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return Organization{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toLongLong()};
    return std::nullopt;
}

QList<Organization> CatalogRepository::organizations() const
{
    QList<Organization> result;
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT id, name, currency, updated_at FROM organizations ORDER BY name, id"));
    if (q.exec()) {
        while (q.next())
            result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                           q.value(3).toLongLong()});
    }
    return result;
}

Result<void> CatalogRepository::saveOrganization(const Organization &org)
{
    return upsert(m_db, QStringLiteral("organizations"),
                  {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("currency"),
                   QStringLiteral("updated_at")},
                  {org.id, org.name, org.currency, org.updatedAt});
}

std::optional<User> CatalogRepository::user(const QString &id) const
{
    CachedQuery q(m_db,
                  QStringLiteral("SELECT id, org_id, name, updated_at FROM users WHERE id = ?"));
    q->addBindValue(id);
    if (q->exec() && q->next())
        return readUser(*q);
    return std::nullopt;
}

std::optional<User> CatalogRepository::userByName(const QString &orgId, const QString &name) const
{
    // Case-insensitive beyond ASCII: compared in C++, users are few.
    const QString wanted = name.trimmed();
    for (const User &u : users(orgId)) {
        if (u.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return u;
    }
    return std::nullopt;
}

QList<User> CatalogRepository::users(const QString &orgId) const
{
    QList<User> result;
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT id, org_id, name, updated_at FROM users WHERE org_id = ? ORDER BY name, id"));
    q.addBindValue(orgId);
    if (q.exec()) {
        while (q.next())
            result.append(readUser(q));
    }
    return result;
}

Result<void> CatalogRepository::saveUser(const User &user)
{
    if (auto r = validate::userName(user.name); !r)
        return r;
    return upsert(m_db, QStringLiteral("users"),
                  {QStringLiteral("id"), QStringLiteral("org_id"), QStringLiteral("name"),
                   QStringLiteral("updated_at")},
                  {user.id, user.orgId, user.name.trimmed(), user.updatedAt});
}

std::optional<TaskType> CatalogRepository::taskType(const QString &id) const
{
    CachedQuery q(m_db, QStringLiteral("SELECT ") + kTaskTypeColumns +
                            QStringLiteral(" FROM task_types WHERE id = ?"));
    q->addBindValue(id);
    if (q->exec() && q->next())
        return readTaskType(*q);
    return std::nullopt;
}

QList<TaskType> CatalogRepository::taskTypes(const QString &orgId, bool includeArchived) const
{
    QList<TaskType> result;
    QSqlQuery q =
        m_db.prepare(QStringLiteral("SELECT ") + kTaskTypeColumns +
                     QStringLiteral(" FROM task_types WHERE org_id = ? AND (archived = 0 OR ? = 1) "
                                    "ORDER BY position, name, id"));
    q.addBindValue(orgId);
    q.addBindValue(includeArchived ? 1 : 0);
    if (q.exec()) {
        while (q.next())
            result.append(readTaskType(q));
    }
    return result;
}

Result<void> CatalogRepository::saveTaskType(const TaskType &t)
{
    if (auto r = validate::taskType(t); !r)
        return r;
    return upsert(m_db, QStringLiteral("task_types"),
                  {QStringLiteral("id"), QStringLiteral("org_id"), QStringLiteral("name"),
                   QStringLiteral("color"), QStringLiteral("hourly_rate_cents"),
                   QStringLiteral("billable"), QStringLiteral("archived"),
                   QStringLiteral("position"), QStringLiteral("updated_at")},
                  {t.id, t.orgId, t.name.trimmed(), t.color.toLower(), t.hourlyRateCents,
                   t.billable ? 1 : 0, t.archived ? 1 : 0, t.position, t.updatedAt});
}

std::optional<Room> CatalogRepository::room(const QString &id) const
{
    CachedQuery q(
        m_db,
        QStringLiteral("SELECT id, org_id, name, archived, updated_at FROM rooms WHERE id = ?"));
    q->addBindValue(id);
    if (q->exec() && q->next())
        return readRoom(*q);
    return std::nullopt;
}

QList<Room> CatalogRepository::rooms(const QString &orgId, bool includeArchived) const
{
    QList<Room> result;
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT id, org_id, name, archived, updated_at FROM rooms "
                       "WHERE org_id = ? AND (archived = 0 OR ? = 1) ORDER BY name, id"));
    q.addBindValue(orgId);
    q.addBindValue(includeArchived ? 1 : 0);
    if (q.exec()) {
        while (q.next())
            result.append(readRoom(q));
    }
    return result;
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

// ---- EntryRepository ---------------------------------------------------------------------------

std::optional<TimeEntry> EntryRepository::entry(const QString &id) const
{
    CachedQuery q(m_db, QStringLiteral("SELECT ") + kEntryColumns +
                            QStringLiteral(" FROM time_entries e WHERE e.id = ?"));
    q->addBindValue(id);
    if (q->exec() && q->next())
        return readEntry(*q);
    return std::nullopt;
}

QStringList EntryRepository::idsWithPrefix(const QString &orgId, const QString &prefix,
                                           int limit) const
{
    QStringList ids;
    // IDs are lowercase hex and dashes: a prefix of anything else matches nothing.
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f-]{1,36}$"));
    if (!hex.match(prefix).hasMatch())
        return ids;
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT id FROM time_entries WHERE org_id = ? AND id >= ? AND id < ? ORDER BY id LIMIT ?"));
    q.addBindValue(orgId);
    q.addBindValue(prefix);
    q.addBindValue(QString(prefix + QStringLiteral("~"))); // '~' sorts after every ID character
    q.addBindValue(limit);
    if (q.exec()) {
        while (q.next())
            ids << q.value(0).toString();
    }
    return ids;
}

std::optional<TimeEntry> EntryRepository::runningEntry(const QString &userId) const
{
    CachedQuery q(
        m_db, QStringLiteral("SELECT ") + kEntryColumns +
                  QStringLiteral(" FROM time_entries e WHERE e.user_id = ? AND e.ended_at IS NULL "
                                 "AND e.deleted = 0"));
    q->addBindValue(userId);
    if (q->exec() && q->next())
        return readEntry(*q);
    return std::nullopt;
}

QList<TimeEntry> EntryRepository::runningEntries(const QString &orgId) const
{
    QList<TimeEntry> result;
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT ") + kEntryColumns +
        QStringLiteral(" FROM time_entries e WHERE e.org_id = ? AND e.ended_at IS NULL "
                       "AND e.deleted = 0 ORDER BY e.started_at"));
    q.addBindValue(orgId);
    if (q.exec()) {
        while (q.next())
            result.append(readEntry(q));
    }
    return result;
}

std::optional<TimeEntry> EntryRepository::overlapping(const QString &userId, Ms start, Ms end,
                                                      const QString &excludeId, Ms now) const
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT ") + kEntryColumns +
        QStringLiteral(" FROM time_entries e WHERE e.user_id = ? AND e.deleted = 0 AND e.id <> ? "
                       "AND e.started_at < ? AND e.started_at >= ? "
                       "AND COALESCE(e.ended_at, ?) > ? ORDER BY e.started_at LIMIT 1"));
    q.addBindValue(userId);
    q.addBindValue(excludeId);
    q.addBindValue(end);
    // A running entry may have started long ago: only finished ones are bounded by the longest.
    q.addBindValue(std::min(start - longestEntryMs(), start));
    q.addBindValue(std::max(now, end));
    q.addBindValue(start);
    if (q.exec() && q.next())
        return readEntry(q);
    q.finish();
    // A running entry that started before the bound.
    if (auto running = runningEntry(userId);
        running && running->id != excludeId &&
        overlaps(start, end, running->startedAt, std::max(now, running->startedAt + 1)))
        return running;
    return std::nullopt;
}

Ms EntryRepository::longestEntryMs() const
{
    return m_db.meta(QStringLiteral("longest_entry_ms"), QStringLiteral("0")).toLongLong();
}

Ms EntryRepository::earliestStart(const EntryFilter &filter, Ms now) const
{
    if (!filter.from && !filter.to)
        return 0; // no period: unused
    const Ms from = filter.from.value_or(0);
    Ms earliest = from - longestEntryMs();
    if (now > from) {
        // Running entries overlap the period whenever they started before its end: the oldest
        // of them (few rows, on the partial index time_entries_running) bounds the range too.
        CachedQuery q(m_db,
                      QStringLiteral("SELECT MIN(started_at) FROM time_entries WHERE org_id = ? "
                                     "AND ended_at IS NULL AND deleted = ?"));
        q->addBindValue(filter.orgId);
        q->addBindValue(filter.deleted ? 1 : 0);
        if (q->exec() && q->next() && !q->value(0).isNull())
            earliest = std::min(earliest, q->value(0).toLongLong());
    }
    return earliest;
}

Result<void> EntryRepository::noteLength(const TimeEntry &entry)
{
    if (!entry.endedAt)
        return {};
    const Ms length = *entry.endedAt - entry.startedAt;
    if (length <= longestEntryMs())
        return {};
    return m_db.setMeta(QStringLiteral("longest_entry_ms"), QString::number(length));
}

Result<void> EntryRepository::insert(const TimeEntry &e)
{
    CachedQuery q(m_db,
                  QStringLiteral(
                      "INSERT INTO time_entries (id, org_id, user_id, task_type_id, room_id, note, "
                      "started_at, ended_at, paused_ms, paused_at, source, rev, updated_at, "
                      "deleted, adjusted) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(e.id), QVariant(e.orgId), QVariant(e.userId), QVariant(e.taskTypeId),
          nullable(e.roomId), text(e.note), QVariant(e.startedAt), nullable(e.endedAt),
          QVariant(e.pausedMs), nullable(e.pausedAt), QVariant(entrySourceName(e.source)),
          QVariant(e.rev), QVariant(e.updatedAt), QVariant(e.deleted ? 1 : 0),
          QVariant(e.adjusted ? 1 : 0)})
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
            "updated_at = ?, deleted = ?, adjusted = ? WHERE id = ?"));
    for (const QVariant &v :
         {QVariant(e.userId), QVariant(e.taskTypeId), nullable(e.roomId), text(e.note),
          QVariant(e.startedAt), nullable(e.endedAt), QVariant(e.pausedMs), nullable(e.pausedAt),
          QVariant(entrySourceName(e.source)), QVariant(e.rev), QVariant(e.updatedAt),
          QVariant(e.deleted ? 1 : 0), QVariant(e.adjusted ? 1 : 0), QVariant(e.id)})
        q->addBindValue(v);
    if (auto r = m_db.exec(*q); !r)
        return r;
    if (q->numRowsAffected() != 1)
        return Error::notFound(QStringLiteral("No entry %1.").arg(e.id));
    return noteLength(e);
}

QList<TimeEntry> EntryRepository::list(const EntryFilter &filter, const EntrySort &sort, int limit,
                                       int offset, Ms now) const
{
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
    appendWhere(sql, filter, now, earliestStart(filter, now));
    const QString direction = sort.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    sql.text += QStringLiteral(" ORDER BY ") + order + direction;
    sql.values += orderValues;
    if (sort.key != EntrySortKey::StartedAt)
        sql.text += QStringLiteral(", e.started_at") + direction;
    sql.add(QStringLiteral(", e.id") + direction + QStringLiteral(" LIMIT ? OFFSET ?"),
            {limit, offset});

    QList<TimeEntry> result;
    CachedQuery q(m_db, sql.text);
    sql.bind(*q);
    if (q->exec()) {
        while (q->next())
            result.append(readEntry(*q));
    }
    return result;
}

int EntryRepository::count(const EntryFilter &filter, Ms now) const
{
    Sql sql;
    sql.add(QStringLiteral("SELECT COUNT(*) FROM time_entries e"));
    appendWhere(sql, filter, now, earliestStart(filter, now));
    CachedQuery q(m_db, sql.text);
    sql.bind(*q);
    if (q->exec() && q->next())
        return q->value(0).toInt();
    return 0;
}

Totals EntryRepository::totals(const EntryFilter &filter, Ms now) const
{
    // One aggregate per task type, in task type order: each reads one range of the covering index
    // time_entries_type_start (no table rows, no sort), with the type's effective rate bound.
    // Each entry's cost is rounded on its own (half up), then summed: as on an invoice.
    EntryFilter perType = filter;
    perType.taskTypeIds.clear();
    const Ms earliest = earliestStart(filter, now);
    Totals totals;
    CatalogRepository catalog(m_db);
    for (const TaskType &type : catalog.taskTypes(filter.orgId)) {
        if (!filter.taskTypeIds.isEmpty() && !filter.taskTypeIds.contains(type.id))
            continue;
        Sql sql;
        sql.add(QStringLiteral("SELECT COUNT(*), SUM(s.b), SUM((s.b * ? + 1800000) / 3600000) "
                               "FROM (SELECT ") +
                    kBillableSql + QStringLiteral(" AS b FROM time_entries e"),
                {type.effectiveRateCents(), now, now});
        appendWhere(sql, perType, now, earliest);
        sql.add(QStringLiteral(" AND e.task_type_id = ?) s"), {type.id});
        CachedQuery q(m_db, sql.text);
        sql.bind(*q);
        if (!q->exec() || !q->next())
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
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "INSERT INTO entry_audit (id, entry_id, ordinal, actor_id, actor_name, at, action, "
        "before_json, after_json, reason) VALUES (?, ?, (SELECT COALESCE(MAX(ordinal), 0) + 1 "
        "FROM entry_audit WHERE entry_id = ?), ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(a.id), QVariant(a.entryId), QVariant(a.entryId), text(a.actorId),
          text(a.actorName), QVariant(a.at), text(a.action),
          QVariant(QString::fromUtf8(QJsonDocument(a.before).toJson(QJsonDocument::Compact))),
          QVariant(QString::fromUtf8(QJsonDocument(a.after).toJson(QJsonDocument::Compact))),
          text(a.reason)})
        q.addBindValue(v);
    return m_db.exec(q);
}

QList<AuditRecord> EntryRepository::auditTrail(const QString &entryId) const
{
    QList<AuditRecord> result;
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT id, entry_id, actor_id, actor_name, at, action, before_json, "
                       "after_json, reason FROM entry_audit WHERE entry_id = ? ORDER BY ordinal"));
    q.addBindValue(entryId);
    if (q.exec()) {
        while (q.next()) {
            AuditRecord a;
            a.id = q.value(0).toString();
            a.entryId = q.value(1).toString();
            a.actorId = q.value(2).toString();
            a.actorName = q.value(3).toString();
            a.at = q.value(4).toLongLong();
            a.action = q.value(5).toString();
            a.before = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
            a.after = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
            a.reason = q.value(8).toString();
            result.append(a);
        }
    }
    return result;
}

} // namespace st
