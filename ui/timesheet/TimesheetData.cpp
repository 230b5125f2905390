#include "TimesheetData.h"

#include "DurationInput.h"

#include "domain/Format.h"
#include "models/EntryFormat.h"
#include "report/ReportService.h"
#include "timer/TimerService.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

#include <algorithm>

namespace st::timesheet {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::Timesheet)
};

constexpr int kFirstHour = 9; // an empty day's first entry starts at 09:00

} // namespace

QDate mondayOf(const QDate &day)
{
    return day.addDays(1 - day.dayOfWeek());
}

TimesheetRow row(const TimerService &service, const QString &projectId, const QString &taskTypeId)
{
    TimesheetRow r;
    r.projectId = projectId;
    r.taskTypeId = taskTypeId;
    if (const auto type = service.taskType(taskTypeId)) {
        r.taskType = type->name;
        r.color = type->color;
    }
    if (!projectId.isEmpty()) {
        for (const Project &p : service.projects(true)) {
            if (p.id == projectId) {
                r.project = p.name;
                if (!p.color.isEmpty())
                    r.color = p.color;
            }
        }
    }
    return r;
}

Result<TimesheetWeek> read(const TimerService &service, const QString &userId, const QDate &monday)
{
    TimesheetWeek week;
    week.monday = mondayOf(monday);
    week.now = service.clock().nowMs();
    std::array<format::Range, 7> days;
    for (int d = 0; d < 7; ++d)
        days[size_t(d)] = format::days(week.monday.addDays(d), week.monday.addDays(d));
    EntryFilter filter;
    filter.from = days.front().from;
    filter.to = days.back().to;
    filter.userIds = {userId};

    const QList<Project> projects = service.projects(true);
    const QList<TaskType> types = service.taskTypes(true);
    QHash<QString, int> typeOrder;
    for (const TaskType &t : types)
        typeOrder.insert(t.id, int(typeOrder.size()));
    QList<TimesheetRow> rows;
    auto visited = ReportService(service).forEachEntry(filter, [&](const TimeEntry &e) {
        TimesheetRow key;
        key.projectId = e.projectId;
        key.taskTypeId = e.taskTypeId;
        auto it = std::find_if(rows.begin(), rows.end(),
                               [&key](const TimesheetRow &r) { return r.sameKey(key); });
        if (it == rows.end()) {
            rows << row(service, e.projectId, e.taskTypeId);
            it = rows.end() - 1;
        }
        for (size_t d = 0; d < days.size(); ++d)
            it->days[d] += e.billableMsWithin(days[d].from, days[d].to, week.now);
        return true;
    });
    if (!visited)
        return visited.error();
    std::sort(rows.begin(), rows.end(), [&typeOrder](const TimesheetRow &a, const TimesheetRow &b) {
        if (a.projectId.isEmpty() != b.projectId.isEmpty())
            return b.projectId.isEmpty(); // no project last
        if (const int byName = a.project.compare(b.project, Qt::CaseInsensitive); byName != 0)
            return byName < 0;
        return typeOrder.value(a.taskTypeId) < typeOrder.value(b.taskTypeId);
    });
    week.rows = rows;
    return week;
}

Result<TimeEntry> add(TimerService &service, const TimesheetAddition &addition)
{
    const format::Range day = format::days(addition.day, addition.day);
    const QString dayName = QLocale().toString(addition.day, entryFormat::dateEditFormat());
    if (addition.durationMs <= 0)
        return Error::invalid(Tr::tr("Type a duration to add, such as 1:30."));
    EntryFilter filter;
    filter.from = day.from;
    filter.to = day.to;
    filter.userIds = {addition.userId};
    std::optional<Ms> lastEnd;
    bool running = false;
    auto visited = ReportService(service).forEachEntry(filter, [&](const TimeEntry &e) {
        if (e.isRunning())
            running = true;
        else
            lastEnd = std::max(lastEnd.value_or(e.endedAt.value()), e.endedAt.value());
        return true;
    });
    if (!visited)
        return visited.error();
    if (running)
        return Error::invalid(
            Tr::tr("A timer is running on %1: stop it before adding time to that day.")
                .arg(dayName));
    const Ms start =
        lastEnd.value_or(QDateTime(addition.day, QTime(kFirstHour, 0)).toMSecsSinceEpoch());
    const Ms end = start + addition.durationMs;
    if (end > day.to)
        return Error::invalid(Tr::tr("%1 more does not fit on %2: the day's last entry ends at "
                                     "%3, and it would run past midnight.")
                                  .arg(durationInput::format(addition.durationMs), dayName,
                                       entryFormat::time(start)));
    if (end > service.clock().nowMs())
        return Error::invalid(
            Tr::tr("%1 more on %2 would end at %3, which is still to come.")
                .arg(durationInput::format(addition.durationMs), dayName, entryFormat::time(end)));
    ManualEntry entry;
    entry.userId = addition.userId;
    entry.taskTypeId = addition.taskTypeId;
    entry.projectId = addition.projectId;
    entry.roomId = addition.roomId;
    entry.startedAt = start;
    entry.endedAt = end;
    return service.addManual(entry);
}

} // namespace st::timesheet
