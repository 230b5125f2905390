#include "Profile.h"

#include "store/Repositories.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QSysInfo>

namespace st::profile {

namespace {
const QString kOrgKey = QStringLiteral("org_id");
const QString kUserKey = QStringLiteral("current_user_id");
const QString kDeviceKey = QStringLiteral("device_id");

QString defaultCurrency()
{
    const QString iso = QLocale::system().currencySymbol(QLocale::CurrencyIsoCode);
    return iso.size() == 3 ? iso : QStringLiteral("EUR");
}
} // namespace

QString osUserName()
{
    for (const char *var : {"USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(var).trimmed();
        if (!name.isEmpty())
            return name;
    }
    const QString home = QDir::home().dirName();
    return home.isEmpty() ? QCoreApplication::translate("st::profile", "Engineer") : home;
}

QList<TaskType> defaultTaskTypes(const QString &orgId, Ms now)
{
    struct Seed
    {
        const char *name;
        const char *color;
        qint64 rateCents;
        bool billable;
    };
    // Names are marked for translation here and translated when the organisation is created.
    static const Seed seeds[] = {
        {QT_TRANSLATE_NOOP("st::profile", "Setup"), "#4e79a7", 4000, true},
        {QT_TRANSLATE_NOOP("st::profile", "Recording"), "#e15759", 6000, true},
        {QT_TRANSLATE_NOOP("st::profile", "Mixing"), "#f28e2b", 5500, true},
        {QT_TRANSLATE_NOOP("st::profile", "Mastering"), "#76b7b2", 7000, true},
        {QT_TRANSLATE_NOOP("st::profile", "Break"), "#9c9c9c", 0, false},
    };
    QList<TaskType> types;
    int position = 0;
    for (const Seed &seed : seeds) {
        TaskType t;
        t.id = newId();
        t.orgId = orgId;
        t.name = QCoreApplication::translate("st::profile", seed.name);
        t.color = QString::fromLatin1(seed.color);
        t.hourlyRateCents = seed.rateCents;
        t.billable = seed.billable;
        t.position = position++;
        t.updatedAt = now;
        types.append(t);
    }
    return types;
}

Result<Profile> ensure(const Database &db, const Clock &clock)
{
    CatalogRepository catalog(db);
    const Ms now = clock.nowMs();
    Profile p;
    p.deviceName = QSysInfo::machineHostName();

    const QString orgId = db.meta(kOrgKey);
    // A failed read stops here: taken for a first run, it would seed a second organisation.
    const auto org = catalog.organization(orgId);
    if (!org)
        return org.error();
    if (org.value()) {
        p.org = *org.value();
        p.deviceId = db.meta(kDeviceKey);
        const auto user = catalog.user(db.meta(kUserKey));
        if (!user)
            return user.error();
        if (user.value() && user.value()->orgId == p.org.id) {
            p.user = *user.value();
            return p;
        }
    }

    Transaction tx(db);
    if (!tx.isActive())
        return tx.error();
    if (p.org.id.isEmpty()) {
        p.org = {newId(), QCoreApplication::translate("st::profile", "My Studio"),
                 defaultCurrency(), now};
        if (auto r = catalog.saveOrganization(p.org); !r)
            return r.error();
        for (const TaskType &type : defaultTaskTypes(p.org.id, now)) {
            if (auto r = catalog.saveTaskType(type); !r)
                return r.error();
        }
        p.deviceId = newId();
        for (const auto &[key, value] : {std::pair{kOrgKey, p.org.id}, {kDeviceKey, p.deviceId}}) {
            if (auto r = db.setMeta(key, value); !r)
                return r.error();
        }
    }
    const QString name = osUserName();
    if (auto existing = catalog.userByName(p.org.id, name); existing) {
        p.user = existing.value();
    } else if (existing.error().code != ErrorCode::NotFound) {
        return existing.error();
    } else {
        p.user = {newId(), p.org.id, name, now};
        if (auto r = catalog.saveUser(p.user); !r)
            return r.error();
    }
    if (auto r = db.setMeta(kUserKey, p.user.id); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return p;
}

QString currentUserId(const Database &db)
{
    return db.meta(kUserKey);
}

Result<void> setCurrentUser(const Database &db, const QString &userId)
{
    return db.setMeta(kUserKey, userId);
}

} // namespace st::profile
