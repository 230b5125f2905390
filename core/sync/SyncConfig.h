#pragma once

#include "domain/Clock.h"
#include "domain/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace st {

class Database;

// How this machine takes part in LAN sync (Settings → Sync, `studiotimer sync`).
enum class SyncMode
{
    Off,
    Join, // connect to a hub elsewhere with an invite token
    Host, // run the hub here; this machine's own client connects to it over loopback
};

// One hub a desk joins: its host name or address and its port.
struct HubEndpoint
{
    QString host;
    quint16 port = 7345;
    bool operator==(const HubEndpoint &) const = default;
};

// The sync settings kept in the database's meta table, one store for the app's Sync settings and
// the `studiotimer sync` commands (the token never is: it is in the credential store, or in the
// token file named here, read on every run).
struct SyncConfig
{
    SyncMode mode = SyncMode::Off;
    QString host;        // Join: the hub's address
    quint16 port = 7345; // Join: the hub's port; Host: the port to listen on
    // Join: wss:// (TLS) or ws:// (plain text, an explicit choice). Settings saved before TLS
    // existed read as plain, as they were made.
    bool tls = false;
    // Join: the SHA-256 of the hub's certificate (32 bytes); pinned, it replaces the CA and host
    // name checks. Empty: the certificate must be valid for the host name (a real certificate).
    QByteArray fingerprint{};
    // Join: an absolute path; the token is read from this 0600 file on every run instead of the
    // credential store. Empty: the credential store.
    QString tokenFile{};
    // Join: more hubs on the same database (docs/SCALING.md), tried in this order after
    // host:port when a hub cannot be reached or drops; same scheme, token and fingerprint.
    QList<HubEndpoint> moreHubs{};
    bool operator==(const SyncConfig &) const = default;
};

namespace syncconfig {
SyncConfig load(const Database &db);
Result<void> save(const Database &db, const SyncConfig &config);
// "host", "host:port" or "[v6]:port"; the port defaults to defaultPort. Malformed: invalid.
Result<std::pair<QString, quint16>> parseAddress(const QString &text, quint16 defaultPort = 7345);
// Several of those, separated by commas (the Sync settings' address field), in order, without
// repeats; one malformed: invalid.
Result<QList<HubEndpoint>> parseAddresses(const QString &text);
// "host", "host:port" or "[v6]:port" (the port only when not 7345): what parseAddress reads back.
QString addressText(const HubEndpoint &hub);
// Join: every hub, in the order they are tried (host:port first, then moreHubs).
QList<HubEndpoint> hubs(const SyncConfig &config);
// Join: config's hubs become the given list (the first is host:port); the list is not empty.
void setHubs(SyncConfig &config, const QList<HubEndpoint> &list);

// A hub as `sync join` takes it: wss://host[:port], ws://host[:port] (plain text, by choice), or
// host[:port] (wss). A path after the address is ignored (a pasted .../socket.io/ URL works).
struct HubAddress
{
    QString host;
    quint16 port = 7345;
    bool tls = true;
    bool operator==(const HubAddress &) const = default;
};
Result<HubAddress> parseHubUrl(const QString &text);
// URL[,URL…]: several hubs on one database, in order, without repeats. They share one scheme (one
// token and one pinned certificate cover them all): a mix of ws:// and wss:// is invalid.
Result<QList<HubAddress>> parseHubUrls(const QString &text);
// "wss://host:port" or "ws://host:port", as the user gave it: the first hub, or the given one.
QString hubUrlText(const SyncConfig &config);
QString hubUrlText(const SyncConfig &config, const HubEndpoint &hub);
// Every hub's, in order.
QStringList hubUrlTexts(const SyncConfig &config);

// A device token as the hub issues it (non-empty, no spaces).
Result<QString> checkToken(const QString &text);
// The app's invite code: the token, then "#" and the hub's certificate fingerprint (64 hex
// digits) when the hub serves wss:// with its own certificate. A plain token is an invite too.
struct Invite
{
    QString token;
    QByteArray fingerprint; // empty: none in the code
};
QString inviteCode(const QString &token, const QByteArray &sha256);
Result<Invite> parseInvite(const QString &text);
// The token of a --token-file: the file must be readable by its owner only (0600 or 0400),
// since anyone who reads it can act as this desk; its first line is the token.
Result<QString> readTokenFile(const QString &path);

// A SHA-256 fingerprint as typed: 64 hex digits, any case, colons or spaces between them
// optional. Returns the 32 bytes.
Result<QByteArray> parseFingerprint(const QString &text);
// "AB:CD:…" (upper case, colons), as the hub prints it.
QString formatFingerprint(const QByteArray &sha256);

// When this desk last caught up with the hub (local clock), kept by whoever synced: the app's
// session or `sync now`.
std::optional<Ms> lastSynced(const Database &db);
Result<void> setLastSynced(const Database &db, Ms at);
// The running desktop app's connection state ("connected", "offline", ...: syncStateName), the
// hub it uses and its last error, kept for `sync status` and `sync now` handed to the app. Only
// meaningful while the app runs.
struct LiveState
{
    QString state;
    QString error;
    QString hub{}; // the hub in use or being tried ("wss://host:port"); empty: none
};
LiveState liveState(const Database &db);
Result<void> setLiveState(const Database &db, const LiveState &live);
} // namespace syncconfig

} // namespace st
