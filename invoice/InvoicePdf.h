#pragma once

#include "domain/Error.h"
#include "report/Invoice.h"

#include <QString>

namespace st {

// The invoice as HTML for QTextDocument: the studio, the client, the period and number, one row
// per line (hours, rate, amount) and the total, every amount with its currency.
QString invoiceHtml(const Invoice &invoice);

// Writes the invoice to file as an A4 PDF with real text (its words can be searched and copied).
// Needs a QGuiApplication (any platform, offscreen included).
Result<void> writeInvoicePdf(const Invoice &invoice, const QString &file);

} // namespace st
