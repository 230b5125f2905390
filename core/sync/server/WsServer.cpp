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
    QTcpSocket *socket = nullptr;
    if (m_tls) {
        auto *ssl = new QSslSocket;
        ssl->setSslConfiguration(*m_tls);
        socket = ssl;
    } else {
        socket = new QTcpSocket;
    }
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        ssl->startServerEncryption();
    auto owned = std::make_unique<WsConnection>(socket, m_batch, m_handshakeTimeoutMs);
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
