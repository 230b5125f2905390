#include "SystemTheme.h"

#include "Theme.h"

#include <QApplication>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusVariant>
#include <QStyle>
#include <QToolTip>

namespace st {

namespace {

const QString kService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kInterface = QStringLiteral("org.freedesktop.portal.Settings");
const QString kNamespace = QStringLiteral("org.freedesktop.appearance");
const QString kKey = QStringLiteral("color-scheme");
// A portal that does not answer within this time is taken as none (the call never blocks).
constexpr int kTimeoutMs = 5000;

// Errors that say there is no portal at all: no point in asking with the older method.
bool noPortal(const QString &error)
{
    return error == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown") ||
           error == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner") ||
           error == QLatin1String("org.freedesktop.DBus.Error.NoReply") ||
           error == QLatin1String("org.freedesktop.DBus.Error.Disconnected") ||
           error == QLatin1String("org.freedesktop.DBus.Error.TimedOut");
}

} // namespace

SystemTheme::SystemTheme(Appearance appearance, const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    // The platform's palette, taken once: from here on the application palette is ours, so a
    // platform theme that changed Qt's palette live would not be followed (the portal is; Debian
    // 12 has no such theme for Qt 6).
    , m_platform(QGuiApplication::palette())
    , m_appearance(appearance)
{
    apply();
    if (!m_bus.isConnected()) {
        QMetaObject::invokeMethod(this, &SystemTheme::portalFinished, Qt::QueuedConnection);
        return;
    }
    // Any sender: naming the service would make Qt look its owner up, a blocking call. QtDBus
    // finds the slot's parameter types by name: QDBusVariant has to be known by then.
    qRegisterMetaType<QDBusVariant>();
    if (!m_bus.connect(QString(), kPath, kInterface, QStringLiteral("SettingChanged"), this,
                       SLOT(onSettingChanged(QString, QString, QDBusVariant))))
        qWarning("studiotimer: cannot follow the desktop's colour scheme: %s",
                 qPrintable(m_bus.lastError().message()));
    m_pending = true;
    read(QStringLiteral("ReadOne"));
}

void SystemTheme::setAppearance(Appearance appearance)
{
    m_appearance = appearance;
    apply();
}

Appearance SystemTheme::savedAppearance(const Preferences &prefs)
{
    return fromString(prefs.appearance).value_or(Appearance::System);
}

QString SystemTheme::toString(Appearance appearance)
{
    switch (appearance) {
    case Appearance::Light:
        return QStringLiteral("light");
    case Appearance::Dark:
        return QStringLiteral("dark");
    case Appearance::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<Appearance> SystemTheme::fromString(const QString &text)
{
    for (const Appearance a : {Appearance::System, Appearance::Light, Appearance::Dark}) {
        if (text.compare(toString(a), Qt::CaseInsensitive) == 0)
            return a;
    }
    return std::nullopt;
}

SystemTheme::Scheme SystemTheme::schemeFrom(const QVariant &value)
{
    QVariant v = value;
    // Read wraps the value in one more variant than ReadOne.
    for (int depth = 0; depth < 4 && v.metaType() == QMetaType::fromType<QDBusVariant>(); ++depth)
        v = qvariant_cast<QDBusVariant>(v).variant();
    bool ok = false;
    const uint number = v.toUInt(&ok);
    if (!ok || number > 2)
        return Scheme::NoPreference;
    return Scheme(number);
}

void SystemTheme::read(const QString &method)
{
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, method);
    call << kNamespace << kKey;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, kTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, method] {
        watcher->deleteLater();
        const QDBusMessage reply = watcher->reply();
        if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()) {
            m_portal = schemeFrom(reply.arguments().constFirst());
        } else if (method == QLatin1String("ReadOne") && !noPortal(reply.errorName())) {
            read(QStringLiteral("Read")); // a portal older than version 2
            return;
        } else {
            m_portal.reset();
        }
        m_pending = false;
        apply();
        Q_EMIT portalFinished();
    });
}

void SystemTheme::onSettingChanged(const QString &nameSpace, const QString &key,
                                   const QDBusVariant &value)
{
    if (nameSpace != kNamespace || key != kKey)
        return;
    m_portal = schemeFrom(QVariant::fromValue(value));
    apply();
}

bool SystemTheme::wantDark() const
{
    switch (m_appearance) {
    case Appearance::Light:
        return false;
    case Appearance::Dark:
        return true;
    case Appearance::System:
        break;
    }
    if (m_portal && *m_portal != Scheme::NoPreference)
        return *m_portal == Scheme::Dark;
    return theme::isDark(m_platform);
}

void SystemTheme::apply()
{
    const bool dark = wantDark();
    const bool platformDark = theme::isDark(m_platform);
    // Qt's Fusion becomes ours, light or dark (legible rings, focus shown on an empty list).
    if (theme::isPlainFusion(QApplication::style()))
        QApplication::setStyle(theme::legibleFusion());
    QPalette palette;
    if (dark == platformDark) {
        palette = theme::readable(m_platform);
    } else if (dark) {
        // Our dark palette is made for Fusion; other styles draw parts from their own colours.
        if (!theme::isLegibleFusion(QApplication::style()))
            QApplication::setStyle(theme::legibleFusion());
        palette = theme::darkPalette();
    } else {
        palette = theme::lightPalette();
    }
    QApplication::setPalette(palette);
    // Tooltips keep a palette of their own, taken from the platform once.
    QToolTip::setPalette(palette);
    m_dark = dark;
    Q_EMIT applied(dark);
}

} // namespace st
