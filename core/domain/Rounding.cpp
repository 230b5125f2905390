#include "Rounding.h"

#include <QStringList>

#include <algorithm>

namespace st {

namespace {

constexpr qint64 kMsPerMinute = 60'000;

const char *modeName(Rounding::Mode mode)
{
    switch (mode) {
    case Rounding::Mode::Up:
        return "up";
    case Rounding::Mode::Nearest:
        return "nearest";
    case Rounding::Mode::Down:
        return "down";
    }
    return "up";
}

} // namespace

qint64 Rounding::apply(qint64 ms) const
{
    if (minutes <= 0 || ms <= 0)
        return std::max<qint64>(ms, 0);
    const qint64 step = qint64(minutes) * kMsPerMinute;
    switch (mode) {
    case Mode::Up:
        return (ms + step - 1) / step * step;
    case Mode::Nearest:
        return (ms + step / 2) / step * step;
    case Mode::Down:
        return ms / step * step;
    }
    return ms;
}

std::optional<Rounding> Rounding::parse(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("none") || t == QLatin1String("0"))
        return Rounding{};
    const QStringList parts = t.split(QLatin1Char(':'));
    if (parts.size() > 2)
        return std::nullopt;
    bool ok = false;
    Rounding r;
    r.minutes = parts.first().toInt(&ok);
    if (!ok || std::find(std::begin(kSteps), std::end(kSteps), r.minutes) == std::end(kSteps))
        return std::nullopt;
    if (parts.size() == 2) {
        const QString mode = parts.at(1);
        if (mode == QLatin1String("up"))
            r.mode = Mode::Up;
        else if (mode == QLatin1String("nearest"))
            r.mode = Mode::Nearest;
        else if (mode == QLatin1String("down"))
            r.mode = Mode::Down;
        else
            return std::nullopt;
    }
    return r;
}

QString Rounding::name() const
{
    if (isNone())
        return QStringLiteral("none");
    return QString::number(minutes) + QLatin1Char(':') + QLatin1String(modeName(mode));
}

} // namespace st
