#include "AwayWatcher.h"
#include "GuiFixture.h"
#include "dialogs/SettingsDialog.h"
#include "platform/Autostart.h"
#include "store/Database.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeEdit>

using namespace st;
using namespace st::test;

namespace {
template <typename W> W *byAccessibleName(QWidget &parent, const QString &name)
{
    for (W *w : parent.findChildren<W *>()) {
        if (w->accessibleName() == name)
            return w;
    }
    return nullptr;
}

QCheckBox *byText(QWidget &parent, const QString &text)
{
    for (QCheckBox *c : parent.findChildren<QCheckBox *>()) {
        if (c->text() == text)
            return c;
    }
    return nullptr;
}
} // namespace

class TestAwaySettings final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void idleIsOffAndSaysSoWithoutX11();
    void savesAwaySettingsAndAutostart();
    void legacySettingsMoveToTheDatabaseOnce();
    void badPreferencesChangeNothing();
    void dailyCopiesKeptIsASetting();
};

void TestAwaySettings::idleIsOffAndSaysSoWithoutX11()
{
    GuiFixture f;
    SettingsDialog dialog(*f.async);
    auto *idle = byAccessibleName<QSpinBox>(
        dialog, QStringLiteral("Idle minutes before asking about away time"));
    QVERIFY(idle);
    QVERIFY(!idle->isEnabled()); // the offscreen platform has no idle time
    bool said = false;
    for (QLabel *l : dialog.findChildren<QLabel *>())
        said = said || (l->text().contains(QStringLiteral("not available")) && !l->isHidden());
    QVERIFY(said);
}

void TestAwaySettings::savesAwaySettingsAndAutostart()
{
    GuiFixture f;
    QVERIFY(!autostart::isEnabled());
    SettingsDialog dialog(*f.async);
    auto *hours = byAccessibleName<QSpinBox>(
        dialog, QStringLiteral("Remind of a timer running longer than, in hours"));
    auto *end = byAccessibleName<QTimeEdit>(dialog, QStringLiteral("End of the working day"));
    QCheckBox *endOn = byText(dialog, QStringLiteral("Remind at the end of the working day:"));
    QCheckBox *login = byText(dialog, QStringLiteral("Start Studio Timer when I log in"));
    QCheckBox *others =
        byText(dialog,
               QStringLiteral("Notify me when someone starts or stops a timer on another machine"));
    QVERIFY(hours && end && endOn && login && others);
    QVERIFY(others->isChecked()); // on by default
    others->setChecked(false);
    hours->setValue(6);
    endOn->setChecked(true);
    end->setTime(QTime(18, 15));
    login->setChecked(true);
    dialog.accept();
    f.settle();
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    // Saved in the database, with the other preferences.
    const Preferences saved = preferences::load(*f.store.db);
    QCOMPARE(saved.away.reminderHours, 6);
    QCOMPARE(saved.away.endOfDay, QTime(18, 15));
    QVERIFY(autostart::isEnabled());
    QVERIFY(!saved.notifyOtherMachines);
    QCOMPARE(f.store.db->meta(QStringLiteral("pref.reminder_hours")), QStringLiteral("6"));
    QVERIFY(QSettings().allKeys().isEmpty()); // nothing went to QSettings

    SettingsDialog again(*f.async);
    QCheckBox *endOff = byText(again, QStringLiteral("Remind at the end of the working day:"));
    QCheckBox *loginOff = byText(again, QStringLiteral("Start Studio Timer when I log in"));
    QVERIFY(endOff && loginOff);
    QVERIFY(loginOff->isChecked());
    endOff->setChecked(false);
    loginOff->setChecked(false);
    again.accept();
    f.settle();
    QVERIFY(!preferences::load(*f.store.db).away.endOfDay.isValid());
    QVERIFY(!autostart::isEnabled());
}

void TestAwaySettings::legacySettingsMoveToTheDatabaseOnce()
{
    GuiFixture f;
    // Values an older version kept in QSettings; this data folder already has reminder hours.
    QVERIFY(f.store.db->setMeta(QStringLiteral("pref.reminder_hours"), QStringLiteral("2")));
    {
        QSettings legacy;
        legacy.setValue(QStringLiteral("appearance/mode"), QStringLiteral("dark"));
        legacy.setValue(QStringLiteral("away/idle_minutes"), 25);
        legacy.setValue(QStringLiteral("away/reminder_hours"), 7);
        legacy.setValue(QStringLiteral("away/end_of_day"), QString(QLatin1String("")));
        legacy.setValue(QStringLiteral("notifications/other_machines"), false);
        legacy.setValue(QStringLiteral("other/kept"), 1); // not a setting of ours
    }
    QSettings legacy;
    QVERIFY(preferences::migrate(*f.store.db, legacy));
    Preferences moved = preferences::load(*f.store.db);
    QCOMPARE(moved.appearance, QStringLiteral("dark"));
    QCOMPARE(moved.away.idleMinutes, 25);
    QCOMPARE(moved.away.reminderHours, 2); // the database's value wins
    QVERIFY(!moved.away.endOfDay.isValid());
    QVERIFY(!moved.notifyOtherMachines);
    QCOMPARE(f.store.db->meta(QStringLiteral("pref.appearance")), QStringLiteral("dark"));
    QCOMPARE(legacy.allKeys(), QStringList{QStringLiteral("other/kept")});

    // Once: what is saved afterwards stays, and a second start-up moves nothing.
    moved.appearance = QStringLiteral("light");
    QVERIFY(preferences::save(*f.store.db, moved));
    QVERIFY(preferences::migrate(*f.store.db, legacy));
    QCOMPARE(preferences::load(*f.store.db), moved);

    // The settings dialog shows the moved values (through the backend's snapshot).
    f.async->refresh();
    f.settle();
    SettingsDialog dialog(*f.async);
    QCheckBox *others =
        byText(dialog,
               QStringLiteral("Notify me when someone starts or stops a timer on another machine"));
    QCheckBox *endOn = byText(dialog, QStringLiteral("Remind at the end of the working day:"));
    QVERIFY(others && endOn);
    QVERIFY(!others->isChecked());
    QVERIFY(!endOn->isChecked());
    legacy.remove(QStringLiteral("other/kept"));
}

void TestAwaySettings::badPreferencesChangeNothing()
{
    GuiFixture f;
    const Preferences before = preferences::load(*f.store.db);
    Preferences bad = before;
    bad.startMinimized = !before.startMinimized;
    bad.away.idleMinutes = 30;
    bad.appearance = QStringLiteral("purple");
    auto r = preferences::save(*f.store.db, bad);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(QStringLiteral("purple")));
    bad.appearance = QStringLiteral("dark");
    bad.away.reminderHours = -1;
    r = preferences::save(*f.store.db, bad);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(QStringLiteral("hours")));
    QCOMPARE(preferences::load(*f.store.db), before);
}

void TestAwaySettings::dailyCopiesKeptIsASetting()
{
    GuiFixture f;
    SettingsDialog dialog(*f.async);
    auto *copies =
        byAccessibleName<QSpinBox>(dialog, QStringLiteral("Daily copies of the data to keep"));
    QVERIFY(copies);
    QCOMPARE(copies->value(), 7); // the default
    copies->setValue(0);
    QCOMPARE(copies->text(), QStringLiteral("Off"));
    dialog.accept();
    f.settle();
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    QCOMPARE(preferences::load(*f.store.db).dailyBackups, 0);
    QCOMPARE(f.store.db->meta(QStringLiteral("pref.daily_backups")), QStringLiteral("0"));
    SettingsDialog again(*f.async);
    QCOMPARE(again.findChild<QSpinBox *>(QStringLiteral("dailyBackups"))->value(), 0);

    // Out of range: refused, the saved value kept.
    Preferences bad = preferences::load(*f.store.db);
    bad.dailyBackups = preferences::kMaxDailyBackups + 1;
    QVERIFY(!preferences::save(*f.store.db, bad).ok());
    QCOMPARE(preferences::load(*f.store.db).dailyBackups, 0);
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // Settings and the autostart entry go to throwaway places, never the user's.
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, home.path());
    QCoreApplication::setOrganizationName(QStringLiteral("StudioTimerTest"));
    if (autostart::isEnabled())
        qFatal("An autostart entry exists already at %s", qPrintable(autostart::entryPath()));
    TestAwaySettings test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_away_settings.moc"
