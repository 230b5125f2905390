#include "SelfSignedCertificate.h"

#include "Hub.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QSslCertificate>

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace st::selfsigned {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::Hub)
};

template <typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Bignum = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

struct Pem
{
    QByteArray certificate;
    QByteArray key;
};

// A new EC P-256 key and a certificate for it, signed by itself, valid from an hour ago for ten
// years (a desk's clock may be a little behind the hub's).
std::optional<Pem> make()
{
    Key key(EVP_EC_gen("P-256"));
    Cert cert(X509_new());
    Bignum serial(BN_new());
    if (!key || !cert || !serial ||
        !BN_rand(serial.get(), 120, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY))
        return std::nullopt;
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = QByteArrayLiteral("Studio Timer hub");
    const bool built =
        X509_set_version(cert.get(), 2) &&
        BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) &&
        X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) &&
        X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 366 * 24 * 3600) &&
        X509_set_pubkey(cert.get(), key.get()) &&
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1,
                                   0) &&
        X509_set_issuer_name(cert.get(), name) && X509_sign(cert.get(), key.get(), EVP_sha256());
    Bio certPem(BIO_new(BIO_s_mem()));
    Bio keyPem(BIO_new(BIO_s_mem()));
    if (!built || !certPem || !keyPem || !PEM_write_bio_X509(certPem.get(), cert.get()) ||
        !PEM_write_bio_PrivateKey(keyPem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr))
        return std::nullopt;
    return Pem{drain(certPem.get()), drain(keyPem.get())};
}

// Writes data to path through a temporary file created with mode, then renamed: a reader never
// sees half a file, and the key is never readable by others, not even for a moment.
bool writeFile(const QString &path, const QByteArray &data, mode_t mode)
{
    const QByteArray temp = QFile::encodeName(path + QStringLiteral(".tmp"));
    ::unlink(temp.constData());
    const int fd = ::open(temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        return false;
    bool ok = ::write(fd, data.constData(), size_t(data.size())) == data.size();
    ok = ::fsync(fd) == 0 && ok;
    ok = ::close(fd) == 0 && ok;
    ok = ok && ::rename(temp.constData(), QFile::encodeName(path).constData()) == 0;
    if (!ok)
        ::unlink(temp.constData());
    return ok;
}

} // namespace

QByteArray fingerprint(const QSslConfiguration &tls)
{
    const QSslCertificate cert = tls.localCertificate();
    return cert.isNull() ? QByteArray() : cert.digest(QCryptographicHash::Sha256);
}

Result<Identity> ensure(const QString &dataDir)
{
    const QDir dir(dataDir);
    const QString certPath = dir.filePath(QString::fromLatin1(kCertFile));
    const QString keyPath = dir.filePath(QString::fromLatin1(kKeyFile));
    if (!QFile::exists(certPath) || !QFile::exists(keyPath)) {
        if (!dir.mkpath(QStringLiteral(".")))
            return Error::internal(Tr::tr("Cannot create the hub's data folder %1.").arg(dataDir));
        const auto pem = make();
        // The key first: a certificate on disk always has its key beside it.
        if (!pem || !writeFile(keyPath, pem->key, 0600) ||
            !writeFile(certPath, pem->certificate, 0644))
            return Error::internal(
                Tr::tr("Cannot make the hub's TLS certificate in %1.").arg(dataDir));
    }
    auto tls = Hub::loadTls(certPath, keyPath);
    if (!tls)
        return tls.error();
    return Identity{*tls, fingerprint(*tls)};
}

Result<Identity> ensureIn(const Database &db, const QString &dataDir)
{
    const QString certKey = QString::fromLatin1(kCertMeta);
    const QString keyKey = QString::fromLatin1(kKeyMeta);
    Transaction tx(db);
    if (!tx.isActive())
        return tx.error();
    if (db.isPostgres()) {
        // Hubs starting together: one makes the certificate, the others wait and read it.
        QSqlQuery lock = db.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(7345)"));
        if (auto r = db.read(lock); !r)
            return r.error();
    }
    const Result<QString> cert = db.readMeta(certKey);
    const Result<QString> key = db.readMeta(keyKey);
    if (!cert || !key)
        return cert ? key.error() : cert.error();
    QByteArray certPem = cert->toUtf8();
    QByteArray keyPem = key->toUtf8();
    if (certPem.isEmpty() || keyPem.isEmpty()) {
        const QDir dir(dataDir);
        QFile certFile(dir.filePath(QString::fromLatin1(kCertFile)));
        QFile keyFile(dir.filePath(QString::fromLatin1(kKeyFile)));
        if (certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly)) {
            certPem = certFile.readAll();
            keyPem = keyFile.readAll();
        } else {
            const auto pem = make();
            if (!pem)
                return Error::internal(
                    Tr::tr("Cannot make the hub's TLS certificate in %1.").arg(db.path()));
            certPem = pem->certificate;
            keyPem = pem->key;
        }
        if (auto r = db.setMeta(certKey, QString::fromUtf8(certPem)); !r)
            return r.error();
        if (auto r = db.setMeta(keyKey, QString::fromUtf8(keyPem)); !r)
            return r.error();
    }
    auto tls = SioServer::tlsFromPem(certPem, keyPem);
    if (!tls)
        return tls.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return Identity{*tls, fingerprint(*tls)};
}

} // namespace st::selfsigned
