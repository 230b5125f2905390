#include "EntryTimes.h"

#include "RowStream.h"
#include "Sql.h"

#include <string>
#include <unordered_map>

namespace st {

namespace {

// The few distinct IDs of a long read (task types, users, rooms) as QStrings made once each.
class Ids
{
public:
    const QString &get(std::string_view utf8)
    {
        // Rows come by task type: most rows repeat the ID of the row before.
        if (m_last && utf8 == std::string_view(m_key))
            return *m_last;
        m_key.assign(utf8);
        auto found = m_seen.find(m_key);
        if (found == m_seen.end())
            found =
                m_seen.emplace(m_key, QString::fromUtf8(utf8.data(), qsizetype(utf8.size()))).first;
        m_last = &found->second;
        return *m_last;
    }

private:
    std::string m_key; // reused: no allocation per row once it has grown
    std::unordered_map<std::string, QString> m_seen;
    const QString *m_last = nullptr; // the value of m_key (map values stay in place)
};

} // namespace

Result<void> forEachEntryTimes(const Database &db, const EntryFilter &filter, Ms now,
                               EntryTimesColumns columns,
                               const std::function<void(const TimeEntry &)> &visit)
{
    const auto earliest = sql::earliestStart(db, filter, now);
    if (!earliest)
        return earliest.error();
    // task_types first (CROSS JOIN keeps that order): for each type one range of
    // time_entries_type_start (org, type, start), whose columns hold everything else read here.
    sql::Sql query;
    query.add(QStringLiteral("SELECT t.id, e.started_at, e.ended_at, e.paused_ms, e.paused_at, ") +
              (columns.user ? QStringLiteral("e.user_id") : QStringLiteral("NULL")) +
              QStringLiteral(", ") +
              (columns.room ? QStringLiteral("e.room_id") : QStringLiteral("NULL")) +
              QStringLiteral(", e.hourly_rate_cents, e.billable, ") +
              (columns.project ? QStringLiteral("e.project_id") : QStringLiteral("NULL")) +
              QStringLiteral(", ") +
              (columns.tags ? QStringLiteral("e.tags") : QStringLiteral("NULL")) +
              QStringLiteral(" FROM task_types t CROSS JOIN time_entries e"));
    sql::appendWhere(query, filter, now, earliest.value());
    query.add(QStringLiteral(" AND e.task_type_id = t.id"));

    RowStream rows(db, query.text, query.values);
    Ids types, users, rooms, projects;
    TimeEntry e;
    e.orgId = filter.orgId;
    for (;;) {
        const auto more = rows.next();
        if (!more)
            return more.error();
        if (!more.value())
            return {};
        e.taskTypeId = types.get(rows.text(0));
        e.startedAt = rows.integer(1);
        e.endedAt = rows.isNull(2) ? std::nullopt : std::optional<Ms>(rows.integer(2));
        e.pausedMs = rows.integer(3);
        e.pausedAt = rows.isNull(4) ? std::nullopt : std::optional<Ms>(rows.integer(4));
        if (columns.user)
            e.userId = users.get(rows.text(5));
        if (columns.room)
            e.roomId = rows.isNull(6) ? QString() : rooms.get(rows.text(6));
        e.hourlyRateCents = rows.integer(7);
        e.billable = rows.integer(8) != 0;
        if (columns.project)
            e.projectId = rows.isNull(9) ? QString() : projects.get(rows.text(9));
        if (columns.tags) {
            const std::string_view tags = rows.isNull(10) ? std::string_view() : rows.text(10);
            e.tags = sql::tagsFrom(QString::fromUtf8(tags.data(), qsizetype(tags.size())));
        }
        visit(e);
    }
}

} // namespace st
