// The `studiotimer sync ...` commands of st::CommandLine (docs/SYNC_CLIENT.md, "Command line").
// They read and write the same settings as the app's Sync settings (sync/SyncConfig, the meta
// table) and the same keychain entry. With the desktop app closed, `sync now` runs a SyncClient in
// this process; a `sync` command handed to the running app reports its state, and `sync now` there
// waits for the app's own connection (forwarded::syncNow): two clients never share an outbox.
#include "CommandLine.h"

#include "domain/Clock.h"
#include "protocol/Event.h"
#include "secrets/CredentialStore.h"
#include "sync/ClockOffset.h"
#include "sync/Outbox.h"
#include "sync/SyncClient.h"
#include "sync/SyncConfig.h"
#include "timer/Profile.h"
#include "timer/TimerService.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <optional>

namespace st {

namespace {

constexpr int kReachTimeoutMs = 10000; // `sync now`: the hub answers within this, or exit 1

QString json(const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

QJsonValue isoOrNull(std::optional<Ms> at)
{
    return at ? QJsonValue(QDateTime::fromMSecsSinceEpoch(*at).toOffsetFromUtc(0).toString(
                    Qt::ISODateWithMs))
              : QJsonValue();
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

// Runs start(done) and waits in a local event loop until done is called (a command-line process
// has nothing else to do meanwhile).
template <typename T> T waitFor(const std::function<void(std::function<void(T)>)> &start)
{
    std::optional<T> result;
    QEventLoop loop;
    start([&](T value) {
        result.emplace(std::move(value));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

CredentialStore *openKeychain(QObject &parent)
{
    return waitFor<CredentialStore *>(
        [&](auto done) { openCredentialStore(&parent, QStringLiteral("StudioTimer"), done); });
}

// The key the desktop app keeps this data folder's token under (app/DesktopApp.cpp).
QString tokenKey(const Database &db)
{
    return QStringLiteral("hub-token:") + QFileInfo(db.path()).absolutePath();
}

// "wss://host:port" of a hub the client uses (hubUrl's form without its path).
QString urlText(const QUrl &url)
{
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString();
}

QString modeName(SyncMode mode)
{
    return mode == SyncMode::Join   ? QStringLiteral("join")
           : mode == SyncMode::Host ? QStringLiteral("host")
                                    : QStringLiteral("off");
}

} // namespace

void CommandLine::syncOptions(QCommandLineParser &p)
{
    for (const char *name : {"token", "token-file", "fingerprint"})
        p.addOption(QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("V")));
    p.addOption(QCommandLineOption(QStringLiteral("json")));
}

CommandOutput CommandLine::sync(QCommandLineParser &p)
{
    const QStringList args = p.positionalArguments();
    const QString sub = args.first();
    const int wanted = sub == QLatin1String("join") ? 2 : 1;
    const bool known =
        QStringList{QStringLiteral("join"), QStringLiteral("status"), QStringLiteral("now"),
                    QStringLiteral("conflicts"), QStringLiteral("off")}
            .contains(sub);
    if (!known)
        return usageError(
            tr("\"sync\" takes join, status, now, conflicts or off, not \"%1\".").arg(sub));
    if (int(args.size()) != wanted)
        return usageError(wanted == 2 ? tr("\"sync join\" needs the hub's URL.")
                                      : tr("\"sync %1\" takes no other argument.").arg(sub));
    const bool joinOptions = p.isSet(QStringLiteral("token")) ||
                             p.isSet(QStringLiteral("token-file")) ||
                             p.isSet(QStringLiteral("fingerprint"));
    if (sub != QLatin1String("join") && joinOptions)
        return usageError(tr("--token, --token-file and --fingerprint belong to \"sync join\"."));
    const bool jsonAllowed = sub == QLatin1String("status") || sub == QLatin1String("conflicts");
    if (!jsonAllowed && p.isSet(QStringLiteral("json")))
        return usageError(tr("\"sync %1\" has no --json.").arg(sub));

    if (sub == QLatin1String("status"))
        return syncStatus(p.isSet(QStringLiteral("json")));
    if (sub == QLatin1String("conflicts"))
        return syncConflicts(p.isSet(QStringLiteral("json")));
    if (m_inApp && sub != QLatin1String("now"))
        return fail(Error::invalid(tr("The desktop app is running on this data folder: change "
                                      "sync in its Settings → Sync, or quit it first.")));
    if (sub == QLatin1String("join"))
        return syncJoin(p);
    if (sub == QLatin1String("off"))
        return syncOff();
    return syncNow();
}

CommandOutput CommandLine::syncJoin(QCommandLineParser &p)
{
    // URL[,URL…]: the hubs of one database, tried in this order.
    auto hubs = syncconfig::parseHubUrls(p.positionalArguments().at(1));
    if (!hubs)
        return usageError(hubs.error().message);
    const bool byToken = p.isSet(QStringLiteral("token"));
    if (byToken == p.isSet(QStringLiteral("token-file")))
        return usageError(tr("\"sync join\" needs one of --token TOKEN and --token-file FILE."));
    SyncConfig config;
    config.mode = SyncMode::Join;
    QList<HubEndpoint> endpoints;
    for (const syncconfig::HubAddress &hub : *hubs)
        endpoints.append({hub.host, hub.port});
    syncconfig::setHubs(config, endpoints);
    config.tls = hubs->first().tls;
    if (p.isSet(QStringLiteral("fingerprint"))) {
        if (!config.tls)
            return usageError(tr("--fingerprint pins a certificate: it needs a wss:// URL."));
        auto pin = syncconfig::parseFingerprint(p.value(QStringLiteral("fingerprint")));
        if (!pin)
            return usageError(pin.error().message);
        config.fingerprint = *pin;
    }
    const Database &db = m_service.database();
    if (byToken) {
        auto token = syncconfig::checkToken(p.value(QStringLiteral("token")));
        if (!token)
            return usageError(token.error().message);
        QObject owner;
        CredentialStore *store = openKeychain(owner);
        if (!store->isPersistent())
            return fail(Error::invalid(
                tr("No keychain answers on this machine (%1). Put the token in a file only you "
                   "can read and join with --token-file FILE.")
                    .arg(store->description())));
        const Result<void> written = waitFor<Result<void>>(
            [&](auto done) { store->write(tokenKey(db), *token, &owner, done); });
        if (!written)
            return fail(written.error());
    } else {
        config.tokenFile = QFileInfo(p.value(QStringLiteral("token-file"))).absoluteFilePath();
        if (auto token = syncconfig::readTokenFile(config.tokenFile); !token)
            return fail(token.error());
    }
    if (auto r = syncconfig::save(db, config); !r)
        return fail(r.error());
    CommandOutput out;
    const QString urls = syncconfig::hubUrlTexts(config).join(QStringLiteral(", "));
    if (!config.tls)
        out.err = tr("studiotimer: warning: %1 is plain text: the token and every entry cross the "
                     "network readable. Use wss:// unless this network is yours alone.\n")
                      .arg(urls);
    out.out = config.moreHubs.isEmpty()
                  ? tr("Joined the hub at %1. \"studiotimer sync now\" syncs (the desktop app "
                       "syncs by itself while it runs).\n")
                        .arg(urls)
                  : tr("Joined the hubs at %1, tried in this order. \"studiotimer sync now\" "
                       "syncs (the desktop app syncs by itself while it runs).\n")
                        .arg(urls);
    return out;
}

CommandOutput CommandLine::syncOff()
{
    SyncConfig config = syncconfig::load(m_service.database());
    config.mode = SyncMode::Off;
    if (auto r = syncconfig::save(m_service.database(), config); !r)
        return fail(r.error());
    return {0, tr("Sync is off: changes stay on this machine.\n"), {}};
}

CommandOutput CommandLine::syncStatus(bool asJson)
{
    const Database &db = m_service.database();
    const SyncConfig config = syncconfig::load(db);
    const bool joined = config.mode != SyncMode::Off;
    SystemClock clock;
    const Outbox outbox(db, clock);
    const int pending = outbox.pendingCount();
    const int conflicts = int(outbox.conflicts().size());
    const std::optional<Ms> last = syncconfig::lastSynced(db);
    // The connection exists only while the desktop app runs (this command was handed to it).
    const syncconfig::LiveState live =
        m_inApp ? syncconfig::liveState(db) : syncconfig::LiveState{};
    const Organization org = m_service.organization();
    const bool joinedHub = config.mode == SyncMode::Join;
    const QStringList hubs = joinedHub ? syncconfig::hubUrlTexts(config) : QStringList();
    // The hub the app uses (with several, the one it moved to), else the first it tries.
    const QString hub = !joinedHub ? QString() : live.hub.isEmpty() ? hubs.first() : live.hub;
    if (asJson) {
        const QJsonObject object{
            {QStringLiteral("joined"), joined},
            {QStringLiteral("mode"), modeName(config.mode)},
            {QStringLiteral("hub"), textOrNull(hub)},
            {QStringLiteral("hubs"), QJsonArray::fromStringList(hubs)},
            {QStringLiteral("tls"), config.mode == SyncMode::Join && config.tls},
            {QStringLiteral("fingerprint"),
             textOrNull(syncconfig::formatFingerprint(config.fingerprint))},
            {QStringLiteral("tokenFile"), textOrNull(config.tokenFile)},
            {QStringLiteral("org"),
             joined ? QJsonValue(QJsonObject{{QStringLiteral("id"), org.id},
                                             {QStringLiteral("name"), org.name}})
                    : QJsonValue()},
            {QStringLiteral("appRunning"), m_inApp},
            {QStringLiteral("state"), textOrNull(live.state)},
            {QStringLiteral("error"), textOrNull(live.error)},
            {QStringLiteral("outbox"), pending},
            {QStringLiteral("lastSync"), isoOrNull(last)},
            {QStringLiteral("conflicts"), conflicts}};
        return {0, json(object), {}};
    }
    CommandOutput out;
    if (!joined)
        out.out += tr("Sync is off.\n");
    else if (config.mode == SyncMode::Host)
        out.out +=
            tr("This machine runs the hub (port %1) for %2.\n").arg(config.port).arg(org.name);
    else
        out.out += tr("Joined the hub at %1 for %2%3.\n")
                       .arg(hub, org.name, config.tls ? QString() : tr(" (plain text, insecure)"));
    if (hubs.size() > 1)
        out.out +=
            tr("Hubs of this database, tried in turn: %1.\n").arg(hubs.join(QStringLiteral(", ")));
    if (m_inApp)
        out.out += live.error.isEmpty()
                       ? tr("The desktop app's connection: %1.\n").arg(live.state)
                       : tr("The desktop app's connection: %1 (%2).\n").arg(live.state, live.error);
    else if (joined)
        out.out += tr("The desktop app is not running: \"studiotimer sync now\" syncs.\n");
    out.out += tr("%n change(s) waiting to be sent.\n", nullptr, pending);
    out.out += last ? tr("Last synced %1.\n")
                          .arg(QDateTime::fromMSecsSinceEpoch(*last).toString(
                              QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                    : tr("Never synced.\n");
    out.out += conflicts == 0 ? tr("No conflicts: the hub took every change.\n")
                              : tr("%n conflict(s): \"studiotimer sync conflicts\" lists them.\n",
                                   nullptr, conflicts);
    return out;
}

QJsonObject CommandLine::conflictJson(const SyncConflict &c)
{
    // One place for a refused change's fields: `sync conflicts` prints these (text and --json).
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("at"), isoOrNull(c.at)},
            {QStringLiteral("event"), protocol::eventName(c.event)},
            {QStringLiteral("entryId"), textOrNull(c.entryId)},
            {QStringLiteral("code"), errorCodeName(c.code)},
            {QStringLiteral("message"), c.message},
            {QStringLiteral("seen"), c.seen},
            {QStringLiteral("request"), c.payload}};
}

CommandOutput CommandLine::syncConflicts(bool asJson)
{
    SystemClock clock;
    const QList<SyncConflict> list = Outbox(m_service.database(), clock).conflicts();
    if (asJson) {
        QJsonArray array;
        for (const SyncConflict &c : list)
            array.append(conflictJson(c));
        return {0, json(array), {}};
    }
    if (list.isEmpty())
        return {0, tr("No conflicts: the hub took every change.\n"), {}};
    CommandOutput out;
    for (const SyncConflict &c : list) {
        const QJsonObject j = conflictJson(c);
        out.out +=
            QStringList{
                QDateTime::fromMSecsSinceEpoch(c.at).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                j.value(QStringLiteral("event")).toString(),
                c.entryId.isEmpty() ? QStringLiteral("-") : c.entryId.left(8), c.message}
                .join(QStringLiteral("  ")) +
            QLatin1Char('\n');
    }
    return out;
}

CommandOutput CommandLine::syncNow()
{
    const Database &db = m_service.database();
    const SyncConfig config = syncconfig::load(db);
    if (config.mode == SyncMode::Off)
        return fail(
            Error::invalid(tr("Sync is off: join a hub first (\"studiotimer sync join\").")));
    if (m_inApp) // forwarded::syncNow waits for the app's connection instead
        return fail(Error::invalid(tr("The desktop app syncs this data folder by itself.")));
    if (config.mode == SyncMode::Host)
        return fail(Error::invalid(
            tr("This machine runs the hub: start the desktop app, which syncs as it runs it.")));
    SystemClock clock;
    auto profile = profile::ensure(db, clock);
    if (!profile)
        return fail(profile.error());
    SyncSettings settings{
        hubUrl(config.host, config.port, config.tls), {}, profile->deviceId, profile->deviceName};
    settings.pinnedSha256 = config.fingerprint; // one certificate for every hub of the database
    for (const HubEndpoint &more : config.moreHubs)
        settings.moreUrls.append(hubUrl(more.host, more.port, config.tls));
    QObject owner;
    if (!config.tokenFile.isEmpty()) {
        auto token = syncconfig::readTokenFile(config.tokenFile);
        if (!token)
            return fail(token.error());
        settings.token = *token;
    } else {
        CredentialStore *store = openKeychain(owner);
        const Result<QString> token =
            waitFor<Result<QString>>([&](auto done) { store->read(tokenKey(db), &owner, done); });
        if (!token)
            return fail(Error::invalid(tr("No token for this hub in the keychain (%1): join again "
                                          "with \"studiotimer sync join\".")
                                           .arg(token.error().message)));
        settings.token = *token;
    }

    ClockOffset offset;
    Outbox outbox(db, clock);
    outbox.attach(m_service);
    SyncClient client(db, m_service, outbox, offset, clock);
    client.setBackoff(250, 2000);
    QEventLoop loop;
    std::optional<CommandOutput> result;
    bool reached = false;
    const auto finish = [&](CommandOutput out) {
        if (!result)
            result = std::move(out);
        loop.quit();
    };
    QTimer reach;
    reach.setSingleShot(true);
    QObject::connect(&reach, &QTimer::timeout, &owner, [&] {
        if (!reached)
            finish(fail(
                Error::invalid(tr("Cannot reach the hub at %1 within 10 s: %2")
                                   .arg(syncconfig::hubUrlTexts(config).join(QStringLiteral(", ")),
                                        client.errorMessage()))));
    });
    QObject::connect(&client, &SyncClient::stateChanged, &owner, [&](SyncState state) {
        if (state == SyncState::Syncing || state == SyncState::Connected)
            reached = true;
        else if (state == SyncState::Unauthorized)
            finish(fail(Error::invalid(client.errorMessage())));
        else if (state == SyncState::Offline && reached)
            finish(fail(Error::invalid(tr("The connection to the hub dropped (%1); %n change(s) "
                                          "still wait.",
                                          nullptr, client.pendingCount())
                                           .arg(client.errorMessage()))));
    });
    QObject::connect(&client, &SyncClient::caughtUp, &owner, [&] {
        (void)syncconfig::setLastSynced(db, clock.nowMs());
        finish({0,
                tr("Synced with %1: everything is sent and received.\n")
                    .arg(urlText(client.currentUrl())),
                {}});
    });
    reach.start(kReachTimeoutMs);
    client.start(settings);
    if (!result)
        loop.exec();
    client.stop();
    return *result;
}

} // namespace st
