# Reports, export and import (issue 6).
target_sources(studiotimer_core PRIVATE
    report/ReportService.cpp report/ReportService.h
    report/EntryExport.cpp report/EntryExport.h
    report/EntryImport.cpp report/EntryImport.h
)
# The report, export and import commands of st::CommandLine.
target_sources(studiotimer_core PRIVATE cli/ReportCommands.cpp)
