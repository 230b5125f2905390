// `studiotimer invoice` as a real process with no display (issue 12): a PDF whose text, as
// poppler's pdftotext reads it, holds the studio, the client, one line per project and task type
// and the exact total; the number counts up; bad input changes nothing.
#include "CliProcess.h"
#include "PdfText.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using st::test::s;
using Run = st::test::CliRun;

class TestInvoiceCli : public QObject
{
    Q_OBJECT

    st::test::CliFolder m_dir;

    Run run(const QStringList &args) { return m_dir.run(args); }

    void ok(const QStringList &args)
    {
        const Run r = run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(args.join(QLatin1Char(' ')) + s(": ") + r.err));
    }

private Q_SLOTS:
    void initTestCase()
    {
        ok({s("settings"), s("set"), s("studio.name"), s("Blackbird Studios")});
        ok({s("settings"), s("set"), s("studio.address"), s("12 Harbour Road\nBristol")});
        ok({s("settings"), s("set"), s("studio.taxNumber"), s("GB123456789")});
        ok({s("clients"), s("add"), s("Blue Label"), s("--rate"), s("90")});
        ok({s("clients"), s("add"), s("Nova")});
        ok({s("projects"), s("add"), s("Nightfall"), s("--client"), s("Blue Label")});
        ok({s("projects"), s("add"), s("Single"), s("--client"), s("Blue Label"), s("--rate"),
            s("72.50")});
        ok({s("projects"), s("add"), s("Demo"), s("--client"), s("Nova")});
        // Nightfall: Recording 2 h at the client's 90.00 = 180.00, Mixing 1 h 10 min = 105.00.
        ok({s("add"), s("Recording"), s("--from"), s("2025-11-03T10:00"), s("--to"),
            s("2025-11-03T12:00"), s("--project"), s("Nightfall")});
        ok({s("add"), s("Mixing"), s("--from"), s("2025-11-04T10:00"), s("--to"),
            s("2025-11-04T11:10"), s("--project"), s("Nightfall")});
        // Single: Recording 30 min at 72.50 = 36.25; a non-billable hour costs nothing.
        ok({s("add"), s("Recording"), s("--from"), s("2025-11-05T10:00"), s("--to"),
            s("2025-11-05T10:30"), s("--project"), s("Single")});
        ok({s("add"), s("Recording"), s("--from"), s("2025-11-05T11:00"), s("--to"),
            s("2025-11-05T12:00"), s("--project"), s("Single"), s("--non-billable")});
        // Another client's entry, never on Blue Label's invoice.
        ok({s("add"), s("Recording"), s("--from"), s("2025-11-06T10:00"), s("--to"),
            s("2025-11-06T11:00"), s("--project"), s("Demo")});
    }

    void invoicePdfHoldsTheClientTheLinesAndTheTotal()
    {
        const QString file = m_dir.filePath(s("invoice-1.pdf"));
        const Run r =
            run({s("invoice"), s("--client"), s("Blue Label"), s("--from"), s("2025-11-01"),
                 s("--to"), s("2025-11-30"), s("--billable-only"), s("-o"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(s("321.25")), qPrintable(r.out));
        QFile pdf(file);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        const QString text = pdfText(file);
        for (const QString &expected :
             {s("Blackbird Studios"), s("12 Harbour Road"), s("Bristol"), s("GB123456789"),
              s("Invoice 1"), s("Blue Label"), s("2025-11-01"), s("2025-11-30"), s("Nightfall"),
              s("Single"), s("180.00 EUR"), s("105.00 EUR"), s("36.25 EUR"), s("90.00 EUR"),
              s("72.50 EUR"), s("2.00"), s("1.17"), s("0.50"), s("321.25 EUR")})
            QVERIFY2(text.contains(expected), qPrintable(expected + s(" not in:\n") + text));
        QVERIFY2(!text.contains(s("Demo")), qPrintable(text));
        // --billable-only: the non-billable hour of Single is not a third Recording line.
        QVERIFY2(text.count(s("Recording")) == 2, qPrintable(text));
    }

    void roundingAndTheNextNumber()
    {
        // By started quarter hours: Mixing 1 h 10 min is billed 1.25 h = 112.50.
        const QString file = m_dir.filePath(s("invoice-2.pdf"));
        const Run r = run({s("invoice"), s("--client"), s("blue label"), s("--project"),
                           s("Nightfall"), s("--from"), s("2025-11-01"), s("--to"), s("2025-11-30"),
                           s("--rounding"), s("15"), s("-o"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString text = pdfText(file);
        for (const QString &expected :
             {s("Invoice 2"), s("1.25"), s("112.50 EUR"), s("292.50 EUR")})
            QVERIFY2(text.contains(expected), qPrintable(expected + s(" not in:\n") + text));
        QVERIFY2(!text.contains(s("Single")), qPrintable(text));

        const QString third = m_dir.filePath(s("invoice-x.pdf"));
        QCOMPARE(run({s("invoice"), s("--client"), s("Nova"), s("--from"), s("2025-11-01"),
                      s("--to"), s("2025-11-30"), s("--number"), s("2025-041"), s("-o"), third})
                     .exitCode,
                 0);
        QVERIFY(pdfText(third).contains(s("Invoice 2025-041")));
        const QString fourth = m_dir.filePath(s("invoice-y.pdf"));
        QCOMPARE(run({s("invoice"), s("--client"), s("Nova"), s("--from"), s("2025-11-01"),
                      s("--to"), s("2025-11-30"), s("-o"), fourth})
                     .exitCode,
                 0);
        QVERIFY(pdfText(fourth).contains(s("Invoice 2025-042")));
    }

    void badInputWritesNoFile()
    {
        const QString file = m_dir.filePath(s("refused.pdf"));
        const struct
        {
            QStringList args;
            int exitCode;
            const char *message;
        } cases[] = {
            {{s("--client"), s("Nobody"), s("--from"), s("2025-11-01"), s("--to"), s("2025-11-30")},
             1,
             "No client \"Nobody\""},
            {{s("--client"), s("Nova"), s("--from"), s("2025-12-01"), s("--to"), s("2025-12-31")},
             1,
             "Nothing to invoice"},
            {{s("--client"), s("Nova"), s("--project"), s("Nightfall"), s("--from"),
              s("2025-11-01"), s("--to"), s("2025-11-30")},
             1,
             "not one of Nova's"},
            {{s("--client"), s("Nova"), s("--from"), s("2025-11-01"), s("--to"), s("2025-11-30"),
              s("--rounding"), s("7")},
             2,
             "--rounding"},
            {{s("--client"), s("Nova"), s("--from"), s("2025-11-01")}, 2, "needs --client"},
        };
        for (const auto &c : cases) {
            const Run r = run(QStringList{s("invoice")} + c.args + QStringList{s("-o"), file});
            QVERIFY2(r.exitCode == c.exitCode, qPrintable(c.args.join(QLatin1Char(' ')) + r.err));
            QVERIFY2(r.err.contains(QString::fromUtf8(c.message)), qPrintable(r.err));
            QVERIFY(!QFileInfo::exists(file));
        }
    }
};

QTEST_GUILESS_MAIN(TestInvoiceCli)
#include "tst_invoice_cli.moc"
