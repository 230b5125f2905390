#include "RowStream.h"

#include <QSqlDriver>

#include <sqlite3.h>

namespace st {

namespace {

// The connection under Qt's QSQLITE driver (the same libsqlite3 this file links).
sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

int bind(sqlite3_stmt *statement, int index, const QVariant &value)
{
    if (value.isNull())
        return sqlite3_bind_null(statement, index);
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, value.toDouble());
    default: {
        const QByteArray utf8 = value.toString().toUtf8();
        return sqlite3_bind_text(statement, index, utf8.constData(), int(utf8.size()),
                                 SQLITE_TRANSIENT);
    }
    }
}

} // namespace

RowStream::RowStream(const Database &db, const QString &sql, const QVariantList &values)
    : m_db(db)
    , m_sql(sql)
    , m_values(values)
{
    sqlite3 *handle = handleOf(db.connection());
    if (!handle) {
        m_error = fail(QStringLiteral("not an open SQLite connection"));
        return;
    }
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(handle, utf8.constData(), int(utf8.size()), &m_statement, nullptr) !=
        SQLITE_OK) {
        m_error = fail(QString::fromUtf8(sqlite3_errmsg(handle)));
        return;
    }
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (bind(m_statement, int(i + 1), values.at(i)) != SQLITE_OK) {
            m_error = fail(QString::fromUtf8(sqlite3_errmsg(handle)));
            return;
        }
    }
}

RowStream::~RowStream()
{
    sqlite3_finalize(m_statement);
}

Result<bool> RowStream::next()
{
    if (m_error)
        return *m_error;
    switch (sqlite3_step(m_statement)) {
    case SQLITE_ROW:
        return true;
    case SQLITE_DONE:
        return false;
    default:
        m_error = fail(QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_statement))));
        return *m_error;
    }
}

bool RowStream::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 RowStream::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

std::string_view RowStream::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return data ? std::string_view(data, size_t(sqlite3_column_bytes(m_statement, column)))
                : std::string_view();
}

Error RowStream::fail(const QString &why)
{
    return m_db.readError(m_sql, m_values, why);
}

} // namespace st
