#include "WsServer.h"

#include <QSslSocket>

namespace st {

WsServer::WsServer(std::optional<QSslConfiguration> tls, int handshakeTimeoutMs, QObject *parent)
    : QTcpServer(parent)
    , m_tls(std::move(tls))
    , m_handshakeTimeoutMs(handshakeTimeoutMs)
{}

WsServer::~WsServer()
{
    abortHandshakes();
}

void WsServer::abortHandshakes()
{
    auto handshaking = std::move(m_handshaking);
    m_handshaking.clear();
    for (auto &[raw, connection] : handshaking) {
        connection->onDisconnected = nullptr;
        connection->onOpen = nullptr;
        connection->abort();
    }
}

void WsServer::incomingConnection(qintptr socketDescriptor)
{
    std::unique_ptr<WsStream> stream;
    if (m_tls) {
        auto ssl = std::make_unique<QSslSocket>();
        ssl->setSslConfiguration(*m_tls);
        if (!ssl->setSocketDescriptor(socketDescriptor))
            return;
        ssl->startServerEncryption();
        stream = WsStream::tls(ssl.release());
    } else {
        stream = WsStream::plain(socketDescriptor);
    }
    auto owned = std::make_unique<WsConnection>(std::move(stream), m_pass, m_handshakeTimeoutMs);
    WsConnection *connection = owned.get();
    connection->acceptTarget = [this](const QByteArray &target) {
        return !acceptTarget || acceptTarget(target);
    };
    connection->onOpen = [this, connection] {
        release(connection, true);
    };
    connection->onDisconnected = [this, connection] {
        release(connection, false);
    };
    m_handshaking.emplace(connection, std::move(owned));
}

void WsServer::release(WsConnection *connection, bool opened)
{
    const auto it = m_handshaking.find(connection);
    if (it == m_handshaking.end())
        return;
    std::unique_ptr<WsConnection> owned = std::move(it->second);
    m_handshaking.erase(it);
    // The callbacks stay: one of them is running (the receiver sets its own).
    if (opened && onConnection) {
        onConnection(std::move(owned));
        return;
    }
    // Refused or gone: it may be on the stack below us (a signal of its socket).
    owned.release()->deleteLater();
}

} // namespace st
