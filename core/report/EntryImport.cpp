#include "EntryImport.h"

#include "Csv.h"
#include "ReportService.h"
#include "domain/Format.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>

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
};

namespace {

constexpr Ms kSecond = 1000;

std::optional<Ms> wholeSeconds(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\d{1,10}$"));
    if (!re.match(text.trimmed()).hasMatch())
        return std::nullopt;
    return text.trimmed().toLongLong() * kSecond;
}

// Toggl's "01:30:00" (hours may pass 99).
std::optional<Ms> hms(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,6}):([0-5]\\d):([0-5]\\d)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return ((m.captured(1).toLongLong() * 60 + m.captured(2).toLongLong()) * 60 +
            m.captured(3).toLongLong()) *
           kSecond;
}

// Column positions by header name, any case.
struct Columns
{
    QHash<QString, int> index;
    int count = 0;

    explicit Columns(const QStringList &header)
        : count(int(header.size()))
    {
        for (int i = 0; i < count; ++i)
            index.insert(header.at(i).trimmed().toLower(), i);
    }
    bool has(const QString &name) const { return index.contains(name.toLower()); }
    QString value(const csv::Record &record, const QString &name) const
    {
        const int i = index.value(name.toLower(), -1);
        return i >= 0 && i < record.fields.size() ? record.fields.at(i) : QString();
    }
};

// The catalogue read once per file: rows by ID and by name (any case), as TimerService::find*
// match them.
template <typename T> class Lookup
{
public:
    explicit Lookup(const QList<T> &rows)
    {
        for (const T &row : rows) {
            m_rows.insert(row.id, row);
            m_rows.insert(row.name.toCaseFolded(), row);
        }
    }
    std::optional<T> find(const QString &nameOrId) const
    {
        const QString key = nameOrId.trimmed();
        if (const auto it = m_rows.constFind(key); it != m_rows.cend())
            return *it;
        if (const auto it = m_rows.constFind(key.toCaseFolded()); it != m_rows.cend())
            return *it;
        return std::nullopt;
    }

private:
    QHash<QString, T> m_rows;
};

QString decode(const QByteArray &data, bool *ok)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(data);
    *ok = !decoder.hasError();
    return text;
}

} // namespace

int ImportPlan::count(ImportRow::Action action) const
{
    return int(std::count_if(rows.cbegin(), rows.cend(),
                             [action](const ImportRow &r) { return r.action == action; }));
}

EntryImporter::EntryImporter(TimerService &service, QString defaultUserId)
    : m_service(service)
    , m_defaultUserId(std::move(defaultUserId))
{}

std::optional<TransferFormat> EntryImporter::detectFormat(const QString &fileName,
                                                          const QByteArray &data)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("json"))
        return TransferFormat::Json;
    const QByteArray start = data.left(4096).trimmed();
    if (start.startsWith('{') || start.startsWith('['))
        return TransferFormat::Json;
    const qsizetype eol = start.indexOf('\n');
    const QByteArray header = eol < 0 ? start : start.left(eol);
    if (header.contains("Start date") && header.contains("Project"))
        return TransferFormat::TogglCsv;
    if (header.contains("startedAt"))
        return TransferFormat::Csv;
    if (suffix == QLatin1String("csv"))
        return TransferFormat::Csv;
    return std::nullopt;
}

ImportPlan EntryImporter::preview(const QByteArray &data, TransferFormat format) const
{
    ImportPlan plan;
    plan.format = format;
    QList<Raw> raws;
    if (format == TransferFormat::Json) {
        raws = readJson(data, plan);
    } else {
        bool ok = false;
        const QString text = decode(data, &ok);
        if (!ok) {
            plan.errors << ImportIssue{0, tr("The file is not UTF-8 text.")};
            return plan;
        }
        raws = format == TransferFormat::Csv ? readCsv(text, plan) : readToggl(text, plan);
    }
    if (plan.ok())
        resolve(raws, plan);
    return plan;
}

QList<csv::Record> EntryImporter::parseRecords(const QString &text, ImportPlan &plan)
{
    auto parsed = csv::parse(text);
    if (!parsed) {
        plan.errors << ImportIssue{0, parsed.error().message};
        return {};
    }
    if (parsed->isEmpty())
        plan.errors << ImportIssue{0, tr("The file is empty.")};
    return parsed.value();
}

EntryImporter::Raw EntryImporter::rowStart(const csv::Record &record, qsizetype headerCount)
{
    Raw raw;
    raw.line = record.line;
    raw.where = tr("Line %1").arg(record.line);
    if (record.fields.size() != headerCount)
        raw.error = tr("it has %1 fields where the header has %2.")
                        .arg(record.fields.size())
                        .arg(headerCount);
    return raw;
}

QList<EntryImporter::Raw> EntryImporter::readCsv(const QString &text, ImportPlan &plan) const
{
    QList<Raw> raws;
    const QList<csv::Record> records = parseRecords(text, plan);
    if (records.isEmpty())
        return raws;
    const Columns columns(records.first().fields);
    for (const char *required : {"taskType", "startedAt", "endedAt"}) {
        if (!columns.has(QLatin1String(required))) {
            plan.errors << ImportIssue{
                records.first().line,
                tr("Line %1: the header has no \"%2\" column (expected: %3).")
                    .arg(records.first().line)
                    .arg(QLatin1String(required),
                         EntryExporter::csvHeader().join(QStringLiteral(",")))};
            return raws;
        }
    }
    const Ms now = m_service.clock().nowMs();
    for (qsizetype i = 1; i < records.size(); ++i) {
        const csv::Record &record = records.at(i);
        Raw raw = rowStart(record, columns.count);
        if (!raw.error.isEmpty()) {
            raws << raw;
            continue;
        }
        auto value = [&](const char *name) {
            return columns.value(record, QLatin1String(name)).trimmed();
        };
        raw.id = value("id");
        raw.user = value("user");
        raw.taskType = value("taskType");
        raw.room = value("room");
        raw.note = columns.value(record, QStringLiteral("note"));
        const QString startText = value("startedAt");
        const QString endText = value("endedAt");
        if (auto start = format::parseWhen(startText, now))
            raw.start = *start;
        else
            raw.error = tr("startedAt \"%1\" is not a time such as 2026-11-28T09:30:00+01:00.")
                            .arg(startText);
        if (!endText.isEmpty()) {
            raw.end = format::parseWhen(endText, now);
            if (!raw.end && raw.error.isEmpty())
                raw.error = tr("endedAt \"%1\" is not a time such as 2026-11-28T10:30:00+01:00.")
                                .arg(endText);
        }
        for (const char *name : {"pausedSeconds", "durationSeconds"}) {
            const QString number = value(name);
            if (number.isEmpty())
                continue;
            const auto ms = wholeSeconds(number);
            if (!ms && raw.error.isEmpty())
                raw.error = tr("%1 \"%2\" is not a whole number of seconds.")
                                .arg(QLatin1String(name), number);
            (qstrcmp(name, "pausedSeconds") == 0 ? raw.pausedMs : raw.durationMs) = ms;
        }
        raws << raw;
    }
    return raws;
}

QList<EntryImporter::Raw> EntryImporter::readToggl(const QString &text, ImportPlan &plan) const
{
    QList<Raw> raws;
    const QList<csv::Record> records = parseRecords(text, plan);
    if (records.isEmpty())
        return raws;
    const Columns columns(records.first().fields);
    for (const char *required : {"Project", "Start date", "Start time", "End date", "End time"}) {
        if (!columns.has(QLatin1String(required))) {
            plan.errors << ImportIssue{
                records.first().line,
                tr("Line %1: the header has no \"%2\" column: is this Toggl Track's detailed "
                   "report CSV?")
                    .arg(records.first().line)
                    .arg(QLatin1String(required))};
            return raws;
        }
    }
    const Ms now = m_service.clock().nowMs();
    auto when = [now](const QString &date, const QString &time) -> std::optional<Ms> {
        static const QRegularExpression dateRe(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        static const QRegularExpression timeRe(QStringLiteral("^\\d{2}:\\d{2}(:\\d{2})?$"));
        if (!dateRe.match(date).hasMatch() || !timeRe.match(time).hasMatch())
            return std::nullopt;
        return format::parseWhen(date + QLatin1Char('T') + time, now);
    };
    for (qsizetype i = 1; i < records.size(); ++i) {
        const csv::Record &record = records.at(i);
        Raw raw = rowStart(record, columns.count);
        if (!raw.error.isEmpty()) {
            raws << raw;
            continue;
        }
        auto value = [&](const char *name) {
            return columns.value(record, QLatin1String(name)).trimmed();
        };
        raw.user = value("User");
        raw.taskType = value("Project");
        raw.note = columns.value(record, QStringLiteral("Description"));
        // Toggl's tags are free words; one naming a known room places the entry there.
        raw.room = value("Tags");
        raw.mayCreateRoom = false;
        const QString startDate = value("Start date"), startTime = value("Start time");
        const QString endDate = value("End date"), endTime = value("End time");
        if (auto start = when(startDate, startTime))
            raw.start = *start;
        else
            raw.error = tr("the start \"%1 %2\" is not a date and time such as 2026-11-28 "
                           "09:30:00.")
                            .arg(startDate, startTime);
        if (!endDate.isEmpty() || !endTime.isEmpty()) {
            raw.end = when(endDate, endTime);
            if (!raw.end && raw.error.isEmpty())
                raw.error = tr("the end \"%1 %2\" is not a date and time such as 2026-11-28 "
                               "10:30:00.")
                                .arg(endDate, endTime);
        }
        const QString duration = value("Duration");
        if (!duration.isEmpty()) {
            raw.durationMs = hms(duration);
            if (!raw.durationMs && raw.error.isEmpty())
                raw.error = tr("the duration \"%1\" is not written 01:30:00.").arg(duration);
        }
        raws << raw;
    }
    return raws;
}

QList<EntryImporter::Raw> EntryImporter::readJson(const QByteArray &data, ImportPlan &plan) const
{
    QList<Raw> raws;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError) {
        plan.errors << ImportIssue{0, tr("The file is not valid JSON: %1 (at byte %2).")
                                          .arg(error.errorString())
                                          .arg(error.offset)};
        return raws;
    }
    QJsonArray array;
    if (doc.isArray())
        array = doc.array();
    else if (doc.object().value(QStringLiteral("entries")).isArray())
        array = doc.object().value(QStringLiteral("entries")).toArray();
    else {
        plan.errors << ImportIssue{
            0, tr("The JSON holds no entries: expected an array, or an object with "
                  "\"entries\".")};
        return raws;
    }
    const Ms now = m_service.clock().nowMs();
    for (qsizetype i = 0; i < array.size(); ++i) {
        Raw raw;
        raw.line = int(i + 1);
        raw.where = tr("Entry %1").arg(i + 1);
        if (!array.at(i).isObject()) {
            raw.error = tr("it is not an object.");
            raws << raw;
            continue;
        }
        const QJsonObject o = array.at(i).toObject();
        auto fail = [&raw](const QString &message) {
            if (raw.error.isEmpty())
                raw.error = message;
        };
        // A text field (or either of two names, e.g. taskType or taskTypeId).
        auto text = [&](const char *name, const char *alternative = nullptr) {
            for (const char *key : {name, alternative}) {
                if (!key)
                    continue;
                const QJsonValue v = o.value(QLatin1String(key));
                if (v.isString() && !v.toString().trimmed().isEmpty())
                    return v.toString();
                if (!v.isUndefined() && !v.isNull() && !v.isString())
                    fail(tr("\"%1\" must be text.").arg(QLatin1String(key)));
            }
            return QString();
        };
        // ISO 8601 text or milliseconds since the epoch.
        auto instant = [&](const char *name) -> std::optional<Ms> {
            const QJsonValue v = o.value(QLatin1String(name));
            if (v.isDouble() && v.toDouble() == double(qint64(v.toDouble())))
                return qint64(v.toDouble());
            if (v.isString()) {
                if (auto ms = format::parseWhen(v.toString(), now))
                    return ms;
            }
            if (!v.isUndefined() && !v.isNull())
                fail(tr("\"%1\" is not a time such as \"2026-11-28T09:30:00+01:00\".")
                         .arg(QLatin1String(name)));
            return std::nullopt;
        };
        auto seconds = [&](const char *name) -> std::optional<Ms> {
            const QJsonValue v = o.value(QLatin1String(name));
            if (v.isDouble() && v.toDouble() >= 0 && v.toDouble() == double(qint64(v.toDouble())))
                return qint64(v.toDouble()) * kSecond;
            if (!v.isUndefined() && !v.isNull())
                fail(tr("\"%1\" must be a whole number of seconds.").arg(QLatin1String(name)));
            return std::nullopt;
        };
        raw.id = text("id").trimmed();
        raw.taskType = text("taskType", "taskTypeId").trimmed();
        raw.user = text("user", "userId").trimmed();
        raw.room = text("room", "roomId").trimmed();
        raw.note = text("note");
        const auto start = instant("startedAt");
        if (start)
            raw.start = *start;
        else
            fail(tr("\"startedAt\" is required."));
        raw.end = instant("endedAt");
        raw.pausedMs = seconds("pausedSeconds");
        raw.durationMs = seconds("durationSeconds");
        raws << raw;
    }
    return raws;
}

void EntryImporter::resolve(const QList<Raw> &raws, ImportPlan &plan) const
{
    const Ms now = m_service.clock().nowMs();
    const QString orgId = m_service.orgId();
    const Lookup<TaskType> types(m_service.taskTypes(true));
    const Lookup<User> users(m_service.users());
    const Lookup<Room> rooms(m_service.rooms(true));
    QHash<QString, User> newUsers; // by lower-case name
    QHash<QString, Room> newRooms;
    QStringList userOrder, roomOrder; // the file's order, for the preview

    // The stored entries of the file's span, read once, by person (oldest first).
    QHash<QString, QList<TimeEntry>> storedByUser;
    QHash<QString, Ms> longestByUser;
    {
        std::optional<Ms> spanFrom, spanTo;
        for (const Raw &raw : raws) {
            if (!raw.error.isEmpty() || !raw.end)
                continue;
            spanFrom = std::min(spanFrom.value_or(raw.start), raw.start);
            spanTo = std::max(spanTo.value_or(*raw.end), *raw.end);
        }
        if (spanFrom && spanTo && *spanFrom < *spanTo) {
            EntryFilter span;
            span.from = spanFrom;
            span.to = spanTo;
            for (const TimeEntry &e : ReportService(m_service).entries(span)) {
                storedByUser[e.userId] << e;
                Ms &longest = longestByUser[e.userId];
                longest = std::max(longest, e.effectiveEnd(now) - e.startedAt);
            }
        }
    }
    QHash<QString, int> idLines; // IDs seen in the file
    QHash<QString, int> contentLines;

    auto issue = [&plan](const Raw &raw, const QString &message) {
        plan.errors << ImportIssue{raw.line, tr("%1: %2").arg(raw.where, message)};
    };

    for (const Raw &raw : raws) {
        if (!raw.error.isEmpty()) {
            issue(raw, raw.error);
            continue;
        }
        ImportRow row;
        row.line = raw.line;

        if (raw.taskType.isEmpty()) {
            issue(raw, tr("it has no task type."));
            continue;
        }
        const auto type = types.find(raw.taskType);
        if (!type) {
            // The service's message lists the known task types.
            auto missing = m_service.findTaskType(raw.taskType);
            issue(raw,
                  missing ? tr("No task type \"%1\".").arg(raw.taskType) : missing.error().message);
            continue;
        }
        if (type->archived) {
            issue(raw, tr("the task type \"%1\" is archived.").arg(type->name));
            continue;
        }
        row.entry.taskTypeId = type->id;
        row.taskTypeName = type->name;

        if (raw.user.isEmpty()) {
            const auto desk = m_service.user(m_defaultUserId);
            if (!desk) {
                issue(raw, tr("it names no user and no user is set for this desk."));
                continue;
            }
            row.entry.userId = desk->id;
            row.userName = desk->name;
        } else if (auto user = users.find(raw.user)) {
            row.entry.userId = user->id;
            row.userName = user->name;
        } else {
            if (auto valid = validate::userName(raw.user); !valid) {
                issue(raw, valid.error().message);
                continue;
            }
            const QString key = raw.user.toLower();
            if (!newUsers.contains(key)) {
                newUsers.insert(key, User{newId(), orgId, raw.user, now});
                userOrder << key;
            }
            row.entry.userId = newUsers.value(key).id;
            row.userName = raw.user;
        }

        if (!raw.room.isEmpty()) {
            if (auto room = rooms.find(raw.room)) {
                row.entry.roomId = room->id;
                row.roomName = room->name;
            } else if (raw.mayCreateRoom) {
                const QString key = raw.room.toLower();
                if (!newRooms.contains(key)) {
                    newRooms.insert(key, Room{newId(), orgId, raw.room, false, now});
                    roomOrder << key;
                }
                if (auto valid = validate::room(newRooms.value(key)); !valid) {
                    newRooms.remove(key);
                    issue(raw, valid.error().message);
                    continue;
                }
                row.entry.roomId = newRooms.value(key).id;
                row.roomName = raw.room;
            }
        }

        if (auto valid = validate::note(raw.note); !valid) {
            issue(raw, valid.error().message);
            continue;
        }
        row.entry.note = raw.note;
        if (auto valid = validate::entryTimes(raw.start, raw.end); !valid) {
            issue(raw, valid.error().message);
            continue;
        }
        row.entry.startedAt = raw.start;
        if (!raw.id.isEmpty() && !isValidId(raw.id)) {
            issue(raw, tr("the ID \"%1\" is not a UUID.").arg(raw.id));
            continue;
        }
        row.entry.entryId = raw.id;

        if (!raw.end) {
            row.action = ImportRow::Action::Running;
            plan.rows << row;
            continue;
        }
        const Ms end = *raw.end;
        const Ms wall = end - raw.start;
        if (wall == 0) {
            issue(raw, tr("it ends when it starts."));
            continue;
        }
        row.entry.endedAt = end;
        if (raw.pausedMs) {
            if (*raw.pausedMs > wall) {
                issue(raw, tr("it is paused for longer than it lasts."));
                continue;
            }
            row.entry.pausedMs = *raw.pausedMs;
        } else if (raw.durationMs) {
            // Times in files are whole seconds: a billed duration up to a second longer than
            // the span is rounding, not a pause.
            row.entry.pausedMs = std::max<Ms>(0, wall - *raw.durationMs);
        }

        // Duplicates: the same ID, or the same person, task type, start and end (to the second,
        // as files write times), in the store or earlier in the file.
        const QString contentKey = QStringLiteral("%1|%2|%3|%4")
                                       .arg(row.entry.userId, row.entry.taskTypeId)
                                       .arg(raw.start / kSecond)
                                       .arg(end / kSecond);
        if (!raw.id.isEmpty() && m_service.entry(raw.id)) {
            row.action = ImportRow::Action::Duplicate;
            row.duplicateOf = raw.id;
        } else if (!raw.id.isEmpty() && idLines.contains(raw.id)) {
            row.action = ImportRow::Action::Duplicate;
            row.duplicateOf = tr("line %1").arg(idLines.value(raw.id));
        } else if (contentLines.contains(contentKey)) {
            row.action = ImportRow::Action::Duplicate;
            row.duplicateOf = tr("line %1").arg(contentLines.value(contentKey));
        } else {
            // Only entries starting after start - (the person's longest entry) can reach it.
            static const QList<TimeEntry> none;
            const auto found = storedByUser.constFind(row.entry.userId);
            const QList<TimeEntry> &mine = found == storedByUser.cend() ? none : *found;
            const Ms reach = longestByUser.value(row.entry.userId);
            auto first = std::lower_bound(mine.cbegin(), mine.cend(), raw.start - reach,
                                          [](const TimeEntry &e, Ms t) { return e.startedAt < t; });
            QList<TimeEntry> stored;
            for (auto it = first; it != mine.cend() && it->startedAt < end; ++it)
                stored << *it;
            std::optional<TimeEntry> overlap;
            for (const TimeEntry &e : stored) {
                if (e.taskTypeId == row.entry.taskTypeId && e.endedAt &&
                    e.startedAt / kSecond == raw.start / kSecond &&
                    *e.endedAt / kSecond == end / kSecond) {
                    row.action = ImportRow::Action::Duplicate;
                    row.duplicateOf = e.id;
                    break;
                }
                if (!overlap && overlaps(raw.start, end, e.startedAt, e.effectiveEnd(now)))
                    overlap = e;
            }
            if (row.action != ImportRow::Action::Duplicate && overlap) {
                issue(raw, tr("it overlaps the stored entry %1 of %2 (%3 to %4).")
                               .arg(overlap->id.left(8), row.userName,
                                    format::isoWithOffset(overlap->startedAt),
                                    overlap->endedAt ? format::isoWithOffset(*overlap->endedAt)
                                                     : tr("now")));
                continue;
            }
        }
        if (!raw.id.isEmpty() && !idLines.contains(raw.id))
            idLines.insert(raw.id, raw.line);
        if (!contentLines.contains(contentKey))
            contentLines.insert(contentKey, raw.line);
        plan.rows << row;
    }

    // Overlaps among the file's own new entries, person by person.
    QHash<QString, QList<const ImportRow *>> byUser;
    for (const ImportRow &row : plan.rows) {
        if (row.action == ImportRow::Action::Create)
            byUser[row.entry.userId] << &row;
    }
    for (auto &list : byUser) {
        std::sort(list.begin(), list.end(), [](const ImportRow *a, const ImportRow *b) {
            return a->entry.startedAt < b->entry.startedAt;
        });
        const ImportRow *latest = nullptr; // the row reaching furthest so far
        for (const ImportRow *row : list) {
            if (latest && row->entry.startedAt < latest->entry.endedAt) {
                const ImportRow *later = row->line > latest->line ? row : latest;
                const ImportRow *earlier = later == row ? latest : row;
                plan.errors << ImportIssue{
                    later->line,
                    tr("%1 %2: it overlaps line %3 of the same person (%4).")
                        .arg(plan.format == TransferFormat::Json ? tr("Entry") : tr("Line"))
                        .arg(later->line)
                        .arg(earlier->line)
                        .arg(later->userName)};
            }
            if (!latest || row->entry.endedAt > latest->entry.endedAt)
                latest = row;
        }
    }
    std::stable_sort(plan.errors.begin(), plan.errors.end(),
                     [](const ImportIssue &a, const ImportIssue &b) { return a.line < b.line; });

    // Only the people and rooms that new entries need.
    QSet<QString> usedUsers, usedRooms;
    for (const ImportRow &row : plan.rows) {
        if (row.action != ImportRow::Action::Create)
            continue;
        usedUsers.insert(row.entry.userId);
        usedRooms.insert(row.entry.roomId);
    }
    for (const QString &key : std::as_const(userOrder)) {
        if (newUsers.contains(key) && usedUsers.contains(newUsers.value(key).id))
            plan.newUsers << newUsers.value(key);
    }
    for (const QString &key : std::as_const(roomOrder)) {
        if (newRooms.contains(key) && usedRooms.contains(newRooms.value(key).id))
            plan.newRooms << newRooms.value(key);
    }
}

Result<QList<TimeEntry>> EntryImporter::apply(const ImportPlan &plan)
{
    if (!plan.ok())
        return Error::invalid(tr("The file has %n bad row(s); nothing was imported.", nullptr,
                                 int(plan.errors.size())));
    ManualBatch batch;
    batch.newUsers = plan.newUsers;
    batch.newRooms = plan.newRooms;
    QList<int> lines;
    for (const ImportRow &row : plan.rows) {
        if (row.action != ImportRow::Action::Create)
            continue;
        batch.entries << row.entry;
        lines << row.line;
    }
    if (batch.entries.isEmpty())
        return QList<TimeEntry>{};
    int failed = -1;
    auto written = m_service.addManualBatch(batch, &failed);
    if (!written) {
        Error error = written.error();
        if (failed >= 0 && failed < lines.size())
            error.message = tr("%1 %2: %3; nothing was imported.")
                                .arg(plan.format == TransferFormat::Json ? tr("Entry") : tr("Line"))
                                .arg(lines.at(failed))
                                .arg(error.message);
        return error;
    }
    return written;
}

QString EntryImporter::describe(const ImportPlan &plan, bool done) const
{
    QString text;
    if (!plan.ok()) {
        for (const ImportIssue &issue : plan.errors)
            text += issue.message + QLatin1Char('\n');
        text += tr("Nothing was imported: the file has %n bad row(s).\n", nullptr,
                   int(plan.errors.size()));
        return text;
    }
    const QString where = plan.format == TransferFormat::Json ? tr("entry") : tr("line");
    for (const ImportRow &row : plan.rows) {
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(row.entry.startedAt);
        QString what = tr("%1 %2, %3")
                           .arg(row.taskTypeName,
                                start.toString(QStringLiteral("yyyy-MM-dd HH:mm")), row.userName);
        if (row.action == ImportRow::Action::Create) {
            const QDateTime end = QDateTime::fromMSecsSinceEpoch(row.entry.endedAt);
            what = tr("%1 %2–%3 (%4), %5")
                       .arg(row.taskTypeName, start.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                            end.toString(QStringLiteral("HH:mm")),
                            format::duration(row.entry.endedAt - row.entry.startedAt -
                                             row.entry.pausedMs),
                            row.userName);
            if (!row.roomName.isEmpty())
                what += tr(" in %1").arg(row.roomName);
            text += tr("  + %1 %2: %3\n").arg(where).arg(row.line).arg(what);
        } else if (row.action == ImportRow::Action::Duplicate) {
            const QString of =
                isValidId(row.duplicateOf) ? row.duplicateOf.left(8) : row.duplicateOf;
            text += tr("  = %1 %2: %3 is already there (%4): skipped\n")
                        .arg(where)
                        .arg(row.line)
                        .arg(what, of);
        } else {
            text += tr("  ~ %1 %2: %3 has no end (a running timer): skipped\n")
                        .arg(where)
                        .arg(row.line)
                        .arg(what);
        }
    }
    QStringList names;
    for (const User &u : plan.newUsers)
        names << u.name;
    if (!names.isEmpty())
        text += tr("New people: %1\n").arg(names.join(QStringLiteral(", ")));
    names.clear();
    for (const Room &r : plan.newRooms)
        names << r.name;
    if (!names.isEmpty())
        text += tr("New rooms: %1\n").arg(names.join(QStringLiteral(", ")));
    const int created = plan.count(ImportRow::Action::Create);
    const int skipped = int(plan.rows.size()) - created;
    text += (done ? tr("Imported %n entries", nullptr, created)
                  : tr("Would import %n entries", nullptr, created)) +
            tr(", skipped %n.\n", nullptr, skipped);
    return text;
}

} // namespace st
