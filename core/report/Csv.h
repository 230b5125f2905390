#pragma once

#include <QString>
#include <QStringList>

// RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a comma, a quote or
// a line break (quotes doubled).
namespace st::csv {

QString field(const QString &value);
QString row(const QStringList &fields);

} // namespace st::csv
