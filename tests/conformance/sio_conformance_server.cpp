// sio_conformance_server: the reference set-up of the official socket.io-protocol test suite
// (https://github.com/socketio/socket.io-protocol, folder test-suite) on the hub's own Socket.IO
// server classes (core/sync/server), so the suite checks the transport the hub runs on:
// no auth, namespaces "/" and "/custom", "message" echoed as "message-back", "message-with-ack"
// acknowledged with its own arguments (binary attachments included), and an "auth" event with
// the CONNECT payload after each CONNECT. A test program, not part of the product.
//
//   sio_conformance_server [--port 3000] [--bind 127.0.0.1]
// Prints "sio_conformance_server: listening on port N" on stderr once it listens (--port 0 picks
// a free port). See docs/PERFORMANCE-sync.md ("Protocol conformance") for running the suite.

#include "sync/server/SioServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

namespace {

using namespace st;

class ConformanceServer final : private SioHandler
{
public:
    explicit ConformanceServer(SioServerOptions options)
        : m_server(std::move(options), static_cast<SioHandler &>(*this))
    {}

    Result<void> listen() { return m_server.listen(QStringLiteral("sio_conformance_server")); }
    quint16 port() const { return m_server.port(); }

private:
    void connectRequested(SioConnectionId id, const QString &nsp, const QJsonValue &auth) override
    {
        m_server.accept(id, nsp, {{QStringLiteral("sid"), sio::newSid()}});
        // The suite reads the answer and the "auth" event as two messages with an await between
        // them: sent in one TCP segment, the second would fire before its listener exists.
        const sio::Packet event = sio::Packet::event(
            QStringLiteral("auth"), {auth.isObject() ? auth : QJsonObject{}}, {}, nsp);
        QTimer::singleShot(20, &m_server, [this, id, event] { m_server.send(id, event); });
    }

    void eventReceived(SioConnectionId id, const sio::Packet &p,
                       const QList<QByteArray> &attachments) override
    {
        const QString name = p.eventName();
        sio::Packet out;
        if (name == QLatin1String("message")) {
            out = sio::Packet::event(QStringLiteral("message-back"), p.eventArgs(), {}, p.nsp);
            if (p.isBinary())
                out.type = sio::PacketType::BinaryEvent;
        } else if (name == QLatin1String("message-with-ack") && p.ackId) {
            out = sio::Packet::ack(*p.ackId, p.eventArgs(), p.nsp);
            if (p.isBinary())
                out.type = sio::PacketType::BinaryAck;
        } else {
            return;
        }
        out.attachments = p.isBinary() ? p.attachments : 0;
        m_server.send(id, out, out.isBinary() ? attachments : QList<QByteArray>{});
    }

    void namespaceLeft(SioConnectionId, const QString &) override {}
    void connectionClosing(SioConnectionId) override {}
    void connectionClosed(SioConnectionId) override {}

    SioServer m_server;
};

int fail(const QString &message)
{
    std::fprintf(stderr, "sio_conformance_server: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The reference set-up of the socket.io-protocol test suite on Studio Timer's server."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port (3000)."),
                                        QStringLiteral("PORT"), QStringLiteral("3000"));
    const QCommandLineOption bindOption(QStringLiteral("bind"),
                                        QStringLiteral("Address (127.0.0.1)."),
                                        QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    parser.addOptions({portOption, bindOption});
    parser.process(app);

    SioServerOptions options;
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(QStringLiteral("--port needs a number from 0 to 65535."));
    options.port = quint16(port);
    if (!options.bind.setAddress(parser.value(bindOption)))
        return fail(QStringLiteral("--bind needs an IP address."));
    // The timings the suite expects (its heartbeat and connect-timeout cases wait for them).
    options.pingInterval = 300;
    options.pingTimeout = 200;
    options.maxPayload = 1000000;
    options.connectTimeout = 1000;
    options.ratePerSecond = 0;
    options.namespaces = {QStringLiteral("/"), QStringLiteral("/custom")};

    ConformanceServer server(options);
    if (auto r = server.listen(); !r)
        return fail(r.error().message);
    std::fprintf(stderr, "sio_conformance_server: listening on port %u\n", unsigned(server.port()));
    std::fflush(stderr);
    return QCoreApplication::exec();
}
