// TimerService: manual entries written as one batch, all or nothing (an import), held in memory
// (addManualBatch) or read as they are written (addManualStream).

#include "TimerService.h"
#include "TimerServiceDetail.h"

#include "domain/Rates.h"
#include "store/RateRepository.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <map>

namespace st {

using namespace timer_detail;

namespace {

// The stamps of a batch's entries (RateRepository::stamp decides each, the one place the rule
// lives), remembered for the local day each was asked for: a stamp depends only on the entry's
// task type, project, billable flag and local start day, and nothing changes rates during the
// batch's transaction. A million rows then ask the store a few thousand times, not a million.
class BatchStamps final
{
public:
    explicit BatchStamps(const Database &db)
        : m_rates(db)
    {}

    Result<void> stamp(TimeEntry &entry)
    {
        if (entry.hourlyRateCents >= 0) // the file gave its rate
            return {};
        const QString key = entry.taskTypeId + QLatin1Char('|') + entry.projectId +
                            (entry.billable ? QLatin1String("|1") : QLatin1String("|0"));
        Days &days = m_stamps[key];
        // The day holding the entry's start, when already asked: the last one starting at or
        // before it, if the entry starts before that day's end.
        auto it = days.upper_bound(entry.startedAt);
        if (it != days.begin() && entry.startedAt < std::prev(it)->second.end) {
            apply(entry, std::prev(it)->second.stamp);
            return {};
        }
        const auto found = m_rates.stamp(entry);
        if (!found)
            return found.error();
        const QDate day = rates::localDay(entry.startedAt);
        const Ms from = day.startOfDay().toMSecsSinceEpoch();
        const Ms to = day.addDays(1).startOfDay().toMSecsSinceEpoch();
        if (from <= entry.startedAt && entry.startedAt < to) // else not remembered (never seen)
            days.insert_or_assign(from, Day{to, found.value()});
        apply(entry, found.value());
        return {};
    }

private:
    struct Day
    {
        Ms end;
        EntryStamp stamp;
    };
    using Days = std::map<Ms, Day>; // by the day's first instant

    static void apply(TimeEntry &entry, const EntryStamp &stamp)
    {
        entry.hourlyRateCents = stamp.hourlyRateCents;
        entry.billable = stamp.billable;
    }

    RateRepository m_rates;
    QHash<QString, Days> m_stamps; // by task type, project and billable flag
};

// A larger page cache while a batch writes: the entries' random IDs land all over their index,
// and with SQLite's 2 MB default its pages are written out and read back many times over before
// the commit. Put back as it was when the batch ends.
class LargerPageCache final
{
public:
    explicit LargerPageCache(const Database &db)
        : m_query(db.connection())
    {
        if (m_query.exec(QStringLiteral("PRAGMA cache_size")) && m_query.next())
            m_before = m_query.value(0).toLongLong();
        if (m_before)
            m_query.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kKib));
    }
    ~LargerPageCache()
    {
        if (m_before)
            m_query.exec(QStringLiteral("PRAGMA cache_size = %1").arg(*m_before));
    }
    LargerPageCache(const LargerPageCache &) = delete;
    LargerPageCache &operator=(const LargerPageCache &) = delete;

private:
    static constexpr int kKib = 128 * 1024; // at most 128 MB, taken only as pages are used
    QSqlQuery m_query;
    std::optional<qint64> m_before;
};

} // namespace

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
    if (auto r = writeBatch({batch.newUsers, batch.newRooms, {}, {}}, next, failedIndex, &added);
        !r)
        return r.error();
    for (const TimeEntry &e : std::as_const(added))
        Q_EMIT entryChanged(e);
    return added;
}

Result<qsizetype> TimerService::addManualStream(const BatchCatalog &catalog,
                                                const ManualBatchSource &next, int *failedIndex)
{
    auto written = writeBatch(catalog, next, failedIndex, nullptr);
    if (written && written.value() > 0)
        Q_EMIT entriesChanged();
    return written;
}

Result<void> TimerService::saveBatchCatalog(const BatchCatalog &catalog)
{
    for (User u : catalog.users) {
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
    for (Room room : catalog.rooms) {
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
    // Through the one save every client and project goes through (checked by name, sent to the
    // hub): a savepoint inside the batch's transaction. Their IDs are new (made by the caller).
    for (const Client &client : catalog.clients) {
        if (auto saved = saveClient(client); !saved)
            return saved.error();
    }
    for (const Project &project : catalog.projects) {
        if (auto saved = saveProject(project); !saved)
            return saved.error();
    }
    return {};
}

Result<qsizetype> TimerService::writeBatch(const BatchCatalog &catalog,
                                           const ManualBatchSource &next, int *failedIndex,
                                           QList<TimeEntry> *kept)
{
    if (failedIndex)
        *failedIndex = -1;
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.error();
    if (auto r = saveBatchCatalog(catalog); !r)
        return r.error();
    const LargerPageCache cache(m_db);
    // Each entry is written as it comes; the overlaps (with the store and inside the batch) are
    // checked all at once at the end, in the same transaction.
    const Ms now = m_clock.nowMs();
    std::vector<std::pair<QUuid, int>> ids; // 20 bytes an entry: what the overlap check needs
    std::optional<Ms> from, to;
    QSet<QString> refsChecked;
    BatchStamps stamps(m_db);
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
        Result<void> written = prepared ? stamps.stamp(entry) : Result<void>(prepared.error());
        if (written)
            written = m_entries.insert(entry);
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
    if (!catalog.users.isEmpty() || !catalog.rooms.isEmpty() || !catalog.clients.isEmpty() ||
        !catalog.projects.isEmpty())
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
