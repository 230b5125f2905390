#include "domain/Money.h"

#include <QLocale>
#include <QTest>

using namespace st;

class TestMoney : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void costRoundsHalfUp_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<qint64>("rate");
        QTest::addColumn<qint64>("cents");
        QTest::newRow("one hour") << qint64(3'600'000) << qint64(6000) << qint64(6000);
        QTest::newRow("one minute at 60/h") << qint64(60'000) << qint64(6000) << qint64(100);
        // 30 s at 1.00/h is 0.8333 cents: rounds to 1.
        QTest::newRow("rounds up above half") << qint64(30'000) << qint64(100) << qint64(1);
        // 18 s at 1.00/h is exactly 0.5 cent: half rounds up.
        QTest::newRow("exact half") << qint64(18'000) << qint64(100) << qint64(1);
        QTest::newRow("just below half") << qint64(17'999) << qint64(100) << qint64(0);
        QTest::newRow("not billable") << qint64(3'600'000) << qint64(0) << qint64(0);
        QTest::newRow("nothing") << qint64(0) << qint64(6000) << qint64(0);
        // A whole century at the highest rate still fits in 64 bits.
        QTest::newRow("largest") << qint64(3'155'760'000'000) << money::kMaxHourlyRateCents
                                 << qint64(876'600'000'000);
    }
    void costRoundsHalfUp()
    {
        QFETCH(qint64, ms);
        QFETCH(qint64, rate);
        QFETCH(qint64, cents);
        QCOMPARE(money::costCents(ms, rate), cents);
    }

    void totalsAreSumsOfRoundedEntryCosts()
    {
        // Three 18-second entries at 1.00/h: each rounds to 1 cent, so the total is 3 cents,
        // not the 1.5 rounded to 2 that one would get from the summed duration.
        qint64 total = 0;
        for (int i = 0; i < 3; ++i)
            total += money::costCents(18'000, 100);
        QCOMPARE(total, 3);
        QCOMPARE(money::costCents(3 * 18'000, 100), 2);
    }

    void plainFormatIsLocaleIndependent()
    {
        QCOMPARE(money::formatPlain(123456, QStringLiteral("EUR")), QStringLiteral("1234.56"));
        QCOMPARE(money::formatPlain(5, QStringLiteral("EUR")), QStringLiteral("0.05"));
        QCOMPARE(money::formatPlain(-150, QStringLiteral("USD")), QStringLiteral("-1.50"));
        QCOMPARE(money::formatPlain(1500, QStringLiteral("JPY")), QStringLiteral("1500"));
        QCOMPARE(money::formatPlain(1500, QStringLiteral("KWD")), QStringLiteral("1.500"));
    }

    void localeFormatUsesTheCurrencySymbol()
    {
        const QString fr = money::format(123456, QStringLiteral("EUR"), QLocale(QLocale::French));
        QVERIFY2(fr.contains(QStringLiteral("€")), qPrintable(fr));
        QVERIFY2(fr.contains(QStringLiteral("1")) && fr.contains(QStringLiteral(",56")),
                 qPrintable(fr));
        const QString en = money::format(123456, QStringLiteral("EUR"),
                                         QLocale(QLocale::English, QLocale::UnitedKingdom));
        QVERIFY2(en.startsWith(QStringLiteral("€")) && en.contains(QStringLiteral("1,234.56")),
                 qPrintable(en));
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<qint64>("cents");
        QTest::newRow("dot") << QStringLiteral("12.34") << QStringLiteral("EUR") << qint64(1234);
        QTest::newRow("comma") << QStringLiteral("12,3") << QStringLiteral("EUR") << qint64(1230);
        QTest::newRow("whole") << QStringLiteral("60") << QStringLiteral("EUR") << qint64(6000);
        QTest::newRow("yen") << QStringLiteral("1500") << QStringLiteral("JPY") << qint64(1500);
        QTest::newRow("too precise")
            << QStringLiteral("1.234") << QStringLiteral("EUR") << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-5") << QStringLiteral("EUR") << qint64(-1);
        QTest::newRow("words") << QStringLiteral("ten") << QStringLiteral("EUR") << qint64(-1);
        QTest::newRow("yen fraction")
            << QStringLiteral("1.5") << QStringLiteral("JPY") << qint64(-1);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, currency);
        QFETCH(qint64, cents);
        QCOMPARE(money::parse(text, currency), cents);
    }

    void currencyCodes()
    {
        QVERIFY(money::isValidCurrency(QStringLiteral("EUR")));
        QVERIFY(!money::isValidCurrency(QStringLiteral("eur")));
        QVERIFY(!money::isValidCurrency(QStringLiteral("EURO")));
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
