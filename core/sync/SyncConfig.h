#pragma once

#include "domain/Error.h"

#include <QString>

#include <utility>

namespace st {

class Database;

// How this machine takes part in LAN sync (Settings → Sync).
enum class SyncMode
{
    Off,
    Join, // connect to a hub elsewhere with an invite token
    Host, // run the hub here; this machine's own client connects to it over loopback
};

// The sync settings kept in the database's meta table (the token never is: see SyncSession).
struct SyncConfig
{
    SyncMode mode = SyncMode::Off;
    QString host;        // Join: the hub's address
    quint16 port = 7345; // Join: the hub's port; Host: the port to listen on
    bool operator==(const SyncConfig &) const = default;
};

namespace syncconfig {
SyncConfig load(const Database &db);
Result<void> save(const Database &db, const SyncConfig &config);
// "host", "host:port" or "[v6]:port"; the port defaults to defaultPort. Malformed: invalid.
Result<std::pair<QString, quint16>> parseAddress(const QString &text, quint16 defaultPort = 7345);
// A device token as the hub issues it (non-empty, no spaces).
Result<QString> checkToken(const QString &text);
} // namespace syncconfig

} // namespace st
