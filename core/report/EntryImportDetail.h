#pragma once

// Private to EntryImporter's implementation (EntryImport.cpp, EntryImportFormats.cpp,
// EntryImportResolve.cpp): the row read from a file, the reader that makes them one at a time and
// the resolver that checks them. Not part of the API.

#include "EntryImport.h"
#include "JsonEntryReader.h"

#include <QHash>
#include <QStringDecoder>
#include <QUuid>

#include <optional>
#include <vector>

namespace st {

// One entry as the file says it, before names are resolved.
struct EntryImporter::Raw
{
    int line = 0;
    QString where; // "Line 4" / "Entry 4"
    QString error; // the row could not be read
    QString id;
    QString user;
    QString taskType; // Toggl: its Task column, which may name no task type
    bool toggl = false;
    QString room;
    bool mayCreateRoom = true;
    QString project;   // a name (Toggl, our CSV) ...
    QString projectId; // ... or an ID (our JSON), kept for a new project when it is a UUID
    QString client;
    QString clientId;
    QStringList tags;
    std::optional<bool> billable; // absent: as its task type
    QString note;
    Ms start = 0;
    std::optional<Ms> end;
    std::optional<Ms> pausedMs;
    std::optional<Ms> durationMs;
    std::optional<qint64> hourlyRateCents; // absent: the rate in effect on its start day
    bool adjusted = false;
    QList<AuditRecord> audit; // oldest first; actorId unresolved
};

// The rows of a file one at a time, in any of the formats (EntryImportFormats.cpp): one decoder
// per format, fed by a streaming CSV or JSON reader, so memory stays one row and one read chunk.
class EntryImporter::RowReader final
{
public:
    RowReader(QIODevice &in, TransferFormat format, Ms now);

    // The next row; nullopt at the end of the file, or when the file as a whole cannot be read
    // (error() says why: not UTF-8, malformed CSV or JSON, a header without a needed column).
    std::optional<Raw> next();
    const std::optional<ImportIssue> &error() const { return m_error; }
    // How much of the file was read, 0-100.
    int percent() const;

private:
    std::optional<csv::Record> nextRecord();
    bool readHeader(const csv::Record &header);
    Raw decodeCsv(const csv::Record &record) const;
    Raw decodeToggl(const csv::Record &record) const;
    Raw decodeJson(const QJsonValue &value, int position) const;
    QString cell(const csv::Record &record, int column) const;
    Raw rowStart(const csv::Record &record) const;

    QIODevice &m_in;
    TransferFormat m_format;
    Ms m_now;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
    csv::Reader m_csv;
    std::optional<JsonEntryReader> m_json;
    bool m_headerRead = false;
    int m_columnCount = 0;
    std::vector<int> m_at; // the position of each column the format reads (-1: absent)
    int m_position = 0;    // JSON: entries read
    std::optional<ImportIssue> m_error;
};

// Rows resolved against the catalogue (EntryImportResolve.cpp): names to IDs (new people and
// rooms made once by name), the checks a row needs alone. The preview also finds duplicates in
// the file by compact keys; apply() resolves the same rows again with the preview's new people and
// rooms (frozen: it makes none).
class EntryImporter::Resolver final
{
public:
    Resolver(const EntryImporter &importer, const ImportPlan *frozen = nullptr);

    // The row's entry, or the message naming what is wrong with it.
    bool resolve(const Raw &raw, ImportRow &row, QString *error);
    // Its person as a small number (the index of userNames()).
    int userIndex(const QString &userId);
    int typeIndex(const QString &typeId);
    int roomIndex(const QString &roomId);
    const QStringList &userNames() const { return m_userNames; }
    QString userId(int index) const { return m_userIds.at(index); }
    QString roomId(int index) const { return m_roomIds.at(index); }

    int projectIndex(const QString &projectId);
    QString projectId(int index) const { return m_projectIds.at(index); }

    QList<User> newUsers(const QSet<QString> &used) const;
    QList<Room> newRooms(const QSet<QString> &used) const;
    // The new projects of used, and the new clients they need.
    QList<Project> newProjects(const QSet<QString> &used) const;
    QList<Client> newClients(const QList<Project> &projects) const;

private:
    // The row's task type (Toggl's rules), project, client and tags (EntryImportProjects.cpp).
    // fromProject: the task type is the one Toggl's Project column names (then no project).
    bool resolveTaskType(const Raw &raw, ImportRow &row, bool *fromProject, QString *error) const;
    bool resolveProject(const Raw &raw, bool projectWasTaskType, ImportRow &row, QString *error);
    void loadProjects(const ImportPlan *frozen);

    const EntryImporter &m_importer;
    bool m_frozen = false;
    Ms m_now = 0;
    QString m_orgId;
    std::optional<User> m_desk;
    QString m_deskError;
    QHash<QString, TaskType> m_types; // by ID and by case-folded name
    QHash<QString, User> m_users;
    QHash<QString, Room> m_rooms;
    QHash<QString, User> m_newUsers; // by lower-case name
    QHash<QString, Room> m_newRooms;
    QStringList m_userOrder, m_roomOrder; // the file's order, for the preview
    QHash<QString, int> m_userIndex, m_typeIndex, m_roomIndex, m_projectIndex;
    QStringList m_userIds, m_userNames, m_roomIds, m_projectIds;
    // Clients and projects (EntryImportProjects.cpp), as users and rooms.
    QHash<QString, Client> m_clients;
    QHash<QString, Project> m_projects;
    QHash<QString, Client> m_newClients; // by case-folded name
    QHash<QString, Project> m_newProjects;
    QStringList m_clientOrder, m_projectOrder;
    qsizetype m_storedClients = 0, m_storedProjects = 0;
    std::optional<TaskType> m_defaultType;
    QString m_defaultTypeError;
    QString m_knownTypes; // the active task types' names, for a row naming none
};

namespace import_detail {

inline constexpr Ms kSecond = 1000;

// Catalogue rows by ID and by case-folded name, as TimerService::find* match them.
template <typename T> void indexRows(QHash<QString, T> &into, const QList<T> &rows)
{
    for (const T &row : rows) {
        into.insert(row.id, row);
        into.insert(row.name.toCaseFolded(), row);
    }
}

template <typename T>
std::optional<T> findRow(const QHash<QString, T> &rows, const QString &nameOrId)
{
    const QString key = nameOrId.trimmed();
    if (const auto it = rows.constFind(key); it != rows.cend())
        return *it;
    if (const auto it = rows.constFind(key.toCaseFolded()); it != rows.cend())
        return *it;
    return std::nullopt;
}

// The small number standing for an ID: the next one the first time it is seen (ids, when given,
// lists them in that order).
inline int numberOf(QHash<QString, int> &numbers, const QString &id, QStringList *ids)
{
    const auto it = numbers.constFind(id);
    if (it != numbers.cend())
        return *it;
    const int i = int(numbers.size());
    numbers.insert(id, i);
    if (ids)
        *ids << id;
    return i;
}

} // namespace import_detail

} // namespace st
