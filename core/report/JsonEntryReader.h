#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QJsonParseError>
#include <QJsonValue>

// The entries of a JSON file one at a time, for files too long to parse whole: the file is an
// array of entries, or an object whose "entries" member is one (our export). Each entry is
// parsed alone (QJsonDocument) and handed out as a value; the rest of the file is checked as
// JSON too, so a file is read to its end before it counts as valid. Memory stays one entry and
// one read chunk, whatever the file's length.
namespace st {

class JsonEntryReader final
{
public:
    explicit JsonEntryReader(QIODevice &in);

    enum class Status
    {
        Entry,     // value() is the next entry (any JSON value: the caller checks it)
        End,       // the whole file was read and is valid
        Invalid,   // not valid JSON: error() says what and where
        NoEntries, // valid JSON, but neither an array nor an object with an "entries" array
    };
    Status next();

    const QJsonValue &value() const { return m_value; }
    // Offset: bytes from the start of the file.
    const QJsonParseError &error() const { return m_error; }
    // How far the entries handed out reach: bytes from the start of the file.
    qint64 position() const { return m_offset + m_pos; }

private:
    enum class State
    {
        Start,
        InArray, // before an entry or the array's end
        Done,
    };
    // The byte at i (from the start of the buffer), reading more as needed; -1 at the end.
    int at(qsizetype i)
    {
        return i < m_buffer.size() ? static_cast<unsigned char>(m_buffer.constData()[i])
                                   : readUpTo(i);
    }
    int readUpTo(qsizetype i);
    qsizetype skipSpace(qsizetype i);
    // The end (one past) of the JSON value starting at i, or of the string starting at i; -1 when
    // the file ends first.
    qsizetype valueEnd(qsizetype i);
    qsizetype stringEnd(qsizetype i);
    // Parses [from, to) as one JSON value into m_value; false with m_error set when invalid.
    bool parse(qsizetype from, qsizetype to);
    Status fail(QJsonParseError::ParseError error, qsizetype i);
    // The members of the top object from i on (after its "{" or after a member's value), each
    // checked, up to its "entries" array (positioned in it: InArray) or its end (Done; then
    // m_pos is past it). On invalid JSON, m_error is set (Done as well).
    State members(qsizetype i, bool first);
    // After the top value, at i: only white space may follow.
    Status end(qsizetype i);

    QIODevice &m_in;
    QByteArray m_buffer;
    qint64 m_offset = 0; // the file offset of m_buffer's first byte
    qsizetype m_pos = 0;
    State m_state = State::Start;
    bool m_topObject = false;
    bool m_failed = false;
    bool m_sawEntries = false;
    bool m_firstEntry = true;
    QJsonValue m_value;
    QJsonParseError m_error{};
};

} // namespace st
