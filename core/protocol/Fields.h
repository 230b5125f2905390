#pragma once

#include "domain/Error.h"
#include "domain/Types.h"

#include <QDate>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>

namespace st::protocol {

// Reads a message's fields one by one, each refusing anything but its JSON type; the first problem
// names the message and the field ("timer:start: taskTypeId must be a UUID string"). Absent and
// null are the same for optional fields.
class Reader final
{
public:
    Reader(const QJsonObject &object, QString context);

    const QString &context() const { return m_context; }
    bool has(const char *key) const;
    bool contains(const char *key) const; // present, even as null

    QString id(const char *key, bool required = true);
    QString text(const char *key, bool required, int maxLength);
    // Absent: nothing; null: an empty text.
    std::optional<QString> optionalText(const char *key, int maxLength);
    // Milliseconds since the epoch (or another whole number in the same range).
    std::optional<Ms> time(const char *key, bool required = false);
    std::optional<qint64> integer(const char *key, bool required = false);
    bool boolean(const char *key, bool fallback);
    // A list of words (an entry's tags): absent or null: nothing.
    std::optional<QStringList> words(const char *key);
    // An hourly rate in cents, 0 to money::kMaxHourlyRateCents; absent or null: nothing.
    std::optional<qint64> rate(const char *key);
    // A day, "2026-10-31"; absent or null: nothing.
    std::optional<QDate> day(const char *key);
    QJsonObject object(const char *key);
    std::optional<QJsonObject> optionalObject(const char *key);

    // An object of its own wire shape (a task type, a room, an entry: domain/Json), whose parse
    // error is given the message's context and the key.
    template <class Item>
    std::optional<Item> item(const char *key, Result<Item> (*parse)(const QJsonObject &))
    {
        const QJsonObject o = object(key);
        if (!ok())
            return std::nullopt;
        auto parsed = parse(o);
        if (parsed)
            return parsed.value();
        failWith(Error::invalid(QStringLiteral("%1.%2: %3")
                                    .arg(m_context, QLatin1String(key), parsed.error().message)));
        return std::nullopt;
    }

    // Records a problem found by the caller (the first one wins).
    void fail(const char *key, const QString &what);
    void failWith(const Error &error);
    bool ok() const { return !m_error; }
    Error error() const { return m_error.value_or(Error{}); }

private:
    QJsonValue value(const char *key) const;
    std::optional<qint64> wholeNumber(const char *key, bool required, const QString &what);

    QJsonObject m_object;
    QString m_context;
    std::optional<Error> m_error;
};

// std::visit with one lambda per alternative.
template <class... Ts> struct Overloaded : Ts...
{
    using Ts::operator()...;
};
// Spelled out for clang 14 (the fuzz build), which lacks C++20's deduction for aggregates.
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

// Writing: null for an absent time or an empty optional ID.
QJsonValue msOrNull(const std::optional<Ms> &value);
QJsonValue idOrNull(const QString &id);

} // namespace st::protocol
