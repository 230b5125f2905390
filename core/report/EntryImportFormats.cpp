// EntryImporter::RowReader: our CSV, Toggl Track's detailed CSV and our JSON read into raw rows,
// one at a time.

#include "EntryImport.h"
#include "EntryImportDetail.h"

#include "Csv.h"
#include "EntryAuditJson.h"
#include "domain/Format.h"
#include "domain/Json.h"
#include "domain/Money.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace st {

using namespace import_detail;

namespace {

// A whole number of units (seconds or milliseconds) in ms.
std::optional<Ms> wholeNumber(const QString &text, Ms unit)
{
    static const QRegularExpression re(QStringLiteral("^\\d{1,13}$"));
    if (!re.match(text.trimmed()).hasMatch())
        return std::nullopt;
    return text.trimmed().toLongLong() * unit;
}

// The time a file gives: our exports write "2026-11-28T09:30:00.250+01:00", read here by
// arithmetic (its offset says everything; no time zone to look up, a few hundred nanoseconds a
// time); anything else as format::parseWhen reads it.
std::optional<Ms> fileTime(const QString &text, Ms now)
{
    const QStringView t(text);
    const auto digits = [&t](qsizetype at, qsizetype count) -> int {
        int n = 0;
        for (qsizetype i = at; i < at + count; ++i) {
            const char16_t c = t.at(i).unicode();
            if (c < u'0' || c > u'9')
                return -1;
            n = n * 10 + (c - u'0');
        }
        return n;
    };
    const qsizetype n = t.size();
    const bool shape = (n == 25 || n == 29) && t.at(4) == u'-' && t.at(7) == u'-' &&
                       t.at(10) == u'T' && t.at(13) == u':' && t.at(16) == u':';
    const qsizetype zone = n == 29 ? 23 : 19;
    if (!shape || (n == 29 && t.at(19) != u'.') || (t.at(zone) != u'+' && t.at(zone) != u'-') ||
        t.at(zone + 3) != u':')
        return format::parseWhen(text, now);
    const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
    const int hour = digits(11, 2), minute = digits(14, 2), second = digits(17, 2);
    const int ms = n == 29 ? digits(20, 3) : 0;
    const int offsetHours = digits(zone + 1, 2), offsetMinutes = digits(zone + 4, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 ||
        minute > 59 || second < 0 || second > 59 || ms < 0 || offsetHours < 0 || offsetHours > 23 ||
        offsetMinutes < 0 || offsetMinutes > 59 || day > QDate(year, month, 1).daysInMonth())
        return format::parseWhen(text, now);
    // Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    const int y = year - (month <= 2);
    const int era = y / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 days = qint64(era) * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
    const Ms offset = (offsetHours * 60 + offsetMinutes) * 60'000LL * (t.at(zone) == u'-' ? -1 : 1);
    return ((days * 24 + hour) * 60 + minute) * 60'000LL + second * kSecond + ms - offset;
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

// The columns each CSV format reads, in the order of RowReader::m_at.
enum OurColumn
{
    CId,
    CUser,
    CTaskType,
    CRoom,
    CNote,
    CStartedAt,
    CEndedAt,
    CPausedSeconds,
    CDurationSeconds,
    CPausedMs,
    CDurationMs,
    CAdjusted,
    CProject,
    CClient,
    CTags,
    CBillable,
};
const char *const kOurColumns[] = {"id",       "user",          "taskType",
                                   "room",     "note",          "startedAt",
                                   "endedAt",  "pausedSeconds", "durationSeconds",
                                   "pausedMs", "durationMs",    "adjusted",
                                   "project",  "client",        "tags",
                                   "billable"};
enum TogglColumn
{
    TUser,
    TClient,
    TProject,
    TTask,
    TDescription,
    TBillable,
    TTags,
    TStartDate,
    TStartTime,
    TEndDate,
    TEndTime,
    TDuration,
};
const char *const kTogglColumns[] = {"User",        "Client",   "Project",  "Task",
                                     "Description", "Billable", "Tags",     "Start date",
                                     "Start time",  "End date", "End time", "Duration"};

// Tags in one cell, comma-separated as Toggl writes them ("mix, late night").
QStringList tagList(const QString &cell)
{
    QStringList tags;
    for (const QString &tag : cell.split(QLatin1Char(','))) {
        if (!tag.trimmed().isEmpty())
            tags << tag.trimmed();
    }
    return tags;
}

// "Yes"/"No" (Toggl), "true"/"false" (ours); empty: not said. Anything else: nullopt, *bad set.
std::optional<bool> yesNo(const QString &text, bool *bad)
{
    *bad = false;
    for (const char *yes : {"yes", "true", "1"}) {
        if (text.compare(QLatin1String(yes), Qt::CaseInsensitive) == 0)
            return true;
    }
    for (const char *no : {"no", "false", "0"}) {
        if (text.compare(QLatin1String(no), Qt::CaseInsensitive) == 0)
            return false;
    }
    *bad = !text.isEmpty();
    return std::nullopt;
}

constexpr qint64 kChunk = 1 << 20;

} // namespace

EntryImporter::RowReader::RowReader(QIODevice &in, TransferFormat format, Ms now)
    : m_in(in)
    , m_format(format)
    , m_now(now)
{
    if (format == TransferFormat::Json)
        m_json.emplace(in);
}

int EntryImporter::RowReader::percent() const
{
    // The bytes read less those read ahead (for CSV, counted as characters: near enough).
    const qint64 size = m_in.size();
    const qint64 done = m_json ? m_json->position() : m_in.pos() - m_csv.pending();
    return size > 0 ? int(std::clamp<qint64>(done * 100 / size, 0, 100)) : 0;
}

std::optional<csv::Record> EntryImporter::RowReader::nextRecord()
{
    for (bool more = true;;) {
        auto record = m_csv.next();
        if (!record) {
            m_error = ImportIssue{0, record.error().message};
            return std::nullopt;
        }
        if (record.value() || !more)
            return std::move(record.value());
        const QByteArray bytes = m_in.read(kChunk);
        if (bytes.isEmpty()) {
            m_csv.finish();
            more = false;
            continue;
        }
        const QString text = m_decoder(bytes);
        if (m_decoder.hasError()) {
            m_error = ImportIssue{0, tr("The file is not UTF-8 text.")};
            return std::nullopt;
        }
        m_csv.append(text);
    }
}

bool EntryImporter::RowReader::readHeader(const csv::Record &header)
{
    QHash<QString, int> index;
    m_columnCount = int(header.fields.size());
    for (int i = 0; i < m_columnCount; ++i)
        index.insert(header.fields.at(i).trimmed().toLower(), i);
    const bool ours = m_format == TransferFormat::Csv;
    const QList<const char *> required =
        ours ? QList<const char *>{"taskType", "startedAt", "endedAt"}
             : QList<const char *>{"Project", "Start date", "Start time", "End date", "End time"};
    for (const char *name : required) {
        if (index.contains(QString::fromLatin1(name).toLower()))
            continue;
        m_error =
            ImportIssue{header.line,
                        ours ? tr("Line %1: the header has no \"%2\" column (expected: %3).")
                                   .arg(header.line)
                                   .arg(QLatin1String(name),
                                        EntryExporter::csvHeader().join(QStringLiteral(",")))
                             : tr("Line %1: the header has no \"%2\" column: is this Toggl Track's "
                                  "detailed report CSV?")
                                   .arg(header.line)
                                   .arg(QLatin1String(name))};
        return false;
    }
    m_at.clear();
    if (ours) {
        for (const char *name : kOurColumns)
            m_at.push_back(index.value(QString::fromLatin1(name).toLower(), -1));
    } else {
        for (const char *name : kTogglColumns)
            m_at.push_back(index.value(QString::fromLatin1(name).toLower(), -1));
    }
    return true;
}

std::optional<EntryImporter::Raw> EntryImporter::RowReader::next()
{
    if (m_error)
        return std::nullopt;
    if (m_json) {
        switch (m_json->next()) {
        case JsonEntryReader::Status::Entry:
            return decodeJson(m_json->value(), ++m_position);
        case JsonEntryReader::Status::End:
            return std::nullopt;
        case JsonEntryReader::Status::Invalid:
            m_error = ImportIssue{0, tr("The file is not valid JSON: %1 (at byte %2).")
                                         .arg(m_json->error().errorString())
                                         .arg(m_json->error().offset)};
            return std::nullopt;
        case JsonEntryReader::Status::NoEntries:
            m_error =
                ImportIssue{0, tr("The JSON holds no entries: expected an array, or an object with "
                                  "\"entries\".")};
            return std::nullopt;
        }
        return std::nullopt;
    }
    auto record = nextRecord();
    if (!m_headerRead) {
        if (!record) {
            if (!m_error)
                m_error = ImportIssue{0, tr("The file is empty.")};
            return std::nullopt;
        }
        m_headerRead = true;
        if (!readHeader(*record))
            return std::nullopt;
        record = nextRecord();
    }
    if (!record)
        return std::nullopt;
    return m_format == TransferFormat::Csv ? decodeCsv(*record) : decodeToggl(*record);
}

QString EntryImporter::RowReader::cell(const csv::Record &record, int column) const
{
    // Cells come back as they were before export guarded them against spreadsheets.
    const int i = m_at.at(column);
    return i >= 0 && i < record.fields.size() ? csv::unguard(record.fields.at(i)) : QString();
}

EntryImporter::Raw EntryImporter::RowReader::rowStart(const csv::Record &record) const
{
    Raw raw;
    raw.line = record.line;
    raw.where = tr("Line %1").arg(record.line);
    if (record.fields.size() != m_columnCount)
        raw.error = tr("it has %1 fields where the header has %2.")
                        .arg(record.fields.size())
                        .arg(m_columnCount);
    return raw;
}

EntryImporter::Raw EntryImporter::RowReader::decodeCsv(const csv::Record &record) const
{
    Raw raw = rowStart(record);
    if (!raw.error.isEmpty())
        return raw;
    auto value = [&](OurColumn column) {
        return cell(record, column).trimmed();
    };
    raw.id = value(CId);
    raw.user = value(CUser);
    raw.taskType = value(CTaskType);
    raw.room = value(CRoom);
    raw.note = cell(record, CNote);
    const QString startText = value(CStartedAt);
    const QString endText = value(CEndedAt);
    if (auto start = fileTime(startText, m_now))
        raw.start = *start;
    else
        raw.error =
            tr("startedAt \"%1\" is not a time such as 2026-11-28T09:30:00+01:00.").arg(startText);
    if (!endText.isEmpty()) {
        raw.end = fileTime(endText, m_now);
        if (!raw.end && raw.error.isEmpty())
            raw.error =
                tr("endedAt \"%1\" is not a time such as 2026-11-28T10:30:00+01:00.").arg(endText);
    }
    // Milliseconds (since round 2) win over the seconds older files carry.
    for (const OurColumn column : {CPausedSeconds, CDurationSeconds, CPausedMs, CDurationMs}) {
        const QString number = value(column);
        if (number.isEmpty())
            continue;
        const char *name = kOurColumns[column];
        const bool inMs = column == CPausedMs || column == CDurationMs;
        const auto ms = wholeNumber(number, inMs ? 1 : kSecond);
        if (!ms && raw.error.isEmpty())
            raw.error = inMs ? tr("%1 \"%2\" is not a whole number of milliseconds.")
                                   .arg(QLatin1String(name), number)
                             : tr("%1 \"%2\" is not a whole number of seconds.")
                                   .arg(QLatin1String(name), number);
        (column == CPausedSeconds || column == CPausedMs ? raw.pausedMs : raw.durationMs) = ms;
    }
    raw.adjusted = value(CAdjusted).compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    raw.project = value(CProject);
    raw.client = value(CClient);
    raw.tags = tagList(value(CTags));
    bool bad = false;
    raw.billable = yesNo(value(CBillable), &bad);
    if (bad && raw.error.isEmpty())
        raw.error = tr("billable \"%1\" is not true or false.").arg(value(CBillable));
    return raw;
}

EntryImporter::Raw EntryImporter::RowReader::decodeToggl(const csv::Record &record) const
{
    Raw raw = rowStart(record);
    if (!raw.error.isEmpty())
        return raw;
    const Ms now = m_now;
    auto when = [now](const QString &date, const QString &time) -> std::optional<Ms> {
        static const QRegularExpression dateRe(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        static const QRegularExpression timeRe(QStringLiteral("^\\d{2}:\\d{2}(:\\d{2})?$"));
        if (!dateRe.match(date).hasMatch() || !timeRe.match(time).hasMatch())
            return std::nullopt;
        return format::parseWhen(date + QLatin1Char('T') + time, now);
    };
    auto value = [&](TogglColumn column) {
        return cell(record, column).trimmed();
    };
    raw.toggl = true;
    raw.user = value(TUser);
    raw.taskType = value(TTask);
    raw.project = value(TProject);
    raw.client = value(TClient);
    raw.note = cell(record, TDescription);
    // Toggl's tags are free words; one naming a known room places the entry there (Resolver).
    raw.tags = tagList(value(TTags));
    raw.mayCreateRoom = false;
    bool bad = false;
    raw.billable = yesNo(value(TBillable), &bad);
    if (bad)
        raw.error = tr("Billable \"%1\" is not Yes or No.").arg(value(TBillable));
    const QString startDate = value(TStartDate), startTime = value(TStartTime);
    const QString endDate = value(TEndDate), endTime = value(TEndTime);
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
    const QString duration = value(TDuration);
    if (!duration.isEmpty()) {
        raw.durationMs = hms(duration);
        if (!raw.durationMs && raw.error.isEmpty())
            raw.error = tr("the duration \"%1\" is not written 01:30:00.").arg(duration);
    }
    return raw;
}

EntryImporter::Raw EntryImporter::RowReader::decodeJson(const QJsonValue &value, int position) const
{
    Raw raw;
    raw.line = position;
    raw.where = tr("Entry %1").arg(position);
    if (!value.isObject()) {
        raw.error = tr("it is not an object.");
        return raw;
    }
    const QJsonObject o = value.toObject();
    const Ms now = m_now;
    {
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
            if (const auto ms = json::wholeNumber(v))
                return ms;
            if (v.isString()) {
                if (auto ms = fileTime(v.toString().trimmed(), now))
                    return ms;
            }
            if (!v.isUndefined() && !v.isNull())
                fail(tr("\"%1\" is not a time such as \"2026-11-28T09:30:00+01:00\".")
                         .arg(QLatin1String(name)));
            return std::nullopt;
        };
        auto number = [&](const char *name, Ms unit) -> std::optional<Ms> {
            const QJsonValue v = o.value(QLatin1String(name));
            if (const auto n = json::wholeNumber(v); n && *n >= 0)
                return *n * unit;
            if (!v.isUndefined() && !v.isNull())
                fail(
                    unit == 1
                        ? tr("\"%1\" must be a whole number of milliseconds.")
                              .arg(QLatin1String(name))
                        : tr("\"%1\" must be a whole number of seconds.").arg(QLatin1String(name)));
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
        // Milliseconds (since round 2) win over the seconds older files carry.
        const auto pausedMs = number("pausedMs", 1);
        raw.pausedMs = pausedMs ? pausedMs : number("pausedSeconds", kSecond);
        const auto durationMs = number("durationMs", 1);
        raw.durationMs = durationMs ? durationMs : number("durationSeconds", kSecond);
        if (const auto rate = json::wholeNumber(o.value(QLatin1String("hourlyRateCents")));
            rate && *rate >= 0 && *rate <= money::kMaxHourlyRateCents)
            raw.hourlyRateCents = *rate;
        else if (!o.value(QLatin1String("hourlyRateCents")).isUndefined() &&
                 !o.value(QLatin1String("hourlyRateCents")).isNull())
            fail(tr("\"hourlyRateCents\" must be a rate in minor units."));
        raw.adjusted = o.value(QStringLiteral("adjusted")).toBool();
        raw.project = text("project").trimmed();
        raw.projectId = text("projectId").trimmed();
        raw.client = text("client").trimmed();
        raw.clientId = text("clientId").trimmed();
        const QJsonValue tags = o.value(QStringLiteral("tags"));
        if (tags.isArray()) {
            for (const QJsonValue &tag : tags.toArray()) {
                if (!tag.isString()) {
                    fail(tr("\"tags\" must be a list of words."));
                    break;
                }
                raw.tags << tag.toString();
            }
        } else if (!tags.isUndefined() && !tags.isNull()) {
            fail(tr("\"tags\" must be a list of words."));
        }
        const QJsonValue billable = o.value(QStringLiteral("billable"));
        if (billable.isBool())
            raw.billable = billable.toBool();
        else if (!billable.isUndefined() && !billable.isNull())
            fail(tr("\"billable\" must be true or false."));
        const QJsonValue trail = o.value(QStringLiteral("audit"));
        if (trail.isArray()) {
            for (const QJsonValue &row : trail.toArray()) {
                QString why;
                const auto record =
                    row.isObject() ? audit_json::read(row.toObject(), &why) : std::nullopt;
                if (!record) {
                    fail(why.isEmpty() ? tr("an audit row is not an object.") : why);
                    break;
                }
                raw.audit << *record;
            }
        } else if (!trail.isUndefined() && !trail.isNull()) {
            fail(tr("\"audit\" must be an array."));
        }
        for (const QString *t :
             {&raw.note, &raw.user, &raw.taskType, &raw.room, &raw.project, &raw.client}) {
            if (csv::hasControl(*t))
                fail(tr("a control character (such as NUL) is not text; remove it."));
        }
    }
    return raw;
}

} // namespace st
