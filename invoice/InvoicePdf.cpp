#include "InvoicePdf.h"

#include "domain/Format.h"
#include "domain/Money.h"

#include <QCoreApplication>
#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace st {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::InvoicePdf)
};

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString hours(Ms ms)
{
    // Hours with two decimals, as billed (1.25 for 1 h 15 min).
    return QString::number(double(ms) / double(money::kMsPerHour), 'f', 2);
}

QString amount(qint64 cents, const QString &currency)
{
    return money::formatPlain(cents, currency) + QLatin1Char(' ') + currency;
}

} // namespace

QString invoiceHtml(const Invoice &inv)
{
    QString html =
        QStringLiteral("<html><body style=\"font-family: sans-serif; font-size: 10pt\">");
    html += QStringLiteral("<h2>%1</h2>")
                .arg(esc(inv.studio.name.isEmpty() ? Tr::tr("Invoice") : inv.studio.name));
    if (!inv.studio.address.isEmpty())
        html +=
            QStringLiteral("<p>%1</p>")
                .arg(esc(inv.studio.address).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    if (!inv.studio.taxNumber.isEmpty())
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(Tr::tr("Tax number: %1").arg(inv.studio.taxNumber)));
    html += QStringLiteral("<h3>%1</h3>").arg(esc(Tr::tr("Invoice %1").arg(inv.number)));
    html += QStringLiteral("<p>%1<br>%2<br>%3</p>")
                .arg(esc(Tr::tr("Date: %1").arg(inv.issued.toString(Qt::ISODate))),
                     esc(Tr::tr("Period: %1 to %2")
                             .arg(inv.first.toString(Qt::ISODate), inv.last.toString(Qt::ISODate))),
                     esc(Tr::tr("Bill to: %1").arg(inv.client.name)));
    html +=
        QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"1\">");
    html += QStringLiteral("<tr><th align=\"left\">%1</th><th align=\"left\">%2</th>"
                           "<th align=\"right\">%3</th><th align=\"right\">%4</th>"
                           "<th align=\"right\">%5</th></tr>")
                .arg(esc(Tr::tr("Project")), esc(Tr::tr("Task")), esc(Tr::tr("Hours")),
                     esc(Tr::tr("Rate")), esc(Tr::tr("Amount")));
    for (const InvoiceLine &line : inv.lines) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td align=\"right\">%3</td>"
                               "<td align=\"right\">%4</td><td align=\"right\">%5</td></tr>")
                    .arg(esc(line.project), esc(line.taskType), hours(line.billedMs),
                         esc(amount(line.hourlyRateCents, inv.currency) + Tr::tr("/h")),
                         esc(amount(line.amountCents, inv.currency)));
    }
    html += QStringLiteral("<tr><td colspan=\"2\"><b>%1</b></td><td align=\"right\"><b>%2</b></td>"
                           "<td></td><td align=\"right\"><b>%3</b></td></tr></table>")
                .arg(esc(Tr::tr("Total")), hours(inv.totalMs),
                     esc(amount(inv.totalCents, inv.currency)));
    QStringList notes;
    if (!inv.rounding.isNone())
        notes << Tr::tr("Each entry is billed in steps of %n minute(s).", nullptr,
                        inv.rounding.minutes);
    if (inv.billableOnly)
        notes << Tr::tr("Billable time only.");
    notes << Tr::tr("Amounts in %1.").arg(inv.currency);
    html += QStringLiteral("<p>%1</p>").arg(esc(notes.join(QLatin1Char(' '))));
    return html + QStringLiteral("</body></html>");
}

Result<void> writeInvoicePdf(const Invoice &invoice, const QString &file)
{
    {
        QFile probe(file);
        if (!probe.open(QIODevice::WriteOnly))
            return Error::invalid(Tr::tr("Cannot write %1: %2").arg(file, probe.errorString()));
    }
    QPdfWriter writer(file);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
    writer.setTitle(Tr::tr("Invoice %1").arg(invoice.number));
    writer.setCreator(QStringLiteral("Studio Timer"));
    QTextDocument doc;
    doc.setHtml(invoiceHtml(invoice));
    doc.print(&writer); // page by page: a long invoice continues on the next page
    return {};
}

} // namespace st
