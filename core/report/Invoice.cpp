#include "Invoice.h"

#include "ReportService.h"
#include "domain/Format.h"
#include "store/ProjectRepository.h"
#include "store/Repositories.h"
#include "timer/TimerService.h"

#include <QDateTime>
#include <QMap>
#include <QRegularExpression>

namespace st::invoice {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::Invoice)
};

const QString kNextNumber = QStringLiteral("invoice.next");

} // namespace

QStringList settingKeys()
{
    return {QStringLiteral("studio.name"), QStringLiteral("studio.address"),
            QStringLiteral("studio.taxNumber")};
}

Result<StudioDetails> studioDetails(const TimerService &service)
{
    const Database &db = service.database();
    StudioDetails details;
    QString *fields[] = {&details.name, &details.address, &details.taxNumber};
    const QStringList keys = settingKeys();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        auto value = db.readMeta(keys.at(i));
        if (!value)
            return value.error();
        *fields[i] = value.value();
    }
    return details;
}

Result<Invoice> build(const TimerService &service, const InvoiceRequest &request)
{
    if (!request.first.isValid() || !request.last.isValid() || request.last < request.first)
        return Error::invalid(Tr::tr("The invoice's period ends before it starts."));
    const ProjectRepository projects(service.database());
    const auto client = projects.client(request.clientId);
    if (!client)
        return client.error();
    if (!client.value() || client.value()->orgId != service.orgId())
        return Error::notFound(Tr::tr("No such client."));
    const auto all = projects.projects(service.orgId(), true);
    if (!all)
        return all.error();
    QHash<QString, QString> projectNames;
    for (const Project &p : all.value()) {
        if (p.clientId == request.clientId &&
            (request.projectId.isEmpty() || p.id == request.projectId))
            projectNames.insert(p.id, p.name);
    }
    if (!request.projectId.isEmpty() && projectNames.isEmpty())
        return Error::invalid(Tr::tr("The project is not one of %1's.").arg(client.value()->name));

    Invoice invoice;
    invoice.client = *client.value();
    invoice.first = request.first;
    invoice.last = request.last;
    invoice.rounding = request.rounding;
    invoice.billableOnly = request.billableOnly;
    invoice.issued = QDateTime::fromMSecsSinceEpoch(service.clock().nowMs()).date();
    invoice.currency = service.organization().currency;
    auto studio = studioDetails(service);
    if (!studio)
        return studio.error();
    invoice.studio = studio.value();
    invoice.number = request.number;
    if (invoice.number.isEmpty()) {
        auto next = service.database().readMeta(kNextNumber, QStringLiteral("1"));
        if (!next)
            return next.error();
        invoice.number = next.value();
    }
    if (projectNames.isEmpty())
        return Error::notFound(Tr::tr("%1 has no projects to invoice.").arg(invoice.client.name));

    const format::Range range = format::days(request.first, request.last);
    EntryFilter filter;
    filter.from = range.from;
    filter.to = range.to;
    filter.projectIds = projectNames.keys();
    filter.billableOnly = request.billableOnly;
    const QList<TaskType> types = service.taskTypes(true);
    QHash<QString, int> typeOrder;
    for (const TaskType &t : types)
        typeOrder.insert(t.id, int(typeOrder.size()));

    // Lines keyed by project name, task type position, rate: a stable order people read.
    struct Key
    {
        QString project;
        int type;
        qint64 rate;
        bool operator<(const Key &o) const
        {
            const int byName = project.compare(o.project, Qt::CaseInsensitive);
            if (byName != 0)
                return byName < 0;
            return type != o.type ? type < o.type : rate > o.rate;
        }
    };
    QMap<Key, InvoiceLine> lines;
    const Ms now = service.clock().nowMs();
    auto read = ReportService(service).forEachEntry(filter, [&](const TimeEntry &e) {
        const EntryBill bill = billEntry(e, range.from, range.to, now, request.rounding);
        InvoiceLine &line = lines[Key{projectNames.value(e.projectId),
                                      typeOrder.value(e.taskTypeId, -1), e.hourlyRateCents}];
        if (line.entries == 0) {
            line.project = projectNames.value(e.projectId);
            line.hourlyRateCents = e.hourlyRateCents;
            for (const TaskType &t : types) {
                if (t.id == e.taskTypeId)
                    line.taskType = t.name;
            }
        }
        line.billedMs += bill.billedMs;
        line.amountCents += bill.costCents;
        line.entries += 1;
        invoice.totalMs += bill.billedMs;
        invoice.totalCents += bill.costCents;
        return true;
    });
    if (!read)
        return read.error();
    invoice.lines = lines.values();
    if (invoice.lines.isEmpty())
        return Error::notFound(Tr::tr("Nothing to invoice: %1 has no entries from %2 to %3.")
                                   .arg(invoice.client.name, request.first.toString(Qt::ISODate),
                                        request.last.toString(Qt::ISODate)));
    return invoice;
}

Result<void> takeNumber(const TimerService &service, const QString &number)
{
    // "2026-007" is followed by "2026-008": the trailing digits count up, keeping their width.
    static const QRegularExpression trailing(QStringLiteral("^(.*?)(\\d+)$"));
    const auto match = trailing.match(number);
    if (!match.hasMatch())
        return {};
    const QString digits = match.captured(2);
    const QString next = QString::number(digits.toLongLong() + 1);
    return service.database().setMeta(
        kNextNumber, match.captured(1) + next.rightJustified(digits.size(), QLatin1Char('0')));
}

} // namespace st::invoice
