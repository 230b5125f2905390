#pragma once

#include "Database.h"
#include "EntryFilter.h"
#include "domain/Types.h"

#include <functional>

namespace st {

// What forEachEntryTimes reads of an entry besides its task type and times.
struct EntryTimesColumns
{
    bool user = false;
    bool room = false;
    bool project = false;
    bool tags = false; // read from the table, not the index
};

// Every entry the filter covers (filter.orgId required), read for a report in one pass over the
// period's rows: task type by task type on the covering index time_entries_type_start, stepped
// with SQLite's own API (RowStream). The table is read only for a user or room asked for, or a
// filter on them or on the note. visit gets the task type, the times, the entry's rate and
// billability, and the columns asked for;
// the other fields of the entry are left empty. Entries come by task type, then start.
Result<void> forEachEntryTimes(const Database &db, const EntryFilter &filter, Ms now,
                               EntryTimesColumns columns,
                               const std::function<void(const TimeEntry &)> &visit);

} // namespace st
