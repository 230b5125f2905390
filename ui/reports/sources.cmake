# The Reports view (issue 6): period, grouping, bar chart, breakdown table, exports.
target_sources(studiotimer_ui PRIVATE
    reports/BarChart.cpp reports/BarChart.h
    reports/ReportTableModel.cpp reports/ReportTableModel.h
    reports/ReportsView.cpp reports/ReportsView.h
    reports/ReportFilters.cpp reports/ReportFilters.h
)
