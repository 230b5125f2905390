#include "Discovery.h"

#include "SyncConfig.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkDatagram>
#include <QUdpSocket>

namespace st::discovery {

namespace {
const QString kApp = QStringLiteral("studiotimer-hub");
constexpr int kVersion = 1;
constexpr int kMaxText = 80;
} // namespace

QByteArray encode(const Announcement &a)
{
    QJsonObject object{{QStringLiteral("app"), kApp},
                       {QStringLiteral("v"), kVersion},
                       {QStringLiteral("name"), a.name.left(kMaxText)},
                       {QStringLiteral("port"), int(a.port)},
                       {QStringLiteral("org"), a.orgHint.left(kMaxText)}};
    if (a.fingerprint.size() == 32)
        object.insert(QStringLiteral("tls"), syncconfig::formatFingerprint(a.fingerprint));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<Announcement> decode(const QByteArray &datagram)
{
    if (datagram.isEmpty() || datagram.size() > kMaxDatagram)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(datagram, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("app")).toString() != kApp ||
        o.value(QStringLiteral("v")).toInt(-1) != kVersion)
        return std::nullopt;
    const QJsonValue name = o.value(QStringLiteral("name"));
    const QJsonValue port = o.value(QStringLiteral("port"));
    const QJsonValue org = o.value(QStringLiteral("org"));
    if (!name.isString() || !port.isDouble() || !(org.isString() || org.isUndefined()))
        return std::nullopt;
    const double p = port.toDouble();
    if (p < 1 || p > 65535 || p != double(int(p)))
        return std::nullopt;
    const QString n = name.toString().trimmed();
    if (n.isEmpty() || n.size() > kMaxText || org.toString().size() > kMaxText)
        return std::nullopt;
    QByteArray fingerprint;
    if (const QJsonValue tls = o.value(QStringLiteral("tls")); !tls.isUndefined()) {
        auto parsed = syncconfig::parseFingerprint(tls.toString());
        if (!tls.isString() || !parsed)
            return std::nullopt;
        fingerprint = *parsed;
    }
    return Announcement{n, quint16(p), org.toString().trimmed(), fingerprint};
}

QString FoundHub::address() const
{
    const QString h = host.protocol() == QAbstractSocket::IPv6Protocol
                          ? QLatin1Char('[') + host.toString() + QLatin1Char(']')
                          : host.toString();
    return h + QLatin1Char(':') + QString::number(announcement.port);
}

// ---- Announcer ---------------------------------------------------------------------------------

Announcer::Announcer(QObject *parent)
    : QObject(parent)
    , m_socket(new QUdpSocket(this))
{
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Announcer::announce);
}

Announcer::~Announcer() = default;

void Announcer::setTarget(const QHostAddress &address, quint16 port)
{
    m_target = address;
    m_port = port;
}

void Announcer::setInterval(int ms)
{
    m_timer.setInterval(ms);
}

void Announcer::start(const Announcement &announcement)
{
    m_announcement = announcement;
    m_timer.start();
    announce();
}

void Announcer::stop()
{
    m_timer.stop();
}

void Announcer::announce()
{
    // A failed send (no network yet) is retried at the next tick.
    m_socket->writeDatagram(encode(m_announcement), m_target, m_port);
}

// ---- Browser -----------------------------------------------------------------------------------

Browser::Browser(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_expiryTimer.setInterval(1000);
    connect(&m_expiryTimer, &QTimer::timeout, this, &Browser::expire);
}

Browser::~Browser() = default;

bool Browser::start(const QHostAddress &address, quint16 port)
{
    stop();
    m_socket = new QUdpSocket(this);
    if (!m_socket->bind(address, port,
                        QAbstractSocket::ShareAddress | QAbstractSocket::ReuseAddressHint)) {
        m_error = m_socket->errorString();
        delete m_socket;
        m_socket = nullptr;
        return false;
    }
    m_error.clear();
    connect(m_socket, &QUdpSocket::readyRead, this, &Browser::readPending);
    m_expiryTimer.start();
    return true;
}

void Browser::stop()
{
    m_expiryTimer.stop();
    delete m_socket;
    m_socket = nullptr;
    if (!m_hubs.isEmpty()) {
        m_hubs.clear();
        Q_EMIT hubsChanged();
    }
}

void Browser::readPending()
{
    bool changed = false;
    const Ms now = m_clock.nowMs();
    while (m_socket && m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram(kMaxDatagram + 1);
        const auto announcement = decode(datagram.data());
        if (!announcement)
            continue;
        QHostAddress host = datagram.senderAddress();
        bool isV4 = false;
        const quint32 v4 = host.toIPv4Address(&isV4);
        if (isV4)
            host = QHostAddress(v4); // "::ffff:10.0.0.2" reads as "10.0.0.2"
        auto it = std::find_if(m_hubs.begin(), m_hubs.end(), [&](const FoundHub &h) {
            return h.host == host && h.announcement.port == announcement->port;
        });
        if (it == m_hubs.end()) {
            m_hubs.append({*announcement, host, now});
            changed = true;
        } else {
            changed = changed || it->announcement != *announcement;
            it->announcement = *announcement;
            it->lastSeen = now;
        }
    }
    const auto before = m_hubs.size();
    expire();
    if (changed && before == m_hubs.size())
        Q_EMIT hubsChanged();
}

void Browser::expire()
{
    const Ms now = m_clock.nowMs();
    const auto removed =
        m_hubs.removeIf([&](const FoundHub &h) { return now - h.lastSeen > m_expiryMs; });
    if (removed > 0)
        Q_EMIT hubsChanged();
}

} // namespace st::discovery
