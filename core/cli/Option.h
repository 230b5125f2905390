#pragma once

#include <QCommandLineOption>
#include <QStringList>

// The options of a command, declared the same way in every file of the command line.
namespace st::cli {

inline QCommandLineOption option(const QStringList &names, const char *valueName = nullptr)
{
    return valueName ? QCommandLineOption(names, QString(), QString::fromLatin1(valueName))
                     : QCommandLineOption(names);
}

inline QCommandLineOption option(const char *name, const char *valueName = nullptr)
{
    return option(QStringList{QString::fromLatin1(name)}, valueName);
}

} // namespace st::cli
