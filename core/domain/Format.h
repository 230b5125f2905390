#pragma once

#include "Types.h"

#include <QDate>
#include <QString>

// Reading and writing times as people and scripts write them. Instants are ms UTC; the local
// time zone only appears at these edges.
namespace st::format {

// "1:02:03" (hours grow past 24: "27:00:00").
QString duration(Ms ms);
// "2026-11-28T09:30:00+01:00": ISO 8601 in local time with its offset.
QString isoWithOffset(Ms ms);

// WHEN on the command line: ISO 8601 with or without offset (local time without), or a time today
// ("09:30"). Empty when malformed.
std::optional<Ms> parseWhen(const QString &text, Ms now);
// DAY: "2026-11-28", "today" or "yesterday". Invalid date when malformed.
QDate parseDay(const QString &text, Ms now);

// [start of first local day, start of the day after last): whole local days, DST included.
struct Range
{
    Ms from = 0;
    Ms to = 0;
};
Range days(const QDate &first, const QDate &last);

} // namespace st::format
