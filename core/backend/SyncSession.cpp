#include "SyncSession.h"

#include "backend/Backend.h"
#include "backend/EmbeddedHub.h"
#include "secrets/CredentialStore.h"
#include "store/Database.h"
#include "sync/ConflictReapply.h"
#include "timer/Profile.h"
#include "timer/TimerService.h"

#include <QCoreApplication>

#include <memory>

namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::SyncSession)
};

} // namespace

// ---- the writer side ----------------------------------------------------------------------

// The outbox and the sync client, on the backend's writer thread beside its TimerService (both
// write to the store: the outbox in each change's transaction, the client what the hub sends).
class SyncSession::Engine final : public QObject
{
public:
    Engine(SyncSession *owner, int generation, TimerService &service, ClockOffset &offset,
           const Clock &localClock)
        : m_owner(owner)
        , m_generation(generation)
        , m_service(service)
        , m_localClock(localClock)
        , m_outbox(service.database(), localClock)
        , m_client(service.database(), service, m_outbox, offset, localClock)
    {
        m_outbox.attach(service);
        connect(&m_client, &SyncClient::stateChanged, this, [this](SyncState s) {
            const QString error = m_client.errorMessage();
            report([s, error](SyncSession &o) { o.setState(s, error); });
        });
        connect(&m_client, &SyncClient::hubChanged, this, [this](const QUrl &url) {
            const QString text = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString();
            report([text](SyncSession &o) { o.setHubInUse(text); });
        });
        connect(&m_client, &SyncClient::pendingCountChanged, this, [this](int n) {
            report([n](SyncSession &o) {
                if (std::exchange(o.m_pending, n) != n)
                    Q_EMIT o.pendingCountChanged(n);
            });
        });
        connect(&m_client, &SyncClient::conflictsChanged, this, [this] { sendConflicts(); });
        connect(&m_client, &SyncClient::remoteActivity, this, [this](const RemoteActivity &a) {
            report([a](SyncSession &o) { Q_EMIT o.remoteActivity(a); });
        });
        connect(&m_client, &SyncClient::remoteTimersChanged, this, [this] { sendTimers(); });
        connect(&m_client, &SyncClient::caughtUp, this, [this] {
            // `sync status` shows it; a failure to note it is no reason to stop syncing.
            (void)syncconfig::setLastSynced(m_service.database(), m_localClock.nowMs());
            sendTimers();
        });
    }

    ~Engine() override
    {
        m_client.stop();
        m_service.setMutationSink({}); // the outbox goes with this engine
    }

    // Connects to the hub at settings.url with settings.token (the device fields are filled here).
    void start(SyncSettings settings)
    {
        auto profile = profile::ensure(m_service.database(), m_localClock);
        if (!profile) {
            report([message = profile.error().message](SyncSession &o) {
                o.setState(SyncState::Offline, message);
            });
            return;
        }
        settings.deviceId = profile->deviceId;
        settings.deviceName = profile->deviceName;
        m_client.start(settings);
        const int pending = m_client.pendingCount();
        report([pending](SyncSession &o) {
            o.m_pending = pending;
            Q_EMIT o.pendingCountChanged(pending);
        });
        sendConflicts();
        sendTimers();
    }

    void markConflictsSeen()
    {
        m_client.markConflictsSeen();
        sendConflicts();
    }

    void reapplyConflict(const QString &id)
    {
        const auto made = st::reapplyConflict(m_service, m_outbox, id);
        const QString error = made ? QString() : made.error().message;
        sendConflicts();
        report([id, error](SyncSession &o) { Q_EMIT o.conflictReapplied(id, error); });
    }

private:
    void sendConflicts()
    {
        const QList<SyncConflict> list = m_client.conflicts();
        const int unseen = m_client.unseenConflictCount();
        report([list, unseen](SyncSession &o) {
            o.m_conflicts = list;
            o.m_unseen = unseen;
            Q_EMIT o.conflictsChanged(unseen);
        });
    }

    void sendTimers()
    {
        const QList<RemoteTimer> timers = m_client.remoteTimers();
        report([timers](SyncSession &o) {
            o.m_remoteTimers = timers;
            Q_EMIT o.remoteTimersChanged();
        });
    }

    // Runs f on the UI thread unless the session was reconfigured or destroyed meanwhile.
    void report(std::function<void(SyncSession &)> f)
    {
        QPointer<SyncSession> owner(m_owner);
        const int generation = m_generation;
        QMetaObject::invokeMethod(
            m_owner,
            [owner, generation, f = std::move(f)] {
                if (owner && owner->m_generation == generation)
                    f(*owner);
            },
            Qt::QueuedConnection);
    }

    SyncSession *m_owner;
    int m_generation;
    TimerService &m_service;
    const Clock &m_localClock;
    Outbox m_outbox;
    SyncClient m_client;
};

// ---- the UI side ---------------------------------------------------------------------------

SyncSession::SyncSession(Backend &backend, ClockOffset &offset, const Clock &localClock,
                         QString hubDataDir, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_offset(offset)
    , m_localClock(localClock)
    , m_hubDataDir(std::move(hubDataDir))
{
    qRegisterMetaType<st::RemoteActivity>();
}

SyncSession::~SyncSession()
{
    stopEngine();
    m_backend.waitForIdle();
}

void SyncSession::waitForIdle()
{
    m_backend.waitForIdle();
}

void SyncSession::setState(SyncState state, const QString &error)
{
    const bool changed = state != m_state || error != m_error;
    m_state = state;
    m_error = error;
    if (state == SyncState::Off)
        m_hubInUse.clear();
    if (!changed)
        return;
    writeLiveState();
    Q_EMIT stateChanged(state);
}

void SyncSession::setHubInUse(const QString &url)
{
    if (std::exchange(m_hubInUse, url) == url)
        return;
    writeLiveState();
    Q_EMIT hubInUseChanged(url);
}

void SyncSession::writeLiveState()
{
    const syncconfig::LiveState live{syncStateName(m_state), m_error, m_hubInUse};
    m_backend.write<int>(
        [live](TimerService &s) {
            (void)syncconfig::setLiveState(s.database(), live);
            return 0;
        },
        nullptr, {});
}

void SyncSession::stopEngine()
{
    ++m_generation;
    if (std::shared_ptr<Engine *> slot = std::exchange(m_slot, nullptr)) {
        // Runs after the job that made the engine: both are on the writer, in order.
        m_backend.write<int>(
            [slot](TimerService &) {
                delete std::exchange(*slot, nullptr);
                return 0;
            },
            nullptr, {});
    }
    m_hub.reset(); // closes the hub and its thread (its late answers are dropped with it)
}

void SyncSession::startEngine(const QString &token)
{
    stopEngine();
    if (m_config.mode != SyncMode::Host) {
        // One token and one pinned certificate for every hub of the database.
        SyncSettings settings{hubUrl(m_config.host, m_config.port, m_config.tls),
                              token,
                              {},
                              {},
                              m_config.fingerprint};
        for (const HubEndpoint &more : m_config.moreHubs)
            settings.moreUrls.append(hubUrl(more.host, more.port, m_config.tls));
        startClient(settings);
        return;
    }
    // Host: the profile (read on the writer) names the hub's organisation; the hub starts on its
    // own thread; then this machine's client connects to it over loopback.
    const int generation = m_generation;
    const Clock *clock = &m_localClock;
    m_backend.write<Result<Profile>>(
        [clock](TimerService &s) { return profile::ensure(s.database(), *clock); }, this,
        [this, generation, token](const Result<Profile> &profile) {
            if (generation != m_generation)
                return;
            if (!profile) {
                setState(SyncState::Offline, profile.error().message);
                return;
            }
            m_hub = std::make_unique<EmbeddedHub>(m_localClock);
            EmbeddedHub::Options options;
            options.port = m_config.port;
            options.dataDir = m_hubDataDir;
            options.orgName = profile->org.name;
            options.deviceName = profile->deviceName;
            options.ownToken = token;
            options.tls = true; // wss with the hub's own certificate; the invite carries its pin
            m_hub->start(options, [this, generation](const Result<EmbeddedHub::Started> &started) {
                if (generation != m_generation)
                    return;
                if (!started) {
                    setState(SyncState::Offline, started.error().message);
                    return;
                }
                m_hubPort = started->port;
                m_hubFingerprint = started->fingerprint;
                if (m_credentials)
                    m_credentials->write(m_tokenKey, started->ownToken, this, [](Result<void>) {});
                setInvite(syncconfig::inviteCode(started->invite, m_hubFingerprint));
                // With TLS, even over loopback the token goes only to this hub's own certificate.
                startClient({hubUrl(QStringLiteral("127.0.0.1"), started->port,
                                    !m_hubFingerprint.isEmpty()),
                             started->ownToken,
                             {},
                             {},
                             m_hubFingerprint});
            });
        });
}

void SyncSession::startClient(const SyncSettings &settings)
{
    const int generation = m_generation;
    ClockOffset *offset = &m_offset;
    const Clock *clock = &m_localClock;
    m_slot = std::make_shared<Engine *>(nullptr);
    // The engine is made on the writer, so it belongs to that thread; only jobs posted there
    // touch it through the slot.
    m_backend.write<int>(
        [slot = m_slot, self = this, generation, settings, offset, clock](TimerService &service) {
            *slot = new Engine(self, generation, service, *offset, *clock);
            (*slot)->start(settings);
            return 0;
        },
        nullptr, {});
}

void SyncSession::setInvite(const QString &invite)
{
    m_invite = invite;
    Q_EMIT inviteTokenChanged(invite);
}

void SyncSession::onEngine(std::function<void(Engine &)> job)
{
    if (!m_slot)
        return;
    m_backend.write<int>(
        [slot = m_slot, job = std::move(job)](TimerService &) {
            if (*slot)
                job(**slot);
            return 0;
        },
        nullptr, {});
}

void SyncSession::restore()
{
    m_backend.write<SyncConfig>([](TimerService &s) { return syncconfig::load(s.database()); },
                                this,
                                [this](const SyncConfig &config) {
                                    if (auto r = configure(config); !r)
                                        setState(SyncState::Off, r.error().message);
                                });
}

Result<void> SyncSession::configure(const SyncConfig &requested, const QString &token)
{
    SyncConfig config = requested;
    QString newToken;
    if (config.mode == SyncMode::Join) {
        auto address = syncconfig::parseAddress(config.host, config.port);
        if (!address)
            return address.error();
        config.host = address->first;
        config.port = address->second;
        for (HubEndpoint &more : config.moreHubs) {
            auto checked = syncconfig::parseAddress(syncconfig::addressText(more));
            if (!checked)
                return checked.error();
            more = {checked->first, checked->second};
        }
        if (!token.trimmed().isEmpty()) {
            // An invite code with the hub's fingerprint: wss://, pinned to that certificate.
            auto invite = syncconfig::parseInvite(token);
            if (!invite)
                return invite.error();
            newToken = invite->token;
            if (!invite->fingerprint.isEmpty()) {
                config.tls = true;
                config.fingerprint = invite->fingerprint;
            }
        }
    }

    m_config = config;
    m_backend.write<Result<void>>(
        [config](TimerService &s) { return syncconfig::save(s.database(), config); }, this,
        [this](const Result<void> &r) {
            if (!r)
                setState(m_state, r.error().message);
        });
    Q_EMIT configChanged();
    m_invite.clear();
    m_hubPort = 0;
    m_remoteTimers.clear();
    Q_EMIT remoteTimersChanged();

    if (config.mode == SyncMode::Off) {
        stopEngine();
        setState(SyncState::Off, {});
        return {};
    }
    if (config.mode == SyncMode::Join && !config.tokenFile.isEmpty() && newToken.isEmpty()) {
        // `sync join --token-file`: the token is read from that file on every start.
        auto fromFile = syncconfig::readTokenFile(config.tokenFile);
        stopEngine();
        if (!fromFile)
            setState(SyncState::Unauthorized, fromFile.error().message);
        else
            startEngine(*fromFile);
        return {};
    }
    if (!newToken.isEmpty()) {
        if (m_credentials)
            m_credentials->write(m_tokenKey, newToken, this, [this](const Result<void> &r) {
                if (!r)
                    setState(m_state, r.error().message);
            });
        startEngine(newToken);
        return {};
    }
    if (!m_credentials) {
        if (config.mode == SyncMode::Host) {
            startEngine({});
            return {};
        }
        return Error::invalid(Tr::tr("Enter the invite token given by the hub."));
    }
    stopEngine();
    setState(SyncState::Connecting, {});
    const int generation = m_generation;
    m_credentials->read(m_tokenKey, this, [this, generation, config](const Result<QString> &r) {
        if (generation != m_generation)
            return;
        if (r) {
            startEngine(*r);
        } else if (config.mode == SyncMode::Host) {
            startEngine({});
        } else {
            setState(SyncState::Unauthorized,
                     Tr::tr("No invite token is stored on this machine: enter it in Settings → "
                            "Sync."));
        }
    });
    return {};
}

void SyncSession::issueInvite()
{
    if (!m_hub)
        return;
    const int generation = m_generation;
    m_hub->issueInvite([this, generation](const Result<QString> &invite) {
        if (generation != m_generation)
            return;
        if (!invite)
            setState(SyncState::Offline, invite.error().message);
        else if (!invite->isEmpty())
            setInvite(syncconfig::inviteCode(*invite, m_hubFingerprint));
    });
}

void SyncSession::markConflictsSeen()
{
    onEngine([](Engine &e) { e.markConflictsSeen(); });
}

void SyncSession::reapplyConflict(const QString &conflictId)
{
    onEngine([conflictId](Engine &e) { e.reapplyConflict(conflictId); });
}

} // namespace st
