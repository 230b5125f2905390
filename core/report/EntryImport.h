#pragma once

#include "Csv.h"
#include "EntryExport.h"
#include "domain/Types.h"
#include "timer/TimerService.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QIODevice>
#include <QList>
#include <QString>

#include <array>
#include <memory>
#include <optional>
#include <vector>

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
    QString projectName;      // its project's, empty without one
    QString clientName;       // its project's client's
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
// It keeps what a person reads (the first rows, the counts, the errors) and, for apply(), where
// to read the file again and what to do with each of its rows (a byte a row): never the rows
// themselves, so a file of any length previews in bounded memory.
struct ImportPlan
{
    TransferFormat format = TransferFormat::Csv;
    QList<ImportRow> rows;     // the file's first EntryImporter::kListedRows rows
    qsizetype rowCount = 0;    // all its rows
    QList<ImportIssue> errors; // one per bad row, in file order
    QList<User> newUsers;      // people named in the file that this organisation does not have
    QList<Room> newRooms;
    QList<Client> newClients; // clients and projects named in the file and not stored yet
    QList<Project> newProjects;

    bool ok() const { return errors.isEmpty(); }
    int count(ImportRow::Action action) const;

    // The file read again by apply(): its bytes, or its path with its size and time as previewed.
    QByteArray data;
    QString path;
    qint64 size = 0;
    QDateTime modified;
    // The action of each row, in file order (ImportRow::Action, or kRefused).
    std::shared_ptr<const std::vector<quint8>> actions;
    static constexpr quint8 kRefused = 0xff;
    std::array<int, 3> counts{}; // by ImportRow::Action
};

// Reads our CSV and JSON and Toggl Track's detailed CSV into a plan, then writes the plan all or
// nothing (one transaction, through TimerService::addManualBatch). Rules:
// - task types must exist (matched by name, any case, or ID): a file cannot invent rates;
// - users named in the file are created when missing; so are rooms in our formats (Toggl's Tags
//   column maps to a room only when one of that name exists; its other tags are the entry's tags);
// - projects and clients named in the file are created when missing (listed in the preview, saved
//   as `projects add` saves them); tags and the billable flag are kept;
// - Toggl: a row's task type is its Task column when that names one, else the default task type
//   (setDefaultTaskType), else its Project column when that names a task type (the files Studio
//   Timer wrote before projects existed: then the row has no project);
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

    // The task type (name or ID) of the Toggl rows whose Task column names none (`import
    // --task`); empty: none. Set before preview().
    void setDefaultTaskType(const QString &nameOrId) { m_defaultTaskType = nameOrId.trimmed(); }

    // Reads the whole file (its bytes, or the file at path) and checks every row; nothing is
    // written. A cancelled preview says so in its errors.
    ImportPlan preview(const QByteArray &data, TransferFormat format,
                       const TransferProgress &progress = {}) const;
    ImportPlan previewFile(const QString &path, TransferFormat format,
                           const TransferProgress &progress = {}) const;

    // Writes the plan's new entries (and users, rooms), reading the file a second time, all in
    // one transaction; refuses a plan with errors, and a file changed since its preview. Returns
    // the number of entries written. Cancelled, it writes nothing.
    Result<qsizetype> apply(const ImportPlan &plan, const TransferProgress &progress = {});

    // What the plan does, for people ("Would import ..." / "Imported ..."): its first
    // kListedRows rows one by one, then the counts.
    QString describe(const ImportPlan &plan, bool done) const;
    static constexpr qsizetype kListedRows = 200;

    // The message of a cancelled import.
    static QString cancelledMessage();
    static QString changedMessage();

private:
    struct Raw;
    class RowReader;
    class Resolver;
    // The rows of in (a file in format) checked into plan, which keeps where to read them again.
    void scan(QIODevice &in, ImportPlan &plan, const TransferProgress &progress) const;

    TimerService &m_service;
    QString m_defaultUserId;
    QString m_defaultTaskType;
};

} // namespace st
