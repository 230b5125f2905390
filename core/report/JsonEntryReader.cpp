#include "JsonEntryReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace st {

namespace {

constexpr qint64 kChunk = 1 << 20;

bool isSpace(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

JsonEntryReader::JsonEntryReader(QIODevice &in)
    : m_in(in)
{}

int JsonEntryReader::readUpTo(qsizetype i)
{
    while (i >= m_buffer.size()) {
        const QByteArray chunk = m_in.read(kChunk);
        if (chunk.isEmpty())
            return -1;
        m_buffer += chunk;
    }
    return static_cast<unsigned char>(m_buffer.at(i));
}

qsizetype JsonEntryReader::skipSpace(qsizetype i)
{
    while (isSpace(at(i)))
        ++i;
    return i;
}

qsizetype JsonEntryReader::stringEnd(qsizetype i)
{
    for (qsizetype j = i + 1;;) {
        // The plain run up to the next quote or backslash in what is read already, in one go.
        const char *data = m_buffer.constData();
        const qsizetype size = m_buffer.size();
        while (j < size && data[j] != '"' && data[j] != '\\')
            ++j;
        const int c = at(j);
        if (c < 0)
            return -1;
        if (c == '\\')
            j += 2;
        else if (c == '"')
            return j + 1;
        else
            ++j;
    }
}

qsizetype JsonEntryReader::valueEnd(qsizetype i)
{
    const int first = at(i);
    if (first == '"')
        return stringEnd(i);
    if (first == '{' || first == '[') {
        int depth = 0;
        for (qsizetype j = i;;) {
            const int c = at(j);
            if (c < 0)
                return -1;
            if (c == '"') {
                j = stringEnd(j);
                if (j < 0)
                    return -1;
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return j + 1;
            ++j;
        }
    }
    qsizetype j = i;
    for (int c = at(j); c >= 0 && c != ',' && c != ']' && c != '}' && !isSpace(c); c = at(j))
        ++j;
    return j;
}

bool JsonEntryReader::parse(qsizetype from, qsizetype to)
{
    const QByteArray bytes = QByteArray::fromRawData(m_buffer.constData() + from, to - from);
    QJsonParseError error{};
    // QJsonDocument holds an object or an array: anything else is read as an array's element.
    const bool container = bytes.startsWith('{') || bytes.startsWith('[');
    const QJsonDocument doc =
        QJsonDocument::fromJson(container ? bytes : QByteArray('[' + bytes + ']'), &error);
    if (error.error != QJsonParseError::NoError) {
        m_error = error;
        m_error.offset = int(m_offset + from + error.offset - (container ? 0 : 1));
        m_failed = true;
        return false;
    }
    if (!container)
        m_value = doc.array().at(0);
    else if (doc.isObject())
        m_value = doc.object();
    else
        m_value = doc.array();
    return true;
}

JsonEntryReader::Status JsonEntryReader::fail(QJsonParseError::ParseError error, qsizetype i)
{
    m_error.error = error;
    m_error.offset = int(m_offset + i);
    m_failed = true;
    m_state = State::Done;
    return Status::Invalid;
}

JsonEntryReader::State JsonEntryReader::members(qsizetype i, bool first)
{
    for (bool needComma = !first;; needComma = true) {
        i = skipSpace(i);
        int c = at(i);
        if (c == '}') {
            m_pos = i + 1;
            return State::Done;
        }
        if (needComma) {
            if (c != ',') {
                fail(c < 0 ? QJsonParseError::UnterminatedObject
                           : QJsonParseError::MissingValueSeparator,
                     i);
                return State::Done;
            }
            i = skipSpace(i + 1);
            c = at(i);
        }
        const qsizetype keyEnd = c == '"' ? stringEnd(i) : -1;
        if (keyEnd < 0) {
            fail(c < 0 ? QJsonParseError::UnterminatedObject : QJsonParseError::IllegalValue, i);
            return State::Done;
        }
        const bool isEntries = m_buffer.sliced(i, keyEnd - i) == "\"entries\"";
        i = skipSpace(keyEnd);
        if (at(i) != ':') {
            fail(QJsonParseError::MissingNameSeparator, i);
            return State::Done;
        }
        i = skipSpace(i + 1);
        if (isEntries && !m_sawEntries && at(i) == '[') {
            m_sawEntries = true;
            m_pos = i + 1;
            return State::InArray;
        }
        const qsizetype valueTo = valueEnd(i);
        if (valueTo < 0) {
            fail(QJsonParseError::UnterminatedObject, i);
            return State::Done;
        }
        if (!parse(i, valueTo)) {
            m_state = State::Done;
            return State::Done;
        }
        i = valueTo;
    }
}

JsonEntryReader::Status JsonEntryReader::end(qsizetype i)
{
    i = skipSpace(i);
    if (at(i) >= 0)
        return fail(QJsonParseError::GarbageAtEnd, i);
    m_state = State::Done;
    return m_sawEntries ? Status::End : Status::NoEntries;
}

JsonEntryReader::Status JsonEntryReader::next()
{
    if (m_failed)
        return Status::Invalid;
    // What was handed out is dropped: the buffer holds the rest of the last chunk read.
    if (m_pos > kChunk) {
        m_buffer.remove(0, m_pos);
        m_offset += m_pos;
        m_pos = 0;
    }
    switch (m_state) {
    case State::Start: {
        const qsizetype i = skipSpace(0);
        const int c = at(i);
        if (c == '[') {
            m_sawEntries = true;
            m_state = State::InArray;
            m_pos = i + 1;
            return next();
        }
        if (c == '{') {
            m_topObject = true;
            m_state = members(i + 1, true);
            if (m_failed)
                return Status::Invalid;
            return m_state == State::InArray ? next() : end(m_pos);
        }
        if (c < 0)
            return fail(QJsonParseError::IllegalValue, i);
        const qsizetype to = valueEnd(i);
        if (to <= i || !parse(i, to))
            return m_failed ? Status::Invalid : fail(QJsonParseError::IllegalValue, i);
        return end(to); // a lone value: no entries
    }
    case State::InArray: {
        qsizetype i = skipSpace(m_pos);
        int c = at(i);
        if (c == ']') {
            if (!m_topObject)
                return end(i + 1);
            m_state = members(i + 1, false);
            if (m_failed)
                return Status::Invalid;
            return m_state == State::InArray ? next() : end(m_pos);
        }
        if (!m_firstEntry) {
            if (c != ',')
                return fail(c < 0 ? QJsonParseError::UnterminatedArray
                                  : QJsonParseError::MissingValueSeparator,
                            i);
            i = skipSpace(i + 1);
            c = at(i);
        }
        if (c < 0)
            return fail(QJsonParseError::UnterminatedArray, i);
        const qsizetype to = valueEnd(i);
        if (to < 0)
            return fail(QJsonParseError::UnterminatedArray, i);
        if (to == i)
            return fail(QJsonParseError::IllegalValue, i);
        if (!parse(i, to))
            return Status::Invalid;
        m_firstEntry = false;
        m_pos = to;
        return Status::Entry;
    }
    case State::Done:
        break;
    }
    return m_sawEntries ? Status::End : Status::NoEntries;
}

} // namespace st
