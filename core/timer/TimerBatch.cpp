// TimerService: manual entries written as one batch, all or nothing (an import), held in memory
// (addManualBatch) or read as they are written (addManualStream).

#include "TimerService.h"
#include "TimerServiceDetail.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace st {

using namespace timer_detail;

Result<QList<TimeEntry>> TimerService::addManualBatch(const ManualBatch &batch, int *failedIndex)
{
    int i = 0;
    const ManualBatchSource next = [&]() -> Result<std::optional<ManualBatchItem>> {
        if (i >= batch.entries.size())
            return std::optional<ManualBatchItem>();
        ManualBatchItem item{batch.entries.at(i), batch.adjusted.contains(i), batch.audit.value(i)};
        ++i;
        return std::optional<ManualBatchItem>(std::move(item));
    };
    QList<TimeEntry> added;
    if (auto r = writeBatch(batch.newUsers, batch.newRooms, next, failedIndex, &added); !r)
        return r.error();
    for (const TimeEntry &e : std::as_const(added))
        Q_EMIT entryChanged(e);
    return added;
}

Result<qsizetype> TimerService::addManualStream(const QList<User> &newUsers,
                                                const QList<Room> &newRooms,
                                                const ManualBatchSource &next, int *failedIndex)
{
    auto written = writeBatch(newUsers, newRooms, next, failedIndex, nullptr);
    if (written && written.value() > 0)
        Q_EMIT entriesChanged();
    return written;
}

Result<void> TimerService::saveBatchCatalog(const QList<User> &newUsers,
                                            const QList<Room> &newRooms)
{
    for (User u : newUsers) {
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
    for (Room room : newRooms) {
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
        if (auto r = record(*CatalogKind<Room>::upsert(room)); !r)
            return r.error();
    }
    return {};
}

Result<qsizetype> TimerService::writeBatch(const QList<User> &newUsers, const QList<Room> &newRooms,
                                           const ManualBatchSource &next, int *failedIndex,
                                           QList<TimeEntry> *kept)
{
    if (failedIndex)
        *failedIndex = -1;
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    if (auto r = saveBatchCatalog(newUsers, newRooms); !r)
        return r.error();
    // Each entry is written as it comes; the overlaps (with the store and inside the batch) are
    // checked all at once at the end, in the same transaction.
    const Ms now = m_clock.nowMs();
    std::vector<std::pair<QUuid, int>> ids; // 20 bytes an entry: what the overlap check needs
    std::optional<Ms> from, to;
    QSet<QString> refsChecked;
    for (int i = 0;; ++i) {
        auto item = next();
        if (!item) {
            if (failedIndex)
                *failedIndex = i;
            return item.error();
        }
        if (!item.value())
            break;
        const ManualBatchItem &in = *item.value();
        auto prepared = prepareManual(in.entry, &refsChecked);
        TimeEntry entry = prepared ? prepared.value() : TimeEntry{};
        entry.adjusted = in.adjusted;
        Result<void> written = prepared ? m_entries.insert(entry) : Result<void>(prepared.error());
        for (AuditRecord a : in.audit) { // an imported trail
            if (!written)
                break;
            a.id = newId();
            a.entryId = entry.id;
            written = m_entries.insertAudit(a);
        }
        if (written && m_sink) // sync records the entry; without it, nothing to build
            written = record({manualChange(entry), {entry}, std::nullopt, std::nullopt});
        if (!written) {
            if (failedIndex)
                *failedIndex = i;
            return written.error();
        }
        ids.emplace_back(QUuid::fromString(entry.id), i);
        from = std::min(from.value_or(entry.startedAt), entry.startedAt);
        to = std::max(to.value_or(entry.effectiveEnd(now)), entry.effectiveEnd(now));
        if (kept)
            kept->append(entry);
    }
    if (!ids.empty()) {
        std::sort(ids.begin(), ids.end());
        if (auto r = checkBatchOverlaps(ids, *from, *to, failedIndex); !r)
            return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    if (!newUsers.isEmpty() || !newRooms.isEmpty())
        Q_EMIT catalogChanged();
    return qsizetype(ids.size());
}

Result<void> TimerService::checkBatchOverlaps(const std::vector<std::pair<QUuid, int>> &ids,
                                              Ms from, Ms to, int *failedIndex) const
{
    // One pass over the live entries of the batch's span (the batch's own included: it is
    // written), person by person in start order, instead of a query per entry.
    const Ms now = m_clock.nowMs();
    EntryFilter span;
    span.orgId = m_orgId;
    span.from = from;
    span.to = to;
    const auto index = [&ids](const QString &id) {
        const QUuid key = QUuid::fromString(id);
        const auto it = std::lower_bound(ids.cbegin(), ids.cend(), std::pair<QUuid, int>(key, -1));
        return it != ids.cend() && it->first == key ? it->second : -1;
    };
    struct Reach
    {
        TimeEntry entry; // the entry reaching furthest so far
        Ms end = 0;
    };
    QHash<QString, Reach> reach; // by person
    int blamed = -1;             // the first entry of the batch that overlaps an earlier one
    std::optional<TimeEntry> other;
    auto visit = [&](const TimeEntry &e) {
        const Ms end = std::max(e.effectiveEnd(now), e.startedAt + 1);
        const auto found = reach.find(e.userId);
        if (found == reach.end()) {
            reach.insert(e.userId, {e, end});
            return true;
        }
        if (e.startedAt < found->end) {
            const int mine = index(e.id), theirs = index(found->entry.id);
            const int later = std::max(mine, theirs);
            if (later >= 0 && (blamed < 0 || later < blamed)) {
                blamed = later;
                other = later == mine ? found->entry : e;
            }
        }
        if (end > found->end)
            *found = {e, end};
        return true;
    };
    if (auto r = m_entries.forEach(span, now, visit); !r)
        return r.error();
    if (blamed < 0)
        return {};
    if (failedIndex)
        *failedIndex = blamed;
    return Error::conflict(
        tr("This overlaps %1 (entry %2).").arg(describe(*other), other->id.left(8)));
}

} // namespace st
