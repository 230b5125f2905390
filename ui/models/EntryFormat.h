#pragma once

#include "backend/Backend.h"
#include "store/EntryFilter.h"

#include <QVariant>

namespace st {

// The columns an entry can show in a table (Today, History), and how each cell reads.
enum class EntryColumn
{
    Date,
    Start,
    End,
    Duration,
    Task,
    Project, // its name; its client in the tooltip
    User,
    Room,
    Note,
    Cost,
    Adjusted
};

namespace entryFormat {

QString title(EntryColumn column);
QVariant data(const TimeEntry &entry, EntryColumn column, int role, const NowSnapshot &snapshot,
              Ms now);
// The store's sort key for a column (Date sorts by start; Cost and Adjusted do not sort).
std::optional<EntrySortKey> sortKey(EntryColumn column);
// "€12.34" in the organisation's currency and the UI language.
QString money(qint64 cents, const NowSnapshot &snapshot);
QString time(Ms ms);
QString date(Ms ms);
// The locale's short date with a four-digit year: date()'s format, and date edits'.
QString dateEditFormat();

} // namespace entryFormat
} // namespace st
