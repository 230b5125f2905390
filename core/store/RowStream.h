#pragma once

#include "Database.h"

#include <QString>
#include <QVariantList>

#include <optional>
#include <string_view>

struct sqlite3_stmt;

namespace st {

// A read stepped through SQLite's own API on a Database's connection, for reads of many rows (a
// report over the whole history): QSqlQuery copies every column of every row into a QVariant,
// which at a million rows costs more than SQLite's own work. Forward only, on the connection's
// thread; a column's value is valid until the next call of next().
class RowStream final
{
public:
    RowStream(const Database &db, const QString &sql, const QVariantList &values);
    ~RowStream();
    RowStream(const RowStream &) = delete;
    RowStream &operator=(const RowStream &) = delete;

    // True with a row, false after the last; an error (logged with the query and its values)
    // when the statement cannot run.
    Result<bool> next();

    bool isNull(int column) const;
    qint64 integer(int column) const;
    std::string_view text(int column) const; // UTF-8

private:
    Error fail(const QString &why);

    const Database &m_db;
    QString m_sql;
    QVariantList m_values;
    sqlite3_stmt *m_statement = nullptr;
    std::optional<Error> m_error;
};

} // namespace st
