#pragma once

#include "domain/Error.h"
#include "store/Database.h"

#include <QByteArray>
#include <QSslConfiguration>
#include <QString>

// A hub's own TLS identity (docs/SECURITY-tls.md): Qt cannot make certificates, so the first run
// makes an EC P-256 key and a self-signed certificate (ten years) with OpenSSL's libcrypto in the
// hub's data folder, and later runs reuse them. Desks pin the certificate's SHA-256 fingerprint
// (printed by `studiotimer-hub org create|invite`, carried by the app's invite code, announced
// by discovery), so no CA and no host name are involved.
namespace st::selfsigned {

inline constexpr auto kCertFile = "hub-cert.pem";
inline constexpr auto kKeyFile = "hub-key.pem"; // 0600

struct Identity
{
    QSslConfiguration tls; // for HubOptions::tls
    QByteArray sha256;     // the certificate's fingerprint (32 bytes)
};

// Loads dataDir's certificate and key, making them first when either is missing.
Result<Identity> ensure(const QString &dataDir);
// The same identity kept in the hub's database (meta kCertMeta and kKeyMeta), for hubs on
// PostgreSQL: every hub sharing the database serves the same certificate, so desks pin one
// fingerprint for all of them. The first hub makes it (under a lock), the others read it.
// Without one in the database, dataDir's files are taken when they exist (a hub moved from
// SQLite keeps its fingerprint).
inline constexpr auto kCertMeta = "hub.tls.certificate";
inline constexpr auto kKeyMeta = "hub.tls.key";
Result<Identity> ensureIn(const Database &db, const QString &dataDir);
// The SHA-256 of a server configuration's certificate (empty without one).
QByteArray fingerprint(const QSslConfiguration &tls);

} // namespace st::selfsigned
