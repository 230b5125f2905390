#include "SyncSession.h"

#include "secrets/CredentialStore.h"
#include "store/Database.h"
#include "store/Repositories.h"
#include "sync/Discovery.h"
#include "sync/Hub.h"
#include "timer/AsyncTimerService.h"
#include "timer/Profile.h"
#include "timer/TimerService.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QUrl>

#include <memory>

namespace st {

namespace {

const QString kMode = QStringLiteral("sync.mode");
const QString kHost = QStringLiteral("sync.host");
const QString kPort = QStringLiteral("sync.port");

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::SyncSession)
};

QString modeName(SyncMode mode)
{
    switch (mode) {
    case SyncMode::Join:
        return QStringLiteral("join");
    case SyncMode::Host:
        return QStringLiteral("host");
    case SyncMode::Off:
        break;
    }
    return QStringLiteral("off");
}

} // namespace

namespace syncconfig {

SyncConfig load(const Database &db)
{
    SyncConfig c;
    const QString mode = db.meta(kMode);
    if (mode == QLatin1String("join"))
        c.mode = SyncMode::Join;
    else if (mode == QLatin1String("host"))
        c.mode = SyncMode::Host;
    c.host = db.meta(kHost);
    bool ok = false;
    const uint port = db.meta(kPort).toUInt(&ok);
    if (ok && port > 0 && port <= 65535)
        c.port = quint16(port);
    return c;
}

Result<void> save(const Database &db, const SyncConfig &config)
{
    Transaction tx(db);
    if (!tx.isActive())
        return tx.error();
    for (const auto &[key, value] :
         {std::pair{kMode, modeName(config.mode)},
          {kHost, config.host.isEmpty() ? QStringLiteral("") : config.host},
          {kPort, QString::number(config.port)}}) {
        if (auto r = db.setMeta(key, value); !r)
            return r;
    }
    return tx.commit();
}

Result<std::pair<QString, quint16>> parseAddress(const QString &text, quint16 defaultPort)
{
    const QString trimmed = text.trimmed();
    const auto malformed = [&] {
        return Error::invalid(
            Tr::tr("\"%1\" is not a hub address: write a host name or IP address, optionally "
                   "followed by :port (for example 192.168.1.20:7345).")
                .arg(text));
    };
    if (trimmed.isEmpty())
        return Error::invalid(Tr::tr("Enter the hub's address (for example 192.168.1.20:7345)."));
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setAuthority(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() ||
        trimmed.contains(QLatin1Char('/')) || trimmed.contains(QLatin1Char(' ')))
        return malformed();
    const bool hasPort =
        trimmed.lastIndexOf(QLatin1Char(':')) > trimmed.lastIndexOf(QLatin1Char(']'));
    const int port = url.port(defaultPort);
    if (hasPort && (port <= 0 || url.port() <= 0))
        return malformed();
    if (port <= 0 || port > 65535)
        return malformed();
    return std::pair{url.host(), quint16(port)};
}

Result<QString> checkToken(const QString &text)
{
    const QString token = text.trimmed();
    if (token.isEmpty())
        return Error::invalid(Tr::tr("Enter the invite token given by the hub."));
    for (const QChar c : token) {
        if (c.isSpace() || !c.isPrint())
            return Error::invalid(Tr::tr("An invite token has no spaces: copy it again."));
    }
    return token;
}

} // namespace syncconfig

// ---- the worker side -----------------------------------------------------------------------

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
        connect(&m_client, &SyncClient::caughtUp, this, [this] { sendTimers(); });
    }

    ~Engine() override
    {
        m_client.stop();
        m_service.setMutationSink({}); // the outbox goes with this engine
        if (m_announcer)
            m_announcer->stop();
        if (m_hub)
            m_hub->close();
        m_hub.reset();
        m_hubDb.reset();
    }

    // Runs on the worker. Returns the token this machine's client uses.
    void start(const SyncConfig &config, QString token, const QString &hubDataDir)
    {
        auto profile = profile::ensure(m_service.database(), m_localClock);
        if (!profile) {
            fail(profile.error().message);
            return;
        }
        QString host = config.host;
        quint16 port = config.port;
        if (config.mode == SyncMode::Host) {
            auto own = startHub(config.port, token, hubDataDir, *profile);
            if (!own) {
                fail(own.error().message);
                return;
            }
            token = *own;
            host = QStringLiteral("127.0.0.1");
            port = m_hub->port();
        }
        m_client.start({hubUrl(host, port), token, profile->deviceId, profile->deviceName});
        const int pending = m_client.pendingCount();
        report([pending](SyncSession &o) {
            o.m_pending = pending;
            Q_EMIT o.pendingCountChanged(pending);
        });
        sendConflicts();
        sendTimers();
    }

    void issueInvite()
    {
        if (!m_hub)
            return;
        auto token = m_hub->store().issueToken(m_hubOrgId);
        if (!token) {
            fail(token.error().message);
            return;
        }
        const QString invite = *token;
        report([invite](SyncSession &o) {
            o.m_invite = invite;
            Q_EMIT o.inviteTokenChanged(invite);
        });
    }

    void markConflictsSeen()
    {
        m_client.markConflictsSeen();
        sendConflicts();
    }

private:
    Result<QString> startHub(quint16 port, const QString &ownToken, const QString &dir,
                             const Profile &profile)
    {
        if (!QDir().mkpath(dir))
            return Error::internal(Tr::tr("Cannot create the hub's data folder %1.").arg(dir));
        auto db = Database::open(QDir(dir).filePath(QStringLiteral("hub.sqlite")));
        if (!db)
            return db.error();
        m_hubDb = std::move(db).value();
        HubOptions options;
        options.port = port;
        m_hub = std::make_unique<Hub>(*m_hubDb, m_localClock, options);
        if (auto r = m_hub->listen(); !r)
            return Error::internal(
                Tr::tr("Cannot run the hub on port %1: %2").arg(port).arg(r.error().message));
        QString token;
        // The hub's organisation is this machine's, made the first time the hub runs.
        const auto orgs = m_hub->store().organizations();
        if (!orgs)
            return orgs.error();
        if (orgs->isEmpty()) {
            auto created = m_hub->store().createOrganization(profile.org.name);
            if (!created)
                return created.error();
            m_hubOrgId = created->org.id;
            m_orgName = created->org.name;
            token = created->token;
        } else {
            m_hubOrgId = orgs->first().org.id;
            m_orgName = orgs->first().org.name;
            const auto owner = m_hub->store().organizationForToken(ownToken);
            if (!owner)
                return owner.error();
            if (*owner && (*owner)->id == m_hubOrgId)
                token = ownToken;
        }
        if (token.isEmpty()) {
            auto issued = m_hub->store().issueToken(m_hubOrgId);
            if (!issued)
                return issued.error();
            token = *issued;
        }
        m_announcer = std::make_unique<discovery::Announcer>();
        m_announcer->start({profile.deviceName, m_hub->port(), m_orgName});
        const quint16 listening = m_hub->port();
        report([token, listening](SyncSession &o) {
            o.m_hubPort = listening;
            if (o.m_credentials)
                o.m_credentials->write(o.m_tokenKey, token, &o, [](Result<void>) {});
        });
        issueInvite();
        return token;
    }

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

    void fail(const QString &message)
    {
        report([message](SyncSession &o) { o.setState(SyncState::Offline, message); });
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
    std::unique_ptr<Database> m_hubDb;
    std::unique_ptr<Hub> m_hub;
    std::unique_ptr<discovery::Announcer> m_announcer;
    QString m_hubOrgId;
    QString m_orgName;
};

// ---- the UI side ---------------------------------------------------------------------------

SyncSession::SyncSession(AsyncTimerService &service, ClockOffset &offset, const Clock &localClock,
                         QString hubDataDir, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_offset(offset)
    , m_localClock(localClock)
    , m_hubDataDir(std::move(hubDataDir))
{
    qRegisterMetaType<st::RemoteActivity>();
}

SyncSession::~SyncSession()
{
    stopEngine();
    m_service.waitForIdle();
}

void SyncSession::waitForIdle()
{
    m_service.waitForIdle();
}

void SyncSession::setState(SyncState state, const QString &error)
{
    const bool changed = state != m_state || error != m_error;
    m_state = state;
    m_error = error;
    if (changed)
        Q_EMIT stateChanged(state);
}

void SyncSession::stopEngine()
{
    ++m_generation;
    if (std::shared_ptr<Engine *> slot = std::exchange(m_slot, nullptr)) {
        // Runs after the job that made the engine: both are on the worker, in order.
        m_service.call<int>(
            [slot](TimerService &) {
                delete std::exchange(*slot, nullptr);
                return 0;
            },
            nullptr, {});
    }
}

void SyncSession::startEngine(const QString &token)
{
    stopEngine();
    const int generation = m_generation;
    const SyncConfig config = m_config;
    const QString dir = m_hubDataDir;
    ClockOffset *offset = &m_offset;
    const Clock *clock = &m_localClock;
    m_slot = std::make_shared<Engine *>(nullptr);
    // The engine is made on the worker, so it belongs to that thread; only jobs posted there
    // touch it through the slot.
    m_service.call<int>(
        [slot = m_slot, self = this, generation, config, token, dir, offset,
         clock](TimerService &service) {
            *slot = new Engine(self, generation, service, *offset, *clock);
            (*slot)->start(config, token, dir);
            return 0;
        },
        nullptr, {});
}

void SyncSession::onEngine(std::function<void(Engine &)> job)
{
    if (!m_slot)
        return;
    m_service.call<int>(
        [slot = m_slot, job = std::move(job)](TimerService &) {
            if (*slot)
                job(**slot);
            return 0;
        },
        nullptr, {});
}

void SyncSession::restore()
{
    m_service.call<SyncConfig>([](TimerService &s) { return syncconfig::load(s.database()); }, this,
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
        if (!token.trimmed().isEmpty()) {
            auto checked = syncconfig::checkToken(token);
            if (!checked)
                return checked.error();
            newToken = *checked;
        }
    }

    m_config = config;
    m_service.call<Result<void>>(
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
    onEngine([](Engine &e) { e.issueInvite(); });
}

void SyncSession::markConflictsSeen()
{
    onEngine([](Engine &e) { e.markConflictsSeen(); });
}

} // namespace st
