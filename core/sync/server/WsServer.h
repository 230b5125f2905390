#pragma once

#include "sync/server/WsConnection.h"

#include <QSslConfiguration>
#include <QTcpServer>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

namespace st {

// Listens for WebSocket connections (ws://, or wss:// through QSslSocket with the given
// configuration) and runs their opening handshakes; a connection whose handshake succeeded is
// handed on, the others are answered with an HTTP error or time out here.
class WsServer final : public QTcpServer
{
public:
    WsServer(std::optional<QSslConfiguration> tls, int handshakeTimeoutMs,
             QObject *parent = nullptr);
    ~WsServer() override;

    // Decides on a handshake's request target (path and query); unset: any target.
    std::function<bool(const QByteArray &target)> acceptTarget;
    // A connection that was answered 101 (it is the receiver's now).
    std::function<void(std::unique_ptr<WsConnection>)> onConnection;

    // Ends every handshake still under way.
    void abortHandshakes();

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void release(WsConnection *connection, bool opened);

    std::optional<QSslConfiguration> m_tls;
    int m_handshakeTimeoutMs;
    WsPass m_pass; // every connection's writes and turns, once the loop is back
    std::unordered_map<WsConnection *, std::unique_ptr<WsConnection>> m_handshaking;
};

} // namespace st
