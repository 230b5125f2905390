// The sync cache's side of roster:edited (docs/PROTOCOL.md "Rooms and people"): a room or a person
// renamed, archived, unarchived or merged at the hub is changed here the same way, and the trail
// row kept by id. Applying a change twice (this desk's own, coming back) changes nothing more.
#include "SyncCache.h"

#include "store/RosterRepository.h"

namespace st {

Result<void> SyncCache::applyRoster(RosterRecord record)
{
    record.orgId = m_hubOrgId;
    const bool isRoom = record.kind == RosterKind::Room;
    const bool merge = record.action == QLatin1String("merge");
    // The room or person the change leaves in place, made when this desk never heard of it.
    const QString keptId = merge ? record.targetId : record.itemId;
    const QString keptName = merge ? record.targetName : record.itemName;
    if (isRoom) {
        if (auto r = ensureRoom(keptId, protocol::NamedRef{keptId, keptName}); !r)
            return r;
    } else {
        const auto known = m_catalog.user(keptId);
        if (!known)
            return known.error();
        if (!known.value()) {
            if (auto r = ensureUser(protocol::UserRef{keptId, keptName}, keptId); !r)
                return r;
        }
    }
    RosterRepository roster(m_db);
    if (merge) {
        if (auto moved = roster.merge(record.kind, record.itemId, record.targetId); !moved)
            return moved.error();
        return roster.save(record);
    }
    const bool rename = record.action == QLatin1String("rename");
    const std::optional<bool> archived =
        rename ? std::nullopt : std::optional<bool>(record.action == QLatin1String("archive"));
    Result<void> saved;
    if (isRoom) {
        const auto row = m_catalog.room(keptId);
        if (!row)
            return row.error();
        Room room = row.value().value_or(Room{});
        if (rename)
            room.name = record.targetName;
        room.archived = archived.value_or(room.archived);
        room.updatedAt = record.at;
        saved = m_catalog.saveRoom(room);
    } else {
        const auto row = m_catalog.user(keptId);
        if (!row)
            return row.error();
        User user = row.value().value_or(User{});
        if (rename)
            user.name = record.targetName;
        user.archived = archived.value_or(user.archived);
        user.updatedAt = record.at;
        saved = m_catalog.saveUser(user);
    }
    if (!saved)
        return saved;
    return roster.save(record);
}

} // namespace st
