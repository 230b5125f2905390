#pragma once

#include "models/EntryFormat.h"

#include <QAbstractTableModel>
#include <QTimer>

namespace st {

// Every entry matching a filter, loaded a page at a time (canFetchMore/fetchMore) on the
// backend's reader thread, with the filtered set's totals. Sorting re-queries the store: one
// order for any number of entries.
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
    const Totals &totals() const { return m_totals; }
    bool isLoading() const { return m_fetching; }
    TimeEntry entryAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    // The first page and the totals of a new filter have arrived.
    void loaded();

private:
    struct Page
    {
        QList<TimeEntry> rows;
        int count = -1; // -1: not counted (a following page)
        Totals totals;
    };
    void request(int offset, bool withTotals);
    void onEntryChanged(const TimeEntry &entry);

    Backend &m_service;
    EntryFilter m_filter;
    EntrySort m_sort;
    QList<TimeEntry> m_rows;
    int m_count = 0;
    Totals m_totals;
    quint64 m_generation = 0;
    bool m_fetching = false;
    QTimer m_reloadTimer;
};

} // namespace st
