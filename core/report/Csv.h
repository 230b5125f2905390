#pragma once

#include "domain/Error.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a comma, a quote or
// a line break (quotes doubled).
//
// Every field written is inert in a spreadsheet (OWASP's CSV injection rule): a field starting
// with =, +, -, @, a tab or a carriage return gets a leading single quote, unless it is a plain
// number ("-12.50" stays a number). A field that already starts with quotes followed by one of
// those characters gets one more quote, so unguard() gives back exactly what was written. Control
// characters other than tab, line feed and carriage return are dropped from written fields.
namespace st::csv {

QString field(const QString &value);
QString row(const QStringList &fields);

// The spreadsheet guard alone: guard(value) is what field() writes before quoting, and
// unguard(guard(v)) == v for every v without control characters.
QString guard(const QString &value);
QString unguard(const QString &value);

// Whether text holds a control character other than tab, line feed and carriage return (NUL
// included): written fields drop them, parse() and the JSON import refuse them.
bool hasControl(const QString &text);

// One record of a parsed file and the line it starts on (1-based; a quoted line break inside a
// field makes a record span several lines).
struct Record
{
    int line = 0;
    QStringList fields;
};

// Parses text strictly: a quote inside an unquoted field, text after a closing quote, an
// unterminated quoted field or a control character (anything below U+0020 other than tab, line
// feed and carriage return, and U+007F; NUL included) is an error naming its line. Fields are
// returned as written: the importer unguards the text columns. Accepts CRLF and bare LF line ends,
// a leading UTF-8 byte order mark and a missing final line end; skips blank lines.
Result<QList<Record>> parse(const QString &text);

// parse() one record at a time, for files too long to hold: text is appended as it is read (in
// chunks cut anywhere) and records are taken as soon as they are whole. The same rules and
// messages as parse(); after an error, stop reading.
class Reader final
{
public:
    void append(QStringView text);
    // No more text will come: the last record may end without a line end.
    void finish() { m_finished = true; }
    // The next record; nullopt when the text so far holds no whole record (or, after finish(),
    // at the end).
    Result<std::optional<Record>> next();
    // The characters appended and not taken as records yet.
    qsizetype pending() const { return m_text.size() - m_pos; }

private:
    QString m_text;
    qsizetype m_pos = 0; // where the next record starts in m_text
    int m_line = 1;      // the line m_pos is on
    bool m_finished = false;
    bool m_started = false; // the byte order mark is behind us
};

} // namespace st::csv
