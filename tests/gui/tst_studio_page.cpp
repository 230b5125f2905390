// Settings → the studio's details on invoices (issue 12): the same settings as `studiotimer
// settings set studio.name|studio.address|studio.taxNumber`, shown when the dialog opens and saved
// with it; a refused field changes nothing.
#include "GuiFixture.h"
#include "NamedChild.h"

#include "dialogs/SettingsDialog.h"
#include "dialogs/StudioPage.h"

#include <QLineEdit>
#include <QPlainTextEdit>

using namespace st;
using namespace st::test;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestStudioPage final : public QObject
{
    Q_OBJECT

    // A settings dialog with the studio's details read.
    static std::unique_ptr<SettingsDialog> open(GuiFixture &f)
    {
        auto dialog = std::make_unique<SettingsDialog>(*f.async);
        auto *page = dialog->findChild<StudioPage *>();
        if (!page)
            qFatal("no studio page in the settings");
        QSignalSpy loaded(page, &StudioPage::loaded);
        f.settle();
        if (loaded.isEmpty() && !loaded.wait(5000))
            qFatal("the studio's details were not read");
        return dialog;
    }

private Q_SLOTS:
    void showsAndSavesTheSettingsTheCommandLineWrites()
    {
        GuiFixture f;
        const Database &db = *f.store.db;
        QVERIFY(db.setMeta(s("studio.name"), s("Blackbird Studios")).ok());
        QVERIFY(db.setMeta(s("studio.address"), s("12 Harbour Road\nBristol")).ok());
        auto dialog = open(f);
        QCOMPARE(child<QLineEdit>(*dialog, "studioName")->text(), s("Blackbird Studios"));
        QCOMPARE(child<QPlainTextEdit>(*dialog, "studioAddress")->toPlainText(),
                 s("12 Harbour Road\nBristol"));
        QCOMPARE(child<QLineEdit>(*dialog, "studioTaxNumber")->text(), QString());

        child<QLineEdit>(*dialog, "studioName")->setText(s("  Blackbird Studios Ltd "));
        child<QPlainTextEdit>(*dialog, "studioAddress")->setPlainText(s("3 Quay St\nBristol BS1"));
        child<QLineEdit>(*dialog, "studioTaxNumber")->setText(s("GB123456789"));
        QSignalSpy finished(dialog.get(), &QDialog::finished);
        dialog->accept();
        QVERIFY(finished.wait(5000));
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QCOMPARE(db.meta(s("studio.name")), s("Blackbird Studios Ltd"));
        QCOMPARE(db.meta(s("studio.address")), s("3 Quay St\nBristol BS1"));
        QCOMPARE(db.meta(s("studio.taxNumber")), s("GB123456789"));

        // Shown again the next time.
        auto again = open(f);
        QCOMPARE(child<QLineEdit>(*again, "studioTaxNumber")->text(), s("GB123456789"));
    }

    void aTooLongAddressChangesNothing()
    {
        GuiFixture f;
        const Database &db = *f.store.db;
        QVERIFY(db.setMeta(s("studio.name"), s("Blackbird Studios")).ok());
        auto dialog = open(f);
        child<QLineEdit>(*dialog, "studioName")->setText(s("Someone else"));
        child<QPlainTextEdit>(*dialog, "studioAddress")
            ->setPlainText(QString(501, QLatin1Char('x')));
        const QString userName = f.async->snapshot().user.name;
        dialog->findChild<QLineEdit *>()->setText(s("Renamed"));
        dialog->accept();
        f.settle();
        QVERIFY(dialog->result() != int(QDialog::Accepted)); // still open, with the error
        QVERIFY2(dialog->errorText().contains(s("500")), qPrintable(dialog->errorText()));
        QCOMPARE(db.meta(s("studio.name")), s("Blackbird Studios"));
        QCOMPARE(db.meta(s("studio.address")), QString());
        QCOMPARE(f.store.service->user(f.store.userId())->name, userName);
    }
};

QTEST_MAIN(TestStudioPage)
#include "tst_studio_page.moc"
