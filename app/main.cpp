// studiotimer: the desktop app, or with a command the command line (see DESIGN.md). Built with
// STUDIOTIMER_DESKTOP=OFF (the sanitizer build) it is the command line only.
#ifdef STUDIOTIMER_DESKTOP
#include "DesktopApp.h"
#include <QApplication>
#endif
#include "InvoicePdf.h"
#include "Language.h"
#include "backend/Preferences.h"
#include "cli/CommandLine.h"
#include "cli/SingleInstance.h"
#include "domain/Clock.h"
#include "store/DataLocation.h"
#include "store/Database.h"
#include "sync/ClockOffset.h"
#include "sync/Outbox.h"
#include "sync/SyncCache.h"
#include "sync/SyncConfig.h"
#include "timer/Profile.h"
#include "timer/TimerService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>
#include <optional>

namespace {

struct Invocation
{
    QString dataDir;
    QStringList command;         // empty: open the desktop app
    const char *error = nullptr; // marked for translation, translated once the translator is in
    bool version = false;        // print the version and exit
    bool demoData = false;       // desktop only: fill an empty database with demo data
    QString screenshotDir;       // desktop only: save screenshots there and quit
};

// Global options come before the command; everything from the command on belongs to it.
Invocation parseInvocation(const QStringList &args)
{
    Invocation inv;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--data-dir")) {
            if (i + 1 >= args.size()) {
                inv.error = QT_TRANSLATE_NOOP("main", "--data-dir needs a folder.");
                return inv;
            }
            inv.dataDir = args.at(++i);
        } else if (arg.startsWith(QLatin1String("--data-dir="))) {
            inv.dataDir = arg.mid(11);
        } else if (arg == QLatin1String("--demo-data")) {
            inv.demoData = true;
        } else if (arg == QLatin1String("--screenshots")) {
            if (i + 1 >= args.size()) {
                inv.error = QT_TRANSLATE_NOOP("main", "--screenshots needs a folder.");
                return inv;
            }
            inv.screenshotDir = args.at(++i);
        } else if (arg == QLatin1String("--version")) {
            inv.version = true;
            return inv;
        } else if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            inv.command = {QStringLiteral("help")};
            return inv;
        } else {
            inv.command = args.mid(i);
            return inv;
        }
    }
    return inv;
}

void print(FILE *stream, const QString &text)
{
    if (text.isEmpty())
        return;
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// The window needs QApplication; `invoice` draws with QtGui, offscreen; the rest needs neither.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv, bool desktop,
                                                  bool drawsInvoice)
{
#ifdef STUDIOTIMER_DESKTOP
    if (desktop)
        return std::make_unique<QApplication>(argc, argv);
#else
    Q_UNUSED(desktop)
#endif
    if (drawsInvoice) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QGuiApplication>(argc, argv);
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

int fail(const QString &message, int code = 1)
{
    print(stderr, QStringLiteral("studiotimer: ") + message + QLatin1Char('\n'));
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    // A command handed to the running app is recorded at this instant, not when the app ran it.
    const qint64 askedAt = QDateTime::currentMSecsSinceEpoch();
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    Invocation inv = parseInvocation(args);

    QCoreApplication::setOrganizationName(QStringLiteral("StudioTimer"));
    QCoreApplication::setApplicationName(QStringLiteral("StudioTimer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    if (inv.version) {
        print(stdout, QStringLiteral("studiotimer " PROJECT_VERSION "\n"));
        return 0;
    }

    // A second desktop start only shows the running window: it needs no display of its own.
    if (inv.command.isEmpty() && !inv.error && inv.screenshotDir.isEmpty() &&
        st::SingleInstance::send(st::dataLocation::dataDir(inv.dataDir), {}, 5000))
        return 0;

    // `invoice` draws a PDF (QtGui's fonts and painter) without needing a display: over SSH too.
    const bool drawsInvoice = inv.command.value(0) == QLatin1String("invoice") && !inv.error;
    const std::unique_ptr<QCoreApplication> app =
        makeApplication(argc, argv, inv.command.isEmpty() && !inv.error, drawsInvoice);

    const bool unknownCommand =
        !inv.command.isEmpty() && !st::CommandLine::isCommand(inv.command.first());
    if (inv.error || unknownCommand) // no database yet: the system's language
        st::language::install(*app, QString());
    if (inv.error)
        return fail(QCoreApplication::translate("main", inv.error), 2);
    if (unknownCommand) {
        return fail(
            QCoreApplication::translate("main", "Unknown command \"%1\". Try \"studiotimer help\".")
                .arg(inv.command.first()),
            2);
    }

    const QString dataDir = st::dataLocation::dataDir(inv.dataDir);
    if (inv.command.isEmpty()) {
#ifdef STUDIOTIMER_DESKTOP
        return st::runDesktop(static_cast<QApplication &>(*app),
                              {inv.dataDir, inv.demoData, inv.screenshotDir});
#else
        st::language::install(*app, QString());
        return fail(QCoreApplication::translate(
                        "main", "This studiotimer was built without its window: give it a command "
                                "(studiotimer help)."),
                    2);
#endif
    }

    // The desktop app runs on this data dir: it runs the command, so both see the same state
    // (an invoice is drawn here: it only reads, and remembers its number).
    if (const auto handed =
            drawsInvoice
                ? std::nullopt
                : st::SingleInstance::send(dataDir, st::CommandLine::withAbsolutePaths(inv.command),
                                           30000, askedAt)) {
        print(stdout, handed->out);
        print(stderr, handed->err);
        return handed->exitCode;
    }

    // `restore FILE` replaces the database: done before this process opens it (an app running on
    // the data folder was handed the command above, and refused it).
    if (const auto restored = st::CommandLine::restoreDatabase(dataDir, inv.command)) {
        st::language::install(*app, QString());
        print(stdout, restored->out);
        print(stderr, restored->err);
        return restored->exitCode;
    }

    auto db = st::Database::open(st::dataLocation::databasePath(dataDir));
    if (!db)
        return fail(db.error().message);
    // The same translations as the desktop app, so the output reads in the chosen language and
    // English plurals ("1 entry") come out right.
    st::language::install(*app, st::preferences::load(*db.value()).language);
    st::SystemClock clock;
    auto profile = st::profile::ensure(*db.value(), clock);
    if (!profile)
        return fail(profile.error().message);
    // With sync on, a change made while the desktop app is closed (a desk button, a script) is
    // made as the app makes it: on the hub's time (the offset its last session measured), so it
    // orders rightly against the app's own entries, and kept in the outbox until the app connects.
    const bool syncing = st::syncconfig::load(*db.value()).mode != st::SyncMode::Off;
    st::ClockOffset hubOffset;
    if (const auto saved = st::synccache::savedClockOffset(*db.value()); syncing && saved)
        hubOffset.restore(*saved);
    st::HubClock hubClock(clock, hubOffset);
    st::TimerService service(*db.value(), hubClock, profile->org.id);
    std::optional<st::Outbox> outbox;
    if (syncing) {
        outbox.emplace(*db.value(), clock);
        outbox->attach(service);
    }
    st::CommandLine cli(service);
    cli.setInvoiceWriter(&st::writeInvoicePdf);
    const st::CommandOutput out = cli.run(inv.command);
    print(stdout, out.out);
    print(stderr, out.err);
    return out.exitCode;
}
