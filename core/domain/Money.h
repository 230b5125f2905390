#pragma once

#include <QString>
#include <QtGlobal>

class QLocale;

namespace st {

// Money is an integer count of minor units (cents) in an ISO 4217 currency.
namespace money {

inline constexpr qint64 kMsPerHour = 3'600'000;
// Rates above this are refused: a century at this rate still fits in 64 bits, in C++ and in SQL.
inline constexpr qint64 kMaxHourlyRateCents = 1'000'000; // 10,000.00 an hour

// The cost of billableMs at hourlyRateCents, rounded half up to a whole minor unit.
constexpr qint64 costCents(qint64 billableMs, qint64 hourlyRateCents)
{
    if (billableMs <= 0 || hourlyRateCents <= 0)
        return 0;
    return (billableMs * hourlyRateCents + kMsPerHour / 2) / kMsPerHour;
}

// Digits after the decimal point for a currency (2 for most, 0 for JPY, 3 for KWD...).
int minorUnitDigits(const QString &currency);

bool isValidCurrency(const QString &currency);

// "€12.34" / "12,34 €" as the locale writes it.
QString format(qint64 cents, const QString &currency, const QLocale &locale);

// "€" for EUR, "$" for USD; the code itself when no locale knows a symbol.
QString currencySymbol(const QString &currency);

// "12.34": locale-independent, for CSV and JSON.
QString formatPlain(qint64 cents, const QString &currency);

// Parses "12.34", "12,34" or "12" into minor units; -1 when malformed.
qint64 parse(const QString &text, const QString &currency);

} // namespace money
} // namespace st
