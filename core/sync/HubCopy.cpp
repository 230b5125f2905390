#include "HubCopy.h"

#include <QCoreApplication>
#include <QSqlRecord>

namespace st::hubcopy {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::Hub)
};

// Parents before children (foreign keys); tables of later migrations follow in name order.
const QStringList kOrder{
    QStringLiteral("organizations"), QStringLiteral("users"),
    QStringLiteral("task_types"),    QStringLiteral("task_type_rates"),
    QStringLiteral("rooms"),         QStringLiteral("clients"),
    QStringLiteral("projects"),      QStringLiteral("time_entries"),
    QStringLiteral("entry_audit"),   QStringLiteral("hub_tokens"),
    QStringLiteral("hub_changes"),   QStringLiteral("hub_ops"),
};

// Not copied: the schema's own record (the target has it), and the desk-side sync tables.
bool skipped(const QString &table)
{
    return table == QLatin1String("schema_migrations") ||
           table.startsWith(QLatin1String("sync_")) || table.startsWith(QLatin1String("sqlite_"));
}

Result<QStringList> tablesOf(const Database &from)
{
    QSqlQuery q = from.prepare(
        QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    if (auto r = from.read(q); !r)
        return r.error();
    QStringList later;
    QStringList present;
    while (q.next())
        present << q.value(0).toString();
    QStringList tables;
    for (const QString &t : kOrder) {
        if (present.contains(t))
            tables << t;
    }
    for (const QString &t : present) {
        if (!tables.contains(t) && !skipped(t))
            tables << t;
    }
    return tables;
}

Result<qint64> count(const Database &db, const QString &table)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT COUNT(*) FROM ") + table);
    if (auto r = db.read(q); !r)
        return r.error();
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

Result<QMap<QString, qint64>> heads(const Database &db)
{
    QSqlQuery q = db.prepare(QStringLiteral(
        "SELECT o.id, (SELECT COALESCE(MAX(c.seq), 0) FROM hub_changes c WHERE c.org_id = o.id) "
        "FROM organizations o"));
    if (auto r = db.read(q); !r)
        return r.error();
    QMap<QString, qint64> result;
    while (q.next())
        result.insert(q.value(0).toString(), q.value(1).toLongLong());
    return result;
}

Result<void> copyTable(const Database &from, const Database &to, const QString &table)
{
    QSqlQuery rows = from.prepare(QStringLiteral("SELECT * FROM ") + table);
    if (auto r = from.read(rows); !r)
        return r;
    const QSqlRecord record = rows.record();
    QStringList columns;
    for (int i = 0; i < record.count(); ++i)
        columns << record.fieldName(i);
    const QString sql =
        QStringLiteral("INSERT INTO ") + table + QStringLiteral(" (") +
        columns.join(QStringLiteral(", ")) + QStringLiteral(") VALUES (") +
        QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")) +
        QLatin1Char(')');
    CachedQuery insert(to, sql);
    while (rows.next()) {
        for (int i = 0; i < columns.size(); ++i)
            insert->bindValue(i, rows.value(i));
        if (auto r = to.exec(*insert); !r)
            return r;
    }
    return {};
}

} // namespace

Result<Report> copy(const Database &from, const Database &to)
{
    const Result<qint64> existing = count(to, QStringLiteral("organizations"));
    if (!existing)
        return existing.error();
    if (*existing > 0)
        return Error::invalid(Tr::tr("%1 already holds organisations: the hub's data is moved "
                                     "only into an empty database.")
                                  .arg(to.path()));
    const Result<QStringList> tables = tablesOf(from);
    if (!tables)
        return tables.error();
    Report report;
    Transaction tx(to);
    if (!tx.isActive())
        return tx.error();
    for (const QString &table : *tables) {
        if (auto r = copyTable(from, to, table); !r)
            return r.error();
    }
    // Checked inside the transaction: a copy that differs is never committed.
    for (const QString &table : *tables) {
        const Result<qint64> source = count(from, table);
        const Result<qint64> target = count(to, table);
        if (!source || !target)
            return source ? target.error() : source.error();
        if (*source != *target)
            return Error::internal(Tr::tr("The copy differs from %1 (table %2: %3 rows instead "
                                          "of %4); nothing was kept.")
                                       .arg(from.path(), table)
                                       .arg(*target)
                                       .arg(*source));
        report.rows.insert(table, *target);
    }
    const auto sourceHeads = heads(from);
    const auto targetHeads = heads(to);
    if (!sourceHeads || !targetHeads)
        return sourceHeads ? targetHeads.error() : sourceHeads.error();
    if (*sourceHeads != *targetHeads)
        return Error::internal(Tr::tr("The copy differs from %1 (the change log's heads); "
                                      "nothing was kept.")
                                   .arg(from.path()));
    report.heads = *targetHeads;
    if (auto r = tx.commit(); !r)
        return r.error();
    return report;
}

} // namespace st::hubcopy
