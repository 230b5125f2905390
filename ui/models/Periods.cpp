#include "Periods.h"

#include <QCoreApplication>

namespace st::periods {

QString name(Period period)
{
    const char *text = "";
    switch (period) {
    case Period::Today:
        text = QT_TRANSLATE_NOOP("st::Periods", "Today");
        break;
    case Period::Yesterday:
        text = QT_TRANSLATE_NOOP("st::Periods", "Yesterday");
        break;
    case Period::ThisWeek:
        text = QT_TRANSLATE_NOOP("st::Periods", "This week");
        break;
    case Period::LastWeek:
        text = QT_TRANSLATE_NOOP("st::Periods", "Last week");
        break;
    case Period::ThisMonth:
        text = QT_TRANSLATE_NOOP("st::Periods", "This month");
        break;
    case Period::LastMonth:
        text = QT_TRANSLATE_NOOP("st::Periods", "Last month");
        break;
    case Period::ThisYear:
        text = QT_TRANSLATE_NOOP("st::Periods", "This year");
        break;
    case Period::Custom:
        text = QT_TRANSLATE_NOOP("st::Periods", "Custom range");
        break;
    case Period::AllTime:
        text = QT_TRANSLATE_NOOP("st::Periods", "All time");
        break;
    }
    return QCoreApplication::translate("st::Periods", text);
}

std::pair<QDate, QDate> days(Period period, const QDate &today, Qt::DayOfWeek firstDayOfWeek)
{
    const int intoWeek = (today.dayOfWeek() - int(firstDayOfWeek) + 7) % 7;
    const QDate weekStart = today.addDays(-intoWeek);
    const QDate monthStart(today.year(), today.month(), 1);
    switch (period) {
    case Period::Today:
        return {today, today};
    case Period::Yesterday:
        return {today.addDays(-1), today.addDays(-1)};
    case Period::ThisWeek:
        return {weekStart, weekStart.addDays(6)};
    case Period::LastWeek:
        return {weekStart.addDays(-7), weekStart.addDays(-1)};
    case Period::ThisMonth:
        return {monthStart, monthStart.addMonths(1).addDays(-1)};
    case Period::LastMonth:
        return {monthStart.addMonths(-1), monthStart.addDays(-1)};
    case Period::ThisYear:
        return {QDate(today.year(), 1, 1), QDate(today.year(), 12, 31)};
    case Period::Custom:
    case Period::AllTime:
        break;
    }
    return {};
}

} // namespace st::periods
