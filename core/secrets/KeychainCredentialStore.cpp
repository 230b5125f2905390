#include "KeychainCredentialStore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>

namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::KeychainCredentialStore)
};

Error toError(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return Error::notFound(Tr::tr("No secret is stored."));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {ErrorCode::Forbidden,
                Tr::tr("The keychain refused access: %1").arg(job.errorString())};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error::internal(Tr::tr("No keychain is available: %1").arg(job.errorString()));
    default:
        return Error::internal(Tr::tr("The keychain failed: %1").arg(job.errorString()));
    }
}

template <typename JobT> JobT *makeJob(const QString &service, const QString &key, QObject *parent)
{
    auto *job = new JobT(service, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(key);
    return job;
}

} // namespace

KeychainCredentialStore::KeychainCredentialStore(QString service, QObject *parent)
    : CredentialStore(parent)
    , m_service(std::move(service))
{}

void KeychainCredentialStore::read(const QString &key, QObject *context, ReadDone done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, context ? context : this,
            [job, done = std::move(done)]() {
                if (job->error() == QKeychain::NoError)
                    done(job->textData());
                else
                    done(toError(*job));
            });
    job->start();
}

void KeychainCredentialStore::write(const QString &key, const QString &secret, QObject *context,
                                    Done done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key, this);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, context ? context : this,
            [job, done = std::move(done)]() {
                if (job->error() == QKeychain::NoError)
                    done({});
                else
                    done(toError(*job));
            });
    job->start();
}

void KeychainCredentialStore::remove(const QString &key, QObject *context, Done done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, context ? context : this,
            [job, done = std::move(done)]() {
                if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
                    done({});
                else
                    done(toError(*job));
            });
    job->start();
}

QString KeychainCredentialStore::description() const
{
    return Tr::tr("The hub token is kept in the system keychain.");
}

void KeychainCredentialStore::probe(const QString &service, QObject *context,
                                    std::function<void(Result<void>)> done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(
        service, QStringLiteral("studiotimer-keychain-probe"), context);
    QObject::connect(
        job, &QKeychain::Job::finished, context ? context : job, [job, done = std::move(done)]() {
            if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
                done({});
            else
                done(toError(*job));
        });
    job->start();
}

} // namespace st
