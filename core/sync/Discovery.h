#pragma once

#include "domain/Clock.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

class QUdpSocket;

// LAN discovery of hubs: a hub announces itself in a small UDP datagram every few seconds; the
// join dialog's browser lists the hubs it heard from recently. A datagram is one JSON object:
//   {"app":"studiotimer-hub","v":1,"name":"Studio A desk","port":7345,"org":"Studio Nord",
//    "tls":"AB:CD:…"}
// "org" is a hint for people choosing a hub (the organisation's name), not a credential: joining
// still needs an invite token. "tls" (absent for a plain ws:// hub) is the SHA-256 of the hub's
// certificate, shown so people can compare it with their invite; it is never trusted by itself
// (anyone can announce anything): the pin comes from the invite code.
namespace st::discovery {

inline constexpr quint16 kDefaultPort = 7346;
inline constexpr int kDefaultIntervalMs = 3000;
inline constexpr int kMaxDatagram = 1024;

struct Announcement
{
    QString name;
    quint16 port = 0; // the hub's WebSocket port
    QString orgHint;
    QByteArray fingerprint{}; // SHA-256 of the hub's certificate (32 bytes); empty: plain ws://

    friend bool operator==(const Announcement &, const Announcement &) = default;
};

QByteArray encode(const Announcement &announcement);
// Refuses anything that is not a well-formed announcement (other programs share the port).
std::optional<Announcement> decode(const QByteArray &datagram);

struct FoundHub
{
    Announcement announcement;
    QHostAddress host; // where the datagram came from
    Ms lastSeen = 0;

    QString address() const; // "host:port", for the join dialog
};

// The hub side: sends the announcement now and then every interval, to the broadcast address (or
// to the target a test chooses).
class Announcer final : public QObject
{
    Q_OBJECT
public:
    explicit Announcer(QObject *parent = nullptr);
    ~Announcer() override;

    void setTarget(const QHostAddress &address, quint16 port);
    void setInterval(int ms);
    void start(const Announcement &announcement);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

private:
    void announce();

    QUdpSocket *m_socket = nullptr;
    QTimer m_timer;
    Announcement m_announcement;
    QHostAddress m_target = QHostAddress(QHostAddress::Broadcast);
    quint16 m_port = kDefaultPort;
};

// The joining side: listens for announcements and keeps the hubs heard within the expiry time.
class Browser final : public QObject
{
    Q_OBJECT
public:
    explicit Browser(const Clock &clock, QObject *parent = nullptr);
    ~Browser() override;

    // Listens on address:port (shared with other listeners on the machine). Returns false, with
    // errorString(), when the port cannot be opened.
    bool start(const QHostAddress &address = QHostAddress(QHostAddress::AnyIPv4),
               quint16 port = kDefaultPort);
    void stop();
    QString errorString() const { return m_error; }

    // Hubs not heard for this long are dropped (checked every second and on each datagram).
    void setExpiry(Ms ms) { m_expiryMs = ms; }
    QList<FoundHub> hubs() const { return m_hubs; }

Q_SIGNALS:
    void hubsChanged();

private:
    void readPending();
    void expire();

    const Clock &m_clock;
    QUdpSocket *m_socket = nullptr;
    QTimer m_expiryTimer;
    QList<FoundHub> m_hubs;
    Ms m_expiryMs = 3 * kDefaultIntervalMs + 1000;
    QString m_error;
};

} // namespace st::discovery
