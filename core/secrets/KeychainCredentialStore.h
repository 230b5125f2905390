#pragma once

#include "CredentialStore.h"

namespace st {

// The system keychain through QtKeychain. Secrets are stored under service (the application's
// name) and the caller's key; the insecure plain-text fallback of QtKeychain stays off.
class KeychainCredentialStore final : public CredentialStore
{
    Q_OBJECT
public:
    explicit KeychainCredentialStore(QString service, QObject *parent = nullptr);

    void read(const QString &key, QObject *context, ReadDone done) override;
    void write(const QString &key, const QString &secret, QObject *context, Done done) override;
    void remove(const QString &key, QObject *context, Done done) override;
    bool isPersistent() const override { return true; }
    QString description() const override;

    // Asks the keychain for a key that does not exist: done(ok) when a backend answers, else
    // done(the reason).
    static void probe(const QString &service, QObject *context,
                      std::function<void(Result<void>)> done);

private:
    QString m_service;
};

} // namespace st
