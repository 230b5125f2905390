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
    Reader reader;
    reader.append(input);
    reader.finish();
    QList<Record> records;
    for (;;) {
        auto record = reader.next();
        if (!record)
            return record.error();
        if (!record.value())
            return records;
        records << std::move(*record.value());
    }
}

void Reader::append(QStringView text)
{
    // What was read is dropped: the buffer holds one unfinished record and the new text.
    if (m_pos > 0) {
        m_text.remove(0, m_pos);
        m_pos = 0;
    }
    m_text += text;
}

Result<std::optional<Record>> Reader::next()
{
    if (!m_started) {
        if (m_text.isEmpty() && !m_finished)
            return std::optional<Record>();
        if (m_text.startsWith(QChar(0xFEFF)))
            m_pos = 1;
        m_started = true;
    }
    const QStringView text(m_text);
    const qsizetype n = text.size();
    for (;;) {
        Record current;
        QString value;
        int line = m_line;
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
        // The record read up to i (excluded); nullopt for a blank line, which is no record.
        auto endRecord = [&](qsizetype i) -> std::optional<Record> {
            endField();
            m_pos = i;
            m_line = line;
            if (current.fields.size() == 1 && current.fields.first().isEmpty() && !recordStarted)
                return std::nullopt;
            return std::move(current);
        };
        // A line end or a doubled quote may be cut in two by the end of the text so far.
        const auto needMore = [&](qsizetype i) {
            return i + 1 >= n && !m_finished;
        };

        qsizetype i = m_pos;
        if (i >= n)
            return std::optional<Record>(); // more text, or the end
        current.line = line;
        bool ended = false;
        std::optional<Record> done;
        for (; i < n && !ended; ++i) {
            const QChar c = text.at(i);
            if (isControl(c))
                return Error::invalid(
                    Tr::tr("Line %1: a control character (U+%2) is not text; remove it.")
                        .arg(line)
                        .arg(int(c.unicode()), 4, 16, QLatin1Char('0')));
            if (inQuotes) {
                if (c == QLatin1Char('"')) {
                    if (needMore(i))
                        return std::optional<Record>();
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
                    if (needMore(i))
                        return std::optional<Record>();
                    if (i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                        ++i;
                    else
                        return Error::invalid(
                            Tr::tr("Line %1: a carriage return must be followed by a line feed.")
                                .arg(line));
                }
                ++line;
                done = endRecord(i + 1);
                ended = true;
            } else if (c == QLatin1Char('"')) {
                if (!value.isEmpty() || quotedField)
                    return Error::invalid(
                        Tr::tr("Line %1: a quote inside an unquoted field (quote the whole field "
                               "and double the quote).")
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
                // The plain run up to the next special character in one go.
                qsizetype j = i + 1;
                while (j < n) {
                    const QChar d = text.at(j);
                    if (d == QLatin1Char(',') || d == QLatin1Char('"') || d == QLatin1Char('\r') ||
                        d == QLatin1Char('\n') || isControl(d))
                        break;
                    ++j;
                }
                value += text.sliced(i, j - i);
                i = j - 1;
            }
        }
        if (!ended) {
            // The text so far ends inside this record.
            if (!m_finished)
                return std::optional<Record>();
            if (inQuotes)
                return Error::invalid(
                    Tr::tr("Line %1: a quoted field is not closed before the end of the file.")
                        .arg(quoteLine));
            done = endRecord(n);
        }
        if (done)
            return done;
    }
}

} // namespace st::csv
