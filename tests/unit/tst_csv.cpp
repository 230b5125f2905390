// RFC 4180 writing and strict reading (core/report/Csv).
#include "report/Csv.h"

#include <QTest>

using namespace st;

class TestCsv final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldsAreQuotedOnlyWhenNeeded()
    {
        QCOMPARE(csv::field(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(csv::field(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(csv::field(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(csv::field(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        QCOMPARE(csv::row({QStringLiteral("a"), QString(), QStringLiteral("c")}),
                 QStringLiteral("a,,c\r\n"));
    }

    // Issue 15: OWASP's rule; unguard() gives back exactly what was guarded.
    void formulaCellsAreGuardedAndUnguarded_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("written");
        QTest::newRow("equals") << QStringLiteral("=1+2") << QStringLiteral("'=1+2");
        QTest::newRow("plus") << QStringLiteral("+44 20") << QStringLiteral("'+44 20");
        QTest::newRow("minus text") << QStringLiteral("-A1") << QStringLiteral("'-A1");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\tx") << QStringLiteral("'\tx");
        QTest::newRow("cr") << QStringLiteral("\rx") << QStringLiteral("\"'\rx\"");
        QTest::newRow("negative number") << QStringLiteral("-12.50") << QStringLiteral("-12.50");
        QTest::newRow("plain") << QStringLiteral("Mix v2") << QStringLiteral("Mix v2");
        QTest::newRow("quoted already") << QStringLiteral("'=x") << QStringLiteral("''=x");
        QTest::newRow("quote alone") << QStringLiteral("'hello") << QStringLiteral("'hello");
        QTest::newRow("nul dropped")
            << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << QStringLiteral("ab");
    }
    void formulaCellsAreGuardedAndUnguarded()
    {
        QFETCH(QString, value);
        QFETCH(QString, written);
        QCOMPARE(csv::field(value), written);
        if (!value.contains(QChar(0)))
            QCOMPARE(csv::unguard(csv::guard(value)), value);
    }

    void parsesRecordsWithTheirLines()
    {
        const QString text = QStringLiteral("h1,h2\r\n"
                                            "\"a, b\",\"say \"\"hi\"\"\"\r\n"
                                            "\"two\nlines\",x\r\n"
                                            "last,\"\"\r\n");
        auto parsed = csv::parse(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        const auto &records = parsed.value();
        QCOMPARE(records.size(), 4);
        QCOMPARE(records.at(0).line, 1);
        QCOMPARE(records.at(1).fields,
                 QStringList({QStringLiteral("a, b"), QStringLiteral("say \"hi\"")}));
        QCOMPARE(records.at(1).line, 2);
        QCOMPARE(records.at(2).fields.first(), QStringLiteral("two\nlines"));
        QCOMPARE(records.at(2).line, 3);
        QCOMPARE(records.at(3).line, 5); // the quoted line break moved it down
        QCOMPARE(records.at(3).fields, QStringList({QStringLiteral("last"), QString()}));
    }

    void acceptsLfBomBlankLinesAndNoFinalLineEnd()
    {
        auto parsed = csv::parse(QString(QChar(0xFEFF)) + QStringLiteral("a,b\n\n1,2\n3,"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->size(), 3);
        QCOMPARE(parsed->at(0).fields, QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(parsed->at(1).line, 3);
        QCOMPARE(parsed->at(2).fields, QStringList({QStringLiteral("3"), QString()}));
        QVERIFY(csv::parse(QString()).ok());
        QCOMPARE(csv::parse(QString())->size(), 0);
    }

    void refusesMalformedTextNamingTheLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("where");
        QTest::newRow("unterminated")
            << QStringLiteral("a,b\r\n1,\"open\r\n2,3\r\n") << QStringLiteral("Line 2:");
        QTest::newRow("quote inside field")
            << QStringLiteral("a,b\r\nx,y\r\n1,ab\"c\r\n") << QStringLiteral("Line 3:");
        QTest::newRow("text after closing quote")
            << QStringLiteral("a,b\r\n\"x\"y,1\r\n") << QStringLiteral("Line 2:");
        QTest::newRow("bare carriage return")
            << QStringLiteral("a,b\r1,2\r\n") << QStringLiteral("Line 1:");
        QTest::newRow("NUL") << QStringLiteral("a,b\r\n1,2\r\n3,x") + QChar(0) +
                                    QStringLiteral("y\r\n")
                             << QStringLiteral("Line 3:");
        QTest::newRow("control in quoted field")
            << QStringLiteral("a,b\r\n1,\"two\nlines\u0007\"\r\n") << QStringLiteral("Line 3:");
    }

    void refusesMalformedTextNamingTheLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, where);
        auto parsed = csv::parse(text);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.startsWith(where), qPrintable(parsed.error().message));
    }

    void roundTripsAwkwardFields()
    {
        const QList<QStringList> rows{
            {QStringLiteral("id"), QStringLiteral("note")},
            {QStringLiteral("1"), QStringLiteral("commas, \"quotes\" and\r\nCRLF")},
            {QStringLiteral("2"), QStringLiteral("\n")},
            {QStringLiteral("3"), QStringLiteral("Café – 🎚️, ½")},
            {QString(), QStringLiteral("\"")},
        };
        QString text;
        for (const QStringList &r : rows)
            text += csv::row(r);
        auto parsed = csv::parse(text);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i)
            QCOMPARE(parsed->at(i).fields, rows.at(i));
    }

    // An import reads its file in chunks: a record, a doubled quote or a CRLF cut anywhere reads
    // the same as the whole text, and so do the errors.
    void readsTheSameInChunksCutAnywhere()
    {
        const QString good =
            QString(QChar(0xFEFF)) + QStringLiteral("h1,h2\r\n\"a, b\",\"say \"\"hi\"\"\"\r\n\r\n"
                                                    "\"two\nlines\",x\r\nlast,\"\"\r\n3,");
        const QString bad = QStringLiteral("a,b\r\nx,\"y\"\"\r\n1,ab\"c\r\n");
        for (const QString &text : {good, bad}) {
            const auto whole = csv::parse(text);
            for (qsizetype size = 1; size <= 4; ++size) {
                csv::Reader reader;
                QList<csv::Record> records;
                QString error;
                bool finished = false;
                for (qsizetype at = 0; error.isEmpty();) {
                    auto next = reader.next();
                    if (!next) {
                        error = next.error().message;
                    } else if (next.value()) {
                        records << *next.value();
                    } else if (at < text.size()) {
                        reader.append(QStringView(text).mid(at, size));
                        at += size;
                    } else if (!finished) {
                        reader.finish();
                        finished = true;
                    } else {
                        break;
                    }
                }
                QCOMPARE(error, whole.ok() ? QString() : whole.error().message);
                if (whole.ok()) {
                    QCOMPARE(records.size(), whole->size());
                    for (qsizetype i = 0; i < records.size(); ++i) {
                        QCOMPARE(records.at(i).line, whole->at(i).line);
                        QCOMPARE(records.at(i).fields, whole->at(i).fields);
                    }
                }
            }
        }
        QVERIFY(csv::parse(good).ok());
        QVERIFY(!csv::parse(bad).ok());
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
