#pragma once

#include "domain/Clock.h"
#include "protocol/Answers.h"
#include "protocol/Broadcasts.h"
#include "protocol/Requests.h"
#include "store/Database.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace st {

class HubStore;
class TimerService;
struct Mutation;

// Who sends a request: the connection's organisation and device.
struct HubCaller
{
    QString orgId;
    QString deviceId;
    QString deviceName;
};

// What the hub does with a request: answer it (ack), then, the change being committed, send the
// broadcasts to the organisation.
struct HubOutcome
{
    QJsonObject answer; // without serverTime (stamped as it leaves)
    QList<protocol::Broadcast> broadcasts;
    QString userName; // the person the request named (empty: none), for presence
};

// The hub's request half (DESIGN.md, "Sync protocol"): decodes a request once, answers a replayed
// opId with its first answer, applies the change through the organisation's TimerService, and
// writes the change log rows and the opId answer in the change's own transaction, so an answered
// change survives a crash and a replay never applies twice. sync:pull reads the change log.
//
// The person a request names is created or renamed in the organisation in the same transaction as
// the change: a refused change leaves nothing behind (bad input changes nothing).
//
// Group commit (docs/ARCHITECTURE.md, "The hub's writes"): submit() queues a request and a
// zero-timer applies everything queued in one transaction, each request under its own savepoint
// (a refusal rolls back only its own request), then commits once and answers every request of the
// batch in the order submitted. While that commit's fsync runs, the next requests wait in the
// socket buffers and become the next batch. A sync:pull first commits what is before it, so its
// answer shows only committed changes.
class HubService final
{
public:
    // How far ahead of the hub's clock a start or stamp may be (a desk's clock drifts a little).
    static constexpr Ms kMaxAhead = 60'000;
    // At most this many requests in one transaction (a longer queue commits in several).
    static constexpr int kMaxBatch = 500;
    // A flush that has applied requests this long commits and leaves the rest of the queue to the
    // next event loop pass, so the hub keeps reading and writing its sockets meanwhile (a request
    // costs far more on PostgreSQL, several round trips to the server, than on SQLite).
    static constexpr int kMaxBatchMs = 200;

    // Called with a request's outcome once the transaction it was applied in is committed.
    using Answered = std::function<void(const HubOutcome &)>;

    HubService(const Database &db, const Clock &clock, HubStore &store);
    ~HubService();

    // Queues one request (event is the wire name, payload its first argument) for the next
    // flush(), run by a zero-timer; answered is called then. Requests still queued when the
    // service is destroyed are dropped unanswered (the desk sends them again, same opId).
    void submit(const HubCaller &who, const QString &event, const QJsonValue &payload,
                Answered answered);
    // Applies every queued request, in order, in one transaction per kMaxBatch (see above).
    void flush();

private:
    struct Pending;
    // flush(); capped (the zero-timer's): stops after kMaxBatchMs, the rest in the next pass.
    void flushQueued(bool capped);
    struct Queued
    {
        HubCaller who;
        QString event;
        QJsonValue payload;
        Answered answered;
    };

    // A mutation of a batch: applied under its own savepoint inside the batch's transaction.
    HubOutcome decodeAndApply(const Queued &request);

    HubOutcome apply(const HubCaller &who, protocol::Request request, const QString &requestHash);
    // The conflict answer (with the current entry) to a change based on an older version.
    std::optional<QJsonObject> staleAnswer(TimerService &svc,
                                           const protocol::Request &request) const;
    // Refuses a start or stamp more than kMaxAhead ahead of the hub's clock.
    Result<void> checkNotAhead(const protocol::Request &request) const;
    Result<void> run(TimerService &svc, const protocol::Request &request, const QString &userId);
    QJsonObject pull(const HubCaller &who, const QJsonValue &payload);
    // The change log rows and the opId answer of a change (TimerService's mutation sink).
    Result<void> record(Pending &pending, const Mutation &mutation);
    protocol::TimerChanged timerChange(TimerService &svc, const Pending &pending,
                                       protocol::Event event, const TimeEntry &entry) const;
    TimerService &service(const QString &orgId);

    const Database &m_db;
    const Clock &m_clock;
    HubStore &m_store;
    std::map<QString, std::unique_ptr<TimerService>> m_services;
    Pending *m_current = nullptr; // the request being applied (read by the mutation sink)
    std::vector<Queued> m_queue;  // submitted, not yet applied
    QTimer m_flushTimer;          // zero-timer: flush() once the event loop's pass is done
};

} // namespace st
