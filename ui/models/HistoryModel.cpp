#include "HistoryModel.h"

#include <algorithm>
#include <limits>

namespace st {

HistoryModel::HistoryModel(Backend &service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    m_now = m_service.clock().nowMs();
    m_tickTimer.setInterval(1000);
    connect(&m_tickTimer, &QTimer::timeout, this, &HistoryModel::tick);
    m_tickTimer.start();
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(250);
    connect(&m_reloadTimer, &QTimer::timeout, this, &HistoryModel::reload);
    connect(&m_service, &Backend::entryChanged, this, &HistoryModel::onEntryChanged);
    connect(&m_service, &Backend::entriesChanged, &m_reloadTimer, qOverload<>(&QTimer::start));
    connect(&m_service, &Backend::catalogChanged, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, columnCount() - 1));
    });
    connect(&m_service, &Backend::snapshotChanged, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, columnCount() - 1));
    });
}

const QList<EntryColumn> &HistoryModel::columns()
{
    static const QList<EntryColumn> list{
        EntryColumn::Date, EntryColumn::Start,   EntryColumn::End,     EntryColumn::Duration,
        EntryColumn::Task, EntryColumn::Project, EntryColumn::User,    EntryColumn::Room,
        EntryColumn::Note, EntryColumn::Cost,    EntryColumn::Adjusted};
    return list;
}

void HistoryModel::setFilter(const EntryFilter &filter)
{
    m_filter = filter;
    reload();
}

void HistoryModel::reload()
{
    m_reloadTimer.stop();
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_count = 0;
    endResetModel();
    request(0, true);
}

void HistoryModel::request(int offset, bool withTotals, int limit)
{
    m_fetching = true;
    const quint64 generation = m_generation;
    const EntryFilter filter = m_filter;
    const EntrySort sort = m_sort;
    // The job runs with this instant as "now": the totals, the running entries and the rows are
    // all taken at it.
    const Ms at = m_service.clock().nowMs();
    m_service.read<Page>(
        [filter, sort, offset, withTotals, at, limit](TimerService &s) {
            Page page;
            page.rows = s.list(filter, sort, limit, offset);
            if (withTotals) {
                page.count = s.count(filter);
                page.totals = s.totals(filter);
                page.at = at;
                const QList<TimeEntry> running = s.runningEntries();
                for (const TimeEntry &e : running) {
                    if (inSet(e, filter, at))
                        page.running.append(e);
                }
            }
            return page;
        },
        this,
        [this, generation, limit](const Page &page) {
            if (generation != m_generation)
                return; // an answer to a filter that is no longer shown
            if (page.count >= 0) {
                m_count = page.count;
                m_totals = page.totals;
                m_totalsAt = page.at;
                m_runningInTotals = page.running;
                m_now = std::max(m_now, page.at);
            }
            if (page.rows.size() < limit) // the end: rows deleted meanwhile shrink the set
                m_count = int(m_rows.size() + page.rows.size());
            if (!page.rows.isEmpty()) {
                const int first = int(m_rows.size());
                beginInsertRows({}, first, first + int(page.rows.size()) - 1);
                m_rows += page.rows;
                endInsertRows();
            }
            // Only now: a view may ask for more while the rows go in, and must wait for them.
            m_fetching = false;
            if (page.count >= 0)
                Q_EMIT loaded();
        },
        at);
}

void HistoryModel::onEntryChanged(const TimeEntry &entry)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id != entry.id)
            continue;
        if (entry.deleted != m_filter.deleted) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        } else {
            m_rows[row] = entry;
            Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
        }
        break;
    }
    // The count, the totals and rows the change moves in or out: fetched again shortly, once
    // for a burst of changes.
    m_reloadTimer.start();
}

Totals HistoryModel::totals() const
{
    Totals t = m_totals;
    const NowSnapshot &snap = m_service.snapshot();
    for (const TimeEntry &e : m_runningInTotals) {
        const Ms grown = e.billableMs(m_now) - e.billableMs(m_totalsAt);
        const qint64 cost = snap.costCents(e, m_now) - snap.costCents(e, m_totalsAt);
        if (grown == 0 && cost == 0)
            continue;
        t.billableMs += grown;
        t.costCents += cost;
        for (TaskTotal &tt : t.perTaskType) {
            if (tt.taskTypeId == e.taskTypeId) {
                tt.billableMs += grown;
                tt.costCents += cost;
            }
        }
    }
    return t;
}

void HistoryModel::tick()
{
    m_now = std::max(m_now, m_service.clock().nowMs());
    const int duration = int(columns().indexOf(EntryColumn::Duration));
    const int cost = int(columns().indexOf(EntryColumn::Cost));
    for (int row = 0; row < m_rows.size(); ++row) {
        const TimeEntry &e = m_rows.at(row);
        if (e.isRunning() && !e.isPaused()) {
            Q_EMIT dataChanged(index(row, duration), index(row, duration));
            Q_EMIT dataChanged(index(row, cost), index(row, cost));
        }
    }
    for (const TimeEntry &e : m_runningInTotals) {
        if (!e.isPaused()) {
            Q_EMIT ticked();
            break;
        }
    }
}

bool HistoryModel::inSet(const TimeEntry &e, const EntryFilter &f, Ms now)
{
    if (e.deleted != f.deleted || !e.isRunning())
        return false;
    if ((f.from || f.to) &&
        !(e.startedAt < f.to.value_or(std::numeric_limits<Ms>::max()) && now > f.from.value_or(0)))
        return false;
    if ((!f.taskTypeIds.isEmpty() && !f.taskTypeIds.contains(e.taskTypeId)) ||
        (!f.userIds.isEmpty() && !f.userIds.contains(e.userId)) ||
        (!f.roomIds.isEmpty() && !f.roomIds.contains(e.roomId)) ||
        (!f.projectIds.isEmpty() && !f.projectIds.contains(e.projectId)) ||
        (f.billableOnly && !e.billable))
        return false;
    if (!f.tags.isEmpty() && std::none_of(e.tags.cbegin(), e.tags.cend(), [&](const QString &t) {
            return f.tags.contains(t, Qt::CaseInsensitive);
        }))
        return false;
    const QString text = f.text.trimmed();
    return text.isEmpty() || e.note.contains(text, Qt::CaseInsensitive);
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(columns().size());
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return entryFormat::data(m_rows.at(index.row()), columns().at(index.column()), role,
                             m_service.snapshot(), m_now);
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= columns().size())
        return QAbstractTableModel::headerData(section, orientation, role);
    return entryFormat::title(columns().at(section));
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_fetching && m_rows.size() < m_count;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        request(int(m_rows.size()), false);
}

void HistoryModel::fetchAll()
{
    if (canFetchMore({}))
        request(int(m_rows.size()), false, m_count - int(m_rows.size()));
}

void HistoryModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columns().size())
        return;
    const auto key = entryFormat::sortKey(columns().at(column));
    if (!key)
        return;
    const EntrySort sort{*key, order == Qt::DescendingOrder};
    if (sort.key == m_sort.key && sort.descending == m_sort.descending)
        return;
    m_sort = sort;
    reload();
}

} // namespace st
