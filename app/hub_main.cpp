// studiotimer-hub: the headless LAN sync hub (DESIGN.md, "The hub's command line").
//
//   studiotimer-hub [--port 7345] [--bind ADDR] [--data-dir DIR] [--database URL]
//                   [--tls-self-signed | --tls-cert F --tls-key F] [--no-announce]
//                   [--max-per-token 16] [--max-per-org 5000] [--max-unauthenticated 4096]
//                   [--max-unsent-bytes 1048576]
//   studiotimer-hub [--data-dir DIR] [--database URL] org create NAME | org invite ORG_ID | org
//   revoke TOKEN |
//                   org list
//   studiotimer-hub [--data-dir DIR] backup [FILE]
//   studiotimer-hub migrate --from-sqlite DIR --database URL
// (The socket.io-protocol conformance set-up is a test program: tests/conformance.)

#include "domain/Clock.h"
#include "store/Backup.h"
#include "store/DataLocation.h"
#include "store/Database.h"
#include "sync/Discovery.h"
#include "sync/Hub.h"
#include "sync/HubCopy.h"
#include "sync/SelfSignedCertificate.h"
#include "sync/SqlHubStore.h"
#include "sync/SyncConfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QSysInfo>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <optional>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Async-signal-safe: only write() here; the event loop does the rest.
    [[maybe_unused]] const auto n = ::write(g_signalFds[0], &byte, 1);
}

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(studiotimer_hub)
};

void printLine(const QString &line, FILE *stream)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

int fail(const QString &message)
{
    printLine(QStringLiteral("studiotimer-hub: ") + message, stderr);
    return 1;
}

void printJson(const QJsonObject &object)
{
    printLine(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)), stdout);
}

// The hub's own data folder: --data-dir, else $STUDIOTIMER_HUB_DATA_DIR, else <app data>/hub.
QString hubDataDir(const QString &explicitDir)
{
    if (!explicitDir.isEmpty())
        return explicitDir;
    const QString env = qEnvironmentVariable("STUDIOTIMER_HUB_DATA_DIR");
    if (!env.isEmpty())
        return env;
    return QDir(st::dataLocation::dataDir()).filePath(QStringLiteral("hub"));
}

// fingerprint: the SHA-256 of the hub's certificate, printed with each token so desks can pin it.
int runOrgCommand(st::HubStore &store, const QStringList &args, const QString &fingerprint)
{
    const QString verb = args.value(1);
    if (verb == QLatin1String("create") && args.size() == 3) {
        auto created = store.createOrganization(args.at(2));
        if (!created)
            return fail(created.error().message);
        printJson({{QStringLiteral("orgId"), created->org.id},
                   {QStringLiteral("name"), created->org.name},
                   {QStringLiteral("token"), created->token},
                   {QStringLiteral("fingerprint"), fingerprint}});
        return 0;
    }
    if (verb == QLatin1String("invite") && args.size() == 3) {
        auto token = store.issueToken(args.at(2));
        if (!token)
            return fail(token.error().message);
        printJson({{QStringLiteral("orgId"), args.at(2)},
                   {QStringLiteral("token"), *token},
                   {QStringLiteral("fingerprint"), fingerprint}});
        return 0;
    }
    if (verb == QLatin1String("revoke") && args.size() == 3) {
        auto orgId = store.revokeToken(args.at(2));
        if (!orgId)
            return fail(orgId.error().message);
        printJson({{QStringLiteral("orgId"), *orgId}, {QStringLiteral("revoked"), true}});
        return 0;
    }
    if (verb == QLatin1String("list") && args.size() == 2) {
        const auto orgs = store.organizations();
        if (!orgs)
            return fail(orgs.error().message);
        for (const st::HubStore::OrgSummary &s : orgs.value())
            printJson({{QStringLiteral("orgId"), s.org.id},
                       {QStringLiteral("name"), s.org.name},
                       {QStringLiteral("currency"), s.org.currency},
                       {QStringLiteral("tokens"), s.activeTokens},
                       {QStringLiteral("head"), double(s.head)}});
        return 0;
    }
    return fail(Tr::tr("Usage: org create NAME | org invite ORG_ID | org revoke TOKEN | org list"));
}

// backup [FILE]: a consistent copy of hub.sqlite (VACUUM INTO), checked before it is reported.
int runBackup(const st::Database &db, const QString &dataDir, const QStringList &args)
{
    if (args.size() > 2)
        return fail(Tr::tr("Usage: backup [FILE]"));
    const QString target = args.size() == 2
                               ? QFileInfo(args.at(1)).absoluteFilePath()
                               : st::backup::defaultName(dataDir, QStringLiteral("hub"));
    if (auto r = st::backup::write(db, target); !r)
        return fail(r.error().message);
    if (auto r = st::backup::verify(target); !r)
        return fail(r.error().message);
    printJson({{QStringLiteral("backup"), target},
               {QStringLiteral("bytes"), double(QFileInfo(target).size())}});
    return 0;
}

// migrate --from-sqlite DIR --database URL: a single hub's data moved into PostgreSQL, verified
// (rows of every table and each organisation's log head) before success is reported. The hub's
// certificate goes along, so desks keep their pinned fingerprint.
int runMigrate(const QString &sqliteDir, const st::Database &to)
{
    const QString path = QDir(sqliteDir).filePath(QStringLiteral("hub.sqlite"));
    if (!QFileInfo::exists(path))
        return fail(Tr::tr("Cannot read %1: %2").arg(path, Tr::tr("No such file.")));
    auto from = st::Database::open(path);
    if (!from)
        return fail(from.error().message);
    const auto report = st::hubcopy::copy(**from, to);
    if (!report)
        return fail(report.error().message);
    const QDir dir(sqliteDir);
    if (QFileInfo::exists(dir.filePath(QString::fromLatin1(st::selfsigned::kCertFile)))) {
        if (auto r = st::selfsigned::ensureIn(to, sqliteDir); !r)
            return fail(r.error().message);
    }
    QJsonObject rows;
    for (auto it = report->rows.cbegin(); it != report->rows.cend(); ++it)
        rows.insert(it.key(), double(it.value()));
    QJsonObject heads;
    for (auto it = report->heads.cbegin(); it != report->heads.cend(); ++it)
        heads.insert(it.key(), double(it.value()));
    printJson({{QStringLiteral("migrated"), path},
               {QStringLiteral("database"), to.path()},
               {QStringLiteral("rows"), rows},
               {QStringLiteral("heads"), heads}});
    return 0;
}

// A connection is a file descriptor: a hub for thousands of desks needs more than the usual
// soft limit of 1024, up to what the system allows this process.
void raiseFileLimit()
{
    struct rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// The connection limits: a count from 0 (no limit) to max.
struct LimitOption
{
    QCommandLineOption option;
    int max = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("StudioTimer"));
    QCoreApplication::setOrganizationName(QStringLiteral("StudioTimer"));

    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Studio Timer's LAN sync hub (Socket.IO v4)."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), Tr::tr("Port to listen on."),
                                        QStringLiteral("PORT"));
    const QCommandLineOption bindOption(QStringLiteral("bind"), Tr::tr("Address to listen on."),
                                        QStringLiteral("ADDR"), QStringLiteral("0.0.0.0"));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"), Tr::tr("Data folder."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        Tr::tr("Keeps the hub's data in PostgreSQL instead of the data folder's SQLite file, "
               "shared by every hub given the same database: a libpq URI, "
               "postgresql://user@host:port/database or postgresql://user@/database?host=/socket/"
               "dir. Give the password with PGPASSWORD or ~/.pgpass (one in the URI shows in the "
               "process list)."),
        QStringLiteral("URL"));
    const QCommandLineOption fromSqliteOption(
        QStringLiteral("from-sqlite"),
        Tr::tr("migrate: the data folder of the hub whose SQLite data moves to --database."),
        QStringLiteral("DIR"));
    const QCommandLineOption certOption(QStringLiteral("tls-cert"),
                                        Tr::tr("PEM certificate (serves wss://)."),
                                        QStringLiteral("F"));
    const QCommandLineOption keyOption(QStringLiteral("tls-key"), Tr::tr("PEM private key."),
                                       QStringLiteral("F"));
    const QCommandLineOption selfSignedOption(
        QStringLiteral("tls-self-signed"),
        Tr::tr("Serves wss:// with the hub's own certificate, made in the data folder on first "
               "run; desks pin its fingerprint."));
    const QCommandLineOption rateOption(
        QStringLiteral("rate-limit"),
        Tr::tr("Requests per second and socket (bursts up to 5 seconds' worth); 0: no limit."),
        QStringLiteral("N"));
    const QCommandLineOption noAnnounceOption(
        QStringLiteral("no-announce"),
        Tr::tr("Does not announce the hub on the local network (UDP broadcasts to port 7346, "
               "which desks' \"Join a hub\" lists)."));
    const st::HubOptions defaults;
    const auto limit = [](const char *name, const QString &what, int value, int max) {
        return LimitOption{QCommandLineOption(QLatin1String(name), what, QStringLiteral("N"),
                                              QString::number(value)),
                           max};
    };
    const LimitOption perToken =
        limit("max-per-token", Tr::tr("Connections one device token may hold; 0: no limit."),
              defaults.maxPerToken, 1000000);
    const LimitOption perOrg =
        limit("max-per-org", Tr::tr("Connections one organisation may hold; 0: no limit."),
              defaults.maxPerOrg, 1000000);
    const LimitOption unauthenticated =
        limit("max-unauthenticated",
              Tr::tr("Connections not yet logged in (before their CONNECT is accepted); 0: no "
                     "limit."),
              defaults.maxUnauthenticated, 1000000);
    const LimitOption unsent =
        limit("max-unsent-bytes",
              Tr::tr("Bytes waiting to go out to one desk beyond which it is cut off (it "
                     "reconnects and catches up); 0: no limit."),
              int(defaults.maxUnsentBytes), 1 << 30);
    parser.addOptions({portOption, bindOption, dataDirOption, databaseOption, fromSqliteOption,
                       certOption, keyOption, selfSignedOption, rateOption, noAnnounceOption,
                       perToken.option, perOrg.option, unauthenticated.option, unsent.option});
    parser.addPositionalArgument(QStringLiteral("org"),
                                 Tr::tr("org create NAME | org invite ORG_ID | org revoke TOKEN | "
                                        "org list"));
    parser.addPositionalArgument(QStringLiteral("backup"),
                                 Tr::tr("backup [FILE]: a checked copy of the hub's database"));
    parser.addPositionalArgument(
        QStringLiteral("migrate"),
        Tr::tr("migrate --from-sqlite DIR --database URL: moves a hub's data to PostgreSQL"));
    if (!parser.parse(QCoreApplication::arguments()))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printLine(parser.helpText(), stdout);
        return 0;
    }

    const QStringList args = parser.positionalArguments();
    if (!args.isEmpty() && args.first() != QLatin1String("org") &&
        args.first() != QLatin1String("backup") && args.first() != QLatin1String("migrate"))
        return fail(Tr::tr("Unknown command \"%1\".").arg(args.first()));
    const bool migrating = args.value(0) == QLatin1String("migrate");
    if (migrating &&
        (args.size() != 1 || !parser.isSet(fromSqliteOption) || !parser.isSet(databaseOption)))
        return fail(Tr::tr("Usage: migrate --from-sqlite DIR --database URL"));

    st::HubOptions options;
    if (parser.isSet(portOption)) {
        bool ok = false;
        const uint port = parser.value(portOption).toUInt(&ok);
        if (!ok || port > 65535)
            return fail(Tr::tr("--port needs a number from 0 to 65535."));
        options.port = quint16(port);
    }
    if (parser.isSet(rateOption)) {
        bool ok = false;
        const int rate = parser.value(rateOption).toInt(&ok);
        if (!ok || rate < 0 || rate > 1000000)
            return fail(Tr::tr("--rate-limit needs a number from 0 to 1000000."));
        options.ratePerSecond = rate;
        options.rateBurst = std::max(1, rate * 5);
    }
    const auto readLimit = [&parser](const LimitOption &l) -> std::optional<int> {
        bool ok = false;
        const int value = parser.value(l.option).toInt(&ok);
        if (!ok || value < 0 || value > l.max)
            return std::nullopt;
        return value;
    };
    int unsentBytes = 0;
    for (auto [l, target] :
         {std::pair{&perToken, &options.maxPerToken}, std::pair{&perOrg, &options.maxPerOrg},
          std::pair{&unauthenticated, &options.maxUnauthenticated},
          std::pair{&unsent, &unsentBytes}}) {
        const std::optional<int> value = readLimit(*l);
        if (!value)
            return fail(Tr::tr("--%1 needs a number from 0 to %2.")
                            .arg(l->option.names().constFirst())
                            .arg(l->max));
        *target = *value;
    }
    options.maxUnsentBytes = unsentBytes;
    if (!options.bind.setAddress(parser.value(bindOption)))
        return fail(Tr::tr("--bind needs an IP address."));
    if (parser.isSet(certOption) != parser.isSet(keyOption))
        return fail(Tr::tr("--tls-cert and --tls-key go together."));
    if (parser.isSet(certOption) && parser.isSet(selfSignedOption))
        return fail(Tr::tr("--tls-self-signed and --tls-cert exclude each other."));
    if (parser.isSet(certOption)) {
        auto tls = st::Hub::loadTls(parser.value(certOption), parser.value(keyOption));
        if (!tls)
            return fail(tls.error().message);
        options.tls = tls.value();
    }
    const QString dataDir =
        hubDataDir(migrating ? parser.value(fromSqliteOption) : parser.value(dataDirOption));
    if (auto r = st::dataLocation::makePrivateDir(dataDir); !r)
        return fail(r.error().message);
    const bool onPostgres = parser.isSet(databaseOption);
    // pg_stat_activity tells the hubs apart (and a test can cut one hub's LISTEN connection).
    options.databaseApplicationName =
        QStringLiteral("studiotimer-hub-%1").arg(QCoreApplication::applicationPid());
    auto opened =
        onPostgres
            ? st::Database::openUrl(parser.value(databaseOption), options.databaseApplicationName)
            : st::Database::open(QDir(dataDir).filePath(QStringLiteral("hub.sqlite")));
    if (!opened)
        return fail(opened.error().message);
    std::unique_ptr<st::Database> db = std::move(opened).value();
    if (migrating)
        return runMigrate(dataDir, *db);
    // The hub's own certificate, made on first run: served with --tls-self-signed, and its
    // fingerprint printed by org create / org invite (unless a real certificate is given). In the
    // data folder, or in the database on PostgreSQL.
    const bool inviting =
        args.value(1) == QLatin1String("create") || args.value(1) == QLatin1String("invite");
    QByteArray sha256 = options.tls ? st::selfsigned::fingerprint(*options.tls) : QByteArray();
    if (!options.tls && (parser.isSet(selfSignedOption) || inviting)) {
        // On PostgreSQL the certificate is kept in the database: every hub on it serves the same.
        auto own =
            onPostgres ? st::selfsigned::ensureIn(*db, dataDir) : st::selfsigned::ensure(dataDir);
        if (!own)
            return fail(own.error().message);
        sha256 = own->sha256;
        if (parser.isSet(selfSignedOption))
            options.tls = own->tls;
    }
    const QString fingerprint = st::syncconfig::formatFingerprint(sha256);
    const st::SystemClock clock;

    if (!args.isEmpty() && args.first() == QLatin1String("backup")) {
        if (onPostgres)
            return fail(Tr::tr("The hub's data is in PostgreSQL: back it up with pg_dump."));
        return runBackup(*db, dataDir, args);
    }
    if (!args.isEmpty()) {
        st::SqlHubStore store(*db, clock);
        return runOrgCommand(store, args, fingerprint);
    }

    // Serve until SIGINT/SIGTERM: the handler writes to a socket pair the event loop watches.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return fail(Tr::tr("Cannot set up signal handling."));
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    raiseFileLimit();
    st::Hub hub(*db, clock, options);
    if (auto r = hub.listen(); !r)
        return fail(r.error().message);
    // Tools and tests read the port from this line (useful with --port 0).
    printLine(QStringLiteral("studiotimer-hub: listening on port %1").arg(hub.port()), stderr);
    if (onPostgres) // without its password
        printLine(QStringLiteral("studiotimer-hub: database %1").arg(db->path()), stderr);
    if (!fingerprint.isEmpty())
        printLine(
            QStringLiteral("studiotimer-hub: wss:// certificate fingerprint %1").arg(fingerprint),
            stderr);

    // Announced on the LAN like a desk's own hub, so "Join a hub" finds it (with the certificate's
    // fingerprint when it serves wss://); not when only this machine can reach it.
    st::discovery::Announcer announcer;
    if (!parser.isSet(noAnnounceOption) && !options.bind.isLoopback()) {
        const auto orgs = hub.store().organizations();
        const QString org = orgs && orgs->size() == 1 ? orgs->first().org.name : QString();
        announcer.start({QSysInfo::machineHostName(), hub.port(), org, sha256});
        printLine(QStringLiteral("studiotimer-hub: announced on the LAN (UDP port %1)")
                      .arg(st::discovery::kDefaultPort),
                  stderr);
    }

    QSocketNotifier notifier(g_signalFds[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char byte = 0;
        [[maybe_unused]] const auto n = ::read(g_signalFds[1], &byte, 1);
        notifier.setEnabled(false);
        printLine(QStringLiteral("studiotimer-hub: shutting down"), stderr);
        announcer.stop();
        hub.close(); // every acknowledged change is committed already
        QTimer::singleShot(200, &app, &QCoreApplication::quit); // let the close frames go out
    });
    const int status = QCoreApplication::exec();
    printLine(QStringLiteral("studiotimer-hub: stopped"), stderr);
    return status;
}
