#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace st::language {

// The UI languages shipped in the binary: "en", "fr".
QStringList available();

// The language to use for a preference: the choice when it is shipped, else the system's when
// shipped, else English.
QString resolve(const QString &preference);

// Loads the app's and Qt's own translations for a preference into app; returns the language.
// Also makes it the default locale, so dates and money read the same way as the words.
QString install(QCoreApplication &app, const QString &preference);

} // namespace st::language
