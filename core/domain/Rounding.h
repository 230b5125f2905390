#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

// Billing rounding (docs/REPORTS.md, "Rounding"): each entry's time is rounded on its own, in
// reports and invoices only; stored times never change.
namespace st {

struct Rounding
{
    enum class Mode
    {
        Up, // a started step is billed: what `--rounding 15` alone means
        Nearest,
        Down
    };
    int minutes = 0; // 0: no rounding
    Mode mode = Mode::Up;

    // The steps a studio bills by; anything else is refused.
    static constexpr int kSteps[] = {1, 5, 6, 10, 15, 30};

    bool isNone() const { return minutes == 0; }
    // ms rounded to whole steps (half a step rounds up when nearest); unchanged without rounding.
    qint64 apply(qint64 ms) const;

    // "15", "15:up", "6:nearest", "30:down", "none"; nullopt when malformed.
    static std::optional<Rounding> parse(const QString &text);
    // "15:up" (what parse reads), "none".
    QString name() const;

    bool operator==(const Rounding &) const = default;
};

} // namespace st
