#include "AwayWatcher.h"
#include "GuiFixture.h"
#include "dialogs/SettingsDialog.h"
#include "platform/Autostart.h"
#include "sync/SyncUi.h"

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
    const AwaySettings saved = AwaySettings::load();
    QCOMPARE(saved.reminderHours, 6);
    QCOMPARE(saved.endOfDay, QTime(18, 15));
    QVERIFY(autostart::isEnabled());
    QVERIFY(!RemoteNotifications::enabled());

    SettingsDialog again(*f.async);
    QCheckBox *endOff = byText(again, QStringLiteral("Remind at the end of the working day:"));
    QCheckBox *loginOff = byText(again, QStringLiteral("Start Studio Timer when I log in"));
    QVERIFY(endOff && loginOff);
    QVERIFY(loginOff->isChecked());
    endOff->setChecked(false);
    loginOff->setChecked(false);
    again.accept();
    f.settle();
    QVERIFY(!AwaySettings::load().endOfDay.isValid());
    QVERIFY(!autostart::isEnabled());
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
