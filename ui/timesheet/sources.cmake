# View → Week timesheet (issue 12): the week by project and task type; a duration typed into a day
# adds a manual entry after that day's last one.
target_sources(studiotimer_ui PRIVATE
    timesheet/DurationInput.cpp timesheet/DurationInput.h
    timesheet/TimesheetData.cpp timesheet/TimesheetData.h
    timesheet/TimesheetModel.cpp timesheet/TimesheetModel.h
    timesheet/TimesheetView.cpp timesheet/TimesheetView.h
)
