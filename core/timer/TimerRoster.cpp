// TimerService: rooms and people renamed, archived and merged, audited (docs/REPORTS.md "Rooms and
// people"). Each change is one transaction with its trail row (catalog_audit), recorded for sync
// as roster:edit; the hub applies the same request through here, and a desk applies the hub's
// roster:edited through RosterRepository (SyncCache).

#include "TimerService.h"
#include "TimerServiceDetail.h"

#include "store/RosterRepository.h"

#include <tuple>

namespace st {

using namespace timer_detail;

namespace {

// A room or a person as the roster edits it.
struct Item
{
    QString id;
    QString name;
    bool archived = false;
};

} // namespace

QList<RosterRecord> TimerService::rosterTrail() const
{
    return orEmpty(RosterRepository(m_db).trail(m_orgId));
}

QString TimerService::rosterNotFound(RosterKind kind) const
{
    return kind == RosterKind::Room ? tr("No such room.") : tr("No such person.");
}

Result<RosterRecord> TimerService::renameInRoster(RosterKind kind, const QString &id,
                                                  const QString &newName, const QString &actorId,
                                                  const QString &auditId)
{
    protocol::RosterEdit edit;
    edit.kind = kind;
    edit.action = QStringLiteral("rename");
    edit.id = id;
    edit.name = newName.trimmed();
    edit.auditId = auditId;
    return editRoster(edit, actorId);
}

Result<RosterRecord> TimerService::archiveInRoster(RosterKind kind, const QString &id,
                                                   bool archived, const QString &actorId,
                                                   const QString &auditId)
{
    protocol::RosterEdit edit;
    edit.kind = kind;
    edit.action = archived ? QStringLiteral("archive") : QStringLiteral("unarchive");
    edit.id = id;
    edit.auditId = auditId;
    return editRoster(edit, actorId);
}

Result<RosterRecord> TimerService::mergeInRoster(RosterKind kind, const QString &fromId,
                                                 const QString &intoId, const QString &actorId,
                                                 const QString &auditId)
{
    protocol::RosterEdit edit;
    edit.kind = kind;
    edit.action = QStringLiteral("merge");
    edit.id = fromId;
    edit.intoId = intoId;
    edit.auditId = auditId;
    return editRoster(edit, actorId);
}

Result<RosterRecord> TimerService::editRoster(const protocol::RosterEdit &edit,
                                              const QString &actorId)
{
    const RosterKind kind = edit.kind;
    const bool isRoom = kind == RosterKind::Room;
    // This organisation's rooms or people, read under the write lock.
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    const auto actor = knownUser(actorId, AnyOrganization);
    if (!actor)
        return actor.error();
    QList<Item> all;
    if (isRoom) {
        const auto rooms = m_catalog.rooms(m_orgId, true);
        if (!rooms)
            return rooms.error();
        for (const Room &r : rooms.value())
            all.append({r.id, r.name, r.archived});
    } else {
        const auto users = m_catalog.users(m_orgId, true);
        if (!users)
            return users.error();
        for (const User &u : users.value())
            all.append({u.id, u.name, u.archived});
    }
    const auto find = [&all](const QString &id) -> std::optional<Item> {
        for (const Item &i : all) {
            if (i.id == id)
                return i;
        }
        return std::nullopt;
    };
    const std::optional<Item> item = find(edit.id);
    if (!item)
        return Error::notFound(rosterNotFound(kind));

    RosterRecord record;
    record.id = edit.auditId.isEmpty() ? newId() : edit.auditId;
    if (!isValidId(record.id))
        return Error::invalid(tr("The audit ID is not a UUID."));
    record.orgId = m_orgId;
    record.kind = kind;
    record.action = edit.action;
    record.itemId = item->id;
    record.itemName = item->name;
    record.targetId = item->id;
    record.targetName = item->name;
    record.at = m_clock.nowMs();
    record.actorId = actorId;
    record.actorName = actor->name;
    std::tie(record.deviceId, record.deviceName) = device();

    RosterRepository roster(m_db);
    Item changed = *item;
    if (edit.action == QLatin1String("rename")) {
        const QString name = edit.name.trimmed();
        if (auto r = validate::userName(name); !r)
            return r.error();
        if (name == item->name)
            return Error::conflict(tr("\"%1\" has this name already.").arg(item->name));
        for (const Item &other : all) {
            if (other.id != item->id && other.name.compare(name, Qt::CaseInsensitive) == 0)
                return Error::conflict(
                    (isRoom ? tr("A room named \"%1\" exists already: use merge to move the "
                                 "entries of \"%2\" into it.")
                            : tr("A person named \"%1\" exists already: use merge to move the "
                                 "entries of \"%2\" to them."))
                        .arg(other.name, item->name));
        }
        changed.name = name;
        record.targetName = name;
    } else if (edit.action == QLatin1String("archive") ||
               edit.action == QLatin1String("unarchive")) {
        const bool archive = edit.action == QLatin1String("archive");
        if (item->archived == archive)
            return Error::conflict(
                (archive ? tr("\"%1\" is archived already.") : tr("\"%1\" is not archived."))
                    .arg(item->name));
        changed.archived = archive;
    } else if (edit.action == QLatin1String("merge")) {
        const std::optional<Item> into = find(edit.intoId);
        if (!into)
            return Error::notFound(rosterNotFound(kind));
        if (into->id == item->id)
            return Error::invalid(tr("\"%1\" cannot be merged into itself.").arg(item->name));
        // Locked entries keep their stored facts: a merge that would move one is refused.
        const auto earliest = roster.earliestStart(kind, item->id);
        if (!earliest)
            return earliest.error();
        if (earliest.value()) {
            if (auto r = checkUnlocked(*earliest.value()); !r)
                return Error{r.error().code,
                             tr("\"%1\" has entries in the locked period; unlock it to merge. %2")
                                 .arg(item->name, r.error().message)};
        }
        if (!isRoom) {
            const auto fromRuns = roster.isRunning(item->id);
            const auto intoRuns = roster.isRunning(into->id);
            if (!fromRuns)
                return fromRuns.error();
            if (!intoRuns)
                return intoRuns.error();
            if (fromRuns.value() && intoRuns.value())
                return Error::conflict(
                    tr("\"%1\" and \"%2\" both have a timer running: stop one first.")
                        .arg(item->name, into->name));
        }
        record.targetId = into->id;
        record.targetName = into->name;
        const auto moved = roster.merge(kind, item->id, into->id);
        if (!moved)
            return moved.error();
        record.entries = moved.value();
    } else {
        return Error::invalid(tr("Unknown change \"%1\".").arg(edit.action));
    }

    if (edit.action != QLatin1String("merge")) {
        Result<void> saved;
        if (isRoom) {
            const auto row = m_catalog.room(item->id);
            if (!row || !row.value())
                return row ? Error::notFound(rosterNotFound(kind)) : row.error();
            Room room = *row.value();
            room.name = changed.name;
            room.archived = changed.archived;
            room.updatedAt = record.at;
            saved = m_catalog.saveRoom(room);
        } else {
            const auto row = m_catalog.user(item->id);
            if (!row || !row.value())
                return row ? Error::notFound(rosterNotFound(kind)) : row.error();
            User user = *row.value();
            user.name = changed.name;
            user.archived = changed.archived;
            user.updatedAt = record.at;
            saved = m_catalog.saveUser(user);
        }
        if (!saved)
            return saved.error();
    }
    if (auto r = roster.save(record); !r)
        return r.error();
    protocol::RosterEdit change = edit;
    change.auditId = record.id;
    change.user = userRef(actorId);
    Mutation mutation{change, {}, std::nullopt, std::nullopt};
    mutation.roster = record;
    if (auto r = this->record(mutation); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    Q_EMIT catalogChanged();
    if (record.entries > 0)
        Q_EMIT entriesChanged();
    return record;
}

} // namespace st
