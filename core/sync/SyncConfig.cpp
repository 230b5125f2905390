#include "SyncConfig.h"

#include "store/Database.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>

namespace st {

namespace {

const QString kMode = QStringLiteral("sync.mode");
const QString kHost = QStringLiteral("sync.host");
const QString kPort = QStringLiteral("sync.port");
const QString kTls = QStringLiteral("sync.tls");
const QString kFingerprint = QStringLiteral("sync.fingerprint");
const QString kTokenFile = QStringLiteral("sync.token_file");
const QString kMoreHubs = QStringLiteral("sync.more_hubs"); // "host:port,host:port" after sync.host
const QString kLastSynced = QStringLiteral("sync.last_synced_ms");
const QString kLiveState = QStringLiteral("sync.live_state");
const QString kLiveError = QStringLiteral("sync.live_error");
const QString kLiveHub = QStringLiteral("sync.live_hub");

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::SyncSession)
};

// A list of hubs: each part between commas read by parse, in order, repeats left out; the first
// part that does not read stops it. A comma at the end says nothing more ("a,b," reads as "a,b").
template <typename T, typename Parse> Result<QList<T>> parseList(const QString &text, Parse parse)
{
    QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() > 1 && parts.constLast().trimmed().isEmpty())
        parts.removeLast();
    QList<T> list;
    for (const QString &part : std::as_const(parts)) {
        Result<T> one = parse(part);
        if (!one)
            return one.error();
        if (!list.contains(*one))
            list.append(*one);
    }
    return list;
}

QString modeName(SyncMode mode)
{
    switch (mode) {
    case SyncMode::Join:
        return QStringLiteral("join");
    case SyncMode::Host:
        return QStringLiteral("host");
    case SyncMode::Off:
        break;
    }
    return QStringLiteral("off");
}

} // namespace

namespace syncconfig {

SyncConfig load(const Database &db)
{
    SyncConfig c;
    const QString mode = db.meta(kMode);
    if (mode == QLatin1String("join"))
        c.mode = SyncMode::Join;
    else if (mode == QLatin1String("host"))
        c.mode = SyncMode::Host;
    c.host = db.meta(kHost);
    bool ok = false;
    const uint port = db.meta(kPort).toUInt(&ok);
    if (ok && port > 0 && port <= 65535)
        c.port = quint16(port);
    // Saved before TLS existed: those desks joined in plain text, and keep doing so.
    c.tls = db.meta(kTls) == QLatin1String("1");
    c.fingerprint = QByteArray::fromHex(db.meta(kFingerprint).toLatin1());
    if (c.fingerprint.size() != 32)
        c.fingerprint.clear();
    c.tokenFile = db.meta(kTokenFile);
    // Written by this code only; an address that does not read back is left out.
    for (const QString &address : db.meta(kMoreHubs).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const auto hub = parseAddress(address))
            c.moreHubs.append({hub->first, hub->second});
    }
    return c;
}

Result<void> save(const Database &db, const SyncConfig &config)
{
    Transaction tx(db);
    if (!tx.isActive())
        return tx.error();
    for (const auto &[key, value] :
         {std::pair{kMode, modeName(config.mode)},
          {kHost, config.host.isEmpty() ? QStringLiteral("") : config.host},
          {kPort, QString::number(config.port)},
          {kTls, config.tls ? QStringLiteral("1") : QStringLiteral("0")},
          {kFingerprint, QString::fromLatin1(config.fingerprint.toHex())},
          {kTokenFile, config.tokenFile},
          {kMoreHubs, [&] {
               QStringList more;
               for (const HubEndpoint &hub : config.moreHubs)
                   more.append(addressText(hub));
               return more.join(QLatin1Char(','));
           }()}}) {
        // The meta table's values are NOT NULL: an empty value is stored as "".
        if (auto r = db.setMeta(key, value.isNull() ? QStringLiteral("") : value); !r)
            return r;
    }
    return tx.commit();
}

Result<std::pair<QString, quint16>> parseAddress(const QString &text, quint16 defaultPort)
{
    const QString trimmed = text.trimmed();
    const auto malformed = [&] {
        return Error::invalid(
            Tr::tr("\"%1\" is not a hub address: write a host name or IP address, optionally "
                   "followed by :port (for example 192.168.1.20:7345).")
                .arg(text));
    };
    if (trimmed.isEmpty())
        return Error::invalid(Tr::tr("Enter the hub's address (for example 192.168.1.20:7345)."));
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setAuthority(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() ||
        trimmed.contains(QLatin1Char('/')) || trimmed.contains(QLatin1Char(' ')))
        return malformed();
    const bool hasPort =
        trimmed.lastIndexOf(QLatin1Char(':')) > trimmed.lastIndexOf(QLatin1Char(']'));
    const int port = url.port(defaultPort);
    if (hasPort && (port <= 0 || url.port() <= 0))
        return malformed();
    if (port <= 0 || port > 65535)
        return malformed();
    return std::pair{url.host(), quint16(port)};
}

Result<QList<HubEndpoint>> parseAddresses(const QString &text)
{
    return parseList<HubEndpoint>(text, [](const QString &part) -> Result<HubEndpoint> {
        auto address = parseAddress(part);
        if (!address)
            return address.error();
        return HubEndpoint{address->first, address->second};
    });
}

QString addressText(const HubEndpoint &hub)
{
    const QString host =
        hub.host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(hub.host) : hub.host;
    return hub.port == 7345 ? host : QStringLiteral("%1:%2").arg(host).arg(hub.port);
}

QList<HubEndpoint> hubs(const SyncConfig &config)
{
    return QList<HubEndpoint>{{config.host, config.port}} + config.moreHubs;
}

void setHubs(SyncConfig &config, const QList<HubEndpoint> &list)
{
    Q_ASSERT(!list.isEmpty());
    config.host = list.first().host;
    config.port = list.first().port;
    config.moreHubs = list.mid(1);
}

Result<QString> checkToken(const QString &text)
{
    const QString token = text.trimmed();
    if (token.isEmpty())
        return Error::invalid(Tr::tr("Enter the invite token given by the hub."));
    for (const QChar c : token) {
        if (c.isSpace() || !c.isPrint())
            return Error::invalid(Tr::tr("An invite token has no spaces: copy it again."));
    }
    return token;
}

Result<HubAddress> parseHubUrl(const QString &text)
{
    QString rest = text.trimmed();
    HubAddress hub;
    const auto scheme = [&](const char *prefix) {
        if (!rest.startsWith(QLatin1String(prefix), Qt::CaseInsensitive))
            return false;
        rest = rest.mid(qsizetype(qstrlen(prefix)));
        return true;
    };
    if (scheme("ws://"))
        hub.tls = false;
    else if (!scheme("wss://") && rest.contains(QLatin1String("://")))
        return Error::invalid(
            Tr::tr("\"%1\" is not a hub address: it starts with wss:// (or ws:// for plain text).")
                .arg(text));
    if (const qsizetype slash = rest.indexOf(QLatin1Char('/')); slash >= 0)
        rest.truncate(slash);
    auto address = parseAddress(rest);
    if (!address)
        return address.error();
    hub.host = address->first;
    hub.port = address->second;
    return hub;
}

Result<QList<HubAddress>> parseHubUrls(const QString &text)
{
    auto list = parseList<HubAddress>(text, [](const QString &part) { return parseHubUrl(part); });
    if (list && std::any_of(list->cbegin(), list->cend(),
                            [&](const HubAddress &hub) { return hub.tls != list->first().tls; }))
        return Error::invalid(
            Tr::tr("\"%1\": the hubs of one database are all wss:// or all ws://, not both.")
                .arg(text));
    return list;
}

QString hubUrlText(const SyncConfig &config, const HubEndpoint &hub)
{
    QUrl url;
    url.setScheme(config.tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(hub.host);
    url.setPort(hub.port);
    return url.toString();
}

QString hubUrlText(const SyncConfig &config)
{
    return hubUrlText(config, {config.host, config.port});
}

QStringList hubUrlTexts(const SyncConfig &config)
{
    QStringList texts;
    for (const HubEndpoint &hub : hubs(config))
        texts.append(hubUrlText(config, hub));
    return texts;
}

QString inviteCode(const QString &token, const QByteArray &sha256)
{
    return sha256.isEmpty()
               ? token
               : token + QLatin1Char('#') + QString::fromLatin1(sha256.toHex().toUpper());
}

Result<Invite> parseInvite(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype hash = trimmed.indexOf(QLatin1Char('#'));
    auto token = checkToken(hash < 0 ? trimmed : trimmed.left(hash));
    if (!token)
        return token.error();
    Invite invite{*token, {}};
    if (hash >= 0) {
        auto pin = parseFingerprint(trimmed.mid(hash + 1));
        if (!pin)
            return Error::invalid(Tr::tr("The invite code is cut short: copy all of it again."));
        invite.fingerprint = *pin;
    }
    return invite;
}

Result<QString> readTokenFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return Error::notFound(Tr::tr("The token file %1 does not exist.").arg(path));
    constexpr auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (info.permissions() & others)
        return Error::invalid(Tr::tr("The token file %1 can be read by other users: anyone who "
                                     "reads it can sync as this desk. Run: chmod 600 %1")
                                  .arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(
            Tr::tr("Cannot read the token file %1: %2").arg(path, file.errorString()));
    const QString firstLine =
        QString::fromUtf8(file.read(4096)).section(QLatin1Char('\n'), 0, 0).trimmed();
    auto token = checkToken(firstLine);
    if (!token)
        return Error::invalid(
            Tr::tr("The token file %1 holds no token: %2").arg(path, token.error().message));
    return token;
}

Result<QByteArray> parseFingerprint(const QString &text)
{
    QString hex = text.trimmed();
    hex.remove(QLatin1Char(':'));
    hex.remove(QLatin1Char(' '));
    bool allHex = hex.size() == 64;
    for (const QChar c : hex)
        allHex = allHex && QStringLiteral("0123456789abcdefABCDEF").contains(c);
    if (!allHex)
        return Error::invalid(Tr::tr("\"%1\" is not a certificate fingerprint: it has 64 "
                                     "hexadecimal digits (SHA-256), colons optional, as "
                                     "\"studiotimer-hub org invite\" prints it.")
                                  .arg(text));
    return QByteArray::fromHex(hex.toLatin1());
}

QString formatFingerprint(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

std::optional<Ms> lastSynced(const Database &db)
{
    bool ok = false;
    const Ms at = db.meta(kLastSynced).toLongLong(&ok);
    return ok && at > 0 ? std::optional<Ms>(at) : std::nullopt;
}

Result<void> setLastSynced(const Database &db, Ms at)
{
    return db.setMeta(kLastSynced, QString::number(at));
}

LiveState liveState(const Database &db)
{
    return {db.meta(kLiveState), db.meta(kLiveError), db.meta(kLiveHub)};
}

Result<void> setLiveState(const Database &db, const LiveState &live)
{
    if (auto r = db.setMeta(kLiveState, live.state.isNull() ? QStringLiteral("") : live.state); !r)
        return r;
    if (auto r = db.setMeta(kLiveHub, live.hub.isNull() ? QStringLiteral("") : live.hub); !r)
        return r;
    return db.setMeta(kLiveError, live.error.isNull() ? QStringLiteral("") : live.error);
}

} // namespace syncconfig

} // namespace st
