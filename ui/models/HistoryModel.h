#pragma once

#include "models/EntryFormat.h"

#include <QAbstractTableModel>
#include <QTimer>

namespace st {

// Every entry matching a filter, loaded a page at a time (canFetchMore/fetchMore) on the
// backend's reader thread, with the filtered set's totals. Sorting re-queries the store: one
// order for any number of entries. Running rows and the totals tick together every second, on
// one instant (now()): a running row and the footer never disagree.
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;

    explicit HistoryModel(Backend &service, QObject *parent = nullptr);

    static const QList<EntryColumn> &columns();

    void setFilter(const EntryFilter &filter);
    const EntryFilter &filter() const { return m_filter; }
    // Reloads the filter from the store (rows, count, totals).
    void reload();

    // Of the whole filtered set, not only the loaded rows.
    int totalCount() const { return m_count; }
    // As of now(): the store's totals plus what the running entries in the set have grown since.
    Totals totals() const;
    // The instant the rows and totals show (moved on by tick()).
    Ms now() const { return m_now; }
    // Moves now() to the clock's time; running rows and totals change (every second by itself).
    void tick();
    bool isLoading() const { return m_fetching; }
    TimeEntry entryAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Every row still to load, in one request (Ctrl+End: the real last row).
    void fetchAll();
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    // The first page and the totals of a new filter have arrived.
    void loaded();
    // now() moved while entries in the set run: the totals changed.
    void ticked();

private:
    struct Page
    {
        QList<TimeEntry> rows;
        int count = -1; // -1: not counted (a following page)
        Totals totals;
        Ms at = 0;                // the instant the totals were taken at
        QList<TimeEntry> running; // the set's running entries, as the totals counted them
    };
    void request(int offset, bool withTotals, int limit = kPageSize);
    void onEntryChanged(const TimeEntry &entry);
    // Whether a running entry belongs to the filter's set at now (as the store's filter reads).
    static bool inSet(const TimeEntry &entry, const EntryFilter &filter, Ms now);

    Backend &m_service;
    EntryFilter m_filter;
    EntrySort m_sort;
    QList<TimeEntry> m_rows;
    int m_count = 0;
    Totals m_totals; // as of m_totalsAt
    Ms m_totalsAt = 0;
    QList<TimeEntry> m_runningInTotals;
    Ms m_now = 0;
    QTimer m_tickTimer;
    quint64 m_generation = 0;
    bool m_fetching = false;
    QTimer m_reloadTimer;
};

} // namespace st
