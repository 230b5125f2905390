#include "SyncConfig.h"

#include "store/Database.h"

#include <QCoreApplication>
#include <QUrl>

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

} // namespace st
