# Reports → Invoice… (issue 12): the invoice of a client over a period, previewed, saved as a PDF
# by invoice/ (studiotimer_invoice: QtGui only, under ui like core) or printed.
find_package(Qt6 REQUIRED COMPONENTS PrintSupport)
target_sources(studiotimer_ui PRIVATE
    invoice/InvoiceDialog.cpp invoice/InvoiceDialog.h
    invoice/PeriodLock.cpp invoice/PeriodLock.h
)
target_link_libraries(studiotimer_ui PUBLIC studiotimer_invoice Qt6::PrintSupport)
