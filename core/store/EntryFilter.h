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
