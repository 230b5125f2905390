// `studiotimer invoice` and `settings` (docs/REPORTS.md, "Invoices"). The PDF itself is drawn by
// the writer the executable gives (invoice/InvoicePdf: it needs QtGui, which core does not link).
#include "CommandLine.h"
#include "Option.h"

#include "domain/Format.h"
#include "domain/Money.h"
#include "report/Invoice.h"
#include "timer/TimerService.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace st {

using cli::option;

void CommandLine::invoiceOptions(QCommandLineParser &p)
{
    p.addOptions({option("client", "NAME"), option("project", "NAME"), option("from", "DAY"),
                  option("to", "DAY"), option("rounding", "MIN[:MODE]"), option("billable-only"),
                  option("number", "N"),
                  option(QStringList{QStringLiteral("o"), QStringLiteral("output")}, "FILE")});
}

CommandOutput CommandLine::invoice(QCommandLineParser &p)
{
    for (const char *required : {"client", "from", "to", "o"}) {
        if (!p.isSet(QLatin1String(required)))
            return usageError(tr("\"invoice\" needs --client, --from, --to and -o FILE.pdf."));
    }
    const Ms now = m_service.clock().nowMs();
    QDate days[2];
    const char *names[] = {"from", "to"};
    for (int i = 0; i < 2; ++i) {
        const QString key = QLatin1String(names[i]);
        days[i] = format::parseDay(p.value(key), now);
        if (!days[i].isValid())
            return usageError(
                tr("--%1 takes a day such as 2026-11-28, not \"%2\".").arg(key, p.value(key)));
    }
    if (days[1] < days[0])
        return usageError(tr("The range ends before it starts."));
    const auto rounding = roundingOption(p);
    if (!rounding)
        return usageError(rounding.error().message);
    const QString file = p.value(QStringLiteral("o")).trimmed();
    if (file.isEmpty())
        return usageError(tr("-o takes a file name."));
    const QString number = p.value(QStringLiteral("number")).trimmed();
    if (p.isSet(QStringLiteral("number")) && number.isEmpty())
        return usageError(tr("--number takes an invoice number such as 42 or 2026-007."));

    auto client = m_service.findClient(p.value(QStringLiteral("client")));
    if (!client)
        return fail(client.error());
    InvoiceRequest request;
    request.clientId = client->id;
    if (p.isSet(QStringLiteral("project"))) {
        auto project = m_service.findProject(p.value(QStringLiteral("project")));
        if (!project)
            return fail(project.error());
        request.projectId = project->id;
    }
    request.first = days[0];
    request.last = days[1];
    request.rounding = rounding.value();
    request.billableOnly = p.isSet(QStringLiteral("billable-only"));
    request.number = number;
    if (!m_invoiceWriter)
        return fail(Error::invalid(tr("This program cannot draw invoices.")));
    auto built = invoice::build(m_service, request);
    if (!built)
        return fail(built.error());
    if (auto r = m_invoiceWriter(built.value(), file); !r)
        return fail(r.error());
    if (auto r = invoice::takeNumber(m_service, built->number); !r)
        return fail(r.error());
    return {0,
            tr("Wrote invoice %1 for %2, %3 %4, to %5.\n")
                .arg(built->number, built->client.name,
                     money::formatPlain(built->totalCents, built->currency), built->currency, file),
            {}};
}

// settings list [--json] | settings get KEY | settings set KEY VALUE: the studio's details an
// invoice prints.
CommandOutput CommandLine::settings(QCommandLineParser &p)
{
    const QStringList args = p.positionalArguments();
    const QString sub = args.value(0);
    const QStringList keys = invoice::settingKeys();
    const Database &db = m_service.database();
    if (sub == QLatin1String("list") && args.size() == 1) {
        QJsonObject object;
        QString text;
        for (const QString &key : keys) {
            auto value = db.readMeta(key);
            if (!value)
                return fail(value.error());
            object.insert(key, value.value());
            text += key + QStringLiteral(" = ") +
                    QString(value.value()).replace(QLatin1Char('\n'), QStringLiteral("\\n")) +
                    QLatin1Char('\n');
        }
        if (p.isSet(QStringLiteral("json")))
            return {0, QString::fromUtf8(QJsonDocument(object).toJson()), {}};
        return {0, text, {}};
    }
    if (p.isSet(QStringLiteral("json")))
        return usageError(tr("Only \"settings list\" takes --json."));
    const bool get = sub == QLatin1String("get") && args.size() == 2;
    const bool set = sub == QLatin1String("set") && args.size() == 3;
    if (!get && !set)
        return usageError(tr("\"settings\" takes list, get KEY or set KEY VALUE."));
    if (!keys.contains(args.at(1)))
        return usageError(tr("No setting \"%1\". Settings: %2.")
                              .arg(args.at(1), keys.join(QStringLiteral(", "))));
    if (get) {
        auto value = db.readMeta(args.at(1));
        if (!value)
            return fail(value.error());
        return {0, value.value() + QLatin1Char('\n'), {}};
    }
    const QString value = args.at(2).trimmed();
    if (value.size() > 500)
        return fail(Error::invalid(tr("A setting is at most 500 characters.")));
    if (auto r = db.setMeta(args.at(1), value); !r)
        return fail(r.error());
    return {0, tr("%1 set.\n").arg(args.at(1)), {}};
}

} // namespace st
