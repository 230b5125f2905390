// EntryImporter: raw rows resolved against the catalogue and the stored entries (names, new
// people and rooms, duplicates, overlaps) into the plan's rows and errors.

#include "EntryImport.h"
#include "EntryImportDetail.h"

#include "ReportService.h"
#include "domain/Format.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace st {

using namespace import_detail;

namespace {

// The catalogue read once per file: rows by ID and by name (any case), as TimerService::find*
// match them.
template <typename T> class Lookup
{
public:
    explicit Lookup(const QList<T> &rows)
    {
        for (const T &row : rows) {
            m_rows.insert(row.id, row);
            m_rows.insert(row.name.toCaseFolded(), row);
        }
    }
    std::optional<T> find(const QString &nameOrId) const
    {
        const QString key = nameOrId.trimmed();
        if (const auto it = m_rows.constFind(key); it != m_rows.cend())
            return *it;
        if (const auto it = m_rows.constFind(key.toCaseFolded()); it != m_rows.cend())
            return *it;
        return std::nullopt;
    }

private:
    QHash<QString, T> m_rows;
};

} // namespace

void EntryImporter::resolve(const QList<Raw> &raws, ImportPlan &plan) const
{
    const Ms now = m_service.clock().nowMs();
    const QString orgId = m_service.orgId();
    const Lookup<TaskType> types(m_service.taskTypes(true));
    const Lookup<User> users(m_service.users());
    const Lookup<Room> rooms(m_service.rooms(true));
    QHash<QString, User> newUsers; // by lower-case name
    QHash<QString, Room> newRooms;
    QStringList userOrder, roomOrder; // the file's order, for the preview

    // The stored entries of the file's span, read once, by person (oldest first).
    QHash<QString, QList<TimeEntry>> storedByUser;
    QHash<QString, Ms> longestByUser;
    {
        std::optional<Ms> spanFrom, spanTo;
        for (const Raw &raw : raws) {
            if (!raw.error.isEmpty() || !raw.end)
                continue;
            spanFrom = std::min(spanFrom.value_or(raw.start), raw.start);
            spanTo = std::max(spanTo.value_or(*raw.end), *raw.end);
        }
        if (spanFrom && spanTo && *spanFrom < *spanTo) {
            EntryFilter span;
            span.from = spanFrom;
            span.to = spanTo;
            for (const TimeEntry &e : ReportService(m_service).entries(span)) {
                storedByUser[e.userId] << e;
                Ms &longest = longestByUser[e.userId];
                longest = std::max(longest, e.effectiveEnd(now) - e.startedAt);
            }
        }
    }
    QHash<QString, int> idLines; // IDs seen in the file
    QHash<QString, int> contentLines;

    auto issue = [&plan](const Raw &raw, const QString &message) {
        plan.errors << ImportIssue{raw.line, tr("%1: %2").arg(raw.where, message)};
    };

    for (const Raw &raw : raws) {
        if (!raw.error.isEmpty()) {
            issue(raw, raw.error);
            continue;
        }
        ImportRow row;
        row.line = raw.line;

        if (raw.taskType.isEmpty()) {
            issue(raw, tr("it has no task type."));
            continue;
        }
        const auto type = types.find(raw.taskType);
        if (!type) {
            // The service's message lists the known task types.
            auto missing = m_service.findTaskType(raw.taskType);
            issue(raw,
                  missing ? tr("No task type \"%1\".").arg(raw.taskType) : missing.error().message);
            continue;
        }
        if (type->archived) {
            issue(raw, tr("the task type \"%1\" is archived.").arg(type->name));
            continue;
        }
        row.entry.taskTypeId = type->id;
        row.taskTypeName = type->name;

        if (raw.user.isEmpty()) {
            const auto desk = m_service.user(m_defaultUserId);
            if (!desk) {
                issue(raw, tr("it names no user and no user is set for this desk."));
                continue;
            }
            row.entry.userId = desk->id;
            row.userName = desk->name;
        } else if (auto user = users.find(raw.user)) {
            row.entry.userId = user->id;
            row.userName = user->name;
        } else {
            if (auto valid = validate::userName(raw.user); !valid) {
                issue(raw, valid.error().message);
                continue;
            }
            const QString key = raw.user.toLower();
            if (!newUsers.contains(key)) {
                newUsers.insert(key, User{newId(), orgId, raw.user, now});
                userOrder << key;
            }
            row.entry.userId = newUsers.value(key).id;
            row.userName = raw.user;
        }

        if (!raw.room.isEmpty()) {
            if (auto room = rooms.find(raw.room)) {
                row.entry.roomId = room->id;
                row.roomName = room->name;
            } else if (raw.mayCreateRoom) {
                const QString key = raw.room.toLower();
                if (!newRooms.contains(key)) {
                    newRooms.insert(key, Room{newId(), orgId, raw.room, false, now});
                    roomOrder << key;
                }
                if (auto valid = validate::room(newRooms.value(key)); !valid) {
                    newRooms.remove(key);
                    issue(raw, valid.error().message);
                    continue;
                }
                row.entry.roomId = newRooms.value(key).id;
                row.roomName = raw.room;
            }
        }

        if (auto valid = validate::note(raw.note); !valid) {
            issue(raw, valid.error().message);
            continue;
        }
        row.entry.note = raw.note;
        if (auto valid = validate::entryTimes(raw.start, raw.end); !valid) {
            issue(raw, valid.error().message);
            continue;
        }
        row.entry.startedAt = raw.start;
        if (!raw.id.isEmpty() && !isValidId(raw.id)) {
            issue(raw, tr("the ID \"%1\" is not a UUID.").arg(raw.id));
            continue;
        }
        row.entry.entryId = raw.id;

        if (!raw.end) {
            row.action = ImportRow::Action::Running;
            plan.rows << row;
            continue;
        }
        const Ms end = *raw.end;
        const Ms wall = end - raw.start;
        if (wall == 0) {
            issue(raw, tr("it ends when it starts."));
            continue;
        }
        row.entry.endedAt = end;
        if (raw.hourlyRateCents)
            row.entry.hourlyRateCents = *raw.hourlyRateCents;
        if (raw.pausedMs) {
            if (*raw.pausedMs > wall) {
                issue(raw, tr("it is paused for longer than it lasts."));
                continue;
            }
            row.entry.pausedMs = *raw.pausedMs;
        } else if (raw.durationMs) {
            // Times in files are whole seconds: a billed duration up to a second longer than
            // the span is rounding, not a pause.
            row.entry.pausedMs = std::max<Ms>(0, wall - *raw.durationMs);
        }

        // Duplicates: the same ID, or the same person, task type, start and end (to the second,
        // as files write times), in the store or earlier in the file.
        const QString contentKey = QStringLiteral("%1|%2|%3|%4")
                                       .arg(row.entry.userId, row.entry.taskTypeId)
                                       .arg(raw.start / kSecond)
                                       .arg(end / kSecond);
        if (!raw.id.isEmpty() && m_service.entry(raw.id)) {
            row.action = ImportRow::Action::Duplicate;
            row.duplicateOf = raw.id;
        } else if (!raw.id.isEmpty() && idLines.contains(raw.id)) {
            row.action = ImportRow::Action::Duplicate;
            row.duplicateOf = tr("line %1").arg(idLines.value(raw.id));
        } else if (contentLines.contains(contentKey)) {
            row.action = ImportRow::Action::Duplicate;
            row.duplicateOf = tr("line %1").arg(contentLines.value(contentKey));
        } else {
            // Only entries starting after start - (the person's longest entry) can reach it.
            static const QList<TimeEntry> none;
            const auto found = storedByUser.constFind(row.entry.userId);
            const QList<TimeEntry> &mine = found == storedByUser.cend() ? none : *found;
            const Ms reach = longestByUser.value(row.entry.userId);
            auto first = std::lower_bound(mine.cbegin(), mine.cend(), raw.start - reach,
                                          [](const TimeEntry &e, Ms t) { return e.startedAt < t; });
            QList<TimeEntry> stored;
            for (auto it = first; it != mine.cend() && it->startedAt < end; ++it)
                stored << *it;
            std::optional<TimeEntry> overlap;
            for (const TimeEntry &e : stored) {
                if (e.taskTypeId == row.entry.taskTypeId && e.endedAt &&
                    e.startedAt / kSecond == raw.start / kSecond &&
                    *e.endedAt / kSecond == end / kSecond) {
                    row.action = ImportRow::Action::Duplicate;
                    row.duplicateOf = e.id;
                    break;
                }
                if (!overlap && overlaps(raw.start, end, e.startedAt, e.effectiveEnd(now)))
                    overlap = e;
            }
            if (row.action != ImportRow::Action::Duplicate && overlap) {
                issue(raw, tr("it overlaps the stored entry %1 of %2 (%3 to %4).")
                               .arg(overlap->id.left(8), row.userName,
                                    format::isoWithOffset(overlap->startedAt),
                                    overlap->endedAt ? format::isoWithOffset(*overlap->endedAt)
                                                     : tr("now")));
                continue;
            }
        }
        row.adjusted = raw.adjusted;
        row.audit = raw.audit;
        for (AuditRecord &a : row.audit) {
            // The person who made the change, when this organisation knows them by that name.
            if (auto actor = users.find(a.actorName))
                a.actorId = actor->id;
            else if (newUsers.contains(a.actorName.toLower()))
                a.actorId = newUsers.value(a.actorName.toLower()).id;
        }
        if (!raw.id.isEmpty() && !idLines.contains(raw.id))
            idLines.insert(raw.id, raw.line);
        if (!contentLines.contains(contentKey))
            contentLines.insert(contentKey, raw.line);
        plan.rows << row;
    }

    // Overlaps among the file's own new entries, person by person.
    QHash<QString, QList<const ImportRow *>> byUser;
    for (const ImportRow &row : plan.rows) {
        if (row.action == ImportRow::Action::Create)
            byUser[row.entry.userId] << &row;
    }
    for (auto &list : byUser) {
        std::sort(list.begin(), list.end(), [](const ImportRow *a, const ImportRow *b) {
            return a->entry.startedAt < b->entry.startedAt;
        });
        const ImportRow *latest = nullptr; // the row reaching furthest so far
        for (const ImportRow *row : list) {
            if (latest && row->entry.startedAt < latest->entry.endedAt) {
                const ImportRow *later = row->line > latest->line ? row : latest;
                const ImportRow *earlier = later == row ? latest : row;
                plan.errors << ImportIssue{
                    later->line,
                    tr("%1 %2: it overlaps line %3 of the same person (%4).")
                        .arg(plan.format == TransferFormat::Json ? tr("Entry") : tr("Line"))
                        .arg(later->line)
                        .arg(earlier->line)
                        .arg(later->userName)};
            }
            if (!latest || row->entry.endedAt > latest->entry.endedAt)
                latest = row;
        }
    }
    std::stable_sort(plan.errors.begin(), plan.errors.end(),
                     [](const ImportIssue &a, const ImportIssue &b) { return a.line < b.line; });

    // Only the people and rooms that new entries need.
    QSet<QString> usedUsers, usedRooms;
    for (const ImportRow &row : plan.rows) {
        if (row.action != ImportRow::Action::Create)
            continue;
        usedUsers.insert(row.entry.userId);
        usedRooms.insert(row.entry.roomId);
    }
    for (const QString &key : std::as_const(userOrder)) {
        if (newUsers.contains(key) && usedUsers.contains(newUsers.value(key).id))
            plan.newUsers << newUsers.value(key);
    }
    for (const QString &key : std::as_const(roomOrder)) {
        if (newRooms.contains(key) && usedRooms.contains(newRooms.value(key).id))
            plan.newRooms << newRooms.value(key);
    }
}

} // namespace st
