#pragma once

#include "domain/Error.h"

#include <QList>
#include <QString>
#include <QStringList>

// RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a comma, a quote or
// a line break (quotes doubled).
namespace st::csv {

QString field(const QString &value);
QString row(const QStringList &fields);

// One record of a parsed file and the line it starts on (1-based; a quoted line break inside a
// field makes a record span several lines).
struct Record
{
    int line = 0;
    QStringList fields;
};

// Parses text strictly: a quote inside an unquoted field, text after a closing quote or an
// unterminated quoted field is an error naming its line. Accepts CRLF and bare LF line ends, a
// leading UTF-8 byte order mark and a missing final line end; skips blank lines.
Result<QList<Record>> parse(const QString &text);

} // namespace st::csv
