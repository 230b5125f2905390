#include "Types.h"
#include "Money.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace st {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString nextCatalogColor(qsizetype count)
{
    static const QStringList palette{QStringLiteral("#4e79a7"), QStringLiteral("#f28e2b"),
                                     QStringLiteral("#59a14f"), QStringLiteral("#e15759"),
                                     QStringLiteral("#b07aa1"), QStringLiteral("#76b7b2"),
                                     QStringLiteral("#edc948"), QStringLiteral("#9c755f")};
    return palette.at(count % palette.size());
}

bool isValidId(const QString &id)
{
    return id.size() == 36 && !QUuid::fromString(id).isNull();
}

QString entrySourceName(EntrySource source)
{
    return source == EntrySource::Manual ? QStringLiteral("manual") : QStringLiteral("timer");
}

std::optional<EntrySource> entrySourceFromName(const QString &name)
{
    if (name == QLatin1String("timer"))
        return EntrySource::Timer;
    if (name == QLatin1String("manual"))
        return EntrySource::Manual;
    return std::nullopt;
}

void TimeEntry::closePause(Ms at)
{
    if (pausedAt) {
        pausedMs += std::max<Ms>(0, at - *pausedAt);
        pausedAt.reset();
    }
}

Ms TimeEntry::billableMs(Ms now) const
{
    const Ms end = pausedAt ? *pausedAt : effectiveEnd(now);
    return std::max<Ms>(0, end - startedAt - pausedMs);
}

Ms TimeEntry::billableMsWithin(Ms from, Ms to, Ms now) const
{
    if (to <= from)
        return 0;
    // Pauses are not stored minute by minute: the billable time is spread evenly over the time
    // the entry was active (up to its open pause, if any). Measured as the difference of two
    // running totals, so adjacent pieces (the days an entry spans) add up to billableMs exactly.
    const Ms activeEnd = std::max(startedAt, pausedAt ? *pausedAt : effectiveEnd(now));
    const Ms span = activeEnd - startedAt;
    const Ms total = billableMs(now);
    if (span <= 0 || total <= 0)
        return 0;
    const auto upTo = [&](Ms t) {
        const Ms elapsed = std::clamp(t, startedAt, activeEnd) - startedAt;
        return Ms((__int128(total) * elapsed) / span);
    };
    return upTo(to) - upTo(from);
}

namespace validate {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(st::validate)
};

Result<void> userName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error::invalid(Tr::tr("A name is required."));
    if (trimmed.size() > kMaxNameLength)
        return Error::invalid(Tr::tr("A name is at most %1 characters.").arg(kMaxNameLength));
    return {};
}

Result<void> note(const QString &note)
{
    if (note.size() > kMaxNoteLength)
        return Error::invalid(Tr::tr("A note is at most %1 characters.").arg(kMaxNoteLength));
    return {};
}

Result<void> taskType(const TaskType &type)
{
    if (!isValidId(type.id))
        return Error::invalid(Tr::tr("The task type has no valid ID."));
    if (auto r = userName(type.name); !r)
        return r;
    static const QRegularExpression colorRe(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!colorRe.match(type.color).hasMatch())
        return Error::invalid(Tr::tr("A colour is written #rrggbb, not \"%1\".").arg(type.color));
    if (type.hourlyRateCents < 0 || type.hourlyRateCents > money::kMaxHourlyRateCents)
        return Error::invalid(Tr::tr("The hourly rate must be between 0 and %1.")
                                  .arg(money::kMaxHourlyRateCents / 100));
    return {};
}

Result<void> room(const Room &room)
{
    if (!isValidId(room.id))
        return Error::invalid(Tr::tr("The room has no valid ID."));
    return userName(room.name);
}

namespace {

Result<void> color(const QString &color)
{
    static const QRegularExpression colorRe(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!colorRe.match(color).hasMatch())
        return Error::invalid(Tr::tr("A colour is written #rrggbb, not \"%1\".").arg(color));
    return {};
}

Result<void> optionalRate(const std::optional<qint64> &rate)
{
    if (rate && (*rate < 0 || *rate > money::kMaxHourlyRateCents))
        return Error::invalid(Tr::tr("The hourly rate must be between 0 and %1.")
                                  .arg(money::kMaxHourlyRateCents / 100));
    return {};
}

} // namespace

Result<void> client(const Client &client)
{
    if (!isValidId(client.id))
        return Error::invalid(Tr::tr("The client has no valid ID."));
    if (auto r = userName(client.name); !r)
        return r;
    if (auto r = color(client.color); !r)
        return r;
    return optionalRate(client.hourlyRateCents);
}

Result<void> project(const Project &project)
{
    if (!isValidId(project.id))
        return Error::invalid(Tr::tr("The project has no valid ID."));
    if (!project.clientId.isEmpty() && !isValidId(project.clientId))
        return Error::invalid(Tr::tr("The project's client has no valid ID."));
    if (auto r = userName(project.name); !r)
        return r;
    if (auto r = color(project.color); !r)
        return r;
    if (auto r = optionalRate(project.hourlyRateCents); !r)
        return r;
    if (project.budgetMs && project.budgetCents)
        return Error::invalid(Tr::tr("A budget is in hours or in money, not both."));
    // At most 100,000 hours, or the money of as many hours at the highest rate.
    constexpr Ms kMaxBudgetMs = Ms(100'000) * 3'600'000;
    if ((project.budgetMs && (*project.budgetMs <= 0 || *project.budgetMs > kMaxBudgetMs)) ||
        (project.budgetCents && (*project.budgetCents <= 0 ||
                                 *project.budgetCents > money::kMaxHourlyRateCents * 100'000)))
        return Error::invalid(Tr::tr("The budget is out of range."));
    return {};
}

Result<void> tags(const QStringList &tags)
{
    if (tags.size() > kMaxTags)
        return Error::invalid(Tr::tr("An entry has at most %1 tags.").arg(kMaxTags));
    for (const QString &tag : tags) {
        const QString word = tag.trimmed();
        if (word.isEmpty() || word.size() > kMaxTagLength)
            return Error::invalid(
                Tr::tr("A tag is a word of 1 to %1 characters.").arg(kMaxTagLength));
        for (const QChar c : word) {
            if (c.isSpace() || c == QLatin1Char(',') || c.category() == QChar::Other_Control)
                return Error::invalid(
                    Tr::tr("A tag is one word, without spaces or commas: \"%1\".").arg(word));
        }
    }
    return {};
}

QStringList normalizedTags(const QStringList &tags)
{
    QStringList result;
    for (const QString &tag : tags) {
        const QString word = tag.trimmed();
        if (word.isEmpty())
            continue;
        const bool seen = std::any_of(result.cbegin(), result.cend(), [&](const QString &other) {
            return other.compare(word, Qt::CaseInsensitive) == 0;
        });
        if (!seen)
            result.append(word);
    }
    return result;
}

Result<void> entryTimes(Ms startedAt, std::optional<Ms> endedAt)
{
    if (startedAt < kMinTime || startedAt > kMaxTime)
        return Error::invalid(Tr::tr("The start time is out of range."));
    if (endedAt) {
        if (*endedAt > kMaxTime)
            return Error::invalid(Tr::tr("The end time is out of range."));
        if (*endedAt < startedAt)
            return Error::invalid(Tr::tr("An entry cannot end before it starts."));
    }
    return {};
}

} // namespace validate
} // namespace st
