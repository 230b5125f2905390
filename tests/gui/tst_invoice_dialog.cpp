// Reports → Invoice… (issue 12): the dialog previews the invoice the command line would write
// (client, one line per project and task type, the exact total), follows the rounding,
// billable-only and project choices, saves a PDF with real text, prints, counts the number up as
// `studiotimer invoice` does, and shows bad choices without saving anything; once an invoice is
// made, it offers to lock the period up to its last day, asking first.
#include "GuiFixture.h"
#include "KeyboardFixture.h"
#include "NamedChild.h"
#include "PdfText.h"

#include "invoice/InvoiceDialog.h"
#include "invoice/PeriodLock.h"
#include "reports/ReportsView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBrowser>

using namespace st;
using namespace st::test;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

Ms local(const QDate &day, int hour, int minute = 0)
{
    return QDateTime(day, QTime(hour, minute)).toMSecsSinceEpoch();
}

// The value, or the test stops with the error.
template <class T> T must(Result<T> r)
{
    if (!r)
        qFatal("refused: %s", qPrintable(r.error().message));
    return r.value();
}

// Blue Label (90.00/h) with Nightfall and Single (72.50/h), Nova with Demo, as tst_invoice_cli.
struct Studio
{
    GuiFixture f;
    QString nightfall;
    QString single;
    const QDate first{2025, 11, 1};
    const QDate last{2025, 11, 30};

    Studio()
    {
        const Database &db = *f.store.db;
        if (!db.setMeta(s("studio.name"), s("Blackbird Studios")) ||
            !db.setMeta(s("studio.taxNumber"), s("GB123456789")))
            qFatal("settings refused");
        TimerService &service = *f.store.service;
        Client blue;
        blue.name = s("Blue Label");
        blue.color = s("#4e79a7");
        blue.hourlyRateCents = 9000;
        const QString blueId = must(service.saveClient(blue)).id;
        Client nova;
        nova.name = s("Nova");
        nova.color = s("#f28e2b");
        const QString novaId = must(service.saveClient(nova)).id;
        nightfall = project(s("Nightfall"), blueId, {});
        single = project(s("Single"), blueId, 7250);
        const QString demo = project(s("Demo"), novaId, {});
        // Nightfall: Recording 2 h = 180.00, Mixing 1 h 10 min = 105.00. Single: Recording
        // 30 min at 72.50 = 36.25, and a non-billable hour.
        add(s("Recording"), nightfall, local(QDate(2025, 11, 3), 10),
            local(QDate(2025, 11, 3), 12));
        add(s("Mixing"), nightfall, local(QDate(2025, 11, 4), 10),
            local(QDate(2025, 11, 4), 11, 10));
        add(s("Recording"), single, local(QDate(2025, 11, 5), 10),
            local(QDate(2025, 11, 5), 10, 30));
        add(s("Recording"), single, local(QDate(2025, 11, 5), 11), local(QDate(2025, 11, 5), 12),
            false);
        add(s("Recording"), demo, local(QDate(2025, 11, 6), 10), local(QDate(2025, 11, 6), 11));
        f.settle();
    }

    QString project(const QString &name, const QString &clientId, std::optional<qint64> rate)
    {
        Project p;
        p.name = name;
        p.clientId = clientId;
        p.color = s("#59a14f");
        p.hourlyRateCents = rate;
        return must(f.store.service->saveProject(p)).id;
    }

    void add(const QString &type, const QString &projectId, Ms from, Ms to, bool billable = true)
    {
        ManualEntry m;
        m.userId = f.store.userId();
        m.taskTypeId = f.typeId(type);
        m.startedAt = from;
        m.endedAt = to;
        m.projectId = projectId;
        m.billable = billable;
        if (!f.store.service->addManual(m))
            qFatal("seed entry refused");
    }

    // A dialog over the month, its clients listed and its first preview shown.
    std::unique_ptr<InvoiceDialog> open()
    {
        auto dialog = std::make_unique<InvoiceDialog>(*f.async, first, last);
        QSignalSpy previewed(dialog.get(), &InvoiceDialog::previewed);
        f.settle();
        if (previewed.isEmpty() && !previewed.wait(5000))
            qFatal("no preview");
        return dialog;
    }

    // Changes something and waits for the preview that follows.
    template <class Change> void change(InvoiceDialog &dialog, Change &&change)
    {
        QSignalSpy previewed(&dialog, &InvoiceDialog::previewed);
        change();
        f.settle();
        if (previewed.isEmpty() && !previewed.wait(5000))
            qFatal("no preview after the change");
    }
};

} // namespace

class TestInvoiceDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void previewsTheClientTheLinesAndTheTotal()
    {
        Studio studio;
        auto dialog = studio.open();
        // Clients by name: Blue Label first.
        QCOMPARE(child<QComboBox>(*dialog, "client")->currentText(), s("Blue Label"));
        const QString text = child<QTextBrowser>(*dialog, "preview")->toPlainText();
        for (const QString &expected :
             {s("Blackbird Studios"), s("GB123456789"), s("Invoice 1"), s("Blue Label"),
              s("Nightfall"), s("Single"), s("180.00 EUR"), s("105.00 EUR"), s("36.25 EUR"),
              s("321.25 EUR")})
            QVERIFY2(text.contains(expected), qPrintable(expected + s(" not in:\n") + text));
        QVERIFY2(!text.contains(s("Demo")), qPrintable(text));
        // The non-billable hour is a line of its own, at no cost: the total does not move.
        QCOMPARE(dialog->invoice()->totalCents, 32125);
        QCOMPARE(dialog->invoice()->number, s("1"));
        QVERIFY(child<QLineEdit>(*dialog, "number")->placeholderText().contains(s("1")));
        QVERIFY(dialog->statusText().contains(s("321.25")));

        // Billable time only: the free hour's line goes, the total stays.
        const qsizetype lines = dialog->invoice()->lines.size();
        studio.change(*dialog,
                      [&] { child<QCheckBox>(*dialog, "billableOnly")->setChecked(true); });
        QCOMPARE(dialog->invoice()->lines.size(), lines - 1);
        QCOMPARE(dialog->invoice()->totalCents, 32125);

        // One project, by started quarter hours: Mixing 1 h 10 min is billed 1.25 h = 112.50.
        QComboBox *project = child<QComboBox>(*dialog, "project");
        studio.change(*dialog,
                      [&] { project->setCurrentIndex(project->findText(s("Nightfall"))); });
        QComboBox *step = child<QComboBox>(*dialog, "roundingStep");
        QVERIFY(!child<QComboBox>(*dialog, "roundingMode")->isEnabled());
        studio.change(*dialog, [&] { step->setCurrentIndex(step->findData(15)); });
        QVERIFY(child<QComboBox>(*dialog, "roundingMode")->isEnabled());
        QCOMPARE(dialog->invoice()->totalCents, 29250);
        QVERIFY(child<QTextBrowser>(*dialog, "preview")->toPlainText().contains(s("112.50 EUR")));
        QVERIFY(!child<QTextBrowser>(*dialog, "preview")->toPlainText().contains(s("Single")));
        // Rounded down by half hours: 2 h + 1 h = 3 h at 90.00.
        QComboBox *mode = child<QComboBox>(*dialog, "roundingMode");
        studio.change(*dialog, [&] { step->setCurrentIndex(step->findData(30)); });
        studio.change(*dialog,
                      [&] { mode->setCurrentIndex(mode->findData(int(Rounding::Mode::Down))); });
        QCOMPARE(dialog->invoice()->totalCents, 27000);
    }

    void savesThePdfAndCountsTheNumberUp()
    {
        Studio studio;
        QTemporaryDir dir;
        {
            auto dialog = studio.open();
            const QString file = dir.filePath(s("invoice-1.pdf"));
            QSignalSpy done(dialog.get(), &InvoiceDialog::done);
            dialog->saveTo(file);
            QVERIFY(done.wait(5000));
            QCOMPARE(done.first().first().toString(), QString());
            const QString text = pdfText(file);
            for (const QString &expected :
                 {s("Blackbird Studios"), s("Invoice 1"), s("Blue Label"), s("Nightfall"),
                  s("Single"), s("180.00 EUR"), s("105.00 EUR"), s("36.25 EUR"), s("321.25 EUR")})
                QVERIFY2(text.contains(expected), qPrintable(expected + s(" not in:\n") + text));
            QVERIFY(dialog->statusText().contains(file));
        }
        // The next dialog proposes the next number, as `studiotimer invoice` would.
        auto dialog = studio.open();
        QCOMPARE(dialog->invoice()->number, s("2"));
        // A number typed is the invoice's, and the default goes on after it.
        QLineEdit *number = child<QLineEdit>(*dialog, "number");
        studio.change(*dialog, [&] {
            number->setText(s("2026-041"));
            Q_EMIT number->textEdited(number->text());
        });
        QCOMPARE(dialog->invoice()->number, s("2026-041"));

        // Printed (to a PDF printer here): the same invoice, and the number is taken.
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        const QString printed = dir.filePath(s("printed.pdf"));
        printer.setOutputFileName(printed);
        QSignalSpy done(dialog.get(), &InvoiceDialog::done);
        dialog->printOn(printer);
        QVERIFY(done.wait(5000));
        const QString text = pdfText(printed);
        QVERIFY2(text.contains(s("Invoice 2026-041")) && text.contains(s("321.25 EUR")),
                 qPrintable(text));
        QCOMPARE(studio.f.store.db->meta(s("invoice.next")), s("2026-042"));
    }

    void badChoicesSaveNothing()
    {
        Studio studio;
        auto dialog = studio.open();
        QPushButton *save = nullptr;
        for (QPushButton *b : dialog->findChildren<QPushButton *>()) {
            if (b->text() == InvoiceDialog::tr("&Save as PDF…"))
                save = b;
        }
        QVERIFY(save && save->isEnabled());
        // The period ends before it starts: said, nothing to save.
        studio.change(*dialog,
                      [&] { child<QDateEdit>(*dialog, "to")->setDate(QDate(2025, 10, 1)); });
        QVERIFY(!dialog->invoice());
        QVERIFY2(dialog->statusText().contains(s("ends before it starts")),
                 qPrintable(dialog->statusText()));
        QVERIFY(!save->isEnabled());
        // A month with nothing to bill.
        studio.change(*dialog, [&] {
            child<QDateEdit>(*dialog, "from")->setDate(QDate(2025, 12, 1));
            child<QDateEdit>(*dialog, "to")->setDate(QDate(2025, 12, 31));
        });
        QVERIFY2(dialog->statusText().contains(s("Nothing to invoice")),
                 qPrintable(dialog->statusText()));
        QVERIFY(!save->isEnabled());
        QTemporaryDir dir;
        dialog->saveTo(dir.filePath(s("refused.pdf")));
        QVERIFY(!QFile::exists(dir.filePath(s("refused.pdf"))));
        QCOMPARE(studio.f.store.db->meta(s("invoice.next"), s("1")), s("1"));
    }

    // After the PDF is saved: "Lock up to DAY…", a question naming the day, and the lock; an add
    // on that day is then refused. A lock the backend refuses says why.
    void locksThePeriodOnceTheInvoiceIsMade()
    {
        Studio studio;
        auto dialog = studio.open();
        // Up to the 27th: the fixture's today is 2025-11-28, and a lock cannot reach the future.
        const QDate last(2025, 11, 27);
        studio.change(*dialog, [&] { child<QDateEdit>(*dialog, "to")->setDate(last); });
        auto *button = child<QPushButton>(*dialog, "lockButton");
        auto *state = child<QLabel>(*dialog, "lockState");
        QVERIFY(button->isHidden()); // nothing invoiced yet
        QCOMPARE(state->text(), PeriodLock::tr("No period is closed."));

        QTemporaryDir dir;
        QSignalSpy done(dialog.get(), &InvoiceDialog::done);
        dialog->saveTo(dir.filePath(s("invoice-1.pdf")));
        QVERIFY(done.wait(5000));
        QVERIFY(!button->isHidden());
        QVERIFY2(button->text().contains(PeriodLock::dayText(last)), qPrintable(button->text()));

        // Cancel changes nothing.
        button->click();
        auto *box = dialog->findChild<QMessageBox *>(s("lockConfirmation"));
        QVERIFY(box);
        QVERIFY2(box->text().contains(PeriodLock::dayText(last)), qPrintable(box->text()));
        box->button(QMessageBox::Cancel)->click();
        studio.f.settle();
        QVERIFY(!studio.f.store.service->lockedUntil());

        auto *lock = dialog->findChild<PeriodLock *>();
        QSignalSpy finished(lock, &PeriodLock::lockFinished);
        QTRY_VERIFY(!dialog->findChild<QMessageBox *>(s("lockConfirmation")));
        button->click();
        box = dialog->findChild<QMessageBox *>(s("lockConfirmation"));
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().toString(), QString());
        QCOMPARE(studio.f.store.service->lockedUntil(), std::optional<QDate>(last));
        QVERIFY2(state->text().contains(PeriodLock::dayText(last)), qPrintable(state->text()));
        QVERIFY(child<QLabel>(*dialog, "lockResult")->text().contains(PeriodLock::dayText(last)));

        // An entry on the locked day is refused; the day after is open.
        ManualEntry m;
        m.userId = studio.f.store.userId();
        m.taskTypeId = studio.f.typeId(s("Recording"));
        m.startedAt = local(last, 15);
        m.endedAt = local(last, 16);
        const auto refused = studio.f.store.service->addManual(m);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(s("locked")),
                 qPrintable(refused.error().message));
        m.startedAt = local(last.addDays(1), 7);
        m.endedAt = local(last.addDays(1), 8);
        QVERIFY(studio.f.store.service->addManual(m));

        // The whole month ends after today: the backend refuses, and the dialog says why.
        studio.change(*dialog, [&] { child<QDateEdit>(*dialog, "to")->setDate(studio.last); });
        QSignalSpy savedAgain(dialog.get(), &InvoiceDialog::done);
        dialog->saveTo(dir.filePath(s("invoice-2.pdf")));
        QVERIFY(savedAgain.wait(5000));
        QVERIFY(!button->isHidden());
        finished.clear();
        button->click();
        box = dialog->findChild<QMessageBox *>(s("lockConfirmation"));
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
        QVERIFY(finished.wait(5000));
        const QString error = finished.first().first().toString();
        QVERIFY2(error.contains(s("today at the latest")), qPrintable(error));
        QVERIFY(child<QLabel>(*dialog, "lockResult")->text().contains(error));
        QCOMPARE(studio.f.store.service->lockedUntil(), std::optional<QDate>(last));
    }

    // Every field has a name and an underlined letter of its own, in English and in French; Tab
    // reaches each once, focus shows, Escape closes.
    void worksFromTheKeyboard_data() { englishAndFrench(); }
    void worksFromTheKeyboard()
    {
        Studio studio; // (its task types are named in English)
        QFETCH(QString, translation);
        const Translation language(translation);
        QVERIFY(language.ok());
        auto dialog = studio.open();
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        const QStringList problems = accessibilityProblems(dialog.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(s("; "))));
        const QString error = tabThenEscape(dialog.get());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // Reports has one "Invoice…" button, which opens the dialog over the period shown.
    void reportsOpensItOverItsPeriod()
    {
        Studio studio;
        ReportsView view(*studio.f.async);
        view.setCustomRange(studio.first, studio.last);
        QPushButton *button = nullptr;
        for (QPushButton *b : view.findChildren<QPushButton *>()) {
            if (b->text() == ReportsView::tr("Invoice…")) {
                QVERIFY(!button);
                button = b;
            }
        }
        QVERIFY(button);
        button->click();
        auto *dialog = view.findChild<InvoiceDialog *>();
        QVERIFY(dialog);
        QCOMPARE(child<QDateEdit>(*dialog, "from")->date(), studio.first);
        QCOMPARE(child<QDateEdit>(*dialog, "to")->date(), studio.last);
        QSignalSpy previewed(dialog, &InvoiceDialog::previewed);
        studio.f.settle();
        QVERIFY(!previewed.isEmpty() || previewed.wait(5000));
        QCOMPARE(dialog->invoice()->totalCents, 32125);
        dialog->close();
    }
};

QTEST_MAIN(TestInvoiceDialog)
#include "tst_invoice_dialog.moc"
