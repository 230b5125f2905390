#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace st::language {

QStringList available()
{
    return {QStringLiteral("en"), QStringLiteral("fr")};
}

QString resolve(const QString &preference)
{
    if (available().contains(preference))
        return preference;
    for (const QString &name : QLocale::system().uiLanguages()) {
        const QString lang = name.section(QLatin1Char('-'), 0, 0).toLower();
        if (available().contains(lang))
            return lang;
    }
    return QStringLiteral("en");
}

QString install(QCoreApplication &app, const QString &preference)
{
    const QString lang = resolve(preference);
    if (available().contains(preference))
        QLocale::setDefault(QLocale(preference));
    auto *own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/studiotimer_") + lang + QStringLiteral(".qm")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_") + lang,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return lang;
}

} // namespace st::language
