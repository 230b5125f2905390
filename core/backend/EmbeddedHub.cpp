#include "EmbeddedHub.h"

#include "store/Database.h"
#include "sync/Discovery.h"
#include "sync/Hub.h"
#include "sync/SelfSignedCertificate.h"

#include <QCoreApplication>
#include <QDir>

#include <memory>

namespace st {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::SyncSession)
};
} // namespace

class EmbeddedHub::Host final : public QObject
{
public:
    explicit Host(const Clock &clock)
        : m_clock(clock)
    {}

    Result<Started> start(const Options &options)
    {
        close();
        auto own = open(options);
        if (!own) {
            close();
            return own.error();
        }
        auto invite = issueInvite();
        if (!invite) {
            close();
            return invite.error();
        }
        m_announcer = std::make_unique<discovery::Announcer>();
        m_announcer->start({options.deviceName, m_hub->port(), m_orgName, m_fingerprint});
        return Started{m_hub->port(), *own, *invite, m_fingerprint};
    }

    Result<QString> issueInvite()
    {
        if (!m_hub)
            return QString(); // stopped meanwhile: nothing to invite to
        return m_hub->store().issueToken(m_orgId);
    }

    void close()
    {
        if (m_announcer)
            m_announcer->stop();
        m_announcer.reset();
        if (m_hub)
            m_hub->close();
        m_hub.reset();
        m_db.reset();
    }

private:
    // Returns the token this machine's own client uses.
    Result<QString> open(const Options &options)
    {
        if (!QDir().mkpath(options.dataDir))
            return Error::internal(
                Tr::tr("Cannot create the hub's data folder %1.").arg(options.dataDir));
        auto db = Database::open(QDir(options.dataDir).filePath(QStringLiteral("hub.sqlite")));
        if (!db)
            return db.error();
        m_db = std::move(db).value();
        HubOptions hubOptions;
        hubOptions.port = options.port;
        // A studio's desks often all join with the one invite code this hub shows: no limit per
        // token here (the limits per organisation and before login still hold).
        hubOptions.maxPerToken = 0;
        if (options.tls) {
            auto identity = selfsigned::ensure(options.dataDir);
            if (!identity)
                return identity.error();
            m_fingerprint = identity->sha256;
            hubOptions.tls = identity->tls;
        }
        m_hub = std::make_unique<Hub>(*m_db, m_clock, hubOptions);
        if (auto r = m_hub->listen(); !r)
            return Error::internal(Tr::tr("Cannot run the hub on port %1: %2")
                                       .arg(options.port)
                                       .arg(r.error().message));
        QString token;
        // The hub's organisation is this machine's, made the first time the hub runs.
        const auto orgs = m_hub->store().organizations();
        if (!orgs)
            return orgs.error();
        if (orgs->isEmpty()) {
            auto created = m_hub->store().createOrganization(options.orgName);
            if (!created)
                return created.error();
            m_orgId = created->org.id;
            m_orgName = created->org.name;
            token = created->token;
        } else {
            m_orgId = orgs->first().org.id;
            m_orgName = orgs->first().org.name;
            const auto owner = m_hub->store().organizationForToken(options.ownToken);
            if (!owner)
                return owner.error();
            if (*owner && (*owner)->id == m_orgId)
                token = options.ownToken;
        }
        if (token.isEmpty()) {
            auto issued = m_hub->store().issueToken(m_orgId);
            if (!issued)
                return issued.error();
            token = *issued;
        }
        return token;
    }

    const Clock &m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Hub> m_hub;
    std::unique_ptr<discovery::Announcer> m_announcer;
    QString m_orgId;
    QString m_orgName;
    QByteArray m_fingerprint;
};

EmbeddedHub::EmbeddedHub(const Clock &clock, QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("st-hub"));
    m_host = new Host(clock);
    m_host->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_host, &QObject::deleteLater);
    m_thread.start();
}

EmbeddedHub::~EmbeddedHub()
{
    Host *host = m_host;
    QMetaObject::invokeMethod(
        host, [host] { host->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

template <typename T>
void EmbeddedHub::onHost(std::function<T(Host &)> job, std::function<void(T)> done)
{
    Host *host = m_host;
    QMetaObject::invokeMethod(
        host,
        [this, host, job = std::move(job), done = std::move(done)] {
            T result = job(*host);
            // Queued to this object: dropped if it is destroyed meanwhile.
            QMetaObject::invokeMethod(
                this, [done, result = std::move(result)] { done(result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void EmbeddedHub::start(const Options &options, std::function<void(Result<Started>)> done)
{
    onHost<Result<Started>>([options](Host &host) { return host.start(options); }, std::move(done));
}

void EmbeddedHub::issueInvite(std::function<void(Result<QString>)> done)
{
    onHost<Result<QString>>([](Host &host) { return host.issueInvite(); }, std::move(done));
}

} // namespace st
