#include "SyncClient.h"

#include "SocketIoCodec.h"
#include "TlsPin.h"
#include "timer/Profile.h"
#include "timer/TimerService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QUrlQuery>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcSync, "studiotimer.sync.client", QtWarningMsg)

namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::SyncClient)
};

constexpr int kHandshakeTimeoutMs = 10000;

} // namespace

QString syncStateName(SyncState state)
{
    switch (state) {
    case SyncState::Off:
        return QStringLiteral("off");
    case SyncState::Offline:
        return QStringLiteral("offline");
    case SyncState::Connecting:
        return QStringLiteral("connecting");
    case SyncState::Syncing:
        return QStringLiteral("syncing");
    case SyncState::Connected:
        return QStringLiteral("connected");
    case SyncState::Unauthorized:
        return QStringLiteral("unauthorized");
    }
    return {};
}

QUrl hubUrl(const QString &host, quint16 port, bool tls)
{
    QUrl url;
    url.setScheme(tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(host);
    url.setPort(port);
    url.setPath(QStringLiteral("/socket.io/"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("EIO"), QStringLiteral("4"));
    query.addQueryItem(QStringLiteral("transport"), QStringLiteral("websocket"));
    url.setQuery(query);
    return url;
}

SyncClient::SyncClient(const Database &db, TimerService &service, Outbox &outbox,
                       ClockOffset &offset, const Clock &localClock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_service(service)
    , m_outbox(outbox)
    , m_offset(offset)
    , m_clock(localClock)
    , m_cache(db, service, outbox)
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
    , m_random(QRandomGenerator::securelySeeded())
{
    qRegisterMetaType<st::RemoteActivity>();
    qRegisterMetaType<st::SyncState>();
    if (const auto saved = m_cache.savedClockOffset(); saved && !m_offset.isKnown())
        m_offset.restore(*saved);

    // Every connection is made once, here: reconnecting reuses the same socket and handlers.
    connect(m_socket, &QWebSocket::textMessageReceived, this, &SyncClient::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &) {
        abortConnection(Tr::tr("The hub sent binary data, which the protocol does not use."));
    });
    connect(m_socket, &QWebSocket::disconnected, this, &SyncClient::onDisconnected);
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        if (tlspin::acceptErrors(*m_socket, errors, m_settings.pinnedSha256))
            m_socket->ignoreSslErrors();
        else if (!m_settings.pinnedSha256.isEmpty())
            refusePin();
    });
    connect(m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (m_state != SyncState::Unauthorized) // a refused pin says more
                    setError(Tr::tr("Cannot reach the hub at %1: %2")
                                 .arg(currentUrl().authority(), m_socket->errorString()));
            });

    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SyncClient::openSocket);
    m_heartbeat.setSingleShot(true);
    connect(&m_heartbeat, &QTimer::timeout, this,
            [this] { abortConnection(Tr::tr("The hub stopped answering.")); });
    m_handshakeTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        abortConnection(Tr::tr("The hub did not complete the connection in time."));
    });
    m_applyRetryTimer.setSingleShot(true);
    connect(&m_applyRetryTimer, &QTimer::timeout, this, [this] {
        m_needPull = true;
        advance();
    });
    m_liveChangesTimer.setSingleShot(true);
    m_liveChangesTimer.setInterval(0);
    connect(&m_liveChangesTimer, &QTimer::timeout, this, &SyncClient::applyLiveChanges);
    m_opAnswersTimer.setSingleShot(true);
    m_opAnswersTimer.setInterval(0);
    connect(&m_opAnswersTimer, &QTimer::timeout, this, &SyncClient::handleOpAnswers);
    m_rateLimitTimer.setSingleShot(true);
    connect(&m_rateLimitTimer, &QTimer::timeout, this, [this] {
        m_rateLimited = false;
        advance();
    });

    // Local changes: counted at once, and sent at once while connected.
    auto localChange = [this] {
        notifyPending();
        advance();
    };
    connect(&m_service, &TimerService::entryChanged, this, localChange);
    connect(&m_service, &TimerService::catalogChanged, this, localChange);
    connect(&m_service, &TimerService::entriesChanged, this, localChange);
    connect(&m_service, &TimerService::entryChanged, this,
            [this] { Q_EMIT remoteTimersChanged(); });
}

SyncClient::~SyncClient()
{
    m_running = false;
    m_socket->abort();
}

void SyncClient::start(const SyncSettings &settings)
{
    stop();
    m_settings = settings;
    m_urls = QList<QUrl>{settings.url} + settings.moreUrls;
    m_hub = 0;
    m_hubsTried = 0;
    m_running = true;
    m_attempt = 0;
    m_error.clear();
    notifyPending();
    openSocket();
}

void SyncClient::stop()
{
    m_running = false;
    m_retryTimer.stop();
    m_heartbeat.stop();
    m_handshakeTimer.stop();
    m_rateLimitTimer.stop();
    m_applyRetryTimer.stop();
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    onDisconnected();
    setState(SyncState::Off);
}

void SyncClient::setBackoff(int initialMs, int maxMs)
{
    m_initialBackoffMs = std::max(1, initialMs);
    m_maxBackoffMs = std::max(m_initialBackoffMs, maxMs);
}

int SyncClient::pendingCount() const
{
    return m_outbox.pendingCount();
}

QList<SyncConflict> SyncClient::conflicts() const
{
    return m_outbox.conflicts();
}

int SyncClient::unseenConflictCount() const
{
    return m_outbox.unseenConflictCount();
}

void SyncClient::markConflictsSeen()
{
    if (m_outbox.markConflictsSeen())
        Q_EMIT conflictsChanged(0);
}

QList<RemoteTimer> SyncClient::remoteTimers() const
{
    QList<RemoteTimer> result;
    const QString me = profile::currentUserId(m_db);
    for (const TimeEntry &e : m_service.runningEntries()) {
        if (e.userId == me)
            continue;
        RemoteTimer t;
        t.entry = e;
        t.userName = m_service.user(e.userId).value_or(User{}).name;
        t.taskTypeName = m_service.taskType(e.taskTypeId).value_or(TaskType{}).name;
        if (!e.roomId.isEmpty())
            t.roomName = m_service.room(e.roomId).value_or(Room{}).name;
        t.deviceName = m_deviceOfEntry.value(e.id);
        result.append(t);
    }
    return result;
}

// ---- connection --------------------------------------------------------------------------------

void SyncClient::openSocket()
{
    if (!m_running)
        return;
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    setState(SyncState::Connecting);
    m_sessionUp = false;
    m_handshakeTimer.start(kHandshakeTimeoutMs);
    const QUrl url = currentUrl();
    if (url != std::exchange(m_announcedUrl, url)) {
        qCInfo(lcSync, "Connecting to the hub at %s", qPrintable(url.authority()));
        Q_EMIT hubChanged(url);
    }
    if (url.scheme() == QLatin1String("wss"))
        m_socket->setSslConfiguration(tlspin::configuration());
    m_socket->open(url);
}

void SyncClient::onTextMessage(const QString &frame)
{
    auto eio = sio::decodeEio(frame);
    if (!eio) {
        abortConnection(Tr::tr("The hub sent a malformed packet: %1").arg(eio.error().message));
        return;
    }
    switch (eio->type) {
    case sio::EioType::Open: {
        auto open = sio::decodeOpen(eio->data);
        if (!open) {
            abortConnection(
                Tr::tr("The hub sent a malformed handshake: %1").arg(open.error().message));
            return;
        }
        if (!tlspin::verified(*m_socket, m_settings.pinnedSha256)) {
            refusePin(); // the token goes only to the pinned certificate
            return;
        }
        m_heartbeatMs = open->pingInterval + open->pingTimeout;
        m_heartbeat.start(m_heartbeatMs);
        protocol::ConnectAuth auth;
        auth.token = m_settings.token;
        auth.deviceId = m_settings.deviceId;
        auth.deviceName = m_settings.deviceName;
        auth.since = m_cache.lastSeq();
        m_connectSentAt = m_clock.nowMs();
        sendFrame(sio::encodeMessage(sio::Packet::connect(protocol::encode(auth))));
        return;
    }
    case sio::EioType::Ping:
        m_heartbeat.start(m_heartbeatMs);
        sendFrame(sio::encodeEio(sio::EioType::Pong));
        return;
    case sio::EioType::Close:
        m_socket->close();
        return;
    case sio::EioType::Message:
        break;
    default:
        return; // pong, noop, upgrade: nothing to do on a WebSocket-only client
    }

    auto packet = sio::decode(eio->data);
    if (!packet) {
        abortConnection(Tr::tr("The hub sent a malformed packet: %1").arg(packet.error().message));
        return;
    }
    if (packet->nsp != QLatin1String("/"))
        return;
    switch (packet->type) {
    case sio::PacketType::Connect:
        onConnectAnswer(packet->data);
        break;
    case sio::PacketType::ConnectError:
        onConnectRefused(packet->data);
        break;
    case sio::PacketType::Event:
        if (packet->eventName().isEmpty())
            break;
        onBroadcast(packet->eventName(), packet->eventArgs().at(0).toObject());
        break;
    case sio::PacketType::Ack: {
        if (!packet->ackId)
            break;
        const auto it = m_acks.find(*packet->ackId);
        if (it == m_acks.end())
            break;
        Pending pending = it.value();
        m_acks.erase(it);
        const QJsonObject answer = packet->data.toArray().at(0).toObject();
        sampleClock(pending.sentAt, protocol::serverTimeOf(answer));
        pending.handler(answer);
        break;
    }
    case sio::PacketType::Disconnect:
        abortConnection(Tr::tr("The hub closed the session."));
        break;
    default:
        abortConnection(Tr::tr("The hub sent binary data, which the protocol does not use."));
        break;
    }
}

void SyncClient::onConnectRefused(const QJsonValue &data)
{
    using Reason = protocol::ConnectRefusal::Reason;
    const protocol::ConnectRefusal refused = protocol::decodeConnectRefusal(data);
    m_handshakeTimer.stop();
    m_heartbeat.stop();
    if (refused.reason == Reason::Unavailable) {
        // The hub cannot check the token for now (its database failed): try again later.
        setError(Tr::tr("The hub cannot check this machine's token for now; trying again."));
        m_socket->close(); // disconnected() follows and schedules the retry
        return;
    }
    if (refused.reason == Reason::OverLimit) {
        // The hub holds as many connections as it allows (its message, in its words, says
        // which limit): try again later, with the backoff.
        setError(refused.message);
        m_socket->close();
        return;
    }
    m_running = false; // no retry storm: a refused token stays refused
    if (refused.reason == Reason::Unauthorized)
        setError(Tr::tr("The hub refused this machine's token. Ask the hub's owner for a new "
                        "invite token and join again."));
    else if (refused.reason == Reason::UnsupportedProtocol)
        setError(Tr::tr("This hub speaks sync protocol %1 and this desk speaks %2: update Studio "
                        "Timer.")
                     .arg(refused.hubProtocol)
                     .arg(protocol::kVersion));
    else
        setError(Tr::tr("The hub refused the connection: %1").arg(refused.message));
    setState(SyncState::Unauthorized);
    m_socket->close();
}

void SyncClient::refusePin()
{
    m_running = false; // no retry: the address or the fingerprint needs a look
    m_handshakeTimer.stop();
    setError(tlspin::mismatchMessage(*m_socket, currentUrl().authority(), m_settings.pinnedSha256));
    setState(SyncState::Unauthorized);
    m_socket->abort();
}

void SyncClient::onConnectAnswer(const QJsonValue &value)
{
    const auto answer = protocol::decodeConnectAnswer(value);
    if (!answer) {
        abortConnection(Tr::tr("The hub's answer names no organisation."));
        return;
    }
    const QString orgId = answer->orgId;
    m_handshakeTimer.stop();
    m_sessionUp = true;
    m_attempt = 0; // a successful CONNECT resets the backoff, and the round of hubs
    m_hubsTried = 0;
    qCInfo(lcSync, "Connected to the hub at %s, resuming after seq %lld",
           qPrintable(currentUrl().authority()), m_cache.lastSeq());
    m_error.clear();
    sampleClock(m_connectSentAt, answer->serverTime);
    if (answer->presence) {
        // The list as of the hub's last presence message; the deltas that follow update it.
        m_presence = *answer->presence;
        Q_EMIT presenceChanged();
    }
    m_cache.setHubOrganization(orgId, answer->orgName);
    m_joining = m_cache.needsJoin();
    if (m_joining) {
        if (auto r = m_cache.beginJoin(); !r) {
            setError(r.error().message);
            abortConnection(r.error().message);
            return;
        }
    }
    m_needPull = true;
    const qint64 head = answer->head;
    if (head >= 0 && head == m_cache.lastSeq() && !m_joining)
        m_needPull = false; // nothing missed
    setState(SyncState::Syncing);
    advance();
}

void SyncClient::onDisconnected()
{
    m_handshakeTimer.stop();
    m_heartbeat.stop();
    m_sessionUp = false;
    m_acks.clear(); // unanswered requests are sent again (same opIds) after the next CONNECT
    dropOpWindow();
    m_liveChanges.clear(); // the next session's pull brings them
    m_liveChangesTimer.stop();
    m_pullInFlight = false;
    m_resyncing = false;
    m_joining = false;
    if (!m_presence.isEmpty()) {
        m_presence.clear();
        Q_EMIT presenceChanged();
    }
    if (m_running)
        scheduleReconnect();
}

void SyncClient::scheduleReconnect()
{
    if (m_retryTimer.isActive())
        return;
    m_hub = (m_hub + 1) % int(m_urls.size());
    if (++m_hubsTried < m_urls.size()) {
        setState(SyncState::Connecting); // the next hub of the database, at once
        m_retryTimer.start(0);
        return;
    }
    m_hubsTried = 0;
    // Capped exponential backoff with "equal jitter": half the delay fixed, half random.
    const int shift = std::min(m_attempt, 20);
    const qint64 ceiling = std::min<qint64>(m_maxBackoffMs, qint64(m_initialBackoffMs) << shift);
    const int delay = int(ceiling / 2 + m_random.bounded(ceiling / 2 + 1));
    ++m_attempt;
    m_retryTimer.start(delay);
    setState(SyncState::Offline);
}

void SyncClient::abortConnection(const QString &why)
{
    qCInfo(lcSync) << "Closing the connection to the hub:" << why;
    setError(why);
    m_socket->abort(); // disconnected() follows and schedules the retry
}

void SyncClient::sendFrame(const QString &frame)
{
    m_socket->sendTextMessage(frame);
}

void SyncClient::request(protocol::Event event, const QJsonObject &payload, AckHandler handler)
{
    const qint64 id = m_nextAckId++;
    m_acks.insert(id, {m_clock.nowMs(), std::move(handler)});
    sendFrame(sio::encodeMessage(sio::Packet::event(protocol::eventName(event), {payload}, id)));
}

void SyncClient::sampleClock(Ms t0, std::optional<Ms> serverTime)
{
    if (!serverTime)
        return;
    m_offset.addSample(t0, *serverTime, m_clock.nowMs());
    // Written when it moved only: a replay's answers come by the hundred, and each write would be
    // a disk sync.
    const Ms offset = m_offset.offsetMs();
    if (m_savedOffset != offset && m_cache.saveClockOffset(offset))
        m_savedOffset = offset;
}

// ---- the session: outbox, pulls, broadcasts ----------------------------------------------------

void SyncClient::advance()
{
    // Re-entered from a signal of a change made here (the cache announces what it writes): the
    // outer call goes round again instead of nesting.
    if (m_advancing) {
        m_advanceAgain = true;
        return;
    }
    m_advancing = true;
    do {
        m_advanceAgain = false;
        step();
    } while (m_advanceAgain);
    m_advancing = false;
}

void SyncClient::step()
{
    if (!m_sessionUp || m_handlingOps || m_pullInFlight)
        return;
    if (!m_opsInFlight.isEmpty()) {
        sendOps(); // local changes made meanwhile join the window
        return;
    }
    if (m_joining) {
        if (m_needPull) {
            startPull();
            return;
        }
        m_joining = false;
        auto joined = m_cache.finishJoin();
        if (!joined) {
            abortConnection(
                Tr::tr("Cannot join the hub's organisation: %1").arg(joined.error().message));
            return;
        }
        notifyPending();
        Q_EMIT organizationJoined(m_cache.hubOrgId(), m_service.organization().name);
    }
    if (!m_rateLimited && m_outbox.pendingCount() > 0) {
        sendOps();
        return;
    }
    if (m_needPull) {
        startPull();
        return;
    }
    if (!m_resyncIds.isEmpty() && !m_resyncing) {
        m_resyncing = true;
        m_resyncSince = 0;
        m_resyncSeen.clear();
        startPull();
        return;
    }
    if (m_rateLimited)
        return;
    if (m_state != SyncState::Connected) {
        setState(SyncState::Connected);
        Q_EMIT caughtUp();
    }
}

void SyncClient::startPull()
{
    m_pullInFlight = true;
    const bool resync = m_resyncing;
    const qint64 since = resync ? m_resyncSince : m_cache.lastSeq();
    if (m_state == SyncState::Connected)
        setState(SyncState::Syncing);
    request(protocol::Event::SyncPull, protocol::encode(protocol::SyncPull{since, m_pullLimit}),
            [this, resync](const QJsonObject &answer) {
                onPullAnswer(answer, resync);
                m_pullInFlight = false;
                advance();
            });
}

// ---- state -------------------------------------------------------------------------------------

Error SyncClient::withReason(Error error)
{
    if (error.message.isEmpty())
        error.message = Tr::tr("The hub refused the change without a reason.");
    return error;
}

void SyncClient::setState(SyncState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SyncClient::setError(const QString &message)
{
    if (m_error == message)
        return;
    m_error = message;
    if (!message.isEmpty())
        Q_EMIT errorOccurred(message);
}

void SyncClient::notifyPending()
{
    const int count = m_outbox.pendingCount();
    if (count != m_lastPending) {
        m_lastPending = count;
        Q_EMIT pendingCountChanged(count);
    }
}

} // namespace st
