#pragma once

#include "backend/Preferences.h"

#include <QDBusConnection>
#include <QObject>
#include <QPalette>

#include <optional>

class QDBusVariant;

namespace st {

// The per-machine appearance setting: follow the desktop, or always light, or always dark.
enum class Appearance
{
    System,
    Light,
    Dark
};

// Follows the desktop's light or dark preference. Qt 6.4 has no QStyleHints::colorScheme and
// its platform themes on Debian 12 mostly hand Qt 6 apps a light palette whatever the desktop
// says, so the preference is read from the XDG desktop portal (org.freedesktop.portal.Settings,
// "org.freedesktop.appearance" "color-scheme": 1 dark, 2 light), asynchronously, and followed
// live through its SettingChanged signal. Without a portal, the platform's palette decides.
// Dark over a light platform palette applies theme::darkPalette() (Fusion style); light over a
// dark one theme::lightPalette(); otherwise the platform's palette, with its unreadable roles
// fixed (theme::readable).
class SystemTheme final : public QObject
{
    Q_OBJECT
public:
    // The portal's color-scheme values.
    enum class Scheme
    {
        NoPreference = 0,
        Dark = 1,
        Light = 2
    };

    // Takes the application palette as the platform's, applies it or the appearance at once
    // (the portal's answer comes later) and asks the portal on `bus` without waiting.
    explicit SystemTheme(Appearance appearance = Appearance::System,
                         const QDBusConnection &bus = QDBusConnection::sessionBus(),
                         QObject *parent = nullptr);

    void setAppearance(Appearance appearance);
    Appearance appearance() const { return m_appearance; }
    // What the portal said; nullopt while waiting or without a portal.
    std::optional<Scheme> portalScheme() const { return m_portal; }
    bool portalPending() const { return m_pending; }
    bool isDarkApplied() const { return m_dark; }
    const QPalette &platformPalette() const { return m_platform; }

    // The saved setting (Preferences::appearance: system, light or dark); System when unknown.
    static Appearance savedAppearance(const Preferences &prefs);
    static QString toString(Appearance appearance);
    static std::optional<Appearance> fromString(const QString &text);
    // The portal's value, unwrapped from its D-Bus variants; NoPreference for anything else.
    static Scheme schemeFrom(const QVariant &value);

Q_SIGNALS:
    // After every application of a palette (dark or light).
    void applied(bool dark);
    // The portal answered, or is known not to be there.
    void portalFinished();

private Q_SLOTS:
    void onSettingChanged(const QString &nameSpace, const QString &key, const QDBusVariant &value);

private:
    void read(const QString &method);
    bool wantDark() const;
    void apply();

    QDBusConnection m_bus;
    QPalette m_platform;
    Appearance m_appearance = Appearance::System;
    std::optional<Scheme> m_portal;
    bool m_pending = false;
    bool m_dark = false;
};

} // namespace st
