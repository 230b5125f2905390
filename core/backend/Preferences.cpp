#include "Preferences.h"

#include "store/Database.h"

#include <QCoreApplication>
#include <QSettings>

#include <utility>

namespace st {

namespace {
const QString kDefaultRoom = QStringLiteral("pref.default_room");
const QString kCloseToTray = QStringLiteral("pref.close_to_tray");
const QString kStartMinimized = QStringLiteral("pref.start_minimized");
const QString kLanguage = QStringLiteral("pref.language");
const QString kAppearance = QStringLiteral("pref.appearance");
const QString kIdleMinutes = QStringLiteral("pref.idle_minutes");
const QString kReminderHours = QStringLiteral("pref.reminder_hours");
const QString kEndOfDay = QStringLiteral("pref.end_of_day");
const QString kNotifyOthers = QStringLiteral("pref.notify_other_machines");
const QString kDailyBackups = QStringLiteral("pref.daily_backups");
const QString kTimeFormat = QStringLiteral("HH:mm");
constexpr int kMaxIdleMinutes = 240;
constexpr int kMaxReminderHours = 24;

QString flag(bool on)
{
    return on ? QStringLiteral("1") : QStringLiteral("0");
}

// A count in [0, max], else fallback.
int count(const QString &text, int max, int fallback)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    return ok && n >= 0 && n <= max ? n : fallback;
}

bool knownAppearance(const QString &text)
{
    return text == QLatin1String("system") || text == QLatin1String("light") ||
           text == QLatin1String("dark");
}

// Whether a value moved from QSettings reads as itself (else it read as the default, and still
// does without it).
bool readable(const QString &key, const QString &value)
{
    if (key == kAppearance)
        return knownAppearance(value);
    if (key == kIdleMinutes)
        return count(value, kMaxIdleMinutes, -1) >= 0;
    if (key == kReminderHours)
        return count(value, kMaxReminderHours, -1) >= 0;
    if (key == kEndOfDay)
        return value.isEmpty() || QTime::fromString(value, kTimeFormat).isValid();
    return true;
}

} // namespace

namespace preferences {

Preferences load(const Database &db)
{
    Preferences p;
    p.defaultRoomId = db.meta(kDefaultRoom);
    p.closeToTray = db.meta(kCloseToTray, flag(true)) == QLatin1String("1");
    p.startMinimized = db.meta(kStartMinimized, flag(false)) == QLatin1String("1");
    p.language = db.meta(kLanguage);
    if (const QString a = db.meta(kAppearance); knownAppearance(a))
        p.appearance = a;
    p.away.idleMinutes = count(db.meta(kIdleMinutes), kMaxIdleMinutes, p.away.idleMinutes);
    p.away.reminderHours = count(db.meta(kReminderHours), kMaxReminderHours, p.away.reminderHours);
    // "" turns the end-of-day reminder off.
    p.away.endOfDay =
        QTime::fromString(db.meta(kEndOfDay, p.away.endOfDay.toString(kTimeFormat)), kTimeFormat);
    p.notifyOtherMachines = db.meta(kNotifyOthers, flag(true)) == QLatin1String("1");
    p.dailyBackups = count(db.meta(kDailyBackups), preferences::kMaxDailyBackups, p.dailyBackups);
    return p;
}

Result<void> check(const Preferences &prefs)
{
    if (!prefs.language.isEmpty() && prefs.language != QLatin1String("en") &&
        prefs.language != QLatin1String("fr"))
        return Error::invalid(
            QCoreApplication::translate("st::preferences", "Unknown language \"%1\".")
                .arg(prefs.language));
    if (!knownAppearance(prefs.appearance))
        return Error::invalid(
            QCoreApplication::translate("st::preferences",
                                        "Unknown appearance \"%1\" (system, light or dark).")
                .arg(prefs.appearance));
    if (prefs.away.idleMinutes < 0 || prefs.away.idleMinutes > kMaxIdleMinutes ||
        prefs.away.reminderHours < 0 || prefs.away.reminderHours > kMaxReminderHours)
        return Error::invalid(
            QCoreApplication::translate("st::preferences",
                                        "Away after 0 to %1 minutes, remind after 0 to %2 hours.")
                .arg(kMaxIdleMinutes)
                .arg(kMaxReminderHours));
    if (prefs.dailyBackups < 0 || prefs.dailyBackups > kMaxDailyBackups)
        return Error::invalid(
            QCoreApplication::translate("st::preferences", "Keep 0 to %1 daily copies.")
                .arg(kMaxDailyBackups));
    return {};
}

Result<void> save(const Database &db, const Preferences &prefs)
{
    if (auto r = check(prefs); !r)
        return r;
    Transaction tx(db);
    if (!tx.isActive())
        return tx.error();
    const QString endOfDay =
        prefs.away.endOfDay.isValid() ? prefs.away.endOfDay.toString(kTimeFormat) : QString();
    for (const auto &[key, value] : {std::pair{kDefaultRoom, prefs.defaultRoomId},
                                     {kCloseToTray, flag(prefs.closeToTray)},
                                     {kStartMinimized, flag(prefs.startMinimized)},
                                     {kLanguage, prefs.language},
                                     {kAppearance, prefs.appearance},
                                     {kIdleMinutes, QString::number(prefs.away.idleMinutes)},
                                     {kReminderHours, QString::number(prefs.away.reminderHours)},
                                     {kEndOfDay, endOfDay},
                                     {kNotifyOthers, flag(prefs.notifyOtherMachines)},
                                     {kDailyBackups, QString::number(prefs.dailyBackups)}}) {
        // Stored as '' rather than NULL: "no default room", "system language" and "no end-of-day
        // reminder" are values.
        if (auto r = db.setMeta(key, value.isNull() ? QString(QLatin1String("")) : value); !r)
            return r;
    }
    return tx.commit();
}

Result<void> migrate(const Database &db, QSettings &legacy)
{
    // QSettings key, meta key.
    const std::pair<QString, QString> moved[] = {
        {QStringLiteral("appearance/mode"), kAppearance},
        {QStringLiteral("away/idle_minutes"), kIdleMinutes},
        {QStringLiteral("away/reminder_hours"), kReminderHours},
        {QStringLiteral("away/end_of_day"), kEndOfDay},
        {QStringLiteral("notifications/other_machines"), kNotifyOthers}};
    bool any = false;
    for (const auto &[from, to] : moved)
        any = any || legacy.contains(from);
    if (!any)
        return {};

    Transaction tx(db);
    if (!tx.isActive())
        return tx.error();
    const QString absent(QChar(0)); // never a stored value
    for (const auto &[from, to] : moved) {
        if (!legacy.contains(from))
            continue;
        auto stored = db.readMeta(to, absent);
        if (!stored)
            return stored.error();
        if (stored.value() != absent)
            continue; // the database's value wins
        QString value = legacy.value(from).toString().trimmed();
        if (to == kAppearance)
            value = value.toLower();
        else if (to == kNotifyOthers)
            value = flag(legacy.value(from).toBool());
        if (!readable(to, value))
            continue; // unreadable: it read as the default before, and still does
        if (auto r = db.setMeta(to, value); !r)
            return r;
    }
    if (auto r = tx.commit(); !r)
        return r;
    for (const auto &[from, to] : moved)
        legacy.remove(from);
    legacy.sync();
    return {};
}

} // namespace preferences

} // namespace st
