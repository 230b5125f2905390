#pragma once

#include "domain/Error.h"

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
// The SHA-256 of a server configuration's certificate (empty without one).
QByteArray fingerprint(const QSslConfiguration &tls);

} // namespace st::selfsigned
