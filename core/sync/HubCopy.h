#pragma once

#include "domain/Error.h"
#include "store/Database.h"

#include <QMap>
#include <QString>

namespace st::hubcopy {

// What `studiotimer-hub migrate --from-sqlite DIR --database URL` moved: the rows of each table,
// and each organisation's log head, read back from the target after the copy.
struct Report
{
    QMap<QString, qint64> rows;  // by table
    QMap<QString, qint64> heads; // by organisation
};

// Copies every row of a hub's SQLite database into an empty hub database (PostgreSQL, migrated
// to the same schema) in one transaction, then checks the copy: each table's row count and each
// organisation's log head equal the source's, or nothing is kept. A target that already has an
// organisation is refused.
Result<Report> copy(const Database &from, const Database &to);

} // namespace st::hubcopy
