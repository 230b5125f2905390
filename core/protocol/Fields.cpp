#include "Fields.h"

#include "domain/Json.h"
#include "domain/Money.h"

#include <QJsonArray>

#include <QCoreApplication>

#include <cmath>

namespace st::protocol {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::protocol)
};

bool absent(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull();
}

} // namespace

Reader::Reader(const QJsonObject &object, QString context)
    : m_object(object)
    , m_context(std::move(context))
{}

QJsonValue Reader::value(const char *key) const
{
    return m_object.value(QLatin1String(key));
}

bool Reader::has(const char *key) const
{
    return !absent(value(key));
}

bool Reader::contains(const char *key) const
{
    return m_object.contains(QLatin1String(key));
}

QString Reader::id(const char *key, bool required)
{
    const QJsonValue v = value(key);
    if (absent(v) && !required)
        return {};
    if (!v.isString() || !isValidId(v.toString()))
        fail(key, Tr::tr("must be a UUID string"));
    return v.toString();
}

QString Reader::text(const char *key, bool required, int maxLength)
{
    const QJsonValue v = value(key);
    if (absent(v) && !required)
        return {};
    if (!v.isString())
        fail(key, Tr::tr("must be a string"));
    else if (v.toString().size() > maxLength)
        fail(key, Tr::tr("is too long"));
    return v.toString();
}

std::optional<QString> Reader::optionalText(const char *key, int maxLength)
{
    if (!contains(key))
        return std::nullopt;
    return text(key, false, maxLength);
}

std::optional<qint64> Reader::wholeNumber(const char *key, bool required, const QString &what)
{
    const QJsonValue v = value(key);
    if (absent(v) && !required)
        return std::nullopt;
    const std::optional<qint64> n = json::wholeNumber(v);
    if (!n)
        fail(key, what);
    return n;
}

std::optional<Ms> Reader::time(const char *key, bool required)
{
    return wholeNumber(key, required, Tr::tr("must be an integer (milliseconds since the epoch)"));
}

std::optional<qint64> Reader::integer(const char *key, bool required)
{
    return wholeNumber(key, required, Tr::tr("must be an integer"));
}

bool Reader::boolean(const char *key, bool fallback)
{
    const QJsonValue v = value(key);
    if (v.isBool())
        return v.toBool();
    if (!absent(v))
        fail(key, Tr::tr("must be true or false"));
    return fallback;
}

std::optional<QStringList> Reader::words(const char *key)
{
    const QJsonValue v = value(key);
    if (absent(v))
        return std::nullopt;
    QStringList list;
    bool text = v.isArray();
    for (const QJsonValue &item : v.toArray()) {
        text = text && item.isString();
        list.append(item.toString());
    }
    if (!text) {
        fail(key, Tr::tr("must be a list of words"));
        return std::nullopt;
    }
    if (auto r = validate::tags(list); !r) {
        failWith(Error::invalid(
            QStringLiteral("%1: %2: %3").arg(m_context, QLatin1String(key), r.error().message)));
        return std::nullopt;
    }
    return validate::normalizedTags(list);
}

std::optional<qint64> Reader::rate(const char *key)
{
    const std::optional<qint64> cents = integer(key);
    if (cents && (*cents < 0 || *cents > money::kMaxHourlyRateCents))
        fail(key, Tr::tr("must be a rate from 0 to %1").arg(money::kMaxHourlyRateCents));
    return cents;
}

std::optional<QDate> Reader::day(const char *key)
{
    const QJsonValue v = value(key);
    if (absent(v))
        return std::nullopt;
    const QDate day = QDate::fromString(v.toString(), Qt::ISODate);
    if (!v.isString() || !day.isValid() || v.toString().size() != 10) {
        fail(key, Tr::tr("must be a day such as 2026-10-31"));
        return std::nullopt;
    }
    return day;
}

QJsonObject Reader::object(const char *key)
{
    const QJsonValue v = value(key);
    if (!v.isObject())
        fail(key, Tr::tr("must be an object"));
    return v.toObject();
}

std::optional<QJsonObject> Reader::optionalObject(const char *key)
{
    if (!has(key))
        return std::nullopt;
    return object(key);
}

void Reader::fail(const char *key, const QString &what)
{
    if (!m_error)
        m_error =
            Error::invalid(QStringLiteral("%1: %2 %3").arg(m_context, QLatin1String(key), what));
}

void Reader::failWith(const Error &error)
{
    if (!m_error)
        m_error = error;
}

QJsonValue msOrNull(const std::optional<Ms> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue idOrNull(const QString &id)
{
    return id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(id);
}

} // namespace st::protocol
