#pragma once

#include "domain/Format.h"

#include <QDate>
#include <QString>

namespace st {

// History's and Reports' quick ranges, as whole local days.
enum class Period
{
    Today,
    Yesterday,
    ThisWeek,
    LastWeek,
    ThisMonth,
    LastMonth,
    ThisYear,
    Custom,
    AllTime
};

namespace periods {

QString name(Period period);
// First and last day of a period around today (weeks start on firstDayOfWeek). Custom and
// AllTime have no days of their own: both come back invalid.
std::pair<QDate, QDate> days(Period period, const QDate &today,
                             Qt::DayOfWeek firstDayOfWeek = Qt::Monday);

} // namespace periods
} // namespace st
