#include "HubService.h"

#include "protocol/Fields.h"
#include "store/Repositories.h"
#include "sync/HubStore.h"
#include "timer/TimerService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHubService, "studiotimer.hub.requests", QtInfoMsg)

namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::Hub)
};

QJsonObject refused(const Error &error)
{
    return protocol::encode(protocol::Answer::refused(error));
}

} // namespace

// The request being applied: what the mutation sink needs to write the change log and answer.
struct HubService::Pending
{
    HubCaller who;
    QString opId;
    QString requestHash;
    protocol::UserRef user;
    QList<protocol::Broadcast> broadcasts; // sent after the commit
    QJsonObject answer;
    bool recorded = false;
};

HubService::HubService(const Database &db, const Clock &clock, HubStore &store)
    : m_db(db)
    , m_clock(clock)
    , m_store(store)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    QObject::connect(&m_flushTimer, &QTimer::timeout, &m_flushTimer, [this] { flushQueued(true); });
}

HubService::~HubService() = default;

void HubService::submit(const HubCaller &who, const QString &event, const QJsonValue &payload,
                        Answered answered)
{
    m_queue.push_back({who, event, payload, std::move(answered)});
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void HubService::flush()
{
    flushQueued(false);
}

void HubService::flushQueued(bool capped)
{
    m_flushTimer.stop();
    std::vector<Queued> queue;
    std::swap(queue, m_queue);
    std::optional<Transaction> tx;
    // The outcomes of the open transaction, by index into queue: answered after its commit.
    std::vector<std::pair<size_t, HubOutcome>> applied;
    const auto commit = [&] {
        if (tx) {
            const Result<void> committed = tx->commit();
            tx.reset(); // rolls back what a failed commit left
            if (!committed) {
                // Nothing of the batch is stored: every request of it is refused (internal, so
                // the desks send them again with the same opIds).
                qCWarning(lcHubService).noquote()
                    << "a batch of" << applied.size()
                    << "requests was not committed:" << committed.error().message;
                for (auto &[index, outcome] : applied)
                    outcome = {refused(committed.error()), {}, {}};
            }
        }
        for (const auto &[index, outcome] : applied)
            queue[index].answered(outcome);
        applied.clear();
    };
    QElapsedTimer busy;
    busy.start();
    for (size_t i = 0; i < queue.size(); ++i) {
        if (capped && busy.elapsed() >= kMaxBatchMs && i > 0) {
            // The loop has sockets to read and write (pings, partial frames): what is left waits
            // for the next pass, ahead of anything that came in meanwhile.
            commit();
            m_queue.insert(m_queue.begin(), std::make_move_iterator(queue.begin() + qsizetype(i)),
                           std::make_move_iterator(queue.end()));
            m_flushTimer.start();
            return;
        }
        if (protocol::eventFromName(queue[i].event) == protocol::Event::SyncPull) {
            // History as committed: what is before the pull in the queue commits first.
            commit();
            queue[i].answered({pull(queue[i].who, queue[i].payload), {}, {}});
            continue;
        }
        if (!tx) {
            tx.emplace(m_db);
            if (!tx->isActive()) {
                applied.emplace_back(i, HubOutcome{refused(tx->error()), {}, {}});
                tx.reset(); // the next request tries again
                continue;
            }
        }
        applied.emplace_back(i, decodeAndApply(queue[i]));
        if (applied.size() >= size_t(kMaxBatch))
            commit();
    }
    commit();
}

HubOutcome HubService::decodeAndApply(const Queued &queued)
{
    const auto event = protocol::eventFromName(queued.event);
    if (!event || !protocol::isMutation(*event))
        return {refused(Error::invalid(Tr::tr("Unknown event \"%1\".").arg(queued.event.left(64)))),
                {},
                {}};
    auto request = protocol::decodeRequest(*event, queued.payload);
    if (!request)
        return {refused(request.error()), {}, {}};
    return apply(queued.who, std::move(request).value(),
                 HubStore::requestHash(protocol::eventName(*event), queued.payload.toObject()));
}

HubOutcome HubService::apply(const HubCaller &who, protocol::Request request,
                             const QString &requestHash)
{
    const protocol::Envelope &envelope = protocol::envelopeOf(request);
    Pending pending;
    pending.who = who;
    pending.opId = envelope.opId;
    pending.user = *envelope.user; // decodeRequest requires it
    pending.user.name = pending.user.name.trimmed();
    const QString &userId = pending.user.id;

    pending.requestHash = requestHash;
    // One savepoint in the batch's transaction for everything the request reads and writes: a
    // refused change leaves no person made or renamed for it, the batch's other requests keep
    // theirs, and on PostgreSQL a failed statement spoils only this savepoint. The organisation
    // is locked first: another hub on the same database applies its changes before or after this
    // one, never in between (the replay check, the person and the timer all see its commits).
    Transaction tx(m_db);
    if (!tx.isActive())
        return {refused(tx.error()), {}, {}};
    if (auto r = m_store.lockOrganization(who.orgId); !r)
        return {refused(r.error()), {}, {}};
    const auto replay = m_store.op(who.orgId, pending.opId);
    if (!replay)
        return {refused(replay.error()), {}, {}}; // internal: the desk retries the same opId
    if (const std::optional<HubStore::Op> &op = *replay) {
        // An opId is bound to its request: the same request gets its first answer, another one
        // is refused (an op recorded before schema 6 has no hash and answers any replay).
        if (!op->requestHash.isEmpty() && op->requestHash != requestHash) {
            qCInfo(lcHubService).noquote() << "opId" << pending.opId << "reused";
            return {refused({ErrorCode::OpIdReused,
                             Tr::tr("The opId %1 was already used for a different request.")
                                 .arg(pending.opId)}),
                    {},
                    {}};
        }
        qCDebug(lcHubService).noquote() << "replay of" << pending.opId;
        return {op->answer, {}, {}};
    }
    if (auto r = checkNotAhead(request); !r)
        return {refused(r.error()), {}, {}};

    TimerService &svc = service(who.orgId);
    CatalogRepository catalog(m_db);
    const auto userRow = catalog.user(userId);
    if (!userRow)
        return {refused(userRow.error()), {}, {}};
    const std::optional<User> existingUser = *userRow;
    if (existingUser && existingUser->orgId != who.orgId)
        return {refused(Error::notFound(Tr::tr("No such user."))), {}, {}};

    // The person at the desk: created or renamed in this organisation.
    // (An archived person stays archived.)
    if (!existingUser || existingUser->name != pending.user.name) {
        User person = existingUser.value_or(User{userId, who.orgId, {}, 0});
        person.name = pending.user.name;
        person.updatedAt = m_clock.nowMs();
        if (auto r = catalog.saveUser(person); !r)
            return {refused(r.error()), {}, {}};
    }

    // A change based on a version of the entry that is no longer the current one: refused with
    // the current entry, so the desk shows both and takes the hub's (inside the transaction: read
    // where the change would be written).
    if (auto stale = staleAnswer(svc, request))
        return {*stale, {}, {}};

    m_current = &pending;
    svc.setDevice(who.deviceId, who.deviceName); // trail rows record the connection's device
    Result<void> outcome = run(svc, request, userId);
    m_current = nullptr;
    if (outcome && !pending.recorded)
        outcome = Error::internal(Tr::tr("The change was not recorded."));
    if (outcome)
        outcome = tx.commit();
    if (!outcome)
        return {refused(outcome.error()), {}, {}}; // refused: not even presence learns the name
    return {pending.answer, pending.broadcasts, pending.user.name};
}

std::optional<QJsonObject> HubService::staleAnswer(TimerService &svc,
                                                   const protocol::Request &request) const
{
    const std::optional<qint64> base = protocol::baseRevOf(request);
    const QString entryId = protocol::subjectOf(request);
    if (!base || entryId.isEmpty())
        return std::nullopt;
    const std::optional<TimeEntry> current = svc.entry(entryId);
    if (!current || current->rev == *base)
        return std::nullopt; // unknown: the change itself says not_found
    protocol::Answer answer = protocol::Answer::refused(Error::conflict(
        Tr::tr("The entry was changed elsewhere first: this change was based on version %1, the "
               "entry is at version %2.")
            .arg(*base)
            .arg(current->rev)));
    answer.entry = *current;
    answer.trail = svc.auditTrail(entryId); // the desk takes the hub's trail with the entry
    return protocol::encode(answer);
}

Result<void> HubService::checkNotAhead(const protocol::Request &request) const
{
    const Ms limit = m_clock.nowMs() + kMaxAhead;
    const auto ahead = [&](std::optional<Ms> at) {
        return at && *at > limit;
    };
    const bool future = std::visit(
        protocol::Overloaded{
            [&](const protocol::TimerStart &r) { return ahead(r.startedAt); },
            [&](const protocol::TimerStop &r) { return ahead(r.at); },
            [&](const protocol::TimerPause &r) { return ahead(r.at); },
            [&](const protocol::TimerResume &r) { return ahead(r.at); },
            [&](const protocol::EntryCreate &r) {
                return ahead(r.entry.startedAt) || ahead(r.entry.endedAt);
            },
            [&](const protocol::EntryAdjust &r) { return ahead(r.startedAt) || ahead(r.endedAt); },
            [](const auto &) { return false; },
        },
        request);
    if (future)
        return Error::invalid(Tr::tr("A time more than a minute ahead of the hub's clock was "
                                     "refused: check this computer's clock."));
    return {};
}

Result<void> HubService::run(TimerService &svc, const protocol::Request &request,
                             const QString &userId)
{
    const auto done = [](const auto &result) -> Result<void> {
        return result ? Result<void>{} : Result<void>(result.error());
    };
    // timer:stop / pause / resume: the user's running entry, or the one named (whoever's it is).
    const auto ownerOf = [&](const QString &entryId) -> Result<QString> {
        if (entryId.isEmpty())
            return userId;
        const auto target = svc.entry(entryId);
        if (!target || target->deleted)
            return Error::notFound(Tr::tr("No entry %1.").arg(entryId));
        if (!target->isRunning())
            return Error::conflict(Tr::tr("The entry is not running."));
        return target->userId;
    };
    const auto mark = [&](const protocol::TimerMark &r, auto action) -> Result<void> {
        const auto owner = ownerOf(r.entryId);
        if (!owner)
            return owner.error();
        return done((svc.*action)(owner.value(), r.at));
    };
    return std::visit(
        protocol::Overloaded{
            [&](const protocol::TimerStart &r) {
                return done(svc.start({userId, r.taskTypeId, r.roomId, r.note, r.startedAt,
                                       r.entryId, r.projectId, r.tags}));
            },
            [&](const protocol::TimerStop &r) { return mark(r, &TimerService::stop); },
            [&](const protocol::TimerPause &r) { return mark(r, &TimerService::pause); },
            [&](const protocol::TimerResume &r) { return mark(r, &TimerService::resume); },
            [&](const protocol::EntryCreate &r) {
                const protocol::NewEntry &e = r.entry;
                return done(svc.addManual({userId, e.taskTypeId, e.roomId, e.note, e.startedAt,
                                           e.endedAt, e.id, e.pausedMs,
                                           e.hourlyRateCents.value_or(TimeEntry::kUnstampedRate),
                                           e.projectId, e.tags, e.billable}));
            },
            [&](const protocol::EntryAdjust &r) {
                return done(
                    svc.adjust({r.entryId, userId, r.startedAt, r.endedAt, r.taskTypeId, r.roomId,
                                r.note, r.reason, r.auditId, r.projectId, r.tags}));
            },
            [&](const protocol::EntryDelete &r) {
                return done(svc.remove(r.entryId, userId, r.reason, r.auditId));
            },
            [&](const protocol::EntryRestore &r) {
                return done(svc.restore(r.entryId, userId, r.auditId));
            },
            [&](const protocol::TaskTypeUpsert &r) { return done(svc.saveTaskType(r.taskType)); },
            [&](const protocol::RoomUpsert &r) { return done(svc.saveRoom(r.room)); },
            [&](const protocol::ClientUpsert &r) { return done(svc.saveClient(r.client)); },
            [&](const protocol::ProjectUpsert &r) { return done(svc.saveProject(r.project)); },
            [&](const protocol::TaskTypeReprice &r) {
                return done(svc.reprice(r.taskTypeId, r.from, r.to, userId, true, r.audits));
            },
            [&](const protocol::LockSet &r) {
                return done(r.untilDay ? svc.lockUntil(*r.untilDay, userId, r.auditId)
                                       : svc.unlock(userId, r.auditId));
            },
            [&](const protocol::RosterEdit &r) { return done(svc.editRoster(r, userId)); },
        },
        request);
}

protocol::TimerChanged HubService::timerChange(TimerService &svc, const Pending &pending,
                                               protocol::Event event, const TimeEntry &entry) const
{
    protocol::TimerChanged change;
    change.event = event;
    change.entry = entry;
    change.user = pending.user;
    const auto type = svc.taskType(entry.taskTypeId);
    change.taskType = protocol::NamedRef{entry.taskTypeId, type ? type->name : QString()};
    if (const auto room = entry.roomId.isEmpty() ? std::nullopt : svc.room(entry.roomId))
        change.room = protocol::NamedRef{room->id, room->name};
    change.device = protocol::NamedRef{pending.who.deviceId, pending.who.deviceName};
    return change;
}

Result<void> HubService::record(Pending &pending, const Mutation &mutation)
{
    // Runs inside the change's own transaction (TimerService's mutation sink): the change, its
    // seq rows and the opId answer commit together or not at all.
    TimerService &svc = service(pending.who.orgId);
    protocol::Answer answer;
    const auto append = [&](protocol::Broadcast change) -> Result<void> {
        const QString type = protocol::eventName(protocol::eventOf(change));
        auto seq = m_store.appendChange(pending.who.orgId, type, protocol::encode(change));
        if (!seq)
            return seq.error();
        answer.seq = seq.value();
        protocol::setSeq(change, seq.value());
        pending.broadcasts.append(std::move(change));
        return {};
    };
    const protocol::Event event = mutation.event();
    const bool aboutEntry = protocol::isEntryRequest(event);
    if (aboutEntry && mutation.entries.isEmpty())
        return Error::internal(Tr::tr("The changed entry cannot be read back."));
    const TimeEntry subject = aboutEntry ? mutation.entries.last() : TimeEntry{};
    if (aboutEntry)
        answer.entry = subject;

    Result<void> appended;
    switch (event) {
    case protocol::Event::TimerStart:
        // A switch: the entry that was running stopped at the same instant.
        if (mutation.entries.size() > 1)
            appended = append(
                timerChange(svc, pending, protocol::Event::TimerStopped, mutation.entries.first()));
        if (appended)
            appended = append(timerChange(svc, pending, protocol::Event::TimerStarted, subject));
        break;
    case protocol::Event::TimerStop:
        appended = append(timerChange(svc, pending, protocol::Event::TimerStopped, subject));
        break;
    case protocol::Event::TimerPause:
        appended = append(timerChange(svc, pending, protocol::Event::TimerPaused, subject));
        break;
    case protocol::Event::TimerResume:
        appended = append(timerChange(svc, pending, protocol::Event::TimerResumed, subject));
        break;
    case protocol::Event::EntryCreate:
        appended = append(protocol::EntryChanged{protocol::Event::EntryCreated, 0, subject,
                                                 pending.user, std::nullopt});
        break;
    case protocol::Event::EntryDelete:
        appended = append(protocol::EntryChanged{protocol::Event::EntryDeleted, 0, subject,
                                                 pending.user, mutation.audit});
        break;
    case protocol::Event::EntryRestore:
        appended = append(protocol::EntryChanged{protocol::Event::EntryRestored, 0, subject,
                                                 pending.user, mutation.audit});
        break;
    case protocol::Event::EntryAdjust: {
        const TimeEntry before = mutation.before.value_or(TimeEntry{});
        const auto &adjust = std::get<protocol::EntryAdjust>(mutation.request);
        appended = append(protocol::EntryAdjusted{
            0,
            subject,
            {before.startedAt, before.endedAt, before.taskTypeId, before.note},
            adjust.reason,
            pending.user,
            mutation.audit});
        break;
    }
    case protocol::Event::TaskTypeUpsert:
        answer.taskType = std::get<protocol::TaskTypeUpsert>(mutation.request).taskType;
        appended = append(protocol::TaskTypeChanged{0, *answer.taskType});
        break;
    case protocol::Event::RoomUpsert:
        answer.room = std::get<protocol::RoomUpsert>(mutation.request).room;
        appended = append(protocol::RoomChanged{0, *answer.room});
        break;
    case protocol::Event::ClientUpsert:
        answer.client = std::get<protocol::ClientUpsert>(mutation.request).client;
        appended = append(protocol::ClientChanged{0, *answer.client});
        break;
    case protocol::Event::ProjectUpsert:
        answer.project = std::get<protocol::ProjectUpsert>(mutation.request).project;
        appended = append(protocol::ProjectChanged{0, *answer.project});
        break;
    case protocol::Event::TaskTypeReprice: {
        // In pages (a broadcast stays small), at least one: the reprice has its seq.
        constexpr qsizetype kPage = 100;
        const auto &reprice = std::get<protocol::TaskTypeReprice>(mutation.request);
        qsizetype at = 0;
        do {
            protocol::EntriesRepriced page{0, reprice.taskTypeId, mutation.entries.mid(at, kPage),
                                           mutation.trail.mid(at, kPage)};
            appended = append(std::move(page));
            at += kPage;
        } while (appended && at < mutation.entries.size());
        break;
    }
    case protocol::Event::LockSet:
        if (!mutation.lock)
            return Error::internal(Tr::tr("No change log for %1.").arg(protocol::eventName(event)));
        answer.lock = *mutation.lock;
        appended = append(protocol::LockChanged{0, *answer.lock});
        break;
    case protocol::Event::RosterEdit:
        if (!mutation.roster)
            return Error::internal(Tr::tr("No change log for %1.").arg(protocol::eventName(event)));
        appended = append(protocol::RosterEdited{0, *mutation.roster});
        break;
    default:
        return Error::internal(Tr::tr("No change log for %1.").arg(protocol::eventName(event)));
    }
    if (!appended)
        return appended;

    const QJsonObject encoded = protocol::encode(answer);
    if (auto r = m_store.saveOp(pending.who.orgId, pending.opId, {encoded, pending.requestHash});
        !r)
        return r;
    pending.answer = encoded;
    pending.recorded = true;
    return {};
}

QJsonObject HubService::pull(const HubCaller &who, const QJsonValue &payload)
{
    const auto request = protocol::decodeSyncPull(payload);
    if (!request)
        return refused(request.error());
    bool more = false;
    auto changes = m_store.changesSince(
        who.orgId, request->since, request->limit.value_or(protocol::kDefaultPullLimit), &more);
    if (!changes)
        return refused(changes.error());
    protocol::PullAnswer answer;
    for (const HubStore::Change &c : changes.value())
        answer.changes.append({c.seq, c.type, c.data});
    const auto head = m_store.head(who.orgId);
    if (!head)
        return refused(head.error());
    answer.head = *head;
    answer.more = more;
    return protocol::encode(answer);
}

TimerService &HubService::service(const QString &orgId)
{
    auto it = m_services.find(orgId);
    if (it != m_services.end())
        return *it->second;
    auto svc = std::make_unique<TimerService>(m_db, m_clock, orgId);
    svc->setMutationSink([this, orgId](const Mutation &mutation) -> Result<void> {
        if (!m_current || m_current->who.orgId != orgId)
            return {};
        return record(*m_current, mutation);
    });
    return *m_services.emplace(orgId, std::move(svc)).first->second;
}

} // namespace st
