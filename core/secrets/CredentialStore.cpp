#include "CredentialStore.h"

#include "KeychainCredentialStore.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

namespace st {

namespace {
template <typename F> void later(QObject *context, F &&f)
{
    QMetaObject::invokeMethod(context ? context : qApp, std::forward<F>(f), Qt::QueuedConnection);
}
} // namespace

MemoryCredentialStore::MemoryCredentialStore(QString reason, QObject *parent)
    : CredentialStore(parent)
    , m_reason(std::move(reason))
{}

MemoryCredentialStore::~MemoryCredentialStore()
{
    for (QString &secret : m_secrets)
        secret.fill(QChar(u'\0'));
}

void MemoryCredentialStore::read(const QString &key, QObject *context, ReadDone done)
{
    const auto it = m_secrets.constFind(key);
    Result<QString> result = it == m_secrets.constEnd()
                                 ? Result<QString>(Error::notFound(tr("No secret is stored.")))
                                 : Result<QString>(*it);
    later(context, [done = std::move(done), result]() { done(result); });
}

void MemoryCredentialStore::write(const QString &key, const QString &secret, QObject *context,
                                  Done done)
{
    m_secrets.insert(key, secret);
    later(context, [done = std::move(done)]() { done({}); });
}

void MemoryCredentialStore::remove(const QString &key, QObject *context, Done done)
{
    if (auto it = m_secrets.find(key); it != m_secrets.end()) {
        it->fill(QChar(u'\0'));
        m_secrets.erase(it);
    }
    later(context, [done = std::move(done)]() { done({}); });
}

QString MemoryCredentialStore::description() const
{
    const QString base = tr("No keychain is available on this system, so the hub token is kept "
                            "in memory for this session only and must be entered again at the "
                            "next start. It is never written to disk.");
    return m_reason.isEmpty() ? base : base + QLatin1Char(' ') + tr("(%1)").arg(m_reason);
}

void openCredentialStore(QObject *parent, const QString &service,
                         std::function<void(CredentialStore *)> done)
{
    QPointer<QObject> guard(parent);
    const bool parented = parent != nullptr;
    KeychainCredentialStore::probe(
        service, parent,
        [guard, parented, service, done = std::move(done)](Result<void> available) {
            if (parented && !guard)
                return;
            if (available)
                done(new KeychainCredentialStore(service, guard.data()));
            else
                done(new MemoryCredentialStore(available.error().message, guard.data()));
        });
}

} // namespace st
