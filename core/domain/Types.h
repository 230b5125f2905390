#pragma once

#include "Audit.h"
#include "Error.h"
#include "Rates.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace st {

// Times are milliseconds since the Unix epoch, UTC. IDs are UUID strings made where the row is
// made.
using Ms = qint64;

QString newId();
bool isValidId(const QString &id);
// A new client's or project's colour when none is chosen: the next of a few that read well on
// light and dark (count: how many there are already).
QString nextCatalogColor(qsizetype count);

struct Organization
{
    QString id;
    QString name;
    QString currency; // ISO 4217
    Ms updatedAt = 0;
};

struct User
{
    QString id;
    QString orgId;
    QString name;
    Ms updatedAt = 0;
    bool archived = false; // hidden from pickers, kept on past entries and in reports
};

struct Room
{
    QString id;
    QString orgId;
    QString name;
    bool archived = false;
    Ms updatedAt = 0;
};

struct TaskType
{
    QString id;
    QString orgId;
    QString name;
    QString color;              // "#rrggbb"
    qint64 hourlyRateCents = 0; // the current rate: the last step of rates
    bool billable = true;
    bool archived = false;
    int position = 0;
    Ms updatedAt = 0;
    // The rate history, oldest first (domain/Rates.h); empty when unknown (a round-1 peer).
    QList<RateStep> rates;

    qint64 effectiveRateCents() const { return billable ? hourlyRateCents : 0; }
};

// Who is billed (docs/REPORTS.md, "Clients and projects"): an artist, a band, a label. A rate,
// when set, is used for the entries of its projects that have none of their own.
struct Client
{
    QString id;
    QString orgId;
    QString name;
    QString color;                         // "#rrggbb"
    std::optional<qint64> hourlyRateCents; // none: the project's or the task type's
    bool archived = false;
    Ms updatedAt = 0;
};

// What is billed: an album, a single, a block of sessions; under a client or none.
struct Project
{
    QString id;
    QString orgId;
    QString name;
    QString clientId;                      // empty: no client
    QString color;                         // "#rrggbb"
    std::optional<qint64> hourlyRateCents; // none: the client's, else the task type's
    std::optional<Ms> budgetMs;            // a budget in time ...
    std::optional<qint64> budgetCents;     // ... or in money (at most one of them)
    bool archived = false;
    Ms updatedAt = 0;
};

enum class EntrySource
{
    Timer,
    Manual
};
QString entrySourceName(EntrySource source);
std::optional<EntrySource> entrySourceFromName(const QString &name);

struct TimeEntry
{
    QString id;
    QString orgId;
    QString userId;
    QString taskTypeId;
    QString roomId; // empty: no room
    QString note;
    Ms startedAt = 0;
    std::optional<Ms> endedAt;  // empty while running
    Ms pausedMs = 0;            // pauses already over
    std::optional<Ms> pausedAt; // set while paused
    EntrySource source = EntrySource::Timer;
    int rev = 1;
    Ms updatedAt = 0;
    bool deleted = false;
    bool adjusted = false;
    QString projectId = {}; // empty: no project
    QStringList tags = {};  // free words (validate::tags), in the order given
    // Billed or not: defaults from the task type (a Break is not billable). A non-billable entry
    // costs 0; its time still counts.
    bool billable = true;
    // The hourly rate in minor units fixed when the entry was recorded (0 when not billable);
    // kUnstampedRate until the store stamps it (RateRepository::stamp: the project's rate, else
    // its client's, else the task type's on the start day).
    qint64 hourlyRateCents = kUnstampedRate;
    static constexpr qint64 kUnstampedRate = -1;

    bool isRunning() const { return !endedAt.has_value(); }
    bool isPaused() const { return pausedAt.has_value(); }
    // Where the entry's time ends: its end, or now while it runs.
    Ms effectiveEnd(Ms now) const { return endedAt.value_or(std::max(now, startedAt)); }
    // Wall time minus pauses; a running entry counts up to now, a paused one up to its pause.
    Ms billableMs(Ms now) const;
    // Billable time of the part of the entry inside [from, to); pauses are spread evenly.
    Ms billableMsWithin(Ms from, Ms to, Ms now) const;
    // Folds a pause that is still open into pausedMs, as of at.
    void closePause(Ms at);
};

// A user's own entries may not overlap; returns whether [aStart,aEnd) and [bStart,bEnd) share time.
constexpr bool overlaps(Ms aStart, Ms aEnd, Ms bStart, Ms bEnd)
{
    return aStart < bEnd && bStart < aEnd;
}

// Validation shared by every writer (the timer service, imports, the hub).
namespace validate {
Result<void> taskType(const TaskType &type);
Result<void> room(const Room &room);
Result<void> client(const Client &client);
Result<void> project(const Project &project);
// Tags are words: no spaces or commas, at most kMaxTagLength characters, kMaxTags of them.
Result<void> tags(const QStringList &tags);
// The tags as stored: trimmed, empty ones dropped, repeats (any case) dropped.
QStringList normalizedTags(const QStringList &tags);
inline constexpr int kMaxTagLength = 40;
inline constexpr int kMaxTags = 20;
Result<void> userName(const QString &name);
Result<void> note(const QString &note);
Result<void> entryTimes(Ms startedAt, std::optional<Ms> endedAt);
inline constexpr int kMaxNameLength = 80;
inline constexpr int kMaxNoteLength = 2000;
// Earliest and latest accepted instants: 2000-01-01 and 2100-01-01 UTC.
inline constexpr Ms kMinTime = 946'684'800'000;
inline constexpr Ms kMaxTime = 4'102'444'800'000;
} // namespace validate

} // namespace st
