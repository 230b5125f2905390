#pragma once

#include "domain/Error.h"
#include "domain/Types.h"

#include <QDate>
#include <QList>
#include <QString>

#include <array>

namespace st {

class TimerService;

// One row of the week timesheet: a project (or none) and a task type, with its time each day.
struct TimesheetRow
{
    QString projectId; // empty: no project
    QString taskTypeId;
    QString project; // the names shown ("" for no project)
    QString taskType;
    QString color;            // the project's, else the task type's
    std::array<Ms, 7> days{}; // Monday to Sunday: worked time (pauses left out) within each day

    bool sameKey(const TimesheetRow &o) const
    {
        return projectId == o.projectId && taskTypeId == o.taskTypeId;
    }
};

// A person's week, Monday to Sunday, as rows by project and task type.
struct TimesheetWeek
{
    QDate monday;
    QList<TimesheetRow> rows; // by project name (no project last), then task type order
    Ms now = 0;               // running entries count up to this instant
};

// What typing a duration into a cell asks for: that much more time on the day.
struct TimesheetAddition
{
    QString userId;
    QString projectId;
    QString taskTypeId;
    QString roomId;
    QDate day;
    Ms durationMs = 0;
};

namespace timesheet {

// The Monday of the week day is in.
QDate mondayOf(const QDate &day);
// The row (with no time) of a project and task type, named.
TimesheetRow row(const TimerService &service, const QString &projectId, const QString &taskTypeId);
// The user's week from monday, every live entry cut at the local days' edges. On the reader.
Result<TimesheetWeek> read(const TimerService &service, const QString &userId, const QDate &monday);
// A manual entry of the duration right after the day's last entry of the user (at 09:00 on an
// empty day), refused while a timer runs that day, past midnight or in the future. On the writer.
Result<TimeEntry> add(TimerService &service, const TimesheetAddition &addition);

} // namespace timesheet
} // namespace st
