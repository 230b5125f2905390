// EntryImporter: reading our CSV, Toggl Track's detailed CSV and our JSON into raw rows.

#include "EntryImport.h"
#include "EntryImportDetail.h"

#include "Csv.h"
#include "EntryAuditJson.h"
#include "domain/Format.h"
#include "domain/Json.h"
#include "domain/Money.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

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
        // Cells come back as they were before export guarded them against spreadsheets.
        const int i = index.value(name.toLower(), -1);
        return i >= 0 && i < record.fields.size() ? csv::unguard(record.fields.at(i)) : QString();
    }
};

} // namespace

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
        // Milliseconds (since round 2) win over the seconds older files carry.
        for (const char *name : {"pausedSeconds", "durationSeconds", "pausedMs", "durationMs"}) {
            const QString number = value(name);
            if (number.isEmpty())
                continue;
            const bool inMs = QByteArray(name).endsWith("Ms");
            const auto ms = wholeNumber(number, inMs ? 1 : kSecond);
            if (!ms && raw.error.isEmpty())
                raw.error = inMs ? tr("%1 \"%2\" is not a whole number of milliseconds.")
                                       .arg(QLatin1String(name), number)
                                 : tr("%1 \"%2\" is not a whole number of seconds.")
                                       .arg(QLatin1String(name), number);
            (QByteArray(name).startsWith("paused") ? raw.pausedMs : raw.durationMs) = ms;
        }
        raw.adjusted = value("adjusted").compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
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
            if (const auto ms = json::wholeNumber(v))
                return ms;
            if (v.isString()) {
                if (auto ms = format::parseWhen(v.toString(), now))
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
        for (const QString *t : {&raw.note, &raw.user, &raw.taskType, &raw.room}) {
            if (csv::hasControl(*t))
                fail(tr("a control character (such as NUL) is not text; remove it."));
        }
        raws << raw;
    }
    return raws;
}

} // namespace st
