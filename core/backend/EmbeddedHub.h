#pragma once

#include "domain/Clock.h"
#include "domain/Error.h"

#include <QObject>
#include <QThread>

#include <functional>

namespace st {

// The hub this machine runs in Host mode, on a thread of its own with its own database (with
// Options::tls, serving wss:// with its own certificate, sync/SelfSignedCertificate), and the LAN
// announcer beside it: other desks' requests never wait behind this desk's store, and this
// desk's timer never waits behind them. This object stays on the caller's thread; answers come
// back there (and are dropped once it is gone).
class EmbeddedHub final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        quint16 port = 0; // 0: any free port
        QString dataDir;  // where hub.sqlite lives
        QString orgName;  // the organisation made the first time the hub runs
        QString deviceName;
        QString ownToken; // this machine's token, kept if the hub still admits it
        // Serve wss:// with the hub's own certificate (made in dataDir the first time); the app
        // always does (SyncSession).
        bool tls = false;
    };
    struct Started
    {
        quint16 port = 0;
        QString ownToken;       // the token this machine's client connects with
        QString invite;         // a first invite token for another desk
        QByteArray fingerprint; // SHA-256 of the hub's own certificate (wss://)
    };

    explicit EmbeddedHub(const Clock &clock, QObject *parent = nullptr);
    ~EmbeddedHub() override; // closes the hub and joins its thread

    // Opens the database, listens and announces; done(result) on this object's thread.
    void start(const Options &options, std::function<void(Result<Started>)> done);
    // One more invite token (empty if the hub is not running); done(result) on this thread.
    void issueInvite(std::function<void(Result<QString>)> done);

private:
    class Host;
    template <typename T> void onHost(std::function<T(Host &)> job, std::function<void(T)> done);

    QThread m_thread;
    Host *m_host = nullptr; // lives in m_thread, deleted when it finishes
};

} // namespace st
