#pragma once

// Private to EntryImporter's implementation (EntryImport.cpp, EntryImportFormats.cpp,
// EntryImportResolve.cpp): the row read from a file, which the readers make and resolve() checks.
// Not part of the API.

#include "EntryImport.h"

#include <optional>

namespace st {

// One entry as the file says it, before names are resolved.
struct EntryImporter::Raw
{
    int line = 0;
    QString where; // "Line 4" / "Entry 4"
    QString error; // the row could not be read
    QString id;
    QString user;
    QString taskType;
    QString room;
    bool mayCreateRoom = true;
    QString note;
    Ms start = 0;
    std::optional<Ms> end;
    std::optional<Ms> pausedMs;
    std::optional<Ms> durationMs;
    std::optional<qint64> hourlyRateCents; // absent: the rate in effect on its start day
    bool adjusted = false;
    QList<AuditRecord> audit; // oldest first; actorId unresolved
};

namespace import_detail {

inline constexpr Ms kSecond = 1000;

} // namespace import_detail

} // namespace st
