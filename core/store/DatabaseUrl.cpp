#include "DatabaseUrl.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::Database)
};

bool isKey(const QString &key)
{
    if (key.isEmpty())
        return false;
    for (const QChar c : key) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_')) || c.unicode() > 127)
            return false;
    }
    return true;
}

} // namespace

bool DatabaseUrl::looksLikeUrl(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql://")) ||
           text.startsWith(QLatin1String("postgres://"));
}

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    // One message for every mistake: the URL itself is not repeated (it may hold a password).
    const auto invalid = [] {
        return Error::invalid(Tr::tr("Not a PostgreSQL URL: give postgresql://user@host:port/"
                                     "database or postgresql://user@/database?host=/socket/dir."));
    };
    if (!looksLikeUrl(text))
        return invalid();
    // QUrl would refuse a percent-encoded socket folder as the host: the authority is read here.
    const qsizetype start = text.indexOf(QLatin1String("://")) + 3;
    qsizetype end = text.indexOf(QLatin1Char('/'), start);
    const qsizetype queryAt = text.indexOf(QLatin1Char('?'), start);
    if (end < 0 || (queryAt >= 0 && queryAt < end))
        return invalid();
    const QString authority = text.mid(start, end - start);
    const QString rest = text.mid(end + 1);

    DatabaseUrl url;
    QString hostPort = authority;
    if (const qsizetype at = authority.lastIndexOf(QLatin1Char('@')); at >= 0) {
        const QString userInfo = authority.left(at);
        hostPort = authority.mid(at + 1);
        const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
        url.user = QUrl::fromPercentEncoding(userInfo.left(colon).toUtf8());
        if (colon >= 0)
            url.password = QUrl::fromPercentEncoding(userInfo.mid(colon + 1).toUtf8());
    }
    QString portText;
    if (hostPort.startsWith(QLatin1Char('['))) { // [IPv6]:port
        const qsizetype close = hostPort.indexOf(QLatin1Char(']'));
        if (close < 0)
            return invalid();
        url.host = hostPort.mid(1, close - 1);
        if (hostPort.size() > close + 1) {
            if (hostPort.at(close + 1) != QLatin1Char(':'))
                return invalid();
            portText = hostPort.mid(close + 2);
        }
    } else {
        const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':'));
        url.host = QUrl::fromPercentEncoding(hostPort.left(colon).toUtf8());
        if (colon >= 0)
            portText = hostPort.mid(colon + 1);
    }
    const auto setPort = [&](const QString &value) {
        bool ok = false;
        const int number = value.toInt(&ok);
        if (!ok || number < 1 || number > 65535)
            return false;
        url.port = number;
        return true;
    };
    if (!portText.isEmpty() && !setPort(portText))
        return invalid();

    const qsizetype q = rest.indexOf(QLatin1Char('?'));
    url.database = QUrl::fromPercentEncoding(rest.left(q).toUtf8());
    if (q >= 0) {
        const QUrlQuery query(rest.mid(q + 1));
        const auto items = query.queryItems(QUrl::FullyDecoded);
        for (const auto &[key, value] : items) {
            if (key == QLatin1String("host"))
                url.host = value;
            else if (key == QLatin1String("port")) {
                if (!setPort(value))
                    return invalid();
            } else if (key == QLatin1String("user"))
                url.user = value;
            else if (key == QLatin1String("password"))
                url.password = value;
            else if (key == QLatin1String("dbname"))
                url.database = value;
            else if (!isKey(key) || value.contains(QLatin1Char(';')))
                return invalid();
            else
                url.options << key + QLatin1Char('=') + value;
        }
    }
    if (url.database.isEmpty())
        return invalid();
    return url;
}

QString DatabaseUrl::redacted() const
{
    const auto enc = [](const QString &s) {
        return QString::fromLatin1(QUrl::toPercentEncoding(s));
    };
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty() || !password.isEmpty()) {
        text += enc(user);
        if (!password.isEmpty())
            text += QStringLiteral(":***");
        text += QLatin1Char('@');
    }
    const bool socket = host.startsWith(QLatin1Char('/'));
    if (!socket)
        text += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    if (!socket && port > 0)
        text += QLatin1Char(':') + QString::number(port);
    text += QLatin1Char('/') + enc(database);
    QStringList query;
    if (socket)
        query << QStringLiteral("host=") + host;
    if (socket && port > 0)
        query << QStringLiteral("port=") + QString::number(port);
    query += options;
    if (!query.isEmpty())
        text += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return text;
}

} // namespace st
