#pragma once

#include "domain/Clock.h"
#include "protocol/Answers.h"
#include "protocol/Broadcasts.h"
#include "protocol/Requests.h"
#include "store/Database.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <map>
#include <memory>

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
class HubService final
{
public:
    // How far ahead of the hub's clock a start or stamp may be (a desk's clock drifts a little).
    static constexpr Ms kMaxAhead = 60'000;

    HubService(const Database &db, const Clock &clock, HubStore &store);
    ~HubService();

    // One request: event is the wire name, payload its first argument.
    HubOutcome handle(const HubCaller &who, const QString &event, const QJsonValue &payload);

private:
    struct Pending;

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
};

} // namespace st
