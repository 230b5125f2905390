#pragma once

#include "domain/Clock.h"
#include "domain/Error.h"
#include "secrets/CredentialStore.h"
#include "sync/ClockOffset.h"
#include "sync/Outbox.h"
#include "sync/SyncClient.h"
#include "sync/SyncConfig.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace st {

class Backend;
class EmbeddedHub;

// The desktop app's sync, wired as docs/SYNC_CLIENT.md says: the Outbox and the SyncClient live
// on the backend's writer thread beside its TimerService (they write); when this machine runs the
// hub, the Hub (with its own database) and the LAN announcer run on a thread of their own
// (EmbeddedHub). This object stays on the UI thread and mirrors what they report (state, pending
// count, conflicts, other machines' running timers, remote activity). The device token is only kept
// in the credential store.
class SyncSession final : public QObject
{
    Q_OBJECT
public:
    // offset: the one the TimerService's HubClock reads. hubDataDir: where an embedded hub keeps
    // its own database.
    SyncSession(Backend &backend, ClockOffset &offset, const Clock &localClock, QString hubDataDir,
                QObject *parent = nullptr);
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
    // "Re-apply mine": makes a refused change again on the entry as it stands now
    // (conflictReapplied says how it went).
    void reapplyConflict(const QString &conflictId);

    SyncConfig config() const { return m_config; }
    SyncState state() const { return m_state; }
    QString errorMessage() const { return m_error; }
    // The hub the client uses or is trying ("wss://host:port"): with several hubs of one
    // database, the one it moved to. Empty while sync is off.
    QString hubInUse() const { return m_hubInUse; }
    int pendingCount() const { return m_pending; }
    int unseenConflictCount() const { return m_unseen; }
    QList<SyncConflict> conflicts() const { return m_conflicts; }
    QList<RemoteTimer> remoteTimers() const { return m_remoteTimers; }
    // Host mode: the invite code for another desk (the token and the hub's certificate
    // fingerprint, syncconfig::inviteCode).
    QString inviteToken() const { return m_invite; }
    quint16 hubPort() const { return m_hubPort; }
    // Blocks until the backend's threads have run everything posted so far (tests, shutdown).
    void waitForIdle();

Q_SIGNALS:
    void configChanged();
    void stateChanged(st::SyncState state);
    void hubInUseChanged(const QString &url);
    void pendingCountChanged(int count);
    void conflictsChanged(int unseen);
    void remoteActivity(const st::RemoteActivity &activity);
    void remoteTimersChanged();
    void inviteTokenChanged(const QString &token);
    // error: empty when the change was made again and queued for the hub.
    void conflictReapplied(const QString &conflictId, const QString &error);

private:
    class Engine;
    friend class Engine;
    void startEngine(const QString &token);
    void startClient(const SyncSettings &settings);
    void stopEngine();
    void setInvite(const QString &invite);
    void onEngine(std::function<void(Engine &)> job);
    void setState(SyncState state, const QString &error);
    void setHubInUse(const QString &url);
    // For `studiotimer sync status` and `sync now` handed to this app (core/cli/SyncCommands).
    void writeLiveState();

    Backend &m_backend;
    ClockOffset &m_offset;
    const Clock &m_localClock;
    QString m_hubDataDir;
    QPointer<CredentialStore> m_credentials;
    QString m_tokenKey;
    std::shared_ptr<Engine *> m_slot;   // the engine, on the writer thread (touched only there)
    std::unique_ptr<EmbeddedHub> m_hub; // Host mode
    int m_generation = 0;               // reports of an engine that was stopped are ignored

    SyncConfig m_config;
    SyncState m_state = SyncState::Off;
    QString m_error;
    QString m_hubInUse;
    int m_pending = 0;
    int m_unseen = 0;
    QList<SyncConflict> m_conflicts;
    QList<RemoteTimer> m_remoteTimers;
    QString m_invite;
    quint16 m_hubPort = 0;
    QByteArray m_hubFingerprint; // Host mode: the SHA-256 of the embedded hub's certificate
};

} // namespace st
