#include "GuiFixture.h"

#include "MainWindow.h"
#include "dialogs/SettingsDialog.h"
#include "dialogs/TaskTypesDialog.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>

using namespace st;
using namespace st::test;

class TestDialogs final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void settingsSaveNameOrganisationAndPreferences();
    void settingsShowRefusals();
    void taskTypesAreArchivedNeverDeleted();
    void taskTypesAreReordered();
    void closingHidesToTheTrayOnlyWhenThereIsOne();
};

void TestDialogs::settingsSaveNameOrganisationAndPreferences()
{
    GuiFixture f;
    SettingsDialog dialog(*f.async);
    auto *name = dialog.findChild<QLineEdit *>();
    QVERIFY(name);
    QCOMPARE(name->text(), f.store.profile.user.name);
    name->setText(QStringLiteral("Alex"));
    // The tray and start-up preferences come first; the rest (start on login, reminders,
    // notifications) are covered by tst_away_settings.
    const auto boxes = dialog.findChildren<QCheckBox *>().mid(0, 2);
    QCOMPARE(boxes.size(), 2);
    QCOMPARE(boxes.at(1)->text(), SettingsDialog::tr("Start minimised"));
    for (QCheckBox *box : boxes)
        box->setChecked(!box->isChecked());
    dialog.accept();
    f.settle();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(f.store.service->user(f.store.userId())->name, QStringLiteral("Alex"));
    const Preferences prefs = preferences::load(*f.store.db);
    QVERIFY(!prefs.closeToTray);
    QVERIFY(prefs.startMinimized);
}

void TestDialogs::settingsShowRefusals()
{
    GuiFixture f;
    SettingsDialog dialog(*f.async);
    auto *currency = dialog.findChildren<QComboBox *>().at(0);
    currency->setCurrentText(QStringLiteral("EUROS"));
    dialog.accept();
    f.settle();
    QVERIFY(!dialog.errorText().isEmpty());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(f.store.service->organization().currency, f.store.profile.org.currency);
}

void TestDialogs::taskTypesAreArchivedNeverDeleted()
{
    GuiFixture f;
    ManualEntry m{f.store.userId(),
                  f.typeId(QStringLiteral("Break")),
                  {},
                  {},
                  f.store.clock.nowMs() - 3'600'000,
                  f.store.clock.nowMs(),
                  {}};
    QVERIFY(f.store.service->addManual(m).ok());
    TaskTypesDialog dialog(*f.async);
    QCOMPARE(dialog.list()->count(), 5);
    dialog.list()->setCurrentRow(4); // Break
    dialog.toggleArchived();
    f.settle();
    QVERIFY(f.store.service->taskType(f.typeId(QStringLiteral("Break")))->archived);
    QCOMPARE(f.store.service->taskTypes(true).size(), 5);
    QCOMPARE(f.store.service->count({}), 1);
    QCOMPARE(dialog.list()->count(), 5); // still listed, marked archived
    QVERIFY(dialog.list()->item(4)->text() != QStringLiteral("Break"));

    dialog.addNew();
    f.settle();
    QCOMPARE(f.store.service->taskTypes(true).size(), 6);
    QCOMPARE(dialog.list()->count(), 6);
}

void TestDialogs::taskTypesAreReordered()
{
    GuiFixture f;
    TaskTypesDialog dialog(*f.async);
    dialog.list()->setCurrentRow(1); // Recording
    dialog.move(-1);
    f.settle();
    const auto types = f.store.service->taskTypes();
    QCOMPARE(types.at(0).name, QStringLiteral("Recording"));
    QCOMPARE(types.at(1).name, QStringLiteral("Setup"));
}

void TestDialogs::closingHidesToTheTrayOnlyWhenThereIsOne()
{
    GuiFixture f;
    MainWindow window(*f.async);
    QSignalSpy quit(&window, &MainWindow::quitRequested);
    window.show();
    window.setTrayAvailable(true);
    window.close();
    QVERIFY(!window.isVisible());
    QCOMPARE(quit.size(), 0); // hidden, still running in the tray
    window.showAndRaise();
    window.setTrayAvailable(false);
    window.close();
    QCOMPARE(quit.size(), 1);
}

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
