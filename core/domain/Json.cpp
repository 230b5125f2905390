#include "Json.h"

#include "Money.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>

#include <cmath>

namespace st::json {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::json)
};

QJsonValue msOrNull(const std::optional<Ms> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

// Field readers that refuse anything but the expected JSON type.
struct Reader
{
    const QJsonObject &object;
    QString error;

    bool fail(const QString &field, const char *what)
    {
        if (error.isEmpty())
            error = Tr::tr("Field \"%1\" %2.")
                        .arg(field, QCoreApplication::translate("st::json", what));
        return false;
    }
    QString text(const QString &field, bool required = true)
    {
        const QJsonValue v = object.value(field);
        if (v.isString())
            return v.toString();
        if ((v.isUndefined() || v.isNull()) && !required)
            return {};
        fail(field, QT_TRANSLATE_NOOP("st::json", "must be text"));
        return {};
    }
    QString id(const QString &field, bool required = true)
    {
        const QString value = text(field, required);
        if (!value.isEmpty() && !isValidId(value))
            fail(field, QT_TRANSLATE_NOOP("st::json", "must be a UUID"));
        if (value.isEmpty() && required)
            fail(field, QT_TRANSLATE_NOOP("st::json", "is required"));
        return value;
    }
    std::optional<qint64> integer(const QString &field, bool required = true)
    {
        const QJsonValue v = object.value(field);
        if (v.isDouble()) {
            if (const auto n = wholeNumber(v))
                return n;
            fail(field, QT_TRANSLATE_NOOP("st::json", "must be a whole number"));
            return std::nullopt;
        }
        if ((v.isUndefined() || v.isNull()) && !required)
            return std::nullopt;
        fail(field, QT_TRANSLATE_NOOP("st::json", "must be a number"));
        return std::nullopt;
    }
    bool boolean(const QString &field, bool fallback)
    {
        const QJsonValue v = object.value(field);
        if (v.isBool())
            return v.toBool();
        if (v.isUndefined() || v.isNull())
            return fallback;
        fail(field, QT_TRANSLATE_NOOP("st::json", "must be true or false"));
        return fallback;
    }
};

} // namespace

QJsonObject fromEntry(const TimeEntry &e)
{
    QJsonObject o{
        {QStringLiteral("id"), e.id},
        {QStringLiteral("orgId"), e.orgId},
        {QStringLiteral("userId"), e.userId},
        {QStringLiteral("taskTypeId"), e.taskTypeId},
        {QStringLiteral("roomId"), e.roomId.isEmpty() ? QJsonValue() : QJsonValue(e.roomId)},
        {QStringLiteral("note"), e.note},
        {QStringLiteral("startedAt"), double(e.startedAt)},
        {QStringLiteral("endedAt"), msOrNull(e.endedAt)},
        {QStringLiteral("pausedMs"), double(e.pausedMs)},
        {QStringLiteral("pausedAt"), msOrNull(e.pausedAt)},
        {QStringLiteral("source"), entrySourceName(e.source)},
        {QStringLiteral("rev"), e.rev},
        {QStringLiteral("updatedAt"), double(e.updatedAt)},
        {QStringLiteral("deleted"), e.deleted},
        {QStringLiteral("adjusted"), e.adjusted},
    };
    if (e.hourlyRateCents >= 0) // an entry not stamped yet is stamped by whoever stores it
        o.insert(QStringLiteral("hourlyRateCents"), double(e.hourlyRateCents));
    // Only when set (issue 12): an entry without them reads as before projects existed.
    if (!e.projectId.isEmpty())
        o.insert(QStringLiteral("projectId"), e.projectId);
    if (!e.tags.isEmpty())
        o.insert(QStringLiteral("tags"), QJsonArray::fromStringList(e.tags));
    if (!e.billable)
        o.insert(QStringLiteral("billable"), false);
    return o;
}

Result<TimeEntry> toEntry(const QJsonObject &object)
{
    Reader r{object, {}};
    TimeEntry e;
    e.id = r.id(QStringLiteral("id"));
    e.orgId = r.id(QStringLiteral("orgId"));
    e.userId = r.id(QStringLiteral("userId"));
    e.taskTypeId = r.id(QStringLiteral("taskTypeId"));
    e.roomId = r.id(QStringLiteral("roomId"), false);
    e.note = r.text(QStringLiteral("note"), false);
    e.startedAt = r.integer(QStringLiteral("startedAt")).value_or(0);
    e.endedAt = r.integer(QStringLiteral("endedAt"), false);
    e.pausedMs = r.integer(QStringLiteral("pausedMs"), false).value_or(0);
    e.pausedAt = r.integer(QStringLiteral("pausedAt"), false);
    const QString source = r.text(QStringLiteral("source"), false);
    e.source = entrySourceFromName(source).value_or(EntrySource::Timer);
    e.rev = int(r.integer(QStringLiteral("rev"), false).value_or(1));
    e.updatedAt = r.integer(QStringLiteral("updatedAt"), false).value_or(0);
    e.deleted = r.boolean(QStringLiteral("deleted"), false);
    e.adjusted = r.boolean(QStringLiteral("adjusted"), false);
    // Absent (a round-1 peer): stamped by whoever stores the entry.
    const auto rate = r.integer(QStringLiteral("hourlyRateCents"), false);
    e.hourlyRateCents = rate.value_or(TimeEntry::kUnstampedRate);
    e.projectId = r.id(QStringLiteral("projectId"), false);
    e.billable = r.boolean(QStringLiteral("billable"), true);
    if (const QJsonValue tags = object.value(QStringLiteral("tags")); tags.isArray()) {
        const QJsonArray array = tags.toArray();
        for (const QJsonValue &tag : array) {
            if (!tag.isString())
                r.fail(QStringLiteral("tags"), QT_TRANSLATE_NOOP("st::json", "must be text"));
            e.tags.append(tag.toString());
        }
    } else if (!tags.isUndefined() && !tags.isNull()) {
        r.fail(QStringLiteral("tags"), QT_TRANSLATE_NOOP("st::json", "must be text"));
    }
    if (!r.error.isEmpty())
        return Error::invalid(r.error);
    if (rate && (*rate < 0 || *rate > money::kMaxHourlyRateCents))
        return Error::invalid(Tr::tr("Field \"hourlyRateCents\" is out of range."));
    if (!source.isEmpty() && !entrySourceFromName(source))
        return Error::invalid(Tr::tr("Field \"source\" must be \"timer\" or \"manual\"."));
    if (auto v = validate::entryTimes(e.startedAt, e.endedAt); !v)
        return v.error();
    if (auto v = validate::note(e.note); !v)
        return v.error();
    if (auto v = validate::tags(e.tags); !v)
        return v.error();
    if (e.pausedMs < 0 || (e.pausedAt && (*e.pausedAt < e.startedAt || e.endedAt)))
        return Error::invalid(Tr::tr("The entry's pause is inconsistent."));
    return e;
}

QJsonObject fromTaskType(const TaskType &t)
{
    QJsonObject o{
        {QStringLiteral("id"), t.id},
        {QStringLiteral("name"), t.name},
        {QStringLiteral("color"), t.color},
        {QStringLiteral("hourlyRateCents"), double(t.hourlyRateCents)},
        {QStringLiteral("billable"), t.billable},
        {QStringLiteral("archived"), t.archived},
        {QStringLiteral("position"), t.position},
        {QStringLiteral("updatedAt"), double(t.updatedAt)},
    };
    if (!t.rates.isEmpty()) {
        QJsonArray steps;
        for (const RateStep &step : t.rates)
            steps.append(
                QJsonObject{{QStringLiteral("from"), step.from.toString(Qt::ISODate)},
                            {QStringLiteral("hourlyRateCents"), double(step.hourlyRateCents)}});
        o.insert(QStringLiteral("rates"), steps);
    }
    return o;
}

namespace {

// The optional "rates" of a task type: [{from: "YYYY-MM-DD", hourlyRateCents}], oldest first.
Result<QList<RateStep>> toRates(const QJsonValue &value)
{
    QList<RateStep> steps;
    if (value.isUndefined() || value.isNull())
        return steps;
    if (!value.isArray())
        return Error::invalid(Tr::tr("Field \"rates\" must be a list."));
    for (const QJsonValue &item : value.toArray()) {
        const QJsonObject object = item.toObject();
        Reader r{object, {}};
        RateStep step;
        step.from = QDate::fromString(r.text(QStringLiteral("from")), Qt::ISODate);
        step.hourlyRateCents = r.integer(QStringLiteral("hourlyRateCents")).value_or(0);
        if (!r.error.isEmpty())
            return Error::invalid(r.error);
        if (!step.from.isValid())
            return Error::invalid(Tr::tr("Field \"from\" must be a day (YYYY-MM-DD)."));
        steps.append(step);
    }
    return steps;
}

} // namespace

Result<TaskType> toTaskType(const QJsonObject &object)
{
    Reader r{object, {}};
    TaskType t;
    t.id = r.id(QStringLiteral("id"));
    t.name = r.text(QStringLiteral("name"));
    t.color = r.text(QStringLiteral("color"));
    t.hourlyRateCents = r.integer(QStringLiteral("hourlyRateCents")).value_or(0);
    t.billable = r.boolean(QStringLiteral("billable"), true);
    t.archived = r.boolean(QStringLiteral("archived"), false);
    t.position = int(r.integer(QStringLiteral("position"), false).value_or(0));
    t.updatedAt = r.integer(QStringLiteral("updatedAt"), false).value_or(0);
    if (!r.error.isEmpty())
        return Error::invalid(r.error);
    auto rates = toRates(object.value(QStringLiteral("rates")));
    if (!rates)
        return rates.error();
    t.rates = rates.value();
    if (auto v = validate::taskType(t); !v)
        return v.error();
    if (auto v = rates::validateHistory(t); !v)
        return v.error();
    return t;
}

QJsonObject fromRoom(const Room &room)
{
    return QJsonObject{{QStringLiteral("id"), room.id},
                       {QStringLiteral("name"), room.name},
                       {QStringLiteral("archived"), room.archived},
                       {QStringLiteral("updatedAt"), double(room.updatedAt)}};
}

Result<Room> toRoom(const QJsonObject &object)
{
    Reader r{object, {}};
    Room room;
    room.id = r.id(QStringLiteral("id"));
    room.name = r.text(QStringLiteral("name"));
    room.archived = r.boolean(QStringLiteral("archived"), false);
    room.updatedAt = r.integer(QStringLiteral("updatedAt"), false).value_or(0);
    if (!r.error.isEmpty())
        return Error::invalid(r.error);
    if (auto v = validate::room(room); !v)
        return v.error();
    return room;
}

QJsonObject fromUser(const User &user)
{
    return QJsonObject{{QStringLiteral("id"), user.id}, {QStringLiteral("name"), user.name}};
}

std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    constexpr double kMaxSafeInteger = 9007199254740991.0; // 2^53 - 1
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    // The range is checked before the conversion: converting a double out of qint64's range is
    // undefined behaviour (found by fuzz_protocol).
    if (!(std::fabs(d) <= kMaxSafeInteger) || d != std::floor(d))
        return std::nullopt;
    return static_cast<qint64>(d);
}

} // namespace st::json
