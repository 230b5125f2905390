// `studiotimer clients` and `projects` (docs/REPORTS.md, "Clients and projects"), and the
// --project / --tag / --non-billable options of start and add, and the --tag filter of list and
// report.
#include "CommandLine.h"
#include "Option.h"

#include "domain/Format.h"
#include "domain/Money.h"
#include "timer/TimerService.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace st {

using cli::option;

namespace {

QString indented(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

QJsonValue rateJson(const std::optional<qint64> &rate)
{
    return rate ? QJsonValue(double(*rate)) : QJsonValue();
}

double hours(Ms ms)
{
    return double(ms) / double(money::kMsPerHour);
}

} // namespace

void CommandLine::clientOptions(QCommandLineParser &p)
{
    p.addOptions({option("json"), option("rate", "AMOUNT"), option("client", "NAME"),
                  option("budget-hours", "H")});
}

Result<qint64> CommandLine::rateOption(const QCommandLineParser &p, const QString &currency)
{
    const qint64 rate = money::parse(p.value(QStringLiteral("rate")), currency);
    if (rate < 0 || rate > money::kMaxHourlyRateCents)
        return Error::invalid(tr("--rate takes an amount per hour such as 95 or 95.50 (at most "
                                 "%1), not \"%2\".")
                                  .arg(money::formatPlain(money::kMaxHourlyRateCents, currency),
                                       p.value(QStringLiteral("rate"))));
    return rate;
}

// clients add NAME [--rate AMOUNT] | clients list [--json]; projects alike.
CommandOutput CommandLine::clientsOrProjects(QCommandLineParser &p, bool projects)
{
    const QStringList args = p.positionalArguments();
    const QString command = projects ? QStringLiteral("projects") : QStringLiteral("clients");
    const QString sub = args.value(0);
    QStringList allowed;
    if (sub == QLatin1String("list") && args.size() == 1)
        allowed = {QStringLiteral("json")};
    else if (sub == QLatin1String("add") && args.size() == 2)
        allowed = projects ? QStringList{QStringLiteral("rate"), QStringLiteral("client"),
                                         QStringLiteral("budget-hours")}
                           : QStringList{QStringLiteral("rate")};
    else if (sub == QLatin1String("add"))
        return usageError(tr("\"%1 add\" takes one name (quote a name with spaces).").arg(command));
    else
        return usageError(tr("\"%1\" takes add or list, not \"%2\".").arg(command, sub));
    for (const QString &name : p.optionNames()) {
        if (!allowed.contains(name))
            return usageError(tr("\"%1 %2\" does not take --%3.").arg(command, sub, name));
    }
    if (sub == QLatin1String("list"))
        return projects ? listProjects(p.isSet(QStringLiteral("json")))
                        : listClients(p.isSet(QStringLiteral("json")));
    return projects ? addProject(p, args.at(1)) : addClient(p, args.at(1));
}

CommandOutput CommandLine::addClient(QCommandLineParser &p, const QString &name)
{
    const QString currency = m_service.organization().currency;
    Client client;
    if (p.isSet(QStringLiteral("rate"))) {
        auto rate = rateOption(p, currency);
        if (!rate)
            return usageError(rate.error().message);
        client.hourlyRateCents = rate.value();
    }
    client.name = name.trimmed();
    client.color = nextCatalogColor(m_service.clients(true).size());
    auto saved = m_service.saveClient(client);
    if (!saved)
        return fail(saved.error());
    return {0, tr("Added client %1.\n").arg(saved->name), {}};
}

CommandOutput CommandLine::addProject(QCommandLineParser &p, const QString &name)
{
    const QString currency = m_service.organization().currency;
    Project project;
    if (p.isSet(QStringLiteral("rate"))) {
        auto rate = rateOption(p, currency);
        if (!rate)
            return usageError(rate.error().message);
        project.hourlyRateCents = rate.value();
    }
    if (p.isSet(QStringLiteral("budget-hours"))) {
        bool ok = false;
        const double h = p.value(QStringLiteral("budget-hours")).toDouble(&ok);
        if (!ok || h <= 0 || h > 100'000)
            return usageError(tr("--budget-hours takes a number of hours such as 40 or 12.5, "
                                 "not \"%1\".")
                                  .arg(p.value(QStringLiteral("budget-hours"))));
        project.budgetMs = Ms(h * double(money::kMsPerHour) + 0.5);
    }
    if (p.isSet(QStringLiteral("client"))) {
        auto client = m_service.findClient(p.value(QStringLiteral("client")));
        if (!client)
            return fail(client.error());
        project.clientId = client->id;
    }
    project.name = name.trimmed();
    project.color = nextCatalogColor(m_service.projects(true).size());
    auto saved = m_service.saveProject(project);
    if (!saved)
        return fail(saved.error());
    return {0, tr("Added project %1.\n").arg(saved->name), {}};
}

CommandOutput CommandLine::listClients(bool json)
{
    const QString currency = m_service.organization().currency;
    const QList<Client> clients = m_service.clients(true);
    if (json) {
        QJsonArray array;
        for (const Client &c : clients)
            array.append(
                QJsonObject{{QStringLiteral("id"), c.id},
                            {QStringLiteral("name"), c.name},
                            {QStringLiteral("color"), c.color},
                            {QStringLiteral("hourlyRateCents"), rateJson(c.hourlyRateCents)},
                            {QStringLiteral("currency"), currency},
                            {QStringLiteral("archived"), c.archived}});
        return {0, indented(array), {}};
    }
    if (clients.isEmpty())
        return {0, tr("No clients yet. Add one with: studiotimer clients add NAME\n"), {}};
    CommandOutput out;
    for (const Client &c : clients) {
        QString line = c.name.leftJustified(20) + QStringLiteral("  ") + c.color;
        if (c.hourlyRateCents)
            line += QStringLiteral("  %1 %2/h")
                        .arg(money::formatPlain(*c.hourlyRateCents, currency), currency);
        if (c.archived)
            line += tr("  archived");
        out.out += line + QLatin1Char('\n');
    }
    return out;
}

CommandOutput CommandLine::listProjects(bool json)
{
    const QString currency = m_service.organization().currency;
    const QList<Project> projects = m_service.projects(true);
    const QList<Client> clients = m_service.clients(true);
    const auto clientName = [&](const QString &id) {
        for (const Client &c : clients) {
            if (c.id == id)
                return c.name;
        }
        return QString();
    };
    QJsonArray array;
    CommandOutput out;
    for (const Project &pr : projects) {
        const auto used = m_service.projectUse(pr.id);
        if (!used)
            return fail(used.error());
        QJsonValue budget;
        QString budgetText;
        if (pr.budgetMs) {
            budget = QJsonObject{{QStringLiteral("hours"), hours(*pr.budgetMs)},
                                 {QStringLiteral("durationMs"), double(*pr.budgetMs)}};
            budgetText =
                tr("  %1 of %2 h")
                    .arg(format::duration(used->billableMs), QString::number(hours(*pr.budgetMs)));
        } else if (pr.budgetCents) {
            budget = QJsonObject{{QStringLiteral("costCents"), double(*pr.budgetCents)}};
            budgetText = tr("  %1 of %2 %3")
                             .arg(money::formatPlain(used->costCents, currency),
                                  money::formatPlain(*pr.budgetCents, currency), currency);
        }
        const QString client = clientName(pr.clientId);
        if (json) {
            array.append(QJsonObject{
                {QStringLiteral("id"), pr.id},
                {QStringLiteral("name"), pr.name},
                {QStringLiteral("client"), client.isEmpty() ? QJsonValue() : QJsonValue(client)},
                {QStringLiteral("clientId"),
                 pr.clientId.isEmpty() ? QJsonValue() : QJsonValue(pr.clientId)},
                {QStringLiteral("color"), pr.color},
                {QStringLiteral("hourlyRateCents"), rateJson(pr.hourlyRateCents)},
                {QStringLiteral("currency"), currency},
                {QStringLiteral("budget"), budget},
                {QStringLiteral("used"),
                 QJsonObject{{QStringLiteral("hours"), hours(used->billableMs)},
                             {QStringLiteral("durationMs"), double(used->billableMs)},
                             {QStringLiteral("costCents"), double(used->costCents)},
                             {QStringLiteral("entries"), used->entries}}},
                {QStringLiteral("archived"), pr.archived}});
            continue;
        }
        QString line = pr.name.leftJustified(20) + QStringLiteral("  ") +
                       (client.isEmpty() ? tr("No client") : client).leftJustified(16);
        if (pr.hourlyRateCents)
            line += QStringLiteral("  %1 %2/h")
                        .arg(money::formatPlain(*pr.hourlyRateCents, currency), currency);
        line += budgetText.isEmpty() ? tr("  %1 used").arg(format::duration(used->billableMs))
                                     : budgetText;
        if (pr.archived)
            line += tr("  archived");
        out.out += line + QLatin1Char('\n');
    }
    if (json)
        return {0, indented(array), {}};
    if (projects.isEmpty())
        return {0, tr("No projects yet. Add one with: studiotimer projects add NAME\n"), {}};
    return out;
}

Result<void> CommandLine::projectAndTags(const QCommandLineParser &p, QString &projectId,
                                         QStringList &tags) const
{
    if (p.isSet(QStringLiteral("project"))) {
        auto project = m_service.findProject(p.value(QStringLiteral("project")));
        if (!project)
            return project.error();
        if (project->archived)
            return Error::invalid(tr("The project \"%1\" is archived.").arg(project->name));
        projectId = project->id;
    }
    tags = p.values(QStringLiteral("tag"));
    return validate::tags(tags);
}

Result<void> CommandLine::applyTagFilter(const QCommandLineParser &p, EntryFilter &filter)
{
    const QStringList tags = p.values(QStringLiteral("tag"));
    if (auto r = validate::tags(tags); !r)
        return r;
    filter.tags = validate::normalizedTags(tags);
    return {};
}

QString CommandLine::projectName(const QString &projectId) const
{
    if (projectId.isEmpty())
        return {};
    for (const Project &pr : m_service.projects(true)) {
        if (pr.id == projectId)
            return pr.name;
    }
    return {};
}

} // namespace st
