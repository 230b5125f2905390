#include "Csv.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace st::csv {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::csv)
};

bool isControl(QChar c)
{
    const char16_t u = c.unicode();
    return (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || u == 0x7f;
}

bool isTrigger(QChar c)
{
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') ||
           c == QLatin1Char('@') || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

bool isPlainNumber(const QString &value)
{
    static const QRegularExpression number(QStringLiteral("^[-+]?\\d+(\\.\\d+)?$"));
    return number.match(value).hasMatch();
}

// Quotes, then a trigger: the shape guard() prefixes and unguard() strips one quote from.
bool needsGuard(const QString &value)
{
    qsizetype i = 0;
    while (i < value.size() && value.at(i) == QLatin1Char('\''))
        ++i;
    if (i == value.size() || !isTrigger(value.at(i)))
        return false;
    return i > 0 || !isPlainNumber(value);
}

} // namespace

bool hasControl(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), isControl);
}

QString guard(const QString &value)
{
    return needsGuard(value) ? QLatin1Char('\'') + value : value;
}

QString unguard(const QString &value)
{
    if (value.startsWith(QLatin1Char('\'')) && needsGuard(value))
        return value.mid(1);
    return value;
}

QString field(const QString &input)
{
    QString value = guard(input);
    if (hasControl(value))
        value.removeIf(isControl);
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
                       value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'));
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString row(const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &f : fields)
        escaped << field(f);
    return escaped.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

Result<QList<Record>> parse(const QString &input)
{
    QStringView text(input);
    if (text.startsWith(QChar(0xFEFF)))
        text = text.mid(1);

    QList<Record> records;
    Record current;
    QString value;
    int line = 1;
    bool inQuotes = false;
    bool quotedField = false;   // the current field started with a quote
    bool afterClosing = false;  // the current quoted field has been closed
    bool recordStarted = false; // something (even an empty field) was read on this record
    int quoteLine = 0;

    auto endField = [&] {
        current.fields << value;
        value.clear();
        quotedField = false;
        afterClosing = false;
    };
    auto endRecord = [&] {
        endField();
        // A blank line is no record.
        if (!(current.fields.size() == 1 && current.fields.first().isEmpty() && !recordStarted))
            records << current;
        current = Record{};
        recordStarted = false;
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (current.line == 0)
            current.line = line;
        if (isControl(c))
            return Error::invalid(
                Tr::tr("Line %1: a control character (U+%2) is not text; remove it.")
                    .arg(line)
                    .arg(int(c.unicode()), 4, 16, QLatin1Char('0')));
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    value += QLatin1Char('"');
                    ++i;
                } else {
                    inQuotes = false;
                    afterClosing = true;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                value += c;
            }
            continue;
        }
        if (c == QLatin1Char(',')) {
            recordStarted = true;
            endField();
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                    ++i;
                else
                    return Error::invalid(
                        Tr::tr("Line %1: a carriage return must be followed by a line feed.")
                            .arg(line));
            }
            endRecord();
            ++line;
        } else if (c == QLatin1Char('"')) {
            if (!value.isEmpty() || quotedField)
                return Error::invalid(
                    Tr::tr("Line %1: a quote inside an unquoted field (quote the whole field and "
                           "double the quote).")
                        .arg(line));
            inQuotes = true;
            quotedField = true;
            recordStarted = true;
            quoteLine = line;
        } else {
            if (afterClosing)
                return Error::invalid(
                    Tr::tr("Line %1: text after the closing quote of a field.").arg(line));
            recordStarted = true;
            value += c;
        }
    }
    if (inQuotes)
        return Error::invalid(
            Tr::tr("Line %1: a quoted field is not closed before the end of the file.")
                .arg(quoteLine));
    if (current.line != 0)
        endRecord();
    return records;
}

} // namespace st::csv
