#include "TimerService.h"

#include "domain/Money.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace st {

namespace {

// Folds a pause that is still open into pausedMs, as of at.
void closePause(TimeEntry &entry, Ms at)
{
    if (entry.pausedAt) {
        entry.pausedMs += std::max<Ms>(0, at - *entry.pausedAt);
        entry.pausedAt.reset();
    }
}

QJsonObject auditJson(const TimeEntry &e)
{
    return QJsonObject{
        {QStringLiteral("startedAt"), double(e.startedAt)},
        {QStringLiteral("endedAt"), e.endedAt ? QJsonValue(double(*e.endedAt)) : QJsonValue()},
        {QStringLiteral("taskTypeId"), e.taskTypeId},
        {QStringLiteral("roomId"), e.roomId.isEmpty() ? QJsonValue() : QJsonValue(e.roomId)},
        {QStringLiteral("note"), e.note},
        {QStringLiteral("deleted"), e.deleted},
    };
}

// A read for a public query, whose signature has no room for an error: the failure was logged
// with its query (Database) and reads as no value.
template <typename T> T orEmpty(Result<T> read)
{
    return read ? std::move(read).value() : T{};
}

// A row of orgId's, nullopt for a row of another organisation.
template <typename T>
Result<std::optional<T>> ownedBy(Result<std::optional<T>> row, const QString &orgId)
{
    if (row && row.value() && row.value()->orgId != orgId)
        return std::optional<T>();
    return row;
}

// What differs between saving a task type and a room (TimerService::saveCatalogItem).
template <class Item> struct CatalogKind;

template <> struct CatalogKind<TaskType>
{
    static Result<std::optional<TaskType>> find(const CatalogRepository &c, const QString &id)
    {
        return c.taskType(id);
    }
    static Result<void> save(CatalogRepository &c, const TaskType &t) { return c.saveTaskType(t); }
    static Mutation upsert(const TaskType &t)
    {
        protocol::TaskTypeUpsert request;
        request.taskType = t;
        return {request, {}, std::nullopt};
    }
    static QString notFound()
    {
        return QCoreApplication::translate("st::TimerService", "No such task type.");
    }
    static QString nameTaken(const QString &name)
    {
        return QCoreApplication::translate("st::TimerService",
                                           "A task type named \"%1\" exists already.")
            .arg(name);
    }
};

template <> struct CatalogKind<Room>
{
    static Result<std::optional<Room>> find(const CatalogRepository &c, const QString &id)
    {
        return c.room(id);
    }
    static Result<void> save(CatalogRepository &c, const Room &r) { return c.saveRoom(r); }
    static Mutation upsert(const Room &r)
    {
        protocol::RoomUpsert request;
        request.room = r;
        return {request, {}, std::nullopt};
    }
    static QString notFound()
    {
        return QCoreApplication::translate("st::TimerService", "No such room.");
    }
    static QString nameTaken(const QString &name)
    {
        return QCoreApplication::translate("st::TimerService",
                                           "A room named \"%1\" exists already.")
            .arg(name);
    }
};

} // namespace

TimerService::TimerService(const Database &db, const Clock &clock, QString orgId, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_orgId(std::move(orgId))
    , m_catalog(db)
    , m_entries(db)
{}

// ---- timers ------------------------------------------------------------------------------------

Result<TimeEntry> TimerService::start(const StartRequest &request)
{
    const Ms now = m_clock.nowMs();
    const Ms at = request.at.value_or(now);
    if (auto r = checkRefs(request.userId, request.taskTypeId, request.roomId); !r)
        return r.error();
    if (auto r = validate::note(request.note); !r)
        return r.error();
    if (auto r = validate::entryTimes(at, std::nullopt); !r)
        return r.error();
    const QString id = request.entryId.isEmpty() ? newId() : request.entryId;
    if (!isValidId(id))
        return Error::invalid(tr("The entry ID is not a UUID."));
    if (auto existing = m_entries.entry(id); !existing)
        return existing.error();
    else if (existing.value())
        return Error::conflict(tr("An entry with this ID already exists."));

    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();

    TimeEntry entry;
    entry.id = id;
    entry.orgId = m_orgId;
    entry.userId = request.userId;
    entry.taskTypeId = request.taskTypeId;
    entry.roomId = request.roomId;
    entry.note = request.note.trimmed();
    entry.startedAt = at;
    entry.source = EntrySource::Timer;
    entry.updatedAt = now;

    QList<TimeEntry> changed;
    auto runningRow = m_entries.runningEntry(request.userId);
    if (!runningRow)
        return runningRow.error();
    if (std::optional<TimeEntry> running = runningRow.value()) {
        if (running->startedAt <= at) {
            // A switch: the running entry stops at the instant the new one starts.
            closePause(*running, at);
            running->endedAt = at;
            running->rev += 1;
            running->updatedAt = now;
            if (auto r = m_entries.update(*running); !r)
                return r.error();
            changed.append(*running);
        } else {
            // Started while apart and arriving late: the later start wins, this one ends there.
            entry.endedAt = running->startedAt;
        }
    }
    if (auto r = m_entries.insert(entry); !r)
        return r.error();
    changed.append(entry);

    protocol::TimerStart change;
    change.user = userRef(entry.userId);
    change.entryId = entry.id;
    change.taskTypeId = entry.taskTypeId;
    change.roomId = entry.roomId;
    change.note = entry.note;
    change.startedAt = entry.startedAt;
    return finishChange(tx, changed, change);
}

Result<TimeEntry> TimerService::stop(const QString &userId, std::optional<Ms> at)
{
    auto running = runningFor(userId);
    if (!running)
        return running.error();
    TimeEntry entry = running.value();
    const Ms now = m_clock.nowMs();
    const Ms end = at.value_or(std::max(now, entry.startedAt));
    if (auto r = validate::entryTimes(entry.startedAt, end); !r)
        return r.error();
    if (entry.pausedAt && end < *entry.pausedAt)
        return Error::invalid(tr("A paused timer cannot stop before its pause."));

    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    closePause(entry, end);
    entry.endedAt = end;
    entry.rev += 1;
    entry.updatedAt = now;
    if (auto r = m_entries.update(entry); !r)
        return r.error();
    protocol::TimerStop change;
    change.user = userRef(userId);
    change.entryId = entry.id;
    change.at = end;
    return finishChange(tx, {entry}, change);
}

Result<TimeEntry> TimerService::pause(const QString &userId, std::optional<Ms> at)
{
    auto running = runningFor(userId);
    if (!running)
        return running.error();
    TimeEntry entry = running.value();
    if (entry.isPaused())
        return Error::conflict(tr("The timer is already paused."));
    const Ms now = m_clock.nowMs();
    const Ms when = at.value_or(std::max(now, entry.startedAt));
    if (when < entry.startedAt)
        return Error::invalid(tr("A timer cannot pause before it starts."));

    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    entry.pausedAt = when;
    entry.rev += 1;
    entry.updatedAt = now;
    if (auto r = m_entries.update(entry); !r)
        return r.error();
    protocol::TimerPause change;
    change.user = userRef(userId);
    change.entryId = entry.id;
    change.at = when;
    return finishChange(tx, {entry}, change);
}

Result<TimeEntry> TimerService::resume(const QString &userId, std::optional<Ms> at)
{
    auto running = runningFor(userId);
    if (!running)
        return running.error();
    TimeEntry entry = running.value();
    if (!entry.isPaused())
        return Error::conflict(tr("The timer is not paused."));
    const Ms now = m_clock.nowMs();
    const Ms when = at.value_or(std::max(now, *entry.pausedAt));
    if (when < *entry.pausedAt)
        return Error::invalid(tr("A timer cannot resume before its pause."));

    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    closePause(entry, when);
    entry.rev += 1;
    entry.updatedAt = now;
    if (auto r = m_entries.update(entry); !r)
        return r.error();
    protocol::TimerResume change;
    change.user = userRef(userId);
    change.entryId = entry.id;
    change.at = when;
    return finishChange(tx, {entry}, change);
}

// ---- manual entries, adjustments, deletion ----------------------------------------------------

Result<TimeEntry> TimerService::prepareManual(const ManualEntry &m) const
{
    if (auto r = checkRefs(m.userId, m.taskTypeId, m.roomId); !r)
        return r.error();
    if (auto r = validate::note(m.note); !r)
        return r.error();
    if (auto r = validate::entryTimes(m.startedAt, m.endedAt); !r)
        return r.error();
    if (m.endedAt == m.startedAt)
        return Error::invalid(tr("An entry needs a duration: its end equals its start."));
    if (m.pausedMs < 0 || m.pausedMs > m.endedAt - m.startedAt)
        return Error::invalid(tr("The paused time must fit inside the entry."));
    const QString id = m.entryId.isEmpty() ? newId() : m.entryId;
    if (!isValidId(id))
        return Error::invalid(tr("The entry ID is not a UUID."));
    if (auto existing = m_entries.entry(id); !existing)
        return existing.error();
    else if (existing.value())
        return Error::conflict(tr("An entry with this ID already exists."));

    TimeEntry entry;
    entry.id = id;
    entry.orgId = m_orgId;
    entry.userId = m.userId;
    entry.taskTypeId = m.taskTypeId;
    entry.roomId = m.roomId;
    entry.note = m.note.trimmed();
    entry.startedAt = m.startedAt;
    entry.endedAt = m.endedAt;
    entry.pausedMs = m.pausedMs;
    entry.source = EntrySource::Manual;
    entry.updatedAt = m_clock.nowMs();
    if (auto r = checkNoOverlap(entry); !r)
        return r.error();
    return entry;
}

protocol::EntryCreate TimerService::manualChange(const TimeEntry &entry) const
{
    protocol::EntryCreate change;
    change.user = userRef(entry.userId);
    change.entry = {entry.id,        entry.taskTypeId, entry.roomId,  entry.note,
                    entry.startedAt, *entry.endedAt,   entry.pausedMs};
    return change;
}

Result<TimeEntry> TimerService::addManual(const ManualEntry &m)
{
    auto prepared = prepareManual(m);
    if (!prepared)
        return prepared.error();
    const TimeEntry entry = prepared.value();

    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    if (auto r = m_entries.insert(entry); !r)
        return r.error();
    return finishChange(tx, {entry}, manualChange(entry));
}

Result<QList<TimeEntry>> TimerService::addManualBatch(const ManualBatch &batch, int *failedIndex)
{
    if (failedIndex)
        *failedIndex = -1;
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    for (User u : batch.newUsers) {
        if (auto r = validate::userName(u.name); !r)
            return r.error();
        if (!isValidId(u.id))
            return Error::conflict(tr("A new user needs a new ID."));
        if (auto same = m_catalog.user(u.id); !same)
            return same.error();
        else if (same.value())
            return Error::conflict(tr("A new user needs a new ID."));
        if (auto named = m_catalog.userByName(m_orgId, u.name); named)
            return Error::conflict(tr("A user named \"%1\" exists already.").arg(u.name));
        else if (named.error().code != ErrorCode::NotFound)
            return named.error();
        u.orgId = m_orgId;
        u.name = u.name.trimmed();
        u.updatedAt = m_clock.nowMs();
        if (auto r = m_catalog.saveUser(u); !r)
            return r.error();
    }
    for (Room room : batch.newRooms) {
        if (auto r = validate::room(room); !r)
            return r.error();
        if (auto same = m_catalog.room(room.id); !same)
            return same.error();
        else if (same.value())
            return Error::conflict(tr("A new room needs a new ID."));
        const auto others = m_catalog.rooms(m_orgId, true);
        if (!others)
            return others.error();
        for (const Room &other : others.value()) {
            if (other.name.compare(room.name.trimmed(), Qt::CaseInsensitive) == 0)
                return Error::conflict(tr("A room named \"%1\" exists already.").arg(other.name));
        }
        room.orgId = m_orgId;
        room.name = room.name.trimmed();
        room.updatedAt = m_clock.nowMs();
        if (auto r = m_catalog.saveRoom(room); !r)
            return r.error();
        if (auto r = record(CatalogKind<Room>::upsert(room)); !r)
            return r.error();
    }
    // Each entry is checked against the store and the entries inserted before it in this same
    // transaction, so overlaps inside the batch are refused too.
    QList<TimeEntry> added;
    for (int i = 0; i < int(batch.entries.size()); ++i) {
        auto prepared = prepareManual(batch.entries.at(i));
        Result<void> written =
            prepared ? m_entries.insert(prepared.value()) : Result<void>(prepared.error());
        if (written)
            written = record({manualChange(prepared.value()), {prepared.value()}, std::nullopt});
        if (!written) {
            if (failedIndex)
                *failedIndex = i;
            return written.error();
        }
        added.append(prepared.value());
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    if (!batch.newUsers.isEmpty() || !batch.newRooms.isEmpty())
        Q_EMIT catalogChanged();
    for (const TimeEntry &e : added)
        Q_EMIT entryChanged(e);
    return added;
}

Result<TimeEntry> TimerService::adjust(const Adjustment &a)
{
    if (a.reason.trimmed().isEmpty())
        return Error::invalid(tr("An adjustment needs a reason."));
    if (auto r = validate::note(a.reason); !r)
        return r.error();
    auto found = liveEntry(a.entryId);
    if (!found)
        return found.error();
    if (auto r = knownUser(a.actorId, AnyOrganization); !r)
        return r.error();
    const TimeEntry before = found.value();
    TimeEntry entry = before;
    const Ms now = m_clock.nowMs();

    if (a.startedAt)
        entry.startedAt = *a.startedAt;
    if (a.taskTypeId)
        entry.taskTypeId = *a.taskTypeId;
    if (a.roomId)
        entry.roomId = *a.roomId;
    if (a.note) {
        if (auto r = validate::note(*a.note); !r)
            return r.error();
        entry.note = a.note->trimmed();
    }
    if (a.endedAt) {
        closePause(entry, *a.endedAt);
        entry.endedAt = *a.endedAt;
    }
    if (auto r = checkRefs(entry.userId, entry.taskTypeId, entry.roomId); !r)
        return r.error();
    if (auto r = validate::entryTimes(entry.startedAt, entry.endedAt); !r)
        return r.error();
    if (entry.endedAt && *entry.endedAt == entry.startedAt)
        return Error::invalid(tr("An entry needs a duration: its end equals its start."));
    if (!entry.endedAt && entry.startedAt > now)
        return Error::invalid(tr("A running timer cannot start in the future."));
    if (entry.pausedAt && *entry.pausedAt < entry.startedAt)
        return Error::invalid(tr("A paused timer cannot start after its pause."));
    if (entry.endedAt && entry.pausedMs > *entry.endedAt - entry.startedAt)
        entry.pausedMs = *entry.endedAt - entry.startedAt;
    if (auditJson(entry) == auditJson(before))
        return Error::invalid(tr("The adjustment changes nothing."));
    if (auto r = checkNoOverlap(entry); !r)
        return r.error();

    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    entry.adjusted = true;
    entry.rev += 1;
    entry.updatedAt = now;
    if (auto r = m_entries.update(entry); !r)
        return r.error();
    if (auto r = m_entries.insertAudit(
            audit(before, entry, a.actorId, QStringLiteral("adjust"), a.reason.trimmed()));
        !r)
        return r.error();

    protocol::EntryAdjust change;
    change.user = userRef(a.actorId);
    change.entryId = entry.id;
    change.reason = a.reason.trimmed();
    if (a.startedAt)
        change.startedAt = entry.startedAt;
    if (a.endedAt)
        change.endedAt = *entry.endedAt;
    if (a.taskTypeId)
        change.taskTypeId = entry.taskTypeId;
    if (a.roomId)
        change.roomId = entry.roomId;
    if (a.note)
        change.note = entry.note;
    return finishChange(tx, {entry}, change, before);
}

Result<TimeEntry> TimerService::remove(const QString &entryId, const QString &actorId,
                                       const QString &reason)
{
    auto found = liveEntry(entryId);
    if (!found)
        return found.error();
    if (auto r = knownUser(actorId, AnyOrganization); !r)
        return r.error();
    if (auto r = validate::note(reason); !r)
        return r.error();
    const TimeEntry before = found.value();
    TimeEntry entry = before;
    entry.deleted = true;
    entry.rev += 1;
    entry.updatedAt = m_clock.nowMs();

    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    if (auto r = m_entries.update(entry); !r)
        return r.error();
    if (auto r = m_entries.insertAudit(
            audit(before, entry, actorId, QStringLiteral("delete"), reason.trimmed()));
        !r)
        return r.error();
    protocol::EntryDelete change;
    change.user = userRef(actorId);
    change.entryId = entry.id;
    change.reason = reason.trimmed();
    return finishChange(tx, {entry}, change);
}

Result<TimeEntry> TimerService::restore(const QString &entryId, const QString &actorId)
{
    const auto row = ownEntry(entryId);
    if (!row)
        return row.error();
    const std::optional<TimeEntry> &found = row.value();
    if (!found)
        return Error::notFound(tr("No entry %1.").arg(entryId));
    if (!found->deleted)
        return Error::conflict(tr("The entry is not deleted."));
    if (auto r = knownUser(actorId, AnyOrganization); !r)
        return r.error();
    const TimeEntry before = *found;
    TimeEntry entry = before;
    entry.deleted = false;
    if (auto r = checkNoOverlap(entry); !r)
        return r.error();
    entry.rev += 1;
    entry.updatedAt = m_clock.nowMs();

    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    if (auto r = m_entries.update(entry); !r)
        return r.error();
    if (auto r = m_entries.insertAudit(
            audit(before, entry, actorId, QStringLiteral("restore"), tr("Deletion undone")));
        !r)
        return r.error();
    protocol::EntryRestore change;
    change.user = userRef(actorId);
    change.entryId = entry.id;
    return finishChange(tx, {entry}, change);
}

// ---- queries -----------------------------------------------------------------------------------

std::optional<TimeEntry> TimerService::entry(const QString &id) const
{
    return orEmpty(ownEntry(id));
}

std::optional<TimeEntry> TimerService::running(const QString &userId) const
{
    return orEmpty(m_entries.runningEntry(userId));
}

QList<TimeEntry> TimerService::runningEntries() const
{
    return orEmpty(m_entries.runningEntries(m_orgId));
}

QList<TimeEntry> TimerService::list(EntryFilter filter, const EntrySort &sort, int limit,
                                    int offset) const
{
    filter.orgId = m_orgId;
    return orEmpty(m_entries.list(filter, sort, limit, offset, m_clock.nowMs()));
}

int TimerService::count(EntryFilter filter) const
{
    filter.orgId = m_orgId;
    return orEmpty(m_entries.count(filter, m_clock.nowMs()));
}

Totals TimerService::totals(EntryFilter filter) const
{
    filter.orgId = m_orgId;
    return orEmpty(m_entries.totals(filter, m_clock.nowMs()));
}

QList<AuditRecord> TimerService::auditTrail(const QString &entryId) const
{
    return orEmpty(m_entries.auditTrail(entryId));
}

qint64 TimerService::costCents(const TimeEntry &e) const
{
    const auto type = orEmpty(m_catalog.taskType(e.taskTypeId));
    return type ? money::costCents(e.billableMs(m_clock.nowMs()), type->effectiveRateCents()) : 0;
}

// ---- catalogue ---------------------------------------------------------------------------------

Organization TimerService::organization() const
{
    return orEmpty(m_catalog.organization(m_orgId)).value_or(Organization{});
}

Result<void> TimerService::saveOrganization(Organization org)
{
    if (auto r = validate::userName(org.name); !r)
        return r;
    if (!money::isValidCurrency(org.currency))
        return Error::invalid(tr("A currency is a three-letter ISO 4217 code such as EUR."));
    org.id = m_orgId;
    org.updatedAt = m_clock.nowMs();
    if (auto r = m_catalog.saveOrganization(org); !r)
        return r;
    Q_EMIT catalogChanged();
    return {};
}

QList<TaskType> TimerService::taskTypes(bool includeArchived) const
{
    return orEmpty(m_catalog.taskTypes(m_orgId, includeArchived));
}

std::optional<TaskType> TimerService::taskType(const QString &id) const
{
    return orEmpty(ownedBy(m_catalog.taskType(id), m_orgId));
}

Result<TaskType> TimerService::saveTaskType(TaskType type)
{
    const auto existing = m_catalog.taskTypes(m_orgId, true);
    if (!existing)
        return existing.error();
    return saveCatalogItem(std::move(type), existing.value());
}

QList<Room> TimerService::rooms(bool includeArchived) const
{
    return orEmpty(m_catalog.rooms(m_orgId, includeArchived));
}

std::optional<Room> TimerService::room(const QString &id) const
{
    return orEmpty(ownedBy(m_catalog.room(id), m_orgId));
}

Result<Room> TimerService::saveRoom(Room room)
{
    const auto existing = m_catalog.rooms(m_orgId, true);
    if (!existing)
        return existing.error();
    return saveCatalogItem(std::move(room), existing.value());
}

template <class Item>
Result<Item> TimerService::saveCatalogItem(Item item, const QList<Item> &existing)
{
    using Kind = CatalogKind<Item>;
    if (item.id.isEmpty())
        item.id = newId();
    if (auto stored = Kind::find(m_catalog, item.id); !stored)
        return stored.error();
    else if (stored.value() && stored.value()->orgId != m_orgId)
        return Error::notFound(Kind::notFound());
    for (const Item &other : existing) {
        if (other.id != item.id &&
            other.name.compare(item.name.trimmed(), Qt::CaseInsensitive) == 0)
            return Error::conflict(Kind::nameTaken(other.name));
    }
    item.orgId = m_orgId;
    item.updatedAt = m_clock.nowMs();
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    if (auto r = Kind::save(m_catalog, item); !r)
        return r.error();
    if (auto r = record(Kind::upsert(item)); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    Q_EMIT catalogChanged();
    auto saved = Kind::find(m_catalog, item.id);
    if (!saved)
        return saved.error();
    return saved.value().value_or(item);
}

QList<User> TimerService::users() const
{
    return orEmpty(m_catalog.users(m_orgId));
}

std::optional<User> TimerService::user(const QString &id) const
{
    return orEmpty(ownedBy(m_catalog.user(id), m_orgId));
}

Result<User> TimerService::ensureUser(const QString &name)
{
    if (auto r = validate::userName(name); !r)
        return r.error();
    if (auto existing = m_catalog.userByName(m_orgId, name);
        existing || existing.error().code != ErrorCode::NotFound)
        return existing;
    User u{newId(), m_orgId, name.trimmed(), m_clock.nowMs()};
    if (auto r = m_catalog.saveUser(u); !r)
        return r.error();
    Q_EMIT catalogChanged();
    return u;
}

Result<TaskType> TimerService::findTaskType(const QString &nameOrId) const
{
    const QString wanted = nameOrId.trimmed();
    const auto read = m_catalog.taskTypes(m_orgId, true);
    if (!read)
        return read.error();
    const QList<TaskType> &all = read.value();
    for (const TaskType &t : all) {
        if (t.id == wanted || t.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return t;
    }
    QStringList names;
    for (const TaskType &t : all) {
        if (!t.archived)
            names << t.name;
    }
    return Error::notFound(tr("No task type \"%1\". Known task types: %2.")
                               .arg(wanted, names.join(QStringLiteral(", "))));
}

Result<Room> TimerService::findRoom(const QString &nameOrId) const
{
    const QString wanted = nameOrId.trimmed();
    const auto all = m_catalog.rooms(m_orgId, true);
    if (!all)
        return all.error();
    for (const Room &r : all.value()) {
        if (r.id == wanted || r.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return r;
    }
    return Error::notFound(tr("No room \"%1\".").arg(wanted));
}

Result<User> TimerService::findUser(const QString &nameOrId) const
{
    const QString wanted = nameOrId.trimmed();
    const auto all = m_catalog.users(m_orgId);
    if (!all)
        return all.error();
    for (const User &u : all.value()) {
        if (u.id == wanted || u.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return u;
    }
    return Error::notFound(tr("No user \"%1\".").arg(wanted));
}

Result<TimeEntry> TimerService::findEntry(const QString &idOrPrefix) const
{
    const QString wanted = idOrPrefix.trimmed().toLower();
    if (auto exact = ownEntry(wanted); !exact)
        return exact.error();
    else if (exact.value())
        return *exact.value();
    if (wanted.size() >= 4) {
        const auto found = m_entries.idsWithPrefix(m_orgId, wanted, 2);
        if (!found)
            return found.error();
        const QStringList &ids = found.value();
        if (ids.size() == 1) {
            auto only = ownEntry(ids.first());
            if (!only)
                return only.error();
            if (only.value())
                return *only.value();
        }
        if (ids.size() > 1)
            return Error::invalid(
                tr("Several entries start with \"%1\": give more of the ID.").arg(wanted));
    }
    return Error::notFound(tr("No entry %1.").arg(idOrPrefix.trimmed()));
}

// ---- helpers -----------------------------------------------------------------------------------

Result<TimeEntry> TimerService::finishChange(Transaction &tx, const QList<TimeEntry> &changed,
                                             protocol::Request request,
                                             std::optional<TimeEntry> before)
{
    if (auto r = record({std::move(request), changed, std::move(before)}); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    for (const TimeEntry &e : changed)
        Q_EMIT entryChanged(e);
    return changed.last();
}

Result<void> TimerService::record(const Mutation &mutation)
{
    return m_sink ? m_sink(mutation) : Result<void>{};
}

Result<void> TimerService::checkNoOverlap(const TimeEntry &entry) const
{
    const Ms now = m_clock.nowMs();
    const Ms end = entry.effectiveEnd(now);
    const auto other = m_entries.overlapping(entry.userId, entry.startedAt,
                                             std::max(end, entry.startedAt + 1), entry.id, now);
    if (!other)
        return other.error();
    if (const auto &o = other.value())
        return Error::conflict(tr("This overlaps %1 (entry %2).").arg(describe(*o), o->id.left(8)));
    return {};
}

Result<void> TimerService::checkRefs(const QString &userId, const QString &taskTypeId,
                                     const QString &roomId) const
{
    if (auto r = knownUser(userId); !r)
        return r.error();
    const auto typeRow = ownedBy(m_catalog.taskType(taskTypeId), m_orgId);
    if (!typeRow)
        return typeRow.error();
    const std::optional<TaskType> &type = typeRow.value();
    if (!type)
        return Error::notFound(tr("No such task type."));
    if (type->archived)
        return Error::invalid(tr("The task type \"%1\" is archived.").arg(type->name));
    if (roomId.isEmpty())
        return {};
    const auto roomRow = ownedBy(m_catalog.room(roomId), m_orgId);
    if (!roomRow)
        return roomRow.error();
    if (!roomRow.value())
        return Error::notFound(tr("No such room."));
    return {};
}

Result<std::optional<TimeEntry>> TimerService::ownEntry(const QString &id) const
{
    return ownedBy(m_entries.entry(id), m_orgId);
}

Result<User> TimerService::knownUser(const QString &id, UserScope scope) const
{
    auto row = m_catalog.user(id);
    if (scope == ThisOrganization)
        row = ownedBy(std::move(row), m_orgId);
    if (!row)
        return row.error();
    if (!row.value())
        return Error::notFound(tr("No such user."));
    return *row.value();
}

Result<TimeEntry> TimerService::liveEntry(const QString &id) const
{
    const auto row = ownEntry(id);
    if (!row)
        return row.error();
    const std::optional<TimeEntry> &found = row.value();
    if (!found || found->deleted)
        return Error::notFound(tr("No entry %1.").arg(id));
    return *found;
}

Result<TimeEntry> TimerService::runningFor(const QString &userId) const
{
    if (auto r = knownUser(userId); !r)
        return r.error();
    const auto e = m_entries.runningEntry(userId);
    if (!e)
        return e.error();
    if (e.value())
        return *e.value();
    return Error::notFound(tr("No timer is running."));
}

QString TimerService::describe(const TimeEntry &e) const
{
    const auto type = orEmpty(m_catalog.taskType(e.taskTypeId));
    const QLocale locale;
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(e.startedAt);
    const QString from = locale.toString(start, QStringLiteral("yyyy-MM-dd HH:mm"));
    const QString to = e.endedAt ? locale.toString(QDateTime::fromMSecsSinceEpoch(*e.endedAt),
                                                   QStringLiteral("HH:mm"))
                                 : tr("now");
    return tr("%1 %2–%3").arg(type ? type->name : tr("an entry"), from, to);
}

AuditRecord TimerService::audit(const TimeEntry &before, const TimeEntry &after,
                                const QString &actorId, const QString &action,
                                const QString &reason) const
{
    AuditRecord a;
    a.id = newId();
    a.entryId = after.id;
    a.actorId = actorId;
    a.actorName = orEmpty(m_catalog.user(actorId)).value_or(User{}).name;
    a.at = m_clock.nowMs();
    a.action = action;
    a.before = auditJson(before);
    a.after = auditJson(after);
    a.reason = reason;
    return a;
}

protocol::UserRef TimerService::userRef(const QString &userId) const
{
    return {userId, orEmpty(m_catalog.user(userId)).value_or(User{}).name};
}

} // namespace st
