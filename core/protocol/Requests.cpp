#include "Requests.h"

#include "Catalog.h"
#include "Fields.h"
#include "Locks.h"
#include "Roster.h"
#include "domain/Json.h"
#include "domain/Money.h"

#include <QCoreApplication>

#include <type_traits>

namespace st::protocol {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::protocol)
};

// ---- encoding ----------------------------------------------------------------------------------

void putEnvelope(QJsonObject &o, const Envelope &e)
{
    if (!e.opId.isEmpty())
        o.insert(QStringLiteral("opId"), e.opId);
    if (e.user)
        o.insert(QStringLiteral("user"), encode(*e.user));
}

QJsonObject fields(const TimerStart &r)
{
    QJsonObject o{{QStringLiteral("entryId"), r.entryId},
                  {QStringLiteral("taskTypeId"), r.taskTypeId},
                  {QStringLiteral("note"), r.note}};
    if (r.startedAt)
        o.insert(QStringLiteral("startedAt"), double(*r.startedAt));
    if (!r.roomId.isEmpty())
        o.insert(QStringLiteral("roomId"), r.roomId);
    if (!r.projectId.isEmpty())
        o.insert(QStringLiteral("projectId"), r.projectId);
    if (!r.tags.isEmpty())
        o.insert(QStringLiteral("tags"), QJsonArray::fromStringList(r.tags));
    return o;
}

void putBaseRev(QJsonObject &o, const Versioned &v)
{
    if (v.baseRev)
        o.insert(QStringLiteral("baseRev"), double(*v.baseRev));
}

void putAudit(QJsonObject &o, const Audited &a)
{
    if (!a.auditId.isEmpty())
        o.insert(QStringLiteral("auditId"), a.auditId);
}

QJsonObject markFields(const TimerMark &r, const char *timeKey)
{
    QJsonObject o;
    putBaseRev(o, r);
    if (!r.entryId.isEmpty())
        o.insert(QStringLiteral("entryId"), r.entryId);
    if (r.at)
        o.insert(QLatin1String(timeKey), double(*r.at));
    return o;
}

QJsonObject fields(const TimerStop &r)
{
    return markFields(r, "endedAt");
}
QJsonObject fields(const TimerPause &r)
{
    return markFields(r, "at");
}
QJsonObject fields(const TimerResume &r)
{
    return markFields(r, "at");
}

QJsonObject fields(const EntryCreate &r)
{
    const NewEntry &e = r.entry;
    QJsonObject entry{{QStringLiteral("id"), e.id},
                      {QStringLiteral("taskTypeId"), e.taskTypeId},
                      {QStringLiteral("note"), e.note},
                      {QStringLiteral("startedAt"), double(e.startedAt)},
                      {QStringLiteral("endedAt"), double(e.endedAt)}};
    if (!e.roomId.isEmpty())
        entry.insert(QStringLiteral("roomId"), e.roomId);
    if (e.pausedMs > 0)
        entry.insert(QStringLiteral("pausedMs"), double(e.pausedMs));
    if (e.hourlyRateCents)
        entry.insert(QStringLiteral("hourlyRateCents"), double(*e.hourlyRateCents));
    if (!e.projectId.isEmpty())
        entry.insert(QStringLiteral("projectId"), e.projectId);
    if (!e.tags.isEmpty())
        entry.insert(QStringLiteral("tags"), QJsonArray::fromStringList(e.tags));
    if (!e.billable)
        entry.insert(QStringLiteral("billable"), false);
    return {{QStringLiteral("entry"), entry}};
}

QJsonObject fields(const EntryAdjust &r)
{
    QJsonObject o{{QStringLiteral("entryId"), r.entryId}, {QStringLiteral("reason"), r.reason}};
    if (r.startedAt)
        o.insert(QStringLiteral("startedAt"), double(*r.startedAt));
    if (r.endedAt)
        o.insert(QStringLiteral("endedAt"), double(*r.endedAt));
    if (r.taskTypeId)
        o.insert(QStringLiteral("taskTypeId"), *r.taskTypeId);
    if (r.roomId)
        o.insert(QStringLiteral("roomId"), idOrNull(*r.roomId));
    if (r.note)
        o.insert(QStringLiteral("note"), *r.note);
    if (r.projectId)
        o.insert(QStringLiteral("projectId"), idOrNull(*r.projectId));
    if (r.tags)
        o.insert(QStringLiteral("tags"), QJsonArray::fromStringList(*r.tags));
    putBaseRev(o, r);
    putAudit(o, r);
    return o;
}

QJsonObject fields(const EntryDelete &r)
{
    QJsonObject o{{QStringLiteral("entryId"), r.entryId}, {QStringLiteral("reason"), r.reason}};
    putBaseRev(o, r);
    putAudit(o, r);
    return o;
}

QJsonObject fields(const EntryRestore &r)
{
    QJsonObject o{{QStringLiteral("entryId"), r.entryId}};
    putBaseRev(o, r);
    putAudit(o, r);
    return o;
}

QJsonObject fields(const TaskTypeUpsert &r)
{
    return {{QStringLiteral("taskType"), json::fromTaskType(r.taskType)}};
}

QJsonObject fields(const RoomUpsert &r)
{
    return {{QStringLiteral("room"), json::fromRoom(r.room)}};
}

QJsonObject fields(const ClientUpsert &r)
{
    return {{QStringLiteral("client"), fromClient(r.client)}};
}

QJsonObject fields(const ProjectUpsert &r)
{
    return {{QStringLiteral("project"), fromProject(r.project)}};
}

QJsonObject fields(const TaskTypeReprice &r)
{
    QJsonObject audits;
    for (auto it = r.audits.cbegin(); it != r.audits.cend(); ++it)
        audits.insert(it.key(), it.value());
    return {{QStringLiteral("taskTypeId"), r.taskTypeId},
            {QStringLiteral("from"), r.from.toString(Qt::ISODate)},
            {QStringLiteral("to"), r.to.toString(Qt::ISODate)},
            {QStringLiteral("audits"), audits}};
}

QJsonObject fields(const RosterEdit &r)
{
    return encodeRosterEdit(r);
}

QJsonObject fields(const LockSet &r)
{
    QJsonObject o{{QStringLiteral("untilDay"), dayOrNull(r.untilDay)}};
    putAudit(o, r);
    return o;
}

// ---- decoding ----------------------------------------------------------------------------------

TimerStart readTimerStart(Reader &e)
{
    TimerStart r;
    r.entryId = e.id("entryId");
    r.taskTypeId = e.id("taskTypeId");
    r.roomId = e.id("roomId", false);
    r.note = e.text("note", false, validate::kMaxNoteLength);
    r.startedAt = e.time("startedAt");
    r.projectId = e.id("projectId", false);
    r.tags = e.words("tags").value_or(QStringList());
    return r;
}

// (A negative or unknown baseRev is simply stale: the hub answers conflict.)
std::optional<qint64> readBaseRev(Reader &e)
{
    return e.integer("baseRev");
}

template <class Mark> Mark readMark(Reader &e, const char *timeKey)
{
    Mark r;
    r.entryId = e.id("entryId", false);
    r.at = e.time(timeKey);
    r.baseRev = readBaseRev(e);
    return r;
}

EntryCreate readEntryCreate(Reader &e)
{
    EntryCreate r;
    const QJsonObject entry = e.object("entry");
    if (!e.ok())
        return r;
    Reader m(entry, e.context() + QStringLiteral(".entry"));
    r.entry.id = m.id("id");
    r.entry.taskTypeId = m.id("taskTypeId");
    r.entry.roomId = m.id("roomId", false);
    r.entry.note = m.text("note", false, validate::kMaxNoteLength);
    r.entry.startedAt = m.time("startedAt", true).value_or(0);
    r.entry.endedAt = m.time("endedAt", true).value_or(0);
    r.entry.pausedMs = m.time("pausedMs").value_or(0); // TimerService checks it fits the entry
    r.entry.hourlyRateCents = m.rate("hourlyRateCents");
    r.entry.projectId = m.id("projectId", false);
    r.entry.tags = m.words("tags").value_or(QStringList());
    r.entry.billable = m.boolean("billable", true);
    if (!m.ok())
        e.failWith(m.error());
    return r;
}

EntryAdjust readEntryAdjust(Reader &e)
{
    EntryAdjust r;
    r.entryId = e.id("entryId");
    r.startedAt = e.time("startedAt");
    r.endedAt = e.time("endedAt");
    if (e.has("taskTypeId"))
        r.taskTypeId = e.id("taskTypeId");
    if (e.contains("roomId"))
        r.roomId = e.id("roomId", false);
    r.note = e.optionalText("note", validate::kMaxNoteLength);
    if (e.contains("projectId"))
        r.projectId = e.id("projectId", false);
    r.tags = e.words("tags");
    r.reason = e.text("reason", true, validate::kMaxNoteLength);
    r.baseRev = readBaseRev(e);
    r.auditId = e.id("auditId", false);
    return r;
}

EntryDelete readEntryDelete(Reader &e)
{
    EntryDelete r;
    r.entryId = e.id("entryId");
    r.reason = e.text("reason", false, validate::kMaxNoteLength);
    r.baseRev = readBaseRev(e);
    r.auditId = e.id("auditId", false);
    return r;
}

EntryRestore readEntryRestore(Reader &e)
{
    EntryRestore r;
    r.entryId = e.id("entryId");
    r.baseRev = readBaseRev(e);
    r.auditId = e.id("auditId", false);
    return r;
}

// Task types and rooms: their own wire shape (domain/Json), whose errors name the field.
template <class Upsert, class Item>
Upsert readCatalog(Reader &e, const char *key, Result<Item> (*parse)(const QJsonObject &),
                   Item Upsert::*member)
{
    Upsert r;
    if (auto item = e.item(key, parse))
        r.*member = *item;
    return r;
}

LockSet readLockSet(Reader &e)
{
    LockSet r;
    if (!e.contains("untilDay"))
        e.fail("untilDay", Tr::tr("must be a day such as 2026-10-31, or null"));
    r.untilDay = e.day("untilDay");
    r.auditId = e.id("auditId", false);
    return r;
}

TaskTypeReprice readReprice(Reader &e)
{
    TaskTypeReprice r;
    r.taskTypeId = e.id("taskTypeId");
    r.from = e.day("from").value_or(QDate());
    r.to = e.day("to").value_or(QDate());
    if (e.ok() && (!r.from.isValid() || !r.to.isValid() || r.to < r.from))
        e.fail("to", Tr::tr("must be a day on or after from"));
    const QJsonObject audits = e.optionalObject("audits").value_or(QJsonObject());
    for (auto it = audits.constBegin(); it != audits.constEnd() && e.ok(); ++it) {
        if (!isValidId(it.key()) || !it.value().isString() || !isValidId(it.value().toString()))
            e.fail("audits", Tr::tr("must map entry IDs to trail row IDs"));
        r.audits.insert(it.key(), it.value().toString());
    }
    return r;
}

Request readFields(Event event, Reader &e)
{
    switch (event) {
    case Event::TimerStart:
        return readTimerStart(e);
    case Event::TimerStop:
        return readMark<TimerStop>(e, "endedAt");
    case Event::TimerPause:
        return readMark<TimerPause>(e, "at");
    case Event::TimerResume:
        return readMark<TimerResume>(e, "at");
    case Event::EntryCreate:
        return readEntryCreate(e);
    case Event::EntryAdjust:
        return readEntryAdjust(e);
    case Event::EntryDelete:
        return readEntryDelete(e);
    case Event::EntryRestore:
        return readEntryRestore(e);
    case Event::TaskTypeUpsert:
        return readCatalog(e, "taskType", &json::toTaskType, &TaskTypeUpsert::taskType);
    case Event::RoomUpsert:
        return readCatalog(e, "room", &json::toRoom, &RoomUpsert::room);
    case Event::ClientUpsert:
        return readCatalog(e, "client", &toClient, &ClientUpsert::client);
    case Event::ProjectUpsert:
        return readCatalog(e, "project", &toProject, &ProjectUpsert::project);
    case Event::LockSet:
        return readLockSet(e);
    case Event::TaskTypeReprice:
        return readReprice(e);
    case Event::RosterEdit: {
        RosterEdit r;
        readRosterEdit(e, r);
        return r;
    }
    default:
        break;
    }
    e.failWith(Error::invalid(Tr::tr("Unknown event \"%1\".").arg(eventName(event))));
    return TimerStart{};
}

Result<Request> decode(Event event, const QJsonObject &payload, bool fromWire)
{
    const QString name = eventName(event);
    Reader f(payload, name);
    Envelope envelope;
    envelope.opId = f.id("opId", fromWire);
    const std::optional<QJsonObject> user =
        fromWire ? std::optional<QJsonObject>(f.object("user")) : f.optionalObject("user");
    if (!f.ok())
        return f.error();
    if (user) {
        Reader u(*user, name + QStringLiteral(".user"));
        UserRef ref;
        ref.id = u.id("id");
        ref.name = u.text("name", true, validate::kMaxNameLength);
        if (!u.ok())
            return u.error();
        if (auto r = validate::userName(ref.name); !r)
            return r.error();
        envelope.user = ref;
    }
    Request request = readFields(event, f);
    if (!f.ok())
        return f.error();
    envelopeOf(request) = envelope;
    return request;
}

} // namespace

QJsonObject encode(const UserRef &user)
{
    return {{QStringLiteral("id"), user.id}, {QStringLiteral("name"), user.name}};
}

Event eventOf(const Request &request)
{
    return std::visit(Overloaded{
                          [](const TimerStart &) { return Event::TimerStart; },
                          [](const TimerStop &) { return Event::TimerStop; },
                          [](const TimerPause &) { return Event::TimerPause; },
                          [](const TimerResume &) { return Event::TimerResume; },
                          [](const EntryCreate &) { return Event::EntryCreate; },
                          [](const EntryAdjust &) { return Event::EntryAdjust; },
                          [](const EntryDelete &) { return Event::EntryDelete; },
                          [](const EntryRestore &) { return Event::EntryRestore; },
                          [](const TaskTypeUpsert &) { return Event::TaskTypeUpsert; },
                          [](const RoomUpsert &) { return Event::RoomUpsert; },
                          [](const ClientUpsert &) { return Event::ClientUpsert; },
                          [](const ProjectUpsert &) { return Event::ProjectUpsert; },
                          [](const LockSet &) { return Event::LockSet; },
                          [](const TaskTypeReprice &) { return Event::TaskTypeReprice; },
                          [](const RosterEdit &) { return Event::RosterEdit; },
                      },
                      request);
}

const Envelope &envelopeOf(const Request &request)
{
    return std::visit([](const auto &r) -> const Envelope & { return r; }, request);
}

Envelope &envelopeOf(Request &request)
{
    return std::visit([](auto &r) -> Envelope & { return r; }, request);
}

QString subjectOf(const Request &request)
{
    return std::visit(Overloaded{
                          [](const TimerStart &r) { return r.entryId; },
                          [](const TimerMark &r) { return r.entryId; },
                          [](const EntryCreate &r) { return r.entry.id; },
                          [](const EntryAdjust &r) { return r.entryId; },
                          [](const EntryDelete &r) { return r.entryId; },
                          [](const EntryRestore &r) { return r.entryId; },
                          [](const TaskTypeUpsert &r) { return r.taskType.id; },
                          [](const RoomUpsert &r) { return r.room.id; },
                          [](const ClientUpsert &r) { return r.client.id; },
                          [](const ProjectUpsert &r) { return r.project.id; },
                          [](const LockSet &) { return QString(); },
                          [](const TaskTypeReprice &r) { return r.taskTypeId; },
                          [](const RosterEdit &r) { return r.id; },
                      },
                      request);
}

std::optional<qint64> baseRevOf(const Request &request)
{
    return std::visit(
        [](const auto &r) -> std::optional<qint64> {
            if constexpr (std::is_base_of_v<Versioned, std::decay_t<decltype(r)>>)
                return r.baseRev;
            else
                return std::nullopt;
        },
        request);
}

void setBaseRev(Request &request, std::optional<qint64> rev)
{
    std::visit(
        [&](auto &r) {
            if constexpr (std::is_base_of_v<Versioned, std::decay_t<decltype(r)>>)
                r.baseRev = rev;
        },
        request);
}

QJsonObject encode(const Request &request)
{
    return std::visit(
        [](const auto &r) {
            QJsonObject o = fields(r);
            putEnvelope(o, r);
            return o;
        },
        request);
}

Result<Request> decodeRequest(Event event, const QJsonValue &payload)
{
    if (!payload.isObject())
        return Error::invalid(Tr::tr("%1: the payload must be an object.").arg(eventName(event)));
    return decode(event, payload.toObject(), true);
}

Result<Request> decodeStoredRequest(Event event, const QJsonObject &payload)
{
    return decode(event, payload, false);
}

QJsonObject encode(const SyncPull &pull)
{
    QJsonObject o{{QStringLiteral("since"), double(pull.since)}};
    if (pull.limit)
        o.insert(QStringLiteral("limit"), *pull.limit);
    return o;
}

Result<SyncPull> decodeSyncPull(const QJsonValue &payload)
{
    Reader f(payload.toObject(), eventName(Event::SyncPull));
    const std::optional<Ms> since = f.time("since", true);
    const std::optional<Ms> limit = f.time("limit");
    if (!f.ok())
        return f.error();
    if (*since < 0)
        return Error::invalid(
            Tr::tr("%1: since must not be negative.").arg(eventName(Event::SyncPull)));
    if (limit && (*limit < 1 || *limit > kMaxPullLimit))
        return Error::invalid(Tr::tr("%1: limit must be between 1 and %2.")
                                  .arg(eventName(Event::SyncPull))
                                  .arg(kMaxPullLimit));
    SyncPull pull;
    pull.since = *since;
    if (limit)
        pull.limit = int(*limit);
    return pull;
}

} // namespace st::protocol
