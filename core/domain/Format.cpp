#include "Format.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace st::format {

QString duration(Ms ms)
{
    const Ms seconds = std::max<Ms>(0, ms) / 1000;
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600)
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString isoWithOffset(Ms ms)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms);
    const QDateTime withOffset = local.toOffsetFromUtc(local.offsetFromUtc());
    QString text = withOffset.toString(Qt::ISODate);
    // Qt writes UTC as "Z"; scripts get one shape whatever the zone.
    if (text.endsWith(QLatin1Char('Z'))) {
        text.chop(1);
        text += QStringLiteral("+00:00");
    }
    return text;
}

std::optional<Ms> parseWhen(const QString &input, Ms now)
{
    const QString text = input.trimmed();
    static const QRegularExpression timeOnly(QStringLiteral("^(\\d{1,2}):(\\d{2})(?::(\\d{2}))?$"));
    if (const auto m = timeOnly.match(text); m.hasMatch()) {
        const QTime time(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (!time.isValid())
            return std::nullopt;
        const QDate today = QDateTime::fromMSecsSinceEpoch(now).date();
        const QDateTime dt(today, time);
        return dt.isValid() ? std::optional<Ms>(dt.toMSecsSinceEpoch()) : std::nullopt;
    }
    static const QRegularExpression iso(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:?\\d{2})?$"));
    if (!iso.match(text).hasMatch())
        return std::nullopt;
    QString normalized = text;
    normalized[10] = QLatin1Char('T');
    const QDateTime dt = QDateTime::fromString(normalized, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

QDate parseDay(const QString &input, Ms now)
{
    const QString text = input.trimmed().toLower();
    const QDate today = QDateTime::fromMSecsSinceEpoch(now).date();
    if (text == QLatin1String("today"))
        return today;
    if (text == QLatin1String("yesterday"))
        return today.addDays(-1);
    static const QRegularExpression day(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!day.match(text).hasMatch())
        return {};
    return QDate::fromString(text, Qt::ISODate);
}

Range days(const QDate &first, const QDate &last)
{
    return {first.startOfDay().toMSecsSinceEpoch(),
            last.addDays(1).startOfDay().toMSecsSinceEpoch()};
}

} // namespace st::format
