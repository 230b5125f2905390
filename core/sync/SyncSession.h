#pragma once

#include "domain/Clock.h"
#include "domain/Error.h"
#include "secrets/CredentialStore.h"
#include "sync/ClockOffset.h"
#include "sync/Outbox.h"
#include "sync/SyncClient.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace st {

class AsyncTimerService;
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

// The desktop app's sync, wired as docs/SYNC_CLIENT.md says: the Outbox, the SyncClient (and,
// when this machine runs the hub, the Hub and the LAN announcer) live on the store's worker
// thread beside the AsyncTimerService's TimerService. This object stays on the UI thread and
// mirrors what they report (state, pending count, conflicts, other machines' running timers,
// remote activity). The device token is only kept in the credential store.
class SyncSession final : public QObject
{
    Q_OBJECT
public:
    // offset: the one the TimerService's HubClock reads. hubDataDir: where an embedded hub keeps
    // its own database.
    SyncSession(AsyncTimerService &service, ClockOffset &offset, const Clock &localClock,
                QString hubDataDir, QObject *parent = nullptr);
    ~SyncSession() override;

    // Where tokens go, under key (one per data folder: two desks may share a keychain); without
    // a store, tokens are kept for this run only.
    void setCredentialStore(CredentialStore *store, const QString &key)
    {
        m_credentials = store;
        m_tokenKey = key;
    }
    CredentialStore *credentialStore() const { return m_credentials; }

    // Reads the saved settings and starts accordingly (the token from the credential store).
    void restore();
    // Saves config and (re)starts. token: a new invite token to join with (empty: the stored
    // one). Refuses a malformed address or, when joining for the first time, an empty token.
    Result<void> configure(const SyncConfig &config, const QString &token = {});
    // Host mode: asks the hub for one more invite token (inviteTokenChanged).
    void issueInvite();
    void markConflictsSeen();

    SyncConfig config() const { return m_config; }
    SyncState state() const { return m_state; }
    QString errorMessage() const { return m_error; }
    int pendingCount() const { return m_pending; }
    int unseenConflictCount() const { return m_unseen; }
    QList<SyncConflict> conflicts() const { return m_conflicts; }
    QList<RemoteTimer> remoteTimers() const { return m_remoteTimers; }
    QString inviteToken() const { return m_invite; }
    quint16 hubPort() const { return m_hubPort; }
    // Blocks until the worker has run everything posted so far (tests, shutdown).
    void waitForIdle();

Q_SIGNALS:
    void configChanged();
    void stateChanged(st::SyncState state);
    void pendingCountChanged(int count);
    void conflictsChanged(int unseen);
    void remoteActivity(const st::RemoteActivity &activity);
    void remoteTimersChanged();
    void inviteTokenChanged(const QString &token);

private:
    class Engine;
    friend class Engine;
    void startEngine(const QString &token);
    void stopEngine();
    void onEngine(std::function<void(Engine &)> job);
    void setState(SyncState state, const QString &error);

    AsyncTimerService &m_service;
    ClockOffset &m_offset;
    const Clock &m_localClock;
    QString m_hubDataDir;
    QPointer<CredentialStore> m_credentials;
    QString m_tokenKey;
    std::shared_ptr<Engine *> m_slot; // the engine, on the worker thread (touched only there)
    int m_generation = 0;             // reports of an engine that was stopped are ignored

    SyncConfig m_config;
    SyncState m_state = SyncState::Off;
    QString m_error;
    int m_pending = 0;
    int m_unseen = 0;
    QList<SyncConflict> m_conflicts;
    QList<RemoteTimer> m_remoteTimers;
    QString m_invite;
    quint16 m_hubPort = 0;
};

} // namespace st
