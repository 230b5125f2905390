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

    QList<User> newUsers(const QSet<QString> &used) const;
    QList<Room> newRooms(const QSet<QString> &used) const;

private:
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
    QHash<QString, int> m_userIndex, m_typeIndex, m_roomIndex;
    QStringList m_userIds, m_userNames, m_roomIds;
};

namespace import_detail {

inline constexpr Ms kSecond = 1000;

} // namespace import_detail

} // namespace st
