#pragma once

#include "domain/Error.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace st {

// Where device tokens live. Asynchronous, because a keychain may ask the user or a daemon: each
// call answers once through its callback, later, on the context's thread (never inside the call),
// and not at all when the context is gone.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using ReadDone = std::function<void(Result<QString>)>; // NotFound when there is no secret
    using Done = std::function<void(Result<void>)>;

    using QObject::QObject;

    virtual void read(const QString &key, QObject *context, ReadDone done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context, Done done) = 0;
    // Removing a key that is not there succeeds.
    virtual void remove(const QString &key, QObject *context, Done done) = 0;

    // Whether secrets outlive this run (a real keychain) or are kept in memory only.
    virtual bool isPersistent() const = 0;
    // One sentence for the user: where tokens are kept.
    virtual QString description() const = 0;
};

// Secrets in this process's memory only, for machines without a keychain: the token has to be
// given again at the next start, and it is never written anywhere in plain text.
class MemoryCredentialStore final : public CredentialStore
{
    Q_OBJECT
public:
    // reason: why there is no keychain (shown to the user with description()).
    explicit MemoryCredentialStore(QString reason = {}, QObject *parent = nullptr);
    ~MemoryCredentialStore() override;

    void read(const QString &key, QObject *context, ReadDone done) override;
    void write(const QString &key, const QString &secret, QObject *context, Done done) override;
    void remove(const QString &key, QObject *context, Done done) override;
    bool isPersistent() const override { return false; }
    QString description() const override;

private:
    QString m_reason;
    QHash<QString, QString> m_secrets;
};

// Finds out whether the system keychain (Secret Service, KWallet, macOS Keychain, Windows
// Credential Manager, through QtKeychain) answers, then calls done once with the store to use: the
// keychain, or a MemoryCredentialStore saying why there is none. The store is a child of parent.
void openCredentialStore(QObject *parent, const QString &service,
                         std::function<void(CredentialStore *)> done);

} // namespace st
