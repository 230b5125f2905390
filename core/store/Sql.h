#pragma once

// SQL helpers shared by the repositories and forEachEntryTimes: private to core/store.

#include "Database.h"
#include "EntryFilter.h"

#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace st::sql {

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
    // " AND column IN (ids)". A null QString among ids is bound as '' (an empty string), not
    // as SQL NULL, which would match nothing: "" and QString() both stand for "none" (the
    // entries without a project, say).
    Sql &in(const QString &column, const QStringList &ids)
    {
        text += QStringLiteral(" AND ") + column + QStringLiteral(" IN (") +
                QStringList(ids.size(), QStringLiteral("?")).join(QLatin1Char(',')) +
                QLatin1Char(')');
        for (const QString &id : ids)
            values.append(id.isNull() ? QStringLiteral("") : id);
        return *this;
    }
    void bind(QSqlQuery &query) const
    {
        for (const QVariant &value : values)
            query.addBindValue(value);
    }
};

// Every row of a query, each read by read(row).
template <typename T, typename Read>
Result<QList<T>> readAll(const Database &db, QSqlQuery &query, Read read)
{
    if (auto r = db.read(query); !r)
        return r.error();
    QList<T> result;
    while (query.next())
        result.append(read(query));
    return result;
}

// The first row of a query, or nullopt when it has none.
template <typename T, typename Read>
Result<std::optional<T>> readFirst(const Database &db, QSqlQuery &query, Read read)
{
    if (auto r = db.read(query); !r)
        return r.error();
    if (query.next())
        return std::optional<T>(read(query));
    return std::optional<T>();
}

// Inserts a row, or replaces every column of the row with the same id (portable upsert).
Result<void> upsert(const Database &db, const QString &table, const QStringList &columns,
                    const QVariantList &values);

// An entry's tags as stored in time_entries.tags: a JSON array of words, '' for none.
QString tagsText(const QStringList &tags);
QStringList tagsFrom(const QString &text);

// Billable milliseconds of the row e, as SQL: pauses excluded, a running entry up to now (bind
// now twice).
extern const QString kBillableSql;

// " WHERE ..." for the rows of time_entries e the filter covers; earliest from earliestStart.
void appendWhere(Sql &sql, const EntryFilter &filter, Ms now, Ms earliest);

// The longest finished entry ever stored: bounds how far before a range an overlapping entry can
// start, so range queries stay on the started_at index.
Result<Ms> longestEntryMs(const Database &db);

// The earliest start an entry overlapping the filter's period can have: from minus the longest
// finished entry, or the oldest running entry's start when that is earlier.
Result<Ms> earliestStart(const Database &db, const EntryFilter &filter, Ms now);

} // namespace st::sql
