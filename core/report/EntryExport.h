#pragma once

#include "domain/Types.h"
#include "store/EntryFilter.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace st {

class TimerService;

// The file formats entries travel in.
enum class TransferFormat
{
    Csv,      // ours: the columns of `list --csv`
    Json,     // ours: {"format": "studiotimer-entries", "version": 2, "entries": [<as in list
              // --json, plus each entry's "audit" trail>]}
    TogglCsv, // Toggl Track's detailed report CSV
};
// "csv", "json", "toggl-csv".
QString transferFormatName(TransferFormat format);
std::optional<TransferFormat> transferFormatFromName(const QString &name);

// A long import or export reports how far it got and can be cancelled: report (when set) is
// called now and then with the percent done and the rows so far, from the thread doing the work;
// cancel (when set) is read at every row.
struct TransferProgress
{
    std::function<void(int percent, qint64 rows)> report;
    const std::atomic_bool *cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

// ISO 8601 in local time with its offset, with milliseconds when there are some
// ("2026-11-28T09:30:00.250+01:00"): the times of our CSV and JSON, exact to the millisecond.
QString exactTimeText(Ms ms);

// Writes entries in one of the transfer formats: UTF-8, numbers and times the same in every
// locale (times are ISO 8601 in local time with their offset, to the millisecond; Toggl's columns
// in local time, to the second), costs as plain decimals of the organisation's currency. A
// running entry counts up to now and has no end; exported costs are whole-entry costs (not
// clipped to a period). Our CSV and JSON keep every millisecond (durationMs, pausedMs); the JSON
// also carries each entry's audit trail. CSV cells are spreadsheet-safe (csv::field).
class EntryExporter final
{
    Q_DECLARE_TR_FUNCTIONS(st::EntryExporter)
public:
    explicit EntryExporter(const TimerService &service);

    QByteArray write(const QList<TimeEntry> &entries, TransferFormat format) const;
    // Every entry the filter covers, written to out as read (a long export never sits in memory
    // whole). Returns how many; cancelled, an error, and out holds part of the file: write to a
    // QSaveFile and commit only on success.
    Result<qsizetype> write(QIODevice &out, const EntryFilter &filter, TransferFormat format,
                            const TransferProgress &progress = {}) const;

    QString csv(const QList<TimeEntry> &entries) const;
    QByteArray json(const QList<TimeEntry> &entries) const;
    QString togglCsv(const QList<TimeEntry> &entries) const;

    // The fields of `list --json`: pausedSeconds, durationMs and pausedMs, project, projectId,
    // client, clientId (null without), tags and billable among them.
    QJsonObject entryJson(const TimeEntry &entry) const;

    static QStringList csvHeader();
    // "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,
    // End time,Duration,Tags,Amount (EUR)": Task is the task type, Tags the room (first) and the
    // tags, comma-separated in one cell.
    static QStringList togglHeader(const QString &currency);

private:
    class Writer;
    struct Names;
    QJsonObject entryJson(const TimeEntry &entry, const Names &names) const;
    const TimerService &m_service;
};

} // namespace st
