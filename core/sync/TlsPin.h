#pragma once

#include <QByteArray>
#include <QList>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>

class QWebSocket;

namespace st::tlspin {

// How a desk checks the hub's certificate (docs/SECURITY-tls.md). With a pin (the SHA-256 of the
// hub's certificate, from the invite), the pin replaces the CA and host name checks: the handshake
// goes on only for that exact certificate, and nothing (not even the HTTP upgrade, let alone the
// token) is sent to another. Without a pin, a wss:// hub needs a certificate valid for its name.

// The TLS settings for a connection (the system's CAs; with a pin, errors are judged by
// acceptErrors() instead).
QSslConfiguration configuration();
// Called from QWebSocket::sslErrors: true (ignore them) only when pin is set and the peer's
// certificate is the pinned one.
bool acceptErrors(const QWebSocket &socket, const QList<QSslError> &errors, const QByteArray &pin);
// Whether the established connection's certificate is the pinned one (true without a pin, or on
// plain ws://). Checked again before the token is sent.
bool verified(const QWebSocket &socket, const QByteArray &pin);
// What to tell the user when the hub's certificate is not the pinned one.
QString mismatchMessage(const QWebSocket &socket, const QString &authority, const QByteArray &pin);

} // namespace st::tlspin
