#pragma once

#include "domain/Types.h"

#include <QStringList>

#include <optional>

namespace st {

// Which entries a list, a total or an export covers. An entry belongs to [from, to) when it
// overlaps it; a running entry extends to now.
struct EntryFilter
{
    QString orgId;
    std::optional<Ms> from;
    std::optional<Ms> to;
    QStringList taskTypeIds; // empty: all
    QStringList userIds;
    QStringList roomIds;
    QStringList projectIds; // empty: all; "" in it: entries without a project
    // Entries having any of these tags (empty: all), ignoring case as the report's tag groups do
    // (on SQLite only ASCII letters: "É" finds "É" and "é" finds "é", not each other).
    QStringList tags;
    bool billableOnly = false;
    QString text;         // found in the note, case-insensitive
    bool deleted = false; // true: only deleted entries (the bin), false: only live ones
};

enum class EntrySortKey
{
    StartedAt,
    EndedAt,
    Duration,
    TaskType,
    Project, // by name; entries without a project first when ascending
    User,
    Room,
    Note
};

struct EntrySort
{
    EntrySortKey key = EntrySortKey::StartedAt;
    bool descending = true;
};

struct TaskTotal
{
    QString taskTypeId;
    Ms billableMs = 0;
    qint64 costCents = 0;
    int entries = 0;
};

struct Totals
{
    Ms billableMs = 0;
    qint64 costCents = 0;
    int entries = 0;
    QList<TaskTotal> perTaskType; // in task type order
};

} // namespace st
