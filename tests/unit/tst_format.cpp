#include "domain/Format.h"

#include <QDateTime>
#include <QTest>

using namespace st;

class TestFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void duration()
    {
        QCOMPARE(format::duration(0), QStringLiteral("0:00:00"));
        QCOMPARE(format::duration(3'723'999), QStringLiteral("1:02:03"));
        QCOMPARE(format::duration(27 * 3'600'000), QStringLiteral("27:00:00"));
        QCOMPARE(format::duration(-5), QStringLiteral("0:00:00"));
    }

    void whenAcceptsIsoAndTimesToday()
    {
        const Ms now = QDateTime(QDate(2026, 11, 28), QTime(12, 0)).toMSecsSinceEpoch();
        QCOMPARE(format::parseWhen(QStringLiteral("09:30"), now),
                 QDateTime(QDate(2026, 11, 28), QTime(9, 30)).toMSecsSinceEpoch());
        QCOMPARE(format::parseWhen(QStringLiteral("2026-11-27T23:15"), now),
                 QDateTime(QDate(2026, 11, 27), QTime(23, 15)).toMSecsSinceEpoch());
        QCOMPARE(format::parseWhen(QStringLiteral("2026-11-27 23:15:30"), now),
                 QDateTime(QDate(2026, 11, 27), QTime(23, 15, 30)).toMSecsSinceEpoch());
        // With an offset the local zone does not matter.
        QCOMPARE(format::parseWhen(QStringLiteral("2026-11-28T09:30+01:00"), now),
                 QDateTime(QDate(2026, 11, 28), QTime(8, 30), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(format::parseWhen(QStringLiteral("2026-11-28T09:30:00Z"), now),
                 QDateTime(QDate(2026, 11, 28), QTime(9, 30), Qt::UTC).toMSecsSinceEpoch());
    }

    void whenRefusesNonsense_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad :
             {"", "9h30", "25:00", "12:60", "2026-13-01T10:00", "2026-02-30T10:00", "tomorrow",
              "2026-11-28T09:30+1", "10:00; rm -rf"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }
    void whenRefusesNonsense()
    {
        QFETCH(QString, text);
        QVERIFY(!format::parseWhen(text, 1'764'316'800'000));
    }

    void days()
    {
        const Ms now = QDateTime(QDate(2026, 11, 28), QTime(12, 0)).toMSecsSinceEpoch();
        QCOMPARE(format::parseDay(QStringLiteral("2026-11-01"), now), QDate(2026, 11, 1));
        QCOMPARE(format::parseDay(QStringLiteral("today"), now), QDate(2026, 11, 28));
        QCOMPARE(format::parseDay(QStringLiteral("Yesterday"), now), QDate(2026, 11, 27));
        QVERIFY(!format::parseDay(QStringLiteral("2026-11-31"), now).isValid());
        QVERIFY(!format::parseDay(QStringLiteral("28/11/2026"), now).isValid());
        const auto range = format::days(QDate(2026, 11, 27), QDate(2026, 11, 28));
        QCOMPARE(range.to - range.from, Ms(2 * 24 * 3'600'000));
    }

    void isoWithOffset()
    {
        const Ms t = QDateTime(QDate(2026, 11, 28), QTime(9, 30), Qt::UTC).toMSecsSinceEpoch();
        QCOMPARE(format::isoWithOffset(t), QStringLiteral("2026-11-28T09:30:00+00:00"));
    }
};

QTEST_GUILESS_MAIN(TestFormat)
#include "tst_format.moc"
