#include "ReportService.h"

#include "Csv.h"
#include "domain/Format.h"
#include "domain/Money.h"
#include "store/EntryTimes.h"
#include "store/ProjectRepository.h"
#include "store/Repositories.h"
#include "timer/TimerService.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>

#include <algorithm>

namespace st {

namespace {

QDate localDate(Ms ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).date();
}

Ms startOf(const QDate &day)
{
    return day.startOfDay().toMSecsSinceEpoch();
}

QDate bucketStart(const QDate &day, ReportGrouping by)
{
    switch (by) {
    case ReportGrouping::Week:
        return day.addDays(1 - day.dayOfWeek());
    case ReportGrouping::Month:
        return QDate(day.year(), day.month(), 1);
    default:
        return day;
    }
}

QDate nextBucket(const QDate &start, ReportGrouping by)
{
    switch (by) {
    case ReportGrouping::Week:
        return start.addDays(7);
    case ReportGrouping::Month:
        return start.addMonths(1);
    default:
        return start.addDays(1);
    }
}

QString bucketKey(const QDate &start, ReportGrouping by)
{
    switch (by) {
    case ReportGrouping::Week: {
        int year = 0;
        const int week = start.weekNumber(&year);
        return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
    }
    case ReportGrouping::Month:
        return start.toString(QStringLiteral("yyyy-MM"));
    default:
        return start.toString(Qt::ISODate);
    }
}

void add(ReportGroup &group, Ms billableMs, qint64 costCents, int entries, bool billed)
{
    group.billableMs += billableMs;
    if (!billed)
        group.nonBillableMs += billableMs;
    group.costCents += costCents;
    group.entries += entries;
}

// The groups of a grouping by ID, named from the catalogue (id, name), "" last as noneName.
template <class Item>
void nameGroups(QHash<QString, ReportGroup> &byKey, const QList<Item> &items,
                const QString &noneName, QList<ReportGroup> &groups)
{
    for (const Item &item : items) {
        if (!byKey.contains(item.id))
            continue;
        ReportGroup g = byKey.take(item.id);
        g.name = item.name;
        groups << g;
    }
    if (byKey.contains(QString())) {
        ReportGroup g = byKey.take(QString());
        g.name = noneName;
        groups << g;
    }
}

QJsonObject groupJson(const ReportGroup &g, bool withSpan)
{
    QJsonObject o{{QStringLiteral("key"), g.key},
                  {QStringLiteral("name"), g.name},
                  {QStringLiteral("durationSeconds"), double(g.billableMs / 1000)},
                  {QStringLiteral("durationMs"), double(g.billableMs)},
                  {QStringLiteral("billableDurationMs"), double(g.billableMs - g.nonBillableMs)},
                  {QStringLiteral("nonBillableDurationMs"), double(g.nonBillableMs)},
                  {QStringLiteral("costCents"), double(g.costCents)},
                  {QStringLiteral("entries"), g.entries}};
    if (!g.color.isEmpty())
        o.insert(QStringLiteral("color"), g.color);
    if (withSpan) {
        o.insert(QStringLiteral("from"), format::isoWithOffset(g.from));
        o.insert(QStringLiteral("to"), format::isoWithOffset(g.to));
    }
    return o;
}

} // namespace

QString reportGroupingName(ReportGrouping grouping)
{
    switch (grouping) {
    case ReportGrouping::TaskType:
        return QStringLiteral("task");
    case ReportGrouping::User:
        return QStringLiteral("user");
    case ReportGrouping::Room:
        return QStringLiteral("room");
    case ReportGrouping::Day:
        return QStringLiteral("day");
    case ReportGrouping::Week:
        return QStringLiteral("week");
    case ReportGrouping::Month:
        return QStringLiteral("month");
    case ReportGrouping::Client:
        return QStringLiteral("client");
    case ReportGrouping::Project:
        return QStringLiteral("project");
    case ReportGrouping::Tag:
        return QStringLiteral("tag");
    }
    return {};
}

std::optional<ReportGrouping> reportGroupingFromName(const QString &name)
{
    for (ReportGrouping g :
         {ReportGrouping::TaskType, ReportGrouping::User, ReportGrouping::Room, ReportGrouping::Day,
          ReportGrouping::Week, ReportGrouping::Month, ReportGrouping::Client,
          ReportGrouping::Project, ReportGrouping::Tag}) {
        if (name.compare(reportGroupingName(g), Qt::CaseInsensitive) == 0)
            return g;
    }
    return std::nullopt;
}

EntryBill billEntry(const TimeEntry &e, Ms from, Ms to, Ms now, const Rounding &rounding)
{
    EntryBill bill;
    bill.workedMs = e.billableMsWithin(from, to, now);
    bill.billedMs = rounding.apply(bill.workedMs);
    bill.costCents = money::costCents(bill.billedMs, e.hourlyRateCents);
    return bill;
}

bool isTimeGrouping(ReportGrouping grouping)
{
    return grouping == ReportGrouping::Day || grouping == ReportGrouping::Week ||
           grouping == ReportGrouping::Month;
}

ReportService::ReportService(const TimerService &service)
    : m_service(service)
{}

Result<void> ReportService::forEachEntry(const EntryFilter &filter,
                                         const std::function<bool(const TimeEntry &)> &visit) const
{
    EntryFilter f = filter;
    f.orgId = m_service.orgId();
    f.deleted = false;
    return EntryRepository(m_service.database()).forEach(f, m_service.clock().nowMs(), visit);
}

Result<QList<TimeEntry>> ReportService::readEntries(const EntryFilter &filter) const
{
    QList<TimeEntry> all;
    auto read = forEachEntry(filter, [&all](const TimeEntry &e) {
        all.append(e);
        return true;
    });
    if (!read)
        return read.error();
    return all;
}

QList<TimeEntry> ReportService::entries(const EntryFilter &filter) const
{
    auto all = readEntries(filter);
    return all ? std::move(all).value() : QList<TimeEntry>();
}

Result<Report> ReportService::build(const EntryFilter &filter, ReportGrouping by,
                                    Rounding rounding) const
{
    if (!filter.from || !filter.to)
        return Error::invalid(tr("A report needs a period with a start and an end."));
    if (*filter.to <= *filter.from)
        return Error::invalid(tr("The report's period ends before it starts."));

    const CatalogRepository catalog(m_service.database());
    const auto org = catalog.organization(m_service.orgId());
    if (!org)
        return org.error();
    const auto taskTypes = catalog.taskTypes(m_service.orgId(), true);
    if (!taskTypes)
        return taskTypes.error();
    const ProjectRepository projectRepository(m_service.database());
    const auto projects = projectRepository.projects(m_service.orgId(), true);
    if (!projects)
        return projects.error();
    QHash<QString, QString> clientOfProject;
    for (const Project &p : projects.value())
        clientOfProject.insert(p.id, p.clientId);

    Report report;
    report.from = *filter.from;
    report.to = *filter.to;
    report.by = by;
    report.currency = org.value().value_or(Organization{}).currency;
    report.now = m_service.clock().nowMs();
    report.rounding = rounding;
    report.total.key = QStringLiteral("total");
    report.total.name = tr("Total");
    report.total.from = report.from;
    report.total.to = report.to;

    // The time groups cover the whole period, empty ones included, so a chart shows the gaps.
    QList<ReportGroup> buckets;
    if (isTimeGrouping(by)) {
        const QDate last = localDate(report.to - 1);
        for (QDate start = bucketStart(localDate(report.from), by); start <= last;
             start = nextBucket(start, by)) {
            if (buckets.size() >= kMaxGroups)
                return Error::invalid(
                    tr("The period is too long for this grouping: at most %1 groups.")
                        .arg(kMaxGroups));
            ReportGroup g;
            g.key = g.name = bucketKey(start, by);
            g.from = std::max(report.from, startOf(start));
            g.to = std::min(report.to, startOf(nextBucket(start, by)));
            buckets << g;
        }
    }

    // One pass over the period's entries, reading only their task type, times and the column
    // grouped by; each entry's cost is rounded on its own, as on an invoice.
    QHash<QString, ReportGroup> byKey;
    const Ms now = report.now;
    EntryFilter f = filter;
    f.orgId = m_service.orgId();
    f.deleted = false;
    const EntryTimesColumns columns{by == ReportGrouping::User, by == ReportGrouping::Room,
                                    by == ReportGrouping::Project || by == ReportGrouping::Client,
                                    by == ReportGrouping::Tag};
    ReportGroup *keyGroup = nullptr; // byKey's group of the last key (byKey grows only after)
    auto counted =
        forEachEntryTimes(m_service.database(), f, now, columns, [&](const TimeEntry &e) {
            const qint64 rate = e.hourlyRateCents; // the entry's own rate, fixed when recorded
            const EntryBill bill = billEntry(e, report.from, report.to, now, rounding);
            const Ms worked = bill.workedMs;
            const Ms billable = bill.billedMs; // rounded per entry, when asked
            const qint64 cost = bill.costCents;
            add(report.total, billable, cost, 1, e.billable);

            if (by == ReportGrouping::Tag) {
                // An entry counts in full under each of its tags: the groups add up to more than
                // the total when entries have several. Filtered by tags, the groups are those
                // tags alone (each filtered entry has one of them; its other tags are not asked).
                if (e.tags.isEmpty())
                    add(byKey[QString()], billable, cost, 1, e.billable);
                for (const QString &tag : e.tags) {
                    if (!filter.tags.isEmpty() && !filter.tags.contains(tag, Qt::CaseInsensitive))
                        continue;
                    ReportGroup &g = byKey[tag.toLower()];
                    if (g.name.isEmpty())
                        g.name = tag;
                    add(g, billable, cost, 1, e.billable);
                }
                return;
            }
            if (!isTimeGrouping(by)) {
                const QString &key = by == ReportGrouping::TaskType ? e.taskTypeId
                                     : by == ReportGrouping::User   ? e.userId
                                     : by == ReportGrouping::Room   ? e.roomId
                                     : by == ReportGrouping::Project
                                         ? e.projectId
                                         : clientOfProject.value(e.projectId);
                if (!keyGroup || keyGroup->key != key) {
                    keyGroup = &byKey[key];
                    keyGroup->key = key;
                }
                add(*keyGroup, billable, cost, 1, e.billable);
                return;
            }

            // Split the clipped entry at the groups' edges (local midnight): each piece gets the
            // growth of the cumulative billable time and cost, so the pieces add up to the entry.
            // A rounded entry's pieces share its rounded time in proportion.
            const Ms start = std::max(e.startedAt, report.from);
            const Ms end = std::min(e.effectiveEnd(now), report.to);
            auto it = std::upper_bound(buckets.begin(), buckets.end(), start,
                                       [](Ms t, const ReportGroup &g) { return t < g.from; });
            if (it != buckets.begin())
                --it;
            if (end <= start) {
                add(*it, 0, 0, 1, e.billable);
                return;
            }
            Ms doneMs = 0;
            qint64 doneCents = 0;
            for (; it != buckets.end() && it->from < end; ++it) {
                const Ms workedUpTo = e.billableMsWithin(report.from, std::min(end, it->to), now);
                const Ms upTo = worked > 0 ? Ms(__int128(workedUpTo) * billable / worked) : Ms(0);
                const qint64 upToCents = money::costCents(upTo, rate);
                add(*it, upTo - doneMs, upToCents - doneCents, 1, e.billable);
                doneMs = upTo;
                doneCents = upToCents;
            }
        });
    if (!counted)
        return counted.error();

    if (isTimeGrouping(by)) {
        report.groups = buckets;
        return report;
    }

    // Categories in the order people know them: task types as arranged, names alphabetically.
    if (by == ReportGrouping::TaskType) {
        for (const TaskType &t : taskTypes.value()) {
            if (!byKey.contains(t.id))
                continue;
            ReportGroup g = byKey.take(t.id);
            g.name = t.name;
            g.color = t.color;
            report.groups << g;
        }
    } else if (by == ReportGrouping::User) {
        const auto users = catalog.users(m_service.orgId());
        if (!users)
            return users.error();
        nameGroups(byKey, users.value(), QString(), report.groups);
    } else if (by == ReportGrouping::Room) {
        const auto rooms = catalog.rooms(m_service.orgId(), true);
        if (!rooms)
            return rooms.error();
        nameGroups(byKey, rooms.value(), tr("No room"), report.groups);
    } else if (by == ReportGrouping::Project) {
        nameGroups(byKey, projects.value(), tr("No project"), report.groups);
    } else if (by == ReportGrouping::Client) {
        const auto clients = projectRepository.clients(m_service.orgId(), true);
        if (!clients)
            return clients.error();
        nameGroups(byKey, clients.value(), tr("No client"), report.groups);
    } else {
        for (auto it = byKey.begin(); it != byKey.end(); ++it) {
            it->key = it.key();
            report.groups << *it;
            if (it.key().isEmpty())
                report.groups.last().name = tr("No tag");
        }
        byKey.clear();
    }
    if (by != ReportGrouping::TaskType) {
        std::stable_sort(report.groups.begin(), report.groups.end(),
                         [](const ReportGroup &a, const ReportGroup &b) {
                             if (a.key.isEmpty() != b.key.isEmpty())
                                 return b.key.isEmpty(); // "No room", "No project"... last
                             return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
                         });
    }
    // Anything left refers to a row this organisation no longer has (kept, never dropped).
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        ReportGroup g = it.value();
        g.name = it.key();
        report.groups << g;
    }
    return report;
}

QJsonObject ReportService::toJson(const Report &report) const
{
    const bool spans = isTimeGrouping(report.by);
    QJsonArray groups;
    for (const ReportGroup &g : report.groups)
        groups.append(groupJson(g, spans));
    QJsonObject total = groupJson(report.total, false);
    total.remove(QStringLiteral("key"));
    total.remove(QStringLiteral("name"));
    return QJsonObject{{QStringLiteral("from"), format::isoWithOffset(report.from)},
                       {QStringLiteral("to"), format::isoWithOffset(report.to)},
                       {QStringLiteral("by"), reportGroupingName(report.by)},
                       {QStringLiteral("currency"), report.currency},
                       {QStringLiteral("generatedAt"), format::isoWithOffset(report.now)},
                       {QStringLiteral("rounding"), report.rounding.name()},
                       {QStringLiteral("groups"), groups},
                       {QStringLiteral("total"), total}};
}

QString ReportService::toCsv(const Report &report) const
{
    QString text =
        csv::row({QStringLiteral("key"), QStringLiteral("name"), QStringLiteral("durationSeconds"),
                  QStringLiteral("duration"), QStringLiteral("cost"), QStringLiteral("currency"),
                  QStringLiteral("entries")});
    auto line = [&](const ReportGroup &g) {
        text += csv::row({g.key, g.name, QString::number(g.billableMs / 1000),
                          format::duration(g.billableMs),
                          money::formatPlain(g.costCents, report.currency), report.currency,
                          QString::number(g.entries)});
    };
    for (const ReportGroup &g : report.groups)
        line(g);
    line(report.total);
    return text;
}

} // namespace st
