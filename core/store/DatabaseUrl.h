#pragma once

#include "domain/Error.h"

#include <QString>
#include <QStringList>

namespace st {

// A PostgreSQL connection given as a libpq URI, taken apart for QtSql's QPSQL driver:
//   postgresql://user[:password]@host[:port]/database[?key=value&...]
//   postgresql://user@/database?host=/socket/dir&port=5433
// The host may also be a percent-encoded socket folder (postgresql://u@%2Frun%2Fpg/db). Query
// parameters other than host, port, user, password and dbname are passed to libpq as they are
// (sslmode, connect_timeout, application_name...). Left out, libpq's defaults apply, including
// PGPASSWORD and ~/.pgpass for the password.
struct DatabaseUrl
{
    QString host; // a name, an address or a socket folder; empty: libpq's default
    int port = -1;
    QString user;
    QString password;
    QString database;
    QStringList options; // key=value for libpq, in the order given

    static bool looksLikeUrl(const QString &text);
    static Result<DatabaseUrl> parse(const QString &text);

    // The URI with the password replaced by "***": what logs and messages show.
    QString redacted() const;
};

} // namespace st
