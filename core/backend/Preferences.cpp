#include "Preferences.h"

#include "store/Database.h"

#include <QCoreApplication>

namespace st {

namespace {
const QString kDefaultRoom = QStringLiteral("pref.default_room");
const QString kCloseToTray = QStringLiteral("pref.close_to_tray");
const QString kStartMinimized = QStringLiteral("pref.start_minimized");
const QString kLanguage = QStringLiteral("pref.language");

QString flag(bool on)
{
    return on ? QStringLiteral("1") : QStringLiteral("0");
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
    return p;
}

Result<void> check(const Preferences &prefs)
{
    if (!prefs.language.isEmpty() && prefs.language != QLatin1String("en") &&
        prefs.language != QLatin1String("fr"))
        return Error::invalid(
            QCoreApplication::translate("st::preferences", "Unknown language \"%1\".")
                .arg(prefs.language));
    return {};
}

Result<void> save(const Database &db, const Preferences &prefs)
{
    if (auto r = check(prefs); !r)
        return r;
    Transaction tx(db);
    if (!tx.isActive())
        return tx.error();
    for (const auto &[key, value] : {std::pair{kDefaultRoom, prefs.defaultRoomId},
                                     {kCloseToTray, flag(prefs.closeToTray)},
                                     {kStartMinimized, flag(prefs.startMinimized)},
                                     {kLanguage, prefs.language}}) {
        // Stored as '' rather than NULL: "no default room" and "system language" are values.
        if (auto r = db.setMeta(key, value.isNull() ? QString(QLatin1String("")) : value); !r)
            return r;
    }
    return tx.commit();
}

} // namespace preferences

} // namespace st
