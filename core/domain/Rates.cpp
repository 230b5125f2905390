#include "Rates.h"

#include "Money.h"
#include "Types.h"

#include <QCoreApplication>
#include <QDateTime>

namespace st::rates {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::validate)
};
} // namespace

QDate firstDay()
{
    return QDate(2000, 1, 1);
}

qint64 rateOn(const TaskType &type, QDate day)
{
    if (type.rates.isEmpty())
        return type.hourlyRateCents;
    qint64 rate = type.rates.first().hourlyRateCents;
    for (const RateStep &step : type.rates) {
        if (step.from > day)
            break;
        rate = step.hourlyRateCents;
    }
    return rate;
}

void setRateFrom(TaskType &type, QDate day, qint64 rate)
{
    if (type.rates.isEmpty())
        type.rates.append(RateStep{firstDay(), type.hourlyRateCents});
    if (day <= firstDay())
        day = firstDay();
    while (!type.rates.isEmpty() && type.rates.last().from >= day)
        type.rates.removeLast();
    type.rates.append(RateStep{day, rate});
    type.hourlyRateCents = rate;
}

Result<void> validateHistory(const TaskType &type)
{
    if (type.rates.isEmpty())
        return {};
    if (type.rates.first().from != firstDay())
        return Error::invalid(
            Tr::tr("A rate history starts on %1.").arg(firstDay().toString(Qt::ISODate)));
    for (qsizetype i = 0; i < type.rates.size(); ++i) {
        const RateStep &step = type.rates.at(i);
        if (!step.from.isValid() || (i > 0 && step.from <= type.rates.at(i - 1).from))
            return Error::invalid(Tr::tr("The steps of a rate history must be in day order."));
        if (step.hourlyRateCents < 0 || step.hourlyRateCents > money::kMaxHourlyRateCents)
            return Error::invalid(Tr::tr("A rate in the history is out of range."));
    }
    if (type.rates.last().hourlyRateCents != type.hourlyRateCents)
        return Error::invalid(Tr::tr("The task type's rate must be its latest rate."));
    return {};
}

QDate localDay(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).date();
}

} // namespace st::rates
