#pragma once

#include "ClockOffset.h"
#include "Outbox.h"
#include "SyncCache.h"
#include "domain/Clock.h"
#include "domain/Types.h"
#include "protocol/Answers.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QWebSocket;

namespace st {

class TimerService;

enum class SyncState
{
    Off,          // not started, or stopped
    Offline,      // the hub cannot be reached; retrying with backoff
    Connecting,   // WebSocket and Socket.IO handshake under way
    Syncing,      // connected: sending the outbox, pulling what was missed
    Connected,    // caught up; changes flow both ways as they happen
    Unauthorized, // the hub refused the token: no retry until start() is called again
};
QString syncStateName(SyncState state);

struct SyncSettings
{
    QUrl url; // see hubUrl()
    QString token;
    QString deviceId;
    QString deviceName;
    // wss only: the SHA-256 of the hub's certificate; pinned, it replaces the CA and host name
    // checks (sync/TlsPin.h). Empty: the certificate must be valid for the host.
    QByteArray pinnedSha256{};
    // More hubs on the same database (same token, same certificate), tried in this order after
    // url when a hub cannot be reached or drops (docs/SCALING.md).
    QList<QUrl> moreUrls{};
};

// ws://host:port/socket.io/?EIO=4&transport=websocket (wss with tls).
QUrl hubUrl(const QString &host, quint16 port, bool tls = false);

// Another machine's timer event, for the UI to phrase ("%1 started %2 in %3" through tr()).
struct RemoteActivity
{
    protocol::Event event = protocol::Event::TimerStarted; // one of the timer broadcasts
    TimeEntry entry;
    QString userName;
    QString taskTypeName;
    QString roomName; // empty: no room
    QString deviceName;
};

// A timer running on another machine, with attribution (name — Recording — Studio A — 0:42:10).
struct RemoteTimer
{
    TimeEntry entry;
    QString userName;
    QString taskTypeName;
    QString roomName;
    QString deviceName; // empty when not heard in this session
};

using PresenceDevice = protocol::PresenceDevice;

// The client half of LAN sync (DESIGN.md, "Sync protocol"): one Socket.IO v4 connection to the
// hub over QWebSocket. After CONNECT it sends the outbox in order (same opIds as before), then
// pulls what it missed since its last seq until the hub says there is no more; afterwards it sends
// local changes as they are made and applies the hub's broadcasts, pulling whenever a seq is
// skipped. A refused change goes to the conflicts list and the entry is set back to the hub's
// truth. The connection is retried with capped exponential backoff and jitter, reset after a
// successful CONNECT; a refused token or protocol version stops the retries, a hub that cannot
// check the token for now ("unavailable") does not. Given several hubs of one database, a hub
// that fails or drops gives way to the next at once, and the backoff waits between rounds of the
// whole list; the last seq and the outbox are the desk's, so the next hub carries on from there.
// Events this build does not know are ignored.
class SyncClient final : public QObject
{
    Q_OBJECT
public:
    // service: the TimerService of the local cache (its clock should be a HubClock on offset).
    // localClock: this machine's own clock (round trips are measured on it).
    SyncClient(const Database &db, TimerService &service, Outbox &outbox, ClockOffset &offset,
               const Clock &localClock, QObject *parent = nullptr);
    ~SyncClient() override;

    void start(const SyncSettings &settings);
    void stop();

    SyncState state() const { return m_state; }
    // Why the last connection failed or was refused (empty while all is well).
    QString errorMessage() const { return m_error; }
    // The hub in use, or being tried (one of SyncSettings' url and moreUrls).
    QUrl currentUrl() const { return m_urls.value(m_hub); }
    int pendingCount() const;
    QList<SyncConflict> conflicts() const;
    int unseenConflictCount() const;
    void markConflictsSeen();
    QList<PresenceDevice> presence() const { return m_presence; }
    QList<RemoteTimer> remoteTimers() const;
    qint64 lastSeq() const { return m_cache.lastSeq(); }
    QString hubOrgId() const { return m_cache.hubOrgId(); }
    const ClockOffset &clockOffset() const { return m_offset; }

    // Reconnect delays: the n-th retry waits a random time in [d/2, d], d = min(max, initial·2^n).
    void setBackoff(int initialMs, int maxMs);
    int nextRetryDelayMs() const { return m_retryTimer.interval(); }
    // Entries per sync:pull page.
    void setPullLimit(int limit) { m_pullLimit = limit; }
    // Outbox requests in flight at once while replaying.
    static constexpr int kOpWindow = 64;

Q_SIGNALS:
    void stateChanged(st::SyncState state);
    // Another hub of the list is tried (currentUrl()).
    void hubChanged(const QUrl &url);
    void pendingCountChanged(int count);
    void conflictsChanged(int unseen);
    void remoteActivity(const st::RemoteActivity &activity);
    void remoteTimersChanged();
    void presenceChanged();
    void organizationJoined(const QString &orgId, const QString &orgName);
    // The outbox is empty and everything up to the hub's head is applied.
    void caughtUp();
    void errorOccurred(const QString &message);

private:
    using AckHandler = std::function<void(const QJsonObject &answer)>;

    void openSocket();
    void onTextMessage(const QString &frame);
    void onDisconnected();
    void onConnectAnswer(const QJsonValue &answer);
    void onConnectRefused(const QJsonValue &data);
    // The hub's certificate is not the pinned one (checked on sslErrors, which ignores the errors
    // only for the pinned certificate, and again before CONNECT): stop, nothing sent, and say what
    // to check.
    void refusePin();
    void onBroadcast(const QString &event, const QJsonObject &payload);
    // The changes broadcast since the last pass of the event loop, in one transaction.
    void applyLiveChanges();
    void sendFrame(const QString &frame);
    void request(protocol::Event event, const QJsonObject &payload, AckHandler handler);
    void advance();
    void step();
    // Outbox replay (docs/SYNC_CLIENT.md): up to kOpWindow requests in flight, answers handled in
    // outbox order, in one transaction per run of answers.
    void sendOps();
    void onOpAnswered(quint64 epoch, const QString &opId, const QJsonObject &answer);
    void handleOpAnswers();
    // The rest of the window is given up (its answers ignored) and sent again from the outbox.
    void dropOpWindow();
    // False when the answer stops the window (a refusal).
    bool onOpAnswer(const OutboxOp &op, const protocol::Answer &answer);
    void startPull();
    void onPullAnswer(const QJsonObject &answer, bool resync);
    void finishResync();
    // What applying a change did: the error is shown and retried, a live timer change of another
    // desk is announced.
    bool afterApply(const Result<AppliedChange> &applied, bool live);
    // The next hub at once, or after the backoff once every hub was tried in this round.
    void scheduleReconnect();
    void abortConnection(const QString &why);
    void setState(SyncState state);
    void setError(const QString &message);
    void notifyPending();
    void sampleClock(Ms t0, std::optional<Ms> serverTime);
    // A refusal as the user sees it (a hub that gave no reason still gets one).
    static Error withReason(Error error);

    const Database &m_db;
    TimerService &m_service;
    Outbox &m_outbox;
    ClockOffset &m_offset;
    const Clock &m_clock;
    SyncCache m_cache;
    QWebSocket *m_socket = nullptr;
    QTimer m_retryTimer;
    QTimer m_heartbeat; // no ping within pingInterval + pingTimeout: the link is dead
    QTimer m_handshakeTimer;
    QRandomGenerator m_random;

    SyncSettings m_settings;
    QList<QUrl> m_urls;  // url, then moreUrls
    int m_hub = 0;       // the one in use in m_urls
    int m_hubsTried = 0; // in this round: hubs that failed since the last CONNECT
    QUrl m_announcedUrl; // the last hubChanged
    SyncState m_state = SyncState::Off;
    QString m_error;
    bool m_running = false;
    bool m_sessionUp = false; // CONNECT answered
    Ms m_connectSentAt = 0;
    int m_heartbeatMs = 45000;

    qint64 m_nextAckId = 0;
    struct Pending
    {
        Ms sentAt = 0;
        AckHandler handler;
    };
    QHash<qint64, Pending> m_acks;

    bool m_joining = false;
    bool m_advancing = false;
    bool m_advanceAgain = false;
    // The outbox requests sent and not yet handled, in outbox order, with their answers as they
    // arrive; an answer to a request of an earlier window (epoch) is ignored.
    struct OpInFlight
    {
        OutboxOp op;
        std::optional<protocol::Answer> answer;
    };
    QList<OpInFlight> m_opsInFlight;
    quint64 m_opEpoch = 0;
    bool m_handlingOps = false;
    QTimer m_opAnswersTimer; // zero-timer: the answers read in one pass are handled together
    QList<protocol::Broadcast> m_liveChanges; // broadcast, not yet applied
    QTimer m_liveChangesTimer;                // zero-timer, as for the answers
    std::optional<Ms> m_savedOffset;          // the clock offset last written to the cache
    bool m_pullInFlight = false;
    bool m_needPull = false;
    bool m_rateLimited = false;
    QTimer m_rateLimitTimer;
    QTimer m_applyRetryTimer;
    // Entries whose change the hub refused: set back to the hub's truth by a pull from seq 0.
    QSet<QString> m_resyncIds;
    QSet<QString> m_resyncSeen;
    bool m_resyncing = false;
    qint64 m_resyncSince = 0;

    int m_initialBackoffMs = 500;
    int m_maxBackoffMs = 30000;
    int m_attempt = 0;
    int m_pullLimit = 500;
    int m_lastPending = -1;

    QList<PresenceDevice> m_presence;
    QHash<QString, QString> m_deviceOfEntry; // running entries heard of: entry ID -> device name
};

} // namespace st

Q_DECLARE_METATYPE(st::RemoteActivity)
