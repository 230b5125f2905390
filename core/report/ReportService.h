#pragma once

#include "domain/Rounding.h"
#include "domain/Types.h"
#include "store/EntryFilter.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace st {

class TimerService;

enum class ReportGrouping
{
    TaskType,
    User,
    Room,
    Day,
    Week, // ISO weeks, Monday to Sunday
    Month,
    Client,  // the client of the entry's project ("" for none)
    Project, // "" for none
    Tag      // an entry counts once under each of its tags ("" for none)
};
// "task", "user", "room", "day", "week", "month", "client", "project", "tag": the words of
// `report --by`.
QString reportGroupingName(ReportGrouping grouping);
std::optional<ReportGrouping> reportGroupingFromName(const QString &name);
bool isTimeGrouping(ReportGrouping grouping);

struct ReportGroup
{
    // task type, user, room, client or project ID ("" for none), a tag in lower case;
    // "2026-11-28", "2026-W48", "2026-11"
    QString key;
    QString name;  // what a person reads
    QString color; // the task type's colour when grouped by task type
    Ms from = 0;   // the group's span inside the period (time groupings only)
    Ms to = 0;
    Ms billableMs = 0;    // the time worked, pauses excluded (rounded when the report rounds)
    Ms nonBillableMs = 0; // of billableMs, the time of entries that are not billed
    qint64 costCents = 0;
    int entries = 0; // entries with time in this group (an entry split at midnight counts in both)
};

// What one entry bills inside [from, to): its time there (pauses excluded, a running entry up to
// now), that time rounded as asked, and the rounded time's cost at the entry's own rate, rounded
// half up once. Reports and invoices price every entry this way.
struct EntryBill
{
    Ms workedMs = 0;
    Ms billedMs = 0;
    qint64 costCents = 0;
};
EntryBill billEntry(const TimeEntry &entry, Ms from, Ms to, Ms now, const Rounding &rounding);

struct Report
{
    Ms from = 0;
    Ms to = 0;
    ReportGrouping by = ReportGrouping::TaskType;
    QString currency;
    Ms now = 0;        // running entries count up to this instant
    Rounding rounding; // applied to each entry's time in the period
    QList<ReportGroup> groups;
    ReportGroup total; // entries: distinct entries
};

// Totals over a period [from, to), grouped. Only the time inside the period counts: an entry
// crossing an edge is clipped, one crossing midnight is split between its days (pauses are shared
// out in proportion), a running entry counts up to now. With a rounding, each entry's clipped
// time is rounded on its own first (docs/REPORTS.md, "Rounding"). An entry's cost is that time at
// the rate it was recorded at, rounded half up once; when it is split between days its pieces
// share that cost by cumulative rounding, so the groups always add up to the total. With no
// entry crossing the period's edges the total equals TimerService::totals for the same filter.
class ReportService final
{
    Q_DECLARE_TR_FUNCTIONS(st::ReportService)
public:
    explicit ReportService(const TimerService &service);

    // filter.from and filter.to give the period and are required; the other fields narrow it.
    Result<Report> build(const EntryFilter &filter, ReportGrouping by,
                         Rounding rounding = {}) const;

    // Every live entry the filter covers, oldest first (by start, then ID), in one pass over the
    // period's rows; visit returns false to stop.
    Result<void> forEachEntry(const EntryFilter &filter,
                              const std::function<bool(const TimeEntry &)> &visit) const;
    // The same, gathered (an export).
    Result<QList<TimeEntry>> readEntries(const EntryFilter &filter) const;
    // The same, none when the read fails (the failure is logged with its query).
    QList<TimeEntry> entries(const EntryFilter &filter) const;

    // The `report --json` shape of DESIGN.md (plus durationMs and, for time groups, from/to).
    QJsonObject toJson(const Report &report) const;
    // key,name,durationSeconds,cost,currency,entries; a last "total" row.
    QString toCsv(const Report &report) const;

    // At most this many time groups (about 27 years of days).
    static constexpr int kMaxGroups = 10'000;

private:
    const TimerService &m_service;
};

} // namespace st
