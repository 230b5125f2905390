// `backup [FILE]` and `restore FILE`: copies of the desk's database (core/store/Backup).
#include "CommandLine.h"

#include "store/Backup.h"
#include "store/DataLocation.h"
#include "store/Database.h"
#include "timer/TimerService.h"

#include <QDir>
#include <QFileInfo>

namespace st {

namespace {

const QString kStem = QStringLiteral("studiotimer");

// restore's argument: the first one that is not an option.
qsizetype restoreArgument(const QStringList &arguments)
{
    if (arguments.isEmpty() || arguments.first() != QLatin1String("restore"))
        return -1;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (!arguments.at(i).startsWith(QLatin1Char('-')))
            return i;
    }
    return -1;
}

} // namespace

bool CommandLine::namesBackupFile(const QString &argument)
{
    return QFileInfo(argument).isFile() || argument.contains(QLatin1Char('/')) ||
           argument.contains(QDir::separator()) ||
           argument.endsWith(QLatin1String(".sqlite"), Qt::CaseInsensitive);
}

QStringList CommandLine::withAbsoluteBackupPath(const QStringList &arguments)
{
    QStringList args = arguments;
    qsizetype file = restoreArgument(args);
    if (file < 0 || !namesBackupFile(args.at(file)))
        file = args.size() == 2 && args.first() == QLatin1String("backup") ? 1 : -1;
    if (file > 0)
        args[file] = QFileInfo(args.at(file)).absoluteFilePath();
    return args;
}

CommandOutput CommandLine::backup(QCommandLineParser &p)
{
    const Database &db = m_service.database();
    const QString target = p.positionalArguments().isEmpty()
                               ? backup::defaultName(backup::folderFor(db.path()), kStem)
                               : p.positionalArguments().first();
    if (auto made = backup::writeChecked(db, target); !made)
        return fail(made.error());
    // The path alone, for scripts: `cp "$(studiotimer backup)" /mnt/usb/`.
    return {
        0, QDir::toNativeSeparators(QFileInfo(target).absoluteFilePath()) + QLatin1Char('\n'), {}};
}

std::optional<CommandOutput> CommandLine::restoreDatabase(const QString &dataDir,
                                                          const QStringList &arguments)
{
    const qsizetype at = restoreArgument(arguments);
    if (at < 0 || !namesBackupFile(arguments.at(at)))
        return std::nullopt;
    if (arguments.size() != 2)
        return usageError(tr("\"restore FILE\" takes no option nor other argument."));
    const QString file = arguments.at(at);
    const QString database = dataLocation::databasePath(dataDir);
    auto restored = backup::restore(
        file, database,
        backup::defaultName(backup::folderFor(database), kStem, QStringLiteral("before-restore")));
    if (!restored)
        return fail(restored.error());
    CommandOutput out;
    out.out = tr("Restored %1 in place of %2.\n")
                  .arg(QDir::toNativeSeparators(QFileInfo(file).absoluteFilePath()),
                       QDir::toNativeSeparators(database));
    if (!restored->aside.isEmpty())
        out.out += tr("The database it replaced is kept as %1.\n")
                       .arg(QDir::toNativeSeparators(restored->aside));
    return out;
}

CommandOutput CommandLine::refuseRestoreInUse(const QString &file) const
{
    return fail(Error::invalid(
        m_inApp ? tr("The Studio Timer app is running on this data folder and holds its database: "
                     "quit it, then restore %1 again. Nothing was changed.")
                      .arg(QDir::toNativeSeparators(file))
                : tr("The database is open: restore %1 with \"studiotimer restore FILE\" while "
                     "nothing else uses it. Nothing was changed.")
                      .arg(QDir::toNativeSeparators(file))));
}

} // namespace st
