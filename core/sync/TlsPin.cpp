#include "TlsPin.h"

#include "SyncConfig.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSslCertificate>
#include <QWebSocket>

namespace st::tlspin {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::SyncClient)
};

QSslCertificate peerCertificate(const QWebSocket &socket)
{
    return socket.sslConfiguration().peerCertificate();
}

QByteArray digestOf(const QSslCertificate &certificate)
{
    return certificate.isNull() ? QByteArray() : certificate.digest(QCryptographicHash::Sha256);
}

} // namespace

QSslConfiguration configuration()
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return config;
}

bool acceptErrors(const QWebSocket &socket, const QList<QSslError> &errors, const QByteArray &pin)
{
    if (pin.isEmpty())
        return false;
    QByteArray seen = digestOf(peerCertificate(socket));
    for (const QSslError &error : errors) {
        if (seen.isEmpty())
            seen = digestOf(error.certificate());
    }
    return !seen.isEmpty() && seen == pin;
}

bool verified(const QWebSocket &socket, const QByteArray &pin)
{
    if (pin.isEmpty() || socket.requestUrl().scheme() != QLatin1String("wss"))
        return true;
    return digestOf(peerCertificate(socket)) == pin;
}

QString mismatchMessage(const QWebSocket &socket, const QString &authority, const QByteArray &pin)
{
    const QByteArray seen = digestOf(peerCertificate(socket));
    return Tr::tr("The hub at %1 showed a certificate with fingerprint %2, not the pinned %3. "
                  "Check that this is the hub's address and that the fingerprint is the one "
                  "\"studiotimer-hub org invite\" printed (a hub that made a new certificate has "
                  "a new fingerprint). If both are right, someone may be intercepting the "
                  "connection: nothing was sent.")
        .arg(authority, seen.isEmpty() ? Tr::tr("(none)") : syncconfig::formatFingerprint(seen),
             syncconfig::formatFingerprint(pin));
}

} // namespace st::tlspin
