#pragma once

#include "Csv.h"
#include "EntryExport.h"
#include "domain/Types.h"
#include "timer/TimerService.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace st {

// What an import would do with one entry of the file.
struct ImportRow
{
    enum class Action
    {
        Create,    // a new entry
        Duplicate, // already stored (same ID, or same user, task type, start and end): skipped
        Running,   // no end in the file (a timer that was running): skipped
    };
    int line = 0; // CSV: the line the row starts on; JSON: the entry's position (1-based)
    Action action = Action::Create;
    ManualEntry entry; // IDs resolved; userId/roomId may be those of users/rooms to create
    QString userName;
    QString taskTypeName;
    QString roomName;
    QString duplicateOf;      // the stored entry's ID (Duplicate)
    bool adjusted = false;    // adjusted where it came from (our CSV and JSON)
    QList<AuditRecord> audit; // its audit trail there (our JSON), oldest first
};

struct ImportIssue
{
    int line = 0;
    QString message; // "Line 4: ..." / "Entry 4: ..."
};

// The preview of an import: nothing is written until apply() and only when there is no issue.
struct ImportPlan
{
    TransferFormat format = TransferFormat::Csv;
    QList<ImportRow> rows;
    QList<ImportIssue> errors; // one per bad row, in file order
    QList<User> newUsers;      // people named in the file that this organisation does not have
    QList<Room> newRooms;

    bool ok() const { return errors.isEmpty(); }
    int count(ImportRow::Action action) const;
};

// Reads our CSV and JSON and Toggl Track's detailed CSV into a plan, then writes the plan all or
// nothing (one transaction, through TimerService::addManualBatch). Rules:
// - task types must exist (matched by name, any case, or ID): a file cannot invent rates;
// - users named in the file are created when missing; so are rooms in our formats (Toggl's Tags
//   column maps to a room only when one of that name exists);
// - an empty user is the person at this desk (defaultUserId);
// - a row without an end (a running timer) is skipped, as is a duplicate;
// - anything else wrong (a malformed time, an unknown task type, an overlap with a stored entry or
//   another row of the file) is an error naming the row, and the whole file is refused.
// Imported entries are manual entries; IDs in the file are kept.
class EntryImporter final
{
    Q_DECLARE_TR_FUNCTIONS(st::EntryImporter)
public:
    EntryImporter(TimerService &service, QString defaultUserId);

    // The format of a file: from its extension (.json), else from its content (a Toggl header
    // has "Start date"); nullopt when it cannot tell.
    static std::optional<TransferFormat> detectFormat(const QString &fileName,
                                                      const QByteArray &data);

    ImportPlan preview(const QByteArray &data, TransferFormat format) const;

    // Writes the plan's new entries (and users, rooms); refuses a plan with errors. Returns the
    // entries written.
    Result<QList<TimeEntry>> apply(const ImportPlan &plan);

    // What the plan does, for people ("Would import ..." / "Imported ..."): its first
    // kListedRows rows one by one, then the counts.
    QString describe(const ImportPlan &plan, bool done) const;
    static constexpr qsizetype kListedRows = 200;

private:
    struct Raw;
    // The file's CSV records; empty, with the reason in plan.errors, when malformed or empty.
    static QList<csv::Record> parseRecords(const QString &text, ImportPlan &plan);
    // A row as both CSV formats begin it: where it is, and an error when its field count is not
    // the header's.
    static Raw rowStart(const csv::Record &record, qsizetype headerCount);
    QList<Raw> readCsv(const QString &text, ImportPlan &plan) const;
    QList<Raw> readToggl(const QString &text, ImportPlan &plan) const;
    QList<Raw> readJson(const QByteArray &data, ImportPlan &plan) const;
    void resolve(const QList<Raw> &raws, ImportPlan &plan) const;

    TimerService &m_service;
    QString m_defaultUserId;
};

} // namespace st
