#include "Broadcasts.h"

#include "Catalog.h"
#include "Fields.h"
#include "Locks.h"
#include "Roster.h"
#include "domain/Json.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace st::protocol {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::protocol)
};

QJsonObject encodeNamed(const NamedRef &ref)
{
    return {{QStringLiteral("id"), ref.id}, {QStringLiteral("name"), ref.name}};
}

QJsonObject fields(const TimerChanged &b)
{
    QJsonObject o{
        {QStringLiteral("entry"), json::fromEntry(b.entry)},
        {QStringLiteral("room"), b.room ? QJsonValue(encodeNamed(*b.room)) : QJsonValue()}};
    if (b.user)
        o.insert(QStringLiteral("user"), encode(*b.user));
    if (b.taskType)
        o.insert(QStringLiteral("taskType"), encodeNamed(*b.taskType));
    if (b.device)
        o.insert(QStringLiteral("device"), encodeNamed(*b.device));
    return o;
}

QJsonObject fields(const EntryAdjusted &b)
{
    const EntryBefore &p = b.previous;
    QJsonObject o{
        {QStringLiteral("entry"), json::fromEntry(b.entry)},
        {QStringLiteral("previous"), QJsonObject{{QStringLiteral("startedAt"), double(p.startedAt)},
                                                 {QStringLiteral("endedAt"), msOrNull(p.endedAt)},
                                                 {QStringLiteral("taskTypeId"), p.taskTypeId},
                                                 {QStringLiteral("note"), p.note}}},
        {QStringLiteral("reason"), b.reason}};
    if (b.user)
        o.insert(QStringLiteral("user"), encode(*b.user));
    if (b.audit)
        o.insert(QStringLiteral("audit"), audit::toWire(*b.audit));
    return o;
}

QJsonObject fields(const EntryChanged &b)
{
    QJsonObject o{{QStringLiteral("entry"), json::fromEntry(b.entry)}};
    if (b.user)
        o.insert(QStringLiteral("user"), encode(*b.user));
    if (b.audit)
        o.insert(QStringLiteral("audit"), audit::toWire(*b.audit));
    return o;
}

QJsonObject fields(const TaskTypeChanged &b)
{
    return {{QStringLiteral("taskType"), json::fromTaskType(b.taskType)}};
}

QJsonObject fields(const RoomChanged &b)
{
    return {{QStringLiteral("room"), json::fromRoom(b.room)}};
}

QJsonObject fields(const ClientChanged &b)
{
    return {{QStringLiteral("client"), fromClient(b.client)}};
}

QJsonObject fields(const ProjectChanged &b)
{
    return {{QStringLiteral("project"), fromProject(b.project)}};
}

QJsonObject fields(const LockChanged &b)
{
    return {{QStringLiteral("lock"), encodeLock(b.lock)}};
}

QJsonObject fields(const EntriesRepriced &b)
{
    QJsonArray entries;
    for (const TimeEntry &e : b.entries)
        entries.append(json::fromEntry(e));
    return {{QStringLiteral("taskTypeId"), b.taskTypeId},
            {QStringLiteral("entries"), entries},
            {QStringLiteral("audit"), audit::toWire(b.audit)}};
}

QJsonObject fields(const RosterEdited &b)
{
    return {{QStringLiteral("record"), encodeRoster(b.record)}};
}

QJsonObject fields(const Presence &b)
{
    if (b.event == Event::PresenceLeft)
        return {{QStringLiteral("ids"), QJsonArray::fromStringList(b.ids)}};
    return {{QStringLiteral("devices"), encodeDevices(b.devices)}};
}

// ---- decoding ----------------------------------------------------------------------------------

std::optional<NamedRef> readNamed(Reader &f, const char *key)
{
    const std::optional<QJsonObject> object = f.optionalObject(key);
    if (!object)
        return std::nullopt;
    Reader r(*object, f.context() + QLatin1Char('.') + QLatin1String(key));
    NamedRef ref;
    ref.id = r.text("id", true, validate::kMaxNoteLength);
    ref.name = r.text("name", false, validate::kMaxNoteLength);
    if (!r.ok())
        f.failWith(r.error());
    return ref;
}

std::optional<UserRef> readUser(Reader &f)
{
    const auto named = readNamed(f, "user");
    if (!named)
        return std::nullopt;
    return UserRef{named->id, named->name};
}

TimeEntry readEntry(Reader &f)
{
    return f.item("entry", &json::toEntry).value_or(TimeEntry{});
}

Broadcast readTimerChanged(Event event, Reader &f)
{
    TimerChanged b;
    b.event = event;
    b.entry = readEntry(f);
    b.user = readUser(f);
    b.taskType = readNamed(f, "taskType");
    b.room = readNamed(f, "room");
    b.device = readNamed(f, "device");
    return b;
}

Broadcast readEntryAdjusted(Reader &f)
{
    EntryAdjusted b;
    b.entry = readEntry(f);
    b.user = readUser(f);
    b.reason = f.text("reason", false, validate::kMaxNoteLength);
    if (const auto previous = f.optionalObject("previous")) {
        Reader p(*previous, f.context() + QStringLiteral(".previous"));
        b.previous.startedAt = p.time("startedAt").value_or(0);
        b.previous.endedAt = p.time("endedAt");
        b.previous.taskTypeId = p.text("taskTypeId", false, validate::kMaxNoteLength);
        b.previous.note = p.text("note", false, validate::kMaxNoteLength);
        if (!p.ok())
            f.failWith(p.error());
    }
    if (const auto row = f.optionalObject("audit"))
        b.audit = audit::fromWire(*row); // a row that does not read is left out
    return b;
}

Broadcast readEntryChanged(Event event, Reader &f)
{
    EntryChanged b;
    b.event = event;
    b.entry = readEntry(f);
    b.user = readUser(f);
    if (const auto row = f.optionalObject("audit"))
        b.audit = audit::fromWire(*row);
    return b;
}

template <class Changed, class Item>
Broadcast readCatalog(Reader &f, const char *key, Result<Item> (*parse)(const QJsonObject &),
                      Item Changed::*member)
{
    Changed b;
    if (auto item = f.item(key, parse))
        b.*member = *item;
    return b;
}

Broadcast readEntriesRepriced(Reader &f, const QJsonObject &payload)
{
    EntriesRepriced b;
    b.taskTypeId = f.id("taskTypeId");
    const QJsonValue entries = payload.value(QStringLiteral("entries"));
    if (!entries.isArray())
        f.fail("entries", Tr::tr("must be an array"));
    for (const QJsonValue &v : entries.toArray()) {
        auto e = json::toEntry(v.toObject());
        if (!e) {
            f.fail("entries", e.error().message);
            break;
        }
        b.entries.append(e.value());
    }
    b.audit = audit::fromWire(payload.value(QStringLiteral("audit")).toArray());
    return b;
}

Result<LockRecord> toLock(const QJsonObject &object)
{
    return decodeLock(object, QStringLiteral("lock"));
}

Result<RosterRecord> toRoster(const QJsonObject &object)
{
    return decodeRoster(object, QStringLiteral("record"));
}

Broadcast readPresence(Event event, Reader &f, const QJsonObject &payload)
{
    Presence b;
    b.event = event;
    if (event != Event::PresenceLeft) {
        Result<QList<PresenceDevice>> devices = decodeDevices(payload, "devices", f.context());
        if (devices)
            b.devices = std::move(devices).value();
        else
            f.failWith(devices.error());
        return b;
    }
    const QJsonValue ids = payload.value(QStringLiteral("ids"));
    if (!ids.isArray()) {
        f.fail("ids", Tr::tr("must be an array"));
        return b;
    }
    for (const QJsonValue &id : ids.toArray()) {
        if (!id.isString() || id.toString().isEmpty() ||
            id.toString().size() > validate::kMaxNoteLength) {
            f.fail("ids", Tr::tr("must be an array"));
            break;
        }
        b.ids.append(id.toString());
    }
    return b;
}

Broadcast readFields(Event event, Reader &f, const QJsonObject &payload)
{
    switch (event) {
    case Event::TimerStarted:
    case Event::TimerStopped:
    case Event::TimerPaused:
    case Event::TimerResumed:
        return readTimerChanged(event, f);
    case Event::TimerAdjusted:
        return readEntryAdjusted(f);
    case Event::EntryCreated:
    case Event::EntryDeleted:
    case Event::EntryRestored:
        return readEntryChanged(event, f);
    case Event::TaskTypeChanged:
        return readCatalog(f, "taskType", &json::toTaskType, &TaskTypeChanged::taskType);
    case Event::RoomChanged:
        return readCatalog(f, "room", &json::toRoom, &RoomChanged::room);
    case Event::ClientChanged:
        return readCatalog(f, "client", &toClient, &ClientChanged::client);
    case Event::ProjectChanged:
        return readCatalog(f, "project", &toProject, &ProjectChanged::project);
    case Event::LockChanged:
        return readCatalog(f, "lock", &toLock, &LockChanged::lock);
    case Event::EntriesRepriced:
        return readEntriesRepriced(f, payload);
    case Event::RosterEdited:
        return readCatalog(f, "record", &toRoster, &RosterEdited::record);
    case Event::Presence:
    case Event::PresenceJoined:
    case Event::PresenceLeft:
    case Event::PresenceChanged:
        return readPresence(event, f, payload);
    default:
        break;
    }
    f.failWith(Error::invalid(Tr::tr("Unknown event \"%1\".").arg(eventName(event))));
    return Presence{};
}

} // namespace

QJsonArray encodeDevices(const QList<PresenceDevice> &devices)
{
    QJsonArray out;
    for (const PresenceDevice &d : devices) {
        QJsonObject device{{QStringLiteral("id"), d.id},
                           {QStringLiteral("name"), d.name},
                           {QStringLiteral("connectedAt"), double(d.connectedAt)}};
        if (!d.userName.isEmpty())
            device.insert(QStringLiteral("userName"), d.userName);
        out.append(device);
    }
    return out;
}

Result<QList<PresenceDevice>> decodeDevices(const QJsonObject &holder, const char *key,
                                            const QString &context)
{
    Reader f(holder, context);
    const QJsonValue devices = holder.value(QLatin1String(key));
    if (!devices.isArray()) {
        f.fail(key, Tr::tr("must be an array"));
        return f.error();
    }
    QList<PresenceDevice> out;
    const QString deviceContext = context + QLatin1Char('.') + QLatin1String(key);
    for (const QJsonValue &v : devices.toArray()) {
        Reader d(v.toObject(), deviceContext);
        PresenceDevice device;
        device.id = d.text("id", true, validate::kMaxNoteLength);
        device.name = d.text("name", false, validate::kMaxNoteLength);
        device.userName = d.text("userName", false, validate::kMaxNameLength);
        device.connectedAt = d.time("connectedAt").value_or(0);
        if (!v.isObject())
            d.fail("device", Tr::tr("must be an object"));
        if (!d.ok())
            return d.error();
        out.append(device);
    }
    return out;
}

void applyPresence(QList<PresenceDevice> &list, const Presence &message)
{
    if (!isPresence(message.event) || message.event == Event::Presence) {
        list = message.devices;
        return;
    }
    if (message.event == Event::PresenceLeft) {
        const QSet<QString> gone(message.ids.cbegin(), message.ids.cend());
        list.removeIf([&gone](const PresenceDevice &d) { return gone.contains(d.id); });
        return;
    }
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < list.size(); ++i)
        index.insert(list.at(i).id, i);
    for (const PresenceDevice &device : message.devices) {
        const auto it = index.constFind(device.id);
        if (it != index.cend()) {
            list[*it] = device;
        } else {
            index.insert(device.id, list.size());
            list.append(device);
        }
    }
}

Event eventOf(const Broadcast &broadcast)
{
    return std::visit(Overloaded{
                          [](const TimerChanged &b) { return b.event; },
                          [](const EntryAdjusted &) { return Event::TimerAdjusted; },
                          [](const EntryChanged &b) { return b.event; },
                          [](const TaskTypeChanged &) { return Event::TaskTypeChanged; },
                          [](const RoomChanged &) { return Event::RoomChanged; },
                          [](const ClientChanged &) { return Event::ClientChanged; },
                          [](const ProjectChanged &) { return Event::ProjectChanged; },
                          [](const LockChanged &) { return Event::LockChanged; },
                          [](const EntriesRepriced &) { return Event::EntriesRepriced; },
                          [](const RosterEdited &) { return Event::RosterEdited; },
                          [](const Presence &b) { return b.event; },
                      },
                      broadcast);
}

qint64 seqOf(const Broadcast &broadcast)
{
    return std::visit(Overloaded{[](const Presence &) { return qint64(0); },
                                 [](const auto &b) {
                                     return b.seq;
                                 }},
                      broadcast);
}

void setSeq(Broadcast &broadcast, qint64 seq)
{
    std::visit(Overloaded{[](Presence &) {},
                          [seq](auto &b) {
                              b.seq = seq;
                          }},
               broadcast);
}

QString subjectOf(const Broadcast &broadcast)
{
    return std::visit(Overloaded{
                          [](const TaskTypeChanged &b) { return b.taskType.id; },
                          [](const RoomChanged &b) { return b.room.id; },
                          [](const ClientChanged &b) { return b.client.id; },
                          [](const ProjectChanged &b) { return b.project.id; },
                          [](const LockChanged &) { return QString(); },
                          [](const EntriesRepriced &b) { return b.taskTypeId; },
                          [](const RosterEdited &b) { return b.record.itemId; },
                          [](const Presence &) { return QString(); },
                          [](const auto &b) { return b.entry.id; },
                      },
                      broadcast);
}

QJsonObject encode(const Broadcast &broadcast)
{
    QJsonObject o = std::visit([](const auto &b) { return fields(b); }, broadcast);
    if (const qint64 seq = seqOf(broadcast); seq > 0)
        o.insert(QStringLiteral("seq"), double(seq));
    return o;
}

Result<Broadcast> decodeBroadcast(Event event, const QJsonObject &payload)
{
    Reader f(payload, eventName(event));
    Broadcast b = readFields(event, f, payload);
    const std::optional<qint64> seq = isChange(event) ? f.integer("seq") : std::nullopt;
    if (!f.ok())
        return f.error();
    if (seq)
        setSeq(b, *seq);
    return b;
}

} // namespace st::protocol
