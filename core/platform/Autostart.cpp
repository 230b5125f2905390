#include "Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace st::autostart {

QString entryPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("autostart/org.studiotimer.StudioTimer.desktop"));
}

bool isEnabled()
{
    return QFile::exists(entryPath());
}

Result<void> setEnabled(bool enabled, const QString &executable)
{
    const QString path = entryPath();
    if (!enabled) {
        if (QFile::exists(path) && !QFile::remove(path))
            return Error::internal(
                QCoreApplication::translate("st::autostart", "Cannot remove %1.").arg(path));
        return {};
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error::internal(
            QCoreApplication::translate("st::autostart", "Cannot create the autostart folder."));
    // Exec quoting per the Desktop Entry spec: reserved characters inside double quotes.
    QString quoted = executable;
    for (const QChar c : {QLatin1Char('\\'), QLatin1Char('"'), QLatin1Char('`'), QLatin1Char('$')})
        quoted.replace(c, QLatin1Char('\\') + QString(c));
    const QString content = QStringLiteral("[Desktop Entry]\n"
                                           "Type=Application\n"
                                           "Name=Studio Timer\n"
                                           "Exec=\"%1\" --minimized\n"
                                           "Icon=org.studiotimer.StudioTimer\n"
                                           "Terminal=false\n"
                                           "X-GNOME-Autostart-enabled=true\n")
                                .arg(quoted);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content.toUtf8()) < 0 || !file.commit())
        return Error::internal(QCoreApplication::translate("st::autostart", "Cannot write %1: %2")
                                   .arg(path, file.errorString()));
    return {};
}

} // namespace st::autostart
