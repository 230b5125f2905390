#include "Money.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>

namespace st::money {

int minorUnitDigits(const QString &currency)
{
    static const QStringList zero{
        QStringLiteral("JPY"), QStringLiteral("KRW"), QStringLiteral("ISK"), QStringLiteral("CLP"),
        QStringLiteral("VND"), QStringLiteral("XAF"), QStringLiteral("XOF"), QStringLiteral("HUF")};
    static const QStringList three{
        QStringLiteral("BHD"), QStringLiteral("KWD"), QStringLiteral("OMR"), QStringLiteral("JOD"),
        QStringLiteral("TND"), QStringLiteral("LYD"), QStringLiteral("IQD")};
    if (zero.contains(currency))
        return 0;
    if (three.contains(currency))
        return 3;
    return 2;
}

bool isValidCurrency(const QString &currency)
{
    if (currency.size() != 3)
        return false;
    for (const QChar c : currency) {
        if (c < QLatin1Char('A') || c > QLatin1Char('Z'))
            return false;
    }
    return true;
}

static qint64 divisor(int digits)
{
    qint64 d = 1;
    for (int i = 0; i < digits; ++i)
        d *= 10;
    return d;
}

QString formatPlain(qint64 cents, const QString &currency)
{
    const int digits = minorUnitDigits(currency);
    const qint64 d = divisor(digits);
    const bool negative = cents < 0;
    const qint64 abs = negative ? -cents : cents;
    QString text = QString::number(abs / d);
    if (digits > 0)
        text +=
            QLatin1Char('.') + QString::number(abs % d).rightJustified(digits, QLatin1Char('0'));
    return negative ? QLatin1Char('-') + text : text;
}

QString format(qint64 cents, const QString &currency, const QLocale &locale)
{
    const int digits = minorUnitDigits(currency);
    // Exact: any cent count a studio bills is far below 2^53.
    const double amount = double(cents) / double(divisor(digits));
    return locale.toCurrencyString(amount, currencySymbol(currency), digits);
}

QString currencySymbol(const QString &currency)
{
    // Built once: the symbol of every currency some locale uses ("€", "£", "CHF"...).
    static const QHash<QString, QString> symbols = [] {
        QHash<QString, QString> map;
        const auto all = QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript,
                                                  QLocale::AnyTerritory);
        for (const QLocale &candidate : all) {
            const QString iso = candidate.currencySymbol(QLocale::CurrencyIsoCode);
            if (!iso.isEmpty() && !map.contains(iso))
                map.insert(iso, candidate.currencySymbol(QLocale::CurrencySymbol));
        }
        return map;
    }();
    return symbols.value(currency, currency);
}

qint64 parse(const QString &text, const QString &currency)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,12})(?:[.,](\\d{1,3}))?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return -1;
    const int digits = minorUnitDigits(currency);
    const QString fraction = m.captured(2);
    if (fraction.size() > digits)
        return -1;
    const qint64 d = divisor(digits);
    qint64 cents = m.captured(1).toLongLong() * d;
    if (!fraction.isEmpty())
        cents += fraction.leftJustified(digits, QLatin1Char('0')).toLongLong();
    return cents;
}

} // namespace st::money
