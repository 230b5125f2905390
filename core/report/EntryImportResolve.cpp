// EntryImporter: rows resolved against the catalogue and the stored entries (names, new people
// and rooms, duplicates, overlaps) into the plan's counts, first rows and errors.

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

// A new entry of the file, as the checks across rows need it: 40 bytes a row.
struct Planned
{
    qint32 ordinal; // the row's place in the file (0-based)
    qint32 line;
    qint32 user; // Resolver::userIndex
    qint32 type;
    qint32 room;
    qint32 project;
    Ms start;
    Ms end;
};

// Two rows are the same entry when they have the same person, task type, start and end (to the
// second, as files write times).
struct ContentKey
{
    qint32 user;
    qint32 type;
    qint64 startSecond;
    qint64 endSecond;
    bool operator==(const ContentKey &) const = default;
};
size_t qHash(const ContentKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.user, k.type, k.startSecond, k.endSecond);
}

} // namespace

EntryImporter::Resolver::Resolver(const EntryImporter &importer, const ImportPlan *frozen)
    : m_importer(importer)
    , m_frozen(frozen != nullptr)
{
    const TimerService &service = importer.m_service;
    m_now = service.clock().nowMs();
    m_orgId = service.orgId();
    indexRows(m_types, service.taskTypes(true));
    indexRows(m_users, service.users());
    indexRows(m_rooms, service.rooms(true));
    if (const auto desk = service.user(importer.m_defaultUserId))
        m_desk = *desk;
    if (frozen) {
        for (const User &u : frozen->newUsers)
            m_newUsers.insert(u.name.toLower(), u);
        for (const Room &r : frozen->newRooms)
            m_newRooms.insert(r.name.toLower(), r);
    }
    loadProjects(frozen);
}

int EntryImporter::Resolver::userIndex(const QString &userId)
{
    const int i = numberOf(m_userIndex, userId, &m_userIds);
    if (i == m_userNames.size())
        m_userNames << QString();
    return i;
}

int EntryImporter::Resolver::roomIndex(const QString &roomId)
{
    return numberOf(m_roomIndex, roomId, &m_roomIds);
}

int EntryImporter::Resolver::typeIndex(const QString &typeId)
{
    return numberOf(m_typeIndex, typeId, nullptr);
}

int EntryImporter::Resolver::projectIndex(const QString &projectId)
{
    return numberOf(m_projectIndex, projectId, &m_projectIds);
}

bool EntryImporter::Resolver::resolve(const Raw &raw, ImportRow &row, QString *error)
{
    const auto fail = [error](const QString &message) {
        *error = message;
        return false;
    };
    if (!raw.error.isEmpty())
        return fail(raw.error);
    row.line = raw.line;

    bool projectIsTaskType = false;
    if (!resolveTaskType(raw, row, &projectIsTaskType, error))
        return false;

    if (raw.user.isEmpty()) {
        if (!m_desk)
            return fail(tr("it names no user and no user is set for this desk."));
        row.entry.userId = m_desk->id;
        row.userName = m_desk->name;
    } else if (auto user = findRow(m_users, raw.user)) {
        row.entry.userId = user->id;
        row.userName = user->name;
    } else {
        if (auto valid = validate::userName(raw.user); !valid)
            return fail(valid.error().message);
        const QString key = raw.user.toLower();
        if (!m_newUsers.contains(key)) {
            if (m_frozen)
                return fail(changedMessage());
            m_newUsers.insert(key, User{newId(), m_orgId, raw.user, m_now});
            m_userOrder << key;
        }
        row.entry.userId = m_newUsers.value(key).id;
        row.userName = raw.user;
    }

    if (!raw.room.isEmpty()) {
        if (auto room = findRow(m_rooms, raw.room)) {
            row.entry.roomId = room->id;
            row.roomName = room->name;
        } else if (raw.mayCreateRoom) {
            const QString key = raw.room.toLower();
            if (!m_newRooms.contains(key)) {
                if (m_frozen)
                    return fail(changedMessage());
                const Room made{newId(), m_orgId, raw.room, false, m_now};
                if (auto valid = validate::room(made); !valid)
                    return fail(valid.error().message);
                m_newRooms.insert(key, made);
                m_roomOrder << key;
            }
            row.entry.roomId = m_newRooms.value(key).id;
            row.roomName = raw.room;
        }
    }

    if (!resolveProject(raw, projectIsTaskType, row, error))
        return false;

    if (auto valid = validate::note(raw.note); !valid)
        return fail(valid.error().message);
    row.entry.note = raw.note;
    if (auto valid = validate::entryTimes(raw.start, raw.end); !valid)
        return fail(valid.error().message);
    row.entry.startedAt = raw.start;
    if (!raw.id.isEmpty() && !isValidId(raw.id))
        return fail(tr("the ID \"%1\" is not a UUID.").arg(raw.id));
    row.entry.entryId = raw.id;

    if (!raw.end) {
        row.action = ImportRow::Action::Running;
        return true;
    }
    const Ms end = *raw.end;
    const Ms wall = end - raw.start;
    if (wall == 0)
        return fail(tr("it ends when it starts."));
    row.entry.endedAt = end;
    if (raw.hourlyRateCents)
        row.entry.hourlyRateCents = *raw.hourlyRateCents;
    if (raw.pausedMs) {
        if (*raw.pausedMs > wall)
            return fail(tr("it is paused for longer than it lasts."));
        row.entry.pausedMs = *raw.pausedMs;
    } else if (raw.durationMs) {
        // Times in files are whole seconds: a billed duration up to a second longer than the
        // span is rounding, not a pause.
        row.entry.pausedMs = std::max<Ms>(0, wall - *raw.durationMs);
    }
    row.adjusted = raw.adjusted;
    row.audit = raw.audit;
    for (AuditRecord &a : row.audit) {
        // The person who made the change, when this organisation knows them by that name.
        if (auto actor = findRow(m_users, a.actorName))
            a.actorId = actor->id;
        else if (m_newUsers.contains(a.actorName.toLower()))
            a.actorId = m_newUsers.value(a.actorName.toLower()).id;
    }
    row.action = ImportRow::Action::Create;
    if (const int user = userIndex(row.entry.userId); m_userNames.at(user).isEmpty())
        m_userNames[user] = row.userName;
    return true;
}

namespace {

// Those of made (by key, in order) whose ID is in used.
template <typename T>
QList<T> usedOnes(const QStringList &order, const QHash<QString, T> &made,
                  const QSet<QString> &used)
{
    QList<T> list;
    for (const QString &key : order) {
        if (used.contains(made.value(key).id))
            list << made.value(key);
    }
    return list;
}

} // namespace

QList<User> EntryImporter::Resolver::newUsers(const QSet<QString> &used) const
{
    return usedOnes(m_userOrder, m_newUsers, used);
}

QList<Room> EntryImporter::Resolver::newRooms(const QSet<QString> &used) const
{
    return usedOnes(m_roomOrder, m_newRooms, used);
}

void EntryImporter::scan(QIODevice &in, ImportPlan &plan, const TransferProgress &progress) const
{
    const Ms now = m_service.clock().nowMs();
    RowReader reader(in, plan.format, now);
    Resolver resolver(*this);
    auto actions = std::make_shared<std::vector<quint8>>();
    std::vector<Planned> planned; // the new entries, in file order
    QHash<QUuid, int> idLines;    // IDs seen in the file
    QHash<ContentKey, int> contentLines;
    std::optional<Ms> spanFrom, spanTo;

    auto issue = [&plan](const Raw &raw, const QString &message) {
        plan.errors << ImportIssue{raw.line, tr("%1: %2").arg(raw.where, message)};
    };
    const auto count = [&plan](ImportRow::Action action, int by) {
        plan.counts[size_t(action)] += by;
    };

    while (auto raw = reader.next()) {
        if (progress.cancelled()) {
            plan.errors = {ImportIssue{0, cancelledMessage()}};
            return;
        }
        const qint32 ordinal = qint32(actions->size());
        if (progress.report && ordinal % 1000 == 0)
            progress.report(reader.percent(), ordinal);
        ImportRow row;
        QString error;
        if (!resolver.resolve(*raw, row, &error)) {
            issue(*raw, error);
            actions->push_back(ImportPlan::kRefused);
            continue;
        }
        if (row.action == ImportRow::Action::Create) {
            const qint32 user = resolver.userIndex(row.entry.userId);
            const qint32 type = resolver.typeIndex(row.entry.taskTypeId);
            const Ms start = row.entry.startedAt, end = row.entry.endedAt;
            const ContentKey content{user, type, start / kSecond, end / kSecond};
            const QUuid id = raw->id.isEmpty() ? QUuid() : QUuid::fromString(raw->id);
            if (!id.isNull() && m_service.entry(raw->id)) {
                row.action = ImportRow::Action::Duplicate;
                row.duplicateOf = raw->id;
            } else if (const auto it = idLines.constFind(id);
                       !id.isNull() && it != idLines.cend()) {
                row.action = ImportRow::Action::Duplicate;
                row.duplicateOf = tr("line %1").arg(*it);
            } else if (const auto at = contentLines.constFind(content); at != contentLines.cend()) {
                row.action = ImportRow::Action::Duplicate;
                row.duplicateOf = tr("line %1").arg(*at);
            } else {
                planned.push_back({ordinal, raw->line, user, type,
                                   resolver.roomIndex(row.entry.roomId),
                                   resolver.projectIndex(row.entry.projectId), start, end});
                spanFrom = std::min(spanFrom.value_or(start), start);
                spanTo = std::max(spanTo.value_or(end), end);
            }
            if (!id.isNull())
                idLines.insert(id, raw->line); // the first line keeps it
            contentLines.insert(content, raw->line);
        }
        count(row.action, 1);
        actions->push_back(quint8(row.action));
        if (plan.rows.size() < kListedRows)
            plan.rows << row;
    }
    if (reader.error()) {
        // The file as a whole is unreadable: that is the only thing to say.
        plan.errors = {*reader.error()};
        return;
    }
    plan.rowCount = qsizetype(actions->size());
    idLines = {};
    contentLines = {};

    // The stored entries of the file's span, read once, by person (oldest first): a new row
    // with the same task type, start and end is a duplicate; one sharing time is an error.
    if (spanFrom && spanTo && *spanFrom < *spanTo) {
        QHash<qint32, QList<TimeEntry>> storedByUser;
        QHash<qint32, Ms> longestByUser;
        EntryFilter span;
        span.from = spanFrom;
        span.to = spanTo;
        for (const TimeEntry &e : ReportService(m_service).entries(span)) {
            const qint32 user = resolver.userIndex(e.userId);
            storedByUser[user] << e;
            Ms &longest = longestByUser[user];
            longest = std::max(longest, e.effectiveEnd(now) - e.startedAt);
        }
        for (Planned &p : planned) {
            const auto found = storedByUser.constFind(p.user);
            if (found == storedByUser.cend())
                continue;
            const QList<TimeEntry> &mine = *found;
            // Only entries starting after start - (the person's longest entry) can reach it.
            const Ms reach = longestByUser.value(p.user);
            auto first = std::lower_bound(mine.cbegin(), mine.cend(), p.start - reach,
                                          [](const TimeEntry &e, Ms t) { return e.startedAt < t; });
            std::optional<TimeEntry> overlap;
            std::optional<QString> duplicateOf;
            for (auto it = first; it != mine.cend() && it->startedAt < p.end; ++it) {
                const TimeEntry &e = *it;
                if (resolver.typeIndex(e.taskTypeId) == p.type && e.endedAt &&
                    e.startedAt / kSecond == p.start / kSecond &&
                    *e.endedAt / kSecond == p.end / kSecond) {
                    duplicateOf = e.id;
                    break;
                }
                if (!overlap && overlaps(p.start, p.end, e.startedAt, e.effectiveEnd(now)))
                    overlap = e;
            }
            quint8 &action = (*actions)[size_t(p.ordinal)];
            if (duplicateOf) {
                action = quint8(ImportRow::Action::Duplicate);
                count(ImportRow::Action::Create, -1);
                count(ImportRow::Action::Duplicate, 1);
                if (p.ordinal < plan.rows.size()) {
                    plan.rows[p.ordinal].action = ImportRow::Action::Duplicate;
                    plan.rows[p.ordinal].duplicateOf = *duplicateOf;
                }
            } else if (overlap) {
                action = ImportPlan::kRefused;
                plan.errors << ImportIssue{
                    p.line, tr("%1: %2").arg(
                                plan.format == TransferFormat::Json ? tr("Entry %1").arg(p.line)
                                                                    : tr("Line %1").arg(p.line),
                                tr("it overlaps the stored entry %1 of %2 (%3 to %4).")
                                    .arg(overlap->id.left(8), resolver.userNames().at(p.user),
                                         format::isoWithOffset(overlap->startedAt),
                                         overlap->endedAt ? format::isoWithOffset(*overlap->endedAt)
                                                          : tr("now")))};
            }
        }
    }

    // Overlaps among the file's own new entries, person by person.
    std::erase_if(planned, [&actions](const Planned &p) {
        return (*actions)[size_t(p.ordinal)] != quint8(ImportRow::Action::Create);
    });
    std::stable_sort(planned.begin(), planned.end(), [](const Planned &a, const Planned &b) {
        return a.user != b.user ? a.user < b.user : a.start < b.start;
    });
    const Planned *latest = nullptr; // the row of this person reaching furthest so far
    for (const Planned &row : planned) {
        if (latest && latest->user != row.user)
            latest = nullptr;
        if (latest && row.start < latest->end) {
            const Planned *later = row.line > latest->line ? &row : latest;
            const Planned *earlier = later == &row ? latest : &row;
            plan.errors << ImportIssue{
                later->line,
                tr("%1 %2: it overlaps line %3 of the same person (%4).")
                    .arg(plan.format == TransferFormat::Json ? tr("Entry") : tr("Line"))
                    .arg(later->line)
                    .arg(earlier->line)
                    .arg(resolver.userNames().at(later->user))};
        }
        if (!latest || row.end > latest->end)
            latest = &row;
    }
    std::stable_sort(plan.errors.begin(), plan.errors.end(),
                     [](const ImportIssue &a, const ImportIssue &b) { return a.line < b.line; });

    // Only the people, rooms, projects and clients that new entries need.
    QSet<QString> usedUsers, usedRooms, usedProjects;
    for (const Planned &p : planned) {
        usedUsers.insert(resolver.userId(p.user));
        usedRooms.insert(resolver.roomId(p.room));
        usedProjects.insert(resolver.projectId(p.project));
    }
    plan.newUsers = resolver.newUsers(usedUsers);
    plan.newRooms = resolver.newRooms(usedRooms);
    plan.newProjects = resolver.newProjects(usedProjects);
    plan.newClients = resolver.newClients(plan.newProjects);
    plan.actions = std::move(actions);
}

} // namespace st
