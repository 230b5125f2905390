// `studiotimer task-types`: the list, `set` and `reprice` (docs/REPORTS.md, "Rates").
#include "CommandLine.h"
#include "Option.h"

#include "domain/Format.h"
#include "domain/Money.h"
#include "timer/TimerService.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace st {

using cli::option;

namespace {

QJsonArray historyJson(const TaskType &t)
{
    QJsonArray steps;
    const QList<RateStep> history =
        t.rates.isEmpty() ? QList<RateStep>{{rates::firstDay(), t.hourlyRateCents}} : t.rates;
    for (const RateStep &step : history)
        steps.append(
            QJsonObject{{QStringLiteral("from"), step.from.toString(Qt::ISODate)},
                        {QStringLiteral("hourlyRateCents"), double(step.hourlyRateCents)}});
    return steps;
}

// yes / no (any case) for --billable and --archived.
std::optional<bool> yesNo(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("yes"))
        return true;
    if (t == QLatin1String("no"))
        return false;
    return std::nullopt;
}

} // namespace

void CommandLine::taskTypeOptions(QCommandLineParser &p)
{
    p.addOptions({option("json"), option("rate", "AMOUNT"), option("from", "DAY"),
                  option("to", "DAY"), option("name", "NEW"), option("color", "#RRGGBB"),
                  option("billable", "yes|no"), option("archived", "yes|no"), option("yes"),
                  option("user", "NAME")});
}

CommandOutput CommandLine::taskTypes(QCommandLineParser &p)
{
    const QStringList args = p.positionalArguments();
    const QString sub = args.value(0);
    const QStringList given = p.optionNames();
    auto only = [&](const QStringList &allowed) -> std::optional<QString> {
        for (const QString &name : given) {
            if (!allowed.contains(name))
                return name;
        }
        return std::nullopt;
    };
    if (args.isEmpty()) {
        if (const auto extra = only({QStringLiteral("json")}))
            return usageError(tr("\"task-types\" does not take --%1.").arg(*extra));
        return listTaskTypes(p.isSet(QStringLiteral("json")));
    }
    if (sub != QLatin1String("set") && sub != QLatin1String("reprice"))
        return usageError(tr("\"task-types\" takes set or reprice, not \"%1\".").arg(sub));
    if (args.size() < 2)
        return usageError(tr("\"task-types %1\" needs a task type.").arg(sub));
    if (sub == QLatin1String("set")) {
        if (const auto extra = only({QStringLiteral("rate"), QStringLiteral("from"),
                                     QStringLiteral("name"), QStringLiteral("color"),
                                     QStringLiteral("billable"), QStringLiteral("archived")}))
            return usageError(tr("\"task-types set\" does not take --%1.").arg(*extra));
        return setTaskType(p, args.at(1));
    }
    if (const auto extra = only({QStringLiteral("from"), QStringLiteral("to"),
                                 QStringLiteral("yes"), QStringLiteral("user")}))
        return usageError(tr("\"task-types reprice\" does not take --%1.").arg(*extra));
    return repriceTaskType(p, args.at(1));
}

CommandOutput CommandLine::listTaskTypes(bool json)
{
    const QString currency = m_service.organization().currency;
    const auto types = m_service.taskTypes(true);
    if (json) {
        QJsonArray array;
        for (const TaskType &t : types)
            array.append(QJsonObject{{QStringLiteral("id"), t.id},
                                     {QStringLiteral("name"), t.name},
                                     {QStringLiteral("color"), t.color},
                                     {QStringLiteral("hourlyRateCents"), double(t.hourlyRateCents)},
                                     {QStringLiteral("rates"), historyJson(t)},
                                     {QStringLiteral("currency"), currency},
                                     {QStringLiteral("billable"), t.billable},
                                     {QStringLiteral("archived"), t.archived}});
        return {0, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)), {}};
    }
    CommandOutput out;
    for (const TaskType &t : types) {
        QString line = QStringLiteral("%1  %2  %3 %4/h")
                           .arg(t.name.leftJustified(12), t.color,
                                money::formatPlain(t.hourlyRateCents, currency), currency);
        if (t.rates.size() > 1)
            line += tr("  since %1").arg(t.rates.last().from.toString(Qt::ISODate));
        if (!t.billable)
            line += tr("  not billable");
        if (t.archived)
            line += tr("  archived");
        out.out += line + QLatin1Char('\n');
    }
    return out;
}

CommandOutput CommandLine::setTaskType(QCommandLineParser &p, const QString &name)
{
    const Ms now = m_service.clock().nowMs();
    const QString currency = m_service.organization().currency;
    if (p.optionNames().isEmpty())
        return usageError(tr("\"task-types set\" needs something to change, such as --rate."));
    if (p.isSet(QStringLiteral("from")) && !p.isSet(QStringLiteral("rate")))
        return usageError(tr("--from says when a new --rate takes effect: give --rate too."));
    qint64 rate = -1;
    if (p.isSet(QStringLiteral("rate"))) {
        auto parsed = rateOption(p, currency);
        if (!parsed)
            return usageError(parsed.error().message);
        rate = parsed.value();
    }
    QDate from = QDateTime::fromMSecsSinceEpoch(now).date();
    if (p.isSet(QStringLiteral("from"))) {
        from = format::parseDay(p.value(QStringLiteral("from")), now);
        if (!from.isValid())
            return usageError(tr("--from takes a day such as 2026-11-28, not \"%1\".")
                                  .arg(p.value(QStringLiteral("from"))));
    }
    std::optional<bool> billable, archived;
    for (const auto &[key, target] : {std::pair{QStringLiteral("billable"), &billable},
                                      std::pair{QStringLiteral("archived"), &archived}}) {
        if (!p.isSet(key))
            continue;
        *target = yesNo(p.value(key));
        if (!*target)
            return usageError(tr("--%1 takes yes or no, not \"%2\".").arg(key, p.value(key)));
    }
    auto found = m_service.findTaskType(name);
    if (!found)
        return fail(found.error());
    TaskType type = found.value();
    if (p.isSet(QStringLiteral("name")))
        type.name = p.value(QStringLiteral("name"));
    if (p.isSet(QStringLiteral("color")))
        type.color = p.value(QStringLiteral("color"));
    if (billable)
        type.billable = *billable;
    if (archived)
        type.archived = *archived;
    if (type.name != found->name || type.color != found->color ||
        type.billable != found->billable || type.archived != found->archived) {
        auto saved = m_service.saveTaskType(type);
        if (!saved)
            return saved.error().code == ErrorCode::Invalid ? usageError(saved.error().message)
                                                            : fail(saved.error());
        type = saved.value();
    }
    if (rate >= 0) {
        auto saved = m_service.setRate(type.id, rate, from);
        if (!saved)
            return fail(saved.error());
        type = saved.value();
    }
    CommandOutput out;
    out.out = tr("%1: %2 %3/h from %4; entries already recorded keep their rates.\n")
                  .arg(type.name, money::formatPlain(type.hourlyRateCents, currency), currency,
                       type.rates.isEmpty() ? rates::firstDay().toString(Qt::ISODate)
                                            : type.rates.last().from.toString(Qt::ISODate));
    return out;
}

CommandOutput CommandLine::repriceTaskType(QCommandLineParser &p, const QString &name)
{
    const Ms now = m_service.clock().nowMs();
    if (!p.isSet(QStringLiteral("from")) || !p.isSet(QStringLiteral("to")))
        return usageError(tr("\"task-types reprice\" needs --from and --to."));
    const QDate from = format::parseDay(p.value(QStringLiteral("from")), now);
    const QDate to = format::parseDay(p.value(QStringLiteral("to")), now);
    if (!from.isValid())
        return usageError(tr("--from takes a day such as 2026-11-28, not \"%1\".")
                              .arg(p.value(QStringLiteral("from"))));
    if (!to.isValid())
        return usageError(tr("--to takes a day such as 2026-11-28, not \"%1\".")
                              .arg(p.value(QStringLiteral("to"))));
    if (to < from)
        return usageError(tr("The range ends before it starts."));
    auto type = m_service.findTaskType(name);
    if (!type)
        return fail(type.error());
    auto who = actor(p, false);
    if (!who)
        return fail(who.error());
    const bool apply = p.isSet(QStringLiteral("yes"));
    auto summary = m_service.reprice(type->id, from, to, who->id, apply);
    if (!summary)
        return fail(summary.error());
    const QString currency = m_service.organization().currency;
    const RepriceSummary &s = summary.value();
    CommandOutput out;
    out.out = tr("%1, %2 to %3: %n entries at other rates, %4 %5 → %6 %5.\n", nullptr, s.entries)
                  .arg(type->name, from.toString(Qt::ISODate), to.toString(Qt::ISODate),
                       money::formatPlain(s.oldCents, currency), currency,
                       money::formatPlain(s.newCents, currency));
    if (s.entries == 0)
        return out;
    out.out += apply ? tr("Repriced %n entries (audited).\n", nullptr, s.entries)
                     : tr("Nothing changed: run again with --yes to reprice them.\n");
    return out;
}

} // namespace st
