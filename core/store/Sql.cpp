#include "Sql.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace st::sql {

Result<void> upsert(const Database &db, const QString &table, const QStringList &columns,
                    const QVariantList &values)
{
    QSqlQuery exists =
        db.prepare(QStringLiteral("SELECT 1 FROM ") + table + QStringLiteral(" WHERE id = ?"));
    exists.addBindValue(values.first());
    if (auto r = db.read(exists); !r)
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

// Billable milliseconds of the row e, as SQL: pauses excluded, a running entry up to now.
const QString kBillableSql = QStringLiteral(
    "(CASE WHEN COALESCE(e.paused_at, e.ended_at, ?) - e.started_at - e.paused_ms > 0 "
    "THEN COALESCE(e.paused_at, e.ended_at, ?) - e.started_at - e.paused_ms ELSE 0 END)");

QString tagsText(const QStringList &tags)
{
    if (tags.isEmpty())
        return QString(QLatin1String(""));
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

QStringList tagsFrom(const QString &text)
{
    if (text.isEmpty()) // the common case, read without parsing
        return {};
    QStringList tags;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array)
        tags.append(v.toString());
    return tags;
}

namespace {

// text for LIKE with ESCAPE backslash: its own %, _ and backslashes stand for themselves.
QString likePattern(QString text)
{
    return text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
}

} // namespace

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
    if (!f.projectIds.isEmpty())
        sql.in(QStringLiteral("COALESCE(e.project_id, '')"), f.projectIds);
    if (f.billableOnly)
        sql.add(QStringLiteral(" AND e.billable = 1"));
    if (!f.tags.isEmpty()) {
        // e.tags is a compact JSON array, ["mix","vocals"]: with its '[' read as ',', a tag t is
        // in it when ,"t" is (a ',' is never inside a tag, and an escaped t never ends in a lone
        // backslash, so the quote after it closes the word). Compared in lower case, and as
        // typed: SQLite's LOWER leaves non-ASCII letters as they are.
        const QString list = QStringLiteral("(',' || SUBSTR(e.tags, 2))");
        const auto pattern = [](const QString &word) {
            const QString quoted = tagsText({word}).chopped(1).mid(1); // "word", escaped
            return QString(QStringLiteral("%,") + likePattern(quoted) + QLatin1Char('%'));
        };
        QStringList any;
        for (const QString &tag : f.tags) {
            any << QStringLiteral("LOWER") + list + QStringLiteral(" LIKE ? ESCAPE '\\'")
                << list + QStringLiteral(" LIKE ? ESCAPE '\\'");
            sql.values << pattern(tag.trimmed().toLower()) << pattern(tag.trimmed());
        }
        sql.text += QStringLiteral(" AND (") + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    if (!f.text.trimmed().isEmpty()) {
        sql.add(QStringLiteral(" AND LOWER(e.note) LIKE ? ESCAPE '\\'"),
                {QString(QLatin1Char('%') + likePattern(f.text.trimmed().toLower()) +
                         QLatin1Char('%'))});
    }
}

Result<Ms> longestEntryMs(const Database &db)
{
    auto value = db.readMeta(QStringLiteral("longest_entry_ms"), QStringLiteral("0"));
    if (!value)
        return value.error();
    return Ms(value.value().toLongLong());
}

Result<Ms> earliestStart(const Database &db, const EntryFilter &filter, Ms now)
{
    if (!filter.from && !filter.to)
        return Ms(0); // no period: unused
    const Ms from = filter.from.value_or(0);
    const auto longest = longestEntryMs(db);
    if (!longest)
        return longest.error();
    Ms earliest = from - longest.value();
    if (now > from) {
        // Running entries overlap the period whenever they started before its end: the oldest
        // of them (few rows, on the partial index time_entries_running) bounds the range too.
        CachedQuery q(db,
                      QStringLiteral("SELECT MIN(started_at) FROM time_entries WHERE org_id = ? "
                                     "AND ended_at IS NULL AND deleted = ?"));
        q->addBindValue(filter.orgId);
        q->addBindValue(filter.deleted ? 1 : 0);
        if (auto r = db.read(*q); !r)
            return r.error();
        if (q->next() && !q->value(0).isNull())
            earliest = std::min(earliest, q->value(0).toLongLong());
    }
    return earliest;
}

} // namespace st::sql
