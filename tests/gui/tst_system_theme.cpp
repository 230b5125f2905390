// Following the desktop's light or dark preference (issue 5): SystemTheme against a fake XDG
// desktop portal registered on a private session bus (tests/support/with-session-bus.sh, a bus
// that starts no services), and the Appearance setting.
#include "GuiFixture.h"

#include "MainWindow.h"
#include "SystemTheme.h"
#include "Theme.h"
#include "dialogs/SettingsDialog.h"
#include "store/Database.h"

#include <QApplication>
#include <QComboBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolTip>

#include <memory>

using namespace st;
using namespace st::test;

namespace {

const QString kService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kInterface = QStringLiteral("org.freedesktop.portal.Settings");
const QString kNamespace = QStringLiteral("org.freedesktop.appearance");
const QString kKey = QStringLiteral("color-scheme");

} // namespace

// What a portal answers for a setting: the colour scheme for ours, an empty value for others.
QDBusVariant settingValue(uint scheme, const QString &nameSpace, const QString &key)
{
    if (nameSpace != kNamespace || key != kKey)
        return QDBusVariant(QString());
    return QDBusVariant(scheme);
}

// org.freedesktop.portal.Settings as xdg-desktop-portal 1.15+ has it: ReadOne and Read.
class FakePortal : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    uint scheme = 0;
    int calls = 0;

public Q_SLOTS:
    QDBusVariant ReadOne(const QString &nameSpace, const QString &key)
    {
        ++calls;
        return settingValue(scheme, nameSpace, key);
    }
    QDBusVariant Read(const QString &nameSpace, const QString &key)
    {
        ++calls;
        // The older method wraps the value in a second variant.
        return QDBusVariant(QVariant::fromValue(ReadOne(nameSpace, key)));
    }
};

// A portal older than version 2: only Read.
class OldFakePortal : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    uint scheme = 0;
    int calls = 0;

public Q_SLOTS:
    QDBusVariant Read(const QString &nameSpace, const QString &key)
    {
        ++calls;
        return QDBusVariant(QVariant::fromValue(settingValue(scheme, nameSpace, key)));
    }
};

// The portal's process: its own connection to the session bus, owning the portal's name.
class PortalHost
{
public:
    explicit PortalHost(QObject *portal)
        : m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, name()))
    {
        if (!m_bus.registerObject(kPath, kInterface, portal, QDBusConnection::ExportAllSlots))
            qFatal("cannot register the fake portal: %s", qPrintable(m_bus.lastError().message()));
        if (!m_bus.registerService(kService))
            qFatal("cannot own %s: %s", qPrintable(kService),
                   qPrintable(m_bus.lastError().message()));
    }
    ~PortalHost()
    {
        m_bus.unregisterService(kService);
        m_bus.unregisterObject(kPath);
        QDBusConnection::disconnectFromBus(name());
    }

    // What the portal sends when the user switches in the desktop's settings.
    void settingChanged(const QString &nameSpace, const QString &key, const QVariant &value)
    {
        QDBusMessage signal =
            QDBusMessage::createSignal(kPath, kInterface, QStringLiteral("SettingChanged"));
        signal << nameSpace << key << QVariant::fromValue(QDBusVariant(value));
        QVERIFY(m_bus.send(signal));
    }

private:
    static QString name() { return QStringLiteral("fake-portal"); }
    QDBusConnection m_bus;
};

class TestSystemTheme final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void followsThePortalLive();
    void readsAnOlderPortal();
    void noPortalFallsBackToThePlatform();
    void noBusFallsBackToThePlatform();
    void darkPlatformAndALightDesktop();
    void theSettingWins();
    void savedAppearance();
    void settingsDialogAppliesLive();

private:
    QTemporaryDir m_home;
};

void TestSystemTheme::initTestCase()
{
    QVERIFY2(QDBusConnection::sessionBus().isConnected(),
             "run under tests/support/with-session-bus.sh (ctest does)");
    // A bus of our own: nothing else may own the portal's name.
    QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(kService));
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.path());
    QCoreApplication::setOrganizationName(QStringLiteral("StudioTimerThemeTest"));
    QApplication::setStyle(QStringLiteral("Fusion"));
}

void TestSystemTheme::init()
{
    // The "platform" palette each test starts from: light, as Debian 12's Qt 6 gives.
    QApplication::setPalette(theme::lightPalette());
    QSettings().clear();
}

void TestSystemTheme::followsThePortalLive()
{
    FakePortal portal;
    portal.scheme = 1; // prefer dark
    PortalHost host(&portal);

    SystemTheme theme;
    // Nothing waited for the portal: the platform's light palette is on until it answers.
    QVERIFY(theme.portalPending());
    QVERIFY(!theme.isDarkApplied());
    QSignalSpy finished(&theme, &SystemTheme::portalFinished);
    QVERIFY(finished.wait());
    QCOMPARE(portal.calls, 1);
    QVERIFY(theme.portalScheme() == SystemTheme::Scheme::Dark);
    QVERIFY(theme.isDarkApplied());
    QCOMPARE(QGuiApplication::palette().color(QPalette::Window),
             theme::darkPalette().color(QPalette::Window));
    QCOMPARE(QToolTip::palette().color(QPalette::ToolTipBase),
             theme::darkPalette().color(QPalette::ToolTipBase));

    // The user switches the desktop to light: the app follows without asking again.
    QSignalSpy applied(&theme, &SystemTheme::applied);
    host.settingChanged(kNamespace, kKey, uint(2));
    QVERIFY(applied.wait());
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.at(0).at(0).toBool(), false);
    QVERIFY(theme.portalScheme() == SystemTheme::Scheme::Light);
    QCOMPARE(QGuiApplication::palette().color(QPalette::Window),
             theme.platformPalette().color(QPalette::Window));
    QCOMPARE(QToolTip::palette().color(QPalette::ToolTipBase),
             theme.platformPalette().color(QPalette::ToolTipBase));

    // Other settings are not ours; back to dark after them.
    host.settingChanged(kNamespace, QStringLiteral("accent-color"), uint(1));
    host.settingChanged(QStringLiteral("org.gnome.desktop.interface"), kKey, uint(1));
    host.settingChanged(kNamespace, kKey, uint(1));
    QVERIFY(applied.wait());
    QCOMPARE(applied.size(), 2);
    QVERIFY(theme.isDarkApplied());
    QCOMPARE(portal.calls, 1);

    // "No preference" (0): the platform's palette decides.
    host.settingChanged(kNamespace, kKey, uint(0));
    QVERIFY(applied.wait());
    QVERIFY(theme.portalScheme() == SystemTheme::Scheme::NoPreference);
    QVERIFY(!theme.isDarkApplied());
}

void TestSystemTheme::readsAnOlderPortal()
{
    OldFakePortal portal;
    portal.scheme = 1;
    PortalHost host(&portal);
    SystemTheme theme;
    QSignalSpy finished(&theme, &SystemTheme::portalFinished);
    QVERIFY(finished.wait());
    QCOMPARE(portal.calls, 1); // ReadOne was refused, Read answered
    QVERIFY(theme.portalScheme() == SystemTheme::Scheme::Dark);
    QVERIFY(theme.isDarkApplied());
}

void TestSystemTheme::noPortalFallsBackToThePlatform()
{
    {
        SystemTheme theme;
        QVERIFY(theme.portalPending());
        QSignalSpy finished(&theme, &SystemTheme::portalFinished);
        QVERIFY(finished.wait());
        QVERIFY(!theme.portalPending());
        QVERIFY(!theme.portalScheme());
        QVERIFY(!theme.isDarkApplied());
        QCOMPARE(QGuiApplication::palette().color(QPalette::Window),
                 theme::lightPalette().color(QPalette::Window));
    }
    // A platform theme that hands out a dark palette is followed as it is.
    const QPalette platformDark = theme::darkPalette();
    QApplication::setPalette(platformDark);
    SystemTheme theme;
    QSignalSpy finished(&theme, &SystemTheme::portalFinished);
    QVERIFY(finished.wait());
    QVERIFY(theme.isDarkApplied());
    QCOMPARE(QGuiApplication::palette().color(QPalette::Base), platformDark.color(QPalette::Base));
}

void TestSystemTheme::noBusFallsBackToThePlatform()
{
    const QDBusConnection none(QStringLiteral("no-such-connection"));
    QVERIFY(!none.isConnected());
    SystemTheme theme(Appearance::System, none);
    QVERIFY(!theme.portalPending());
    QVERIFY(!theme.isDarkApplied());
    QSignalSpy finished(&theme, &SystemTheme::portalFinished);
    QVERIFY(finished.wait());
    QVERIFY(!theme.portalScheme());
}

void TestSystemTheme::darkPlatformAndALightDesktop()
{
    QApplication::setPalette(theme::darkPalette());
    FakePortal portal;
    portal.scheme = 2;
    PortalHost host(&portal);
    SystemTheme theme;
    QVERIFY(theme.isDarkApplied()); // the platform's, until the portal answers
    QSignalSpy finished(&theme, &SystemTheme::portalFinished);
    QVERIFY(finished.wait());
    QVERIFY(!theme.isDarkApplied());
    QVERIFY(!theme::isDark(QGuiApplication::palette()));
    QCOMPARE(QGuiApplication::palette().color(QPalette::Window),
             theme::lightPalette().color(QPalette::Window));
}

void TestSystemTheme::theSettingWins()
{
    FakePortal portal;
    portal.scheme = 1;
    PortalHost host(&portal);
    SystemTheme theme(Appearance::Light);
    QSignalSpy finished(&theme, &SystemTheme::portalFinished);
    QVERIFY(finished.wait());
    QVERIFY(theme.portalScheme() == SystemTheme::Scheme::Dark);
    QVERIFY(!theme.isDarkApplied());

    // The desktop switches: still light, the setting says so.
    QSignalSpy applied(&theme, &SystemTheme::applied);
    host.settingChanged(kNamespace, kKey, uint(2));
    QVERIFY(applied.wait());
    host.settingChanged(kNamespace, kKey, uint(1));
    QVERIFY(applied.wait());
    QVERIFY(!theme.isDarkApplied());
    QVERIFY(!theme::isDark(QGuiApplication::palette()));

    theme.setAppearance(Appearance::Dark);
    QVERIFY(theme.isDarkApplied());
    QVERIFY(theme::isDark(QGuiApplication::palette()));
    host.settingChanged(kNamespace, kKey, uint(2));
    QVERIFY(applied.wait());
    QVERIFY(theme.isDarkApplied());

    // Back to following the desktop, which says light now.
    theme.setAppearance(Appearance::System);
    QVERIFY(!theme.isDarkApplied());
    QVERIFY(!theme::isDark(QGuiApplication::palette()));
}

void TestSystemTheme::savedAppearance()
{
    // Saved with the other preferences, in the database's meta table.
    GuiFixture f;
    const Database &db = *f.store.db;
    const auto saveAppearance = [&db](Appearance a) {
        Preferences prefs = preferences::load(db);
        prefs.appearance = SystemTheme::toString(a);
        QVERIFY(preferences::save(db, prefs));
    };
    const auto savedAppearance = [&db] {
        return SystemTheme::savedAppearance(preferences::load(db));
    };
    QCOMPARE(savedAppearance(), Appearance::System);
    saveAppearance(Appearance::Dark);
    QCOMPARE(savedAppearance(), Appearance::Dark);
    QCOMPARE(db.meta(QStringLiteral("pref.appearance")), QStringLiteral("dark"));
    saveAppearance(Appearance::Light);
    QCOMPARE(savedAppearance(), Appearance::Light);
    QVERIFY(db.setMeta(QStringLiteral("pref.appearance"), QStringLiteral("purple")));
    QCOMPARE(savedAppearance(), Appearance::System);
    QVERIFY(SystemTheme::fromString(QStringLiteral("Dark")) == Appearance::Dark);
    QVERIFY(!SystemTheme::fromString(QString()));
}

void TestSystemTheme::settingsDialogAppliesLive()
{
    GuiFixture f;
    MainWindow window(*f.async);
    SystemTheme theme(SystemTheme::savedAppearance(f.async->snapshot().prefs),
                      QDBusConnection(QStringLiteral("none")));
    QObject::connect(&window, &MainWindow::appearanceChanged, &theme, &SystemTheme::setAppearance);
    QVERIFY(!theme.isDarkApplied());

    window.openSettings();
    auto *dialog = window.findChild<SettingsDialog *>();
    QVERIFY(dialog);
    auto *appearance = dialog->findChild<QComboBox *>(QStringLiteral("appearance"));
    QVERIFY(appearance);
    QCOMPARE(appearance->count(), 3);
    QCOMPARE(appearance->currentData().toString(), QStringLiteral("system"));
    appearance->setCurrentIndex(appearance->findData(QStringLiteral("dark")));
    QSignalSpy changed(&window, &MainWindow::appearanceChanged);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<Appearance>(), Appearance::Dark);
    QVERIFY(theme.isDarkApplied());
    QVERIFY(theme::isDark(QGuiApplication::palette()));
    QCOMPARE(SystemTheme::savedAppearance(preferences::load(*f.store.db)), Appearance::Dark);

    // Opened again, it shows the saved choice.
    f.settle();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!window.findChild<SettingsDialog *>());
    window.openSettings();
    dialog = window.findChild<SettingsDialog *>();
    appearance = dialog->findChild<QComboBox *>(QStringLiteral("appearance"));
    QCOMPARE(appearance->currentData().toString(), QStringLiteral("dark"));
    appearance->setCurrentIndex(appearance->findData(QStringLiteral("light")));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QTRY_COMPARE(changed.size(), 2);
    QVERIFY(!theme.isDarkApplied());
}

QTEST_MAIN(TestSystemTheme)
#include "tst_system_theme.moc"
