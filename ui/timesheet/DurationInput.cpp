#include "DurationInput.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace st::durationInput {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::DurationInput)
};

constexpr Ms kMinute = 60'000;
constexpr Ms kHour = 60 * kMinute;
constexpr Ms kDay = 24 * kHour;

double number(const QString &text)
{
    return QString(text).replace(QLatin1Char(','), QLatin1Char('.')).toDouble();
}

} // namespace

Result<Ms> parse(const QString &typed)
{
    const QString text = typed.trimmed().toLower();
    // 1:30
    static const QRegularExpression clock(QStringLiteral("^(\\d{1,2}):([0-5]\\d)$"));
    // 1.5h, 1,5 h, 2h, 1h30, 1h 30m, 1 h 30 min
    static const QRegularExpression hours(
        QStringLiteral("^(\\d+(?:[.,]\\d+)?)\\s*h\\s*(?:(\\d{1,2})\\s*(?:m|mn|min)?)?$"));
    // 90m, 90 mn, 90 min
    static const QRegularExpression minutes(QStringLiteral("^(\\d+)\\s*(?:m|mn|min)$"));
    // 2, 0.75, 1,5: hours
    static const QRegularExpression bare(QStringLiteral("^(\\d+(?:[.,]\\d+)?)$"));

    double ms = -1;
    const auto clockMatch = clock.match(text);
    const auto hoursMatch = hours.match(text);
    const auto minutesMatch = minutes.match(text);
    const auto bareMatch = bare.match(text);
    if (clockMatch.hasMatch()) {
        ms = double(clockMatch.captured(1).toInt() * kHour +
                    clockMatch.captured(2).toInt() * kMinute);
    } else if (hoursMatch.hasMatch()) {
        const int extra = hoursMatch.captured(2).isEmpty() ? 0 : hoursMatch.captured(2).toInt();
        if (extra < 60)
            ms = number(hoursMatch.captured(1)) * double(kHour) + double(extra * kMinute);
    } else if (minutesMatch.hasMatch()) {
        ms = double(minutesMatch.captured(1).toLongLong()) * double(kMinute);
    } else if (bareMatch.hasMatch()) {
        ms = number(bareMatch.captured(1)) * double(kHour);
    }
    if (ms < 0)
        return Error::invalid(
            Tr::tr("\"%1\" is not a duration: type it as 1:30, 90m or 1.5h.").arg(typed.trimmed()));
    const Ms rounded = Ms(std::llround(ms / double(kMinute))) * kMinute;
    if (rounded <= 0)
        return Error::invalid(Tr::tr("\"%1\" is less than a minute.").arg(typed.trimmed()));
    if (rounded > kDay)
        return Error::invalid(Tr::tr("\"%1\" is more than a day.").arg(typed.trimmed()));
    return rounded;
}

QString format(Ms ms)
{
    const Ms minutes = (ms + kMinute / 2) / kMinute;
    return QStringLiteral("%1:%2").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace st::durationInput
