#pragma once

#include "models/EntryFormat.h"

#include <QAbstractTableModel>

namespace st {

// The desk user's entries of today, newest first, from the Now snapshot. The running entry's
// duration and cost follow tick().
class TodayModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kNoteColumn = 5;

    explicit TodayModel(QObject *parent = nullptr);

    void setSnapshot(const NowSnapshot &snapshot);
    void tick(Ms now);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    TimeEntry entryAt(int row) const { return m_rows.at(row); }

private:
    static const QList<EntryColumn> &columns();

    NowSnapshot m_snapshot;
    QList<TimeEntry> m_rows;
    Ms m_now = 0;
};

} // namespace st
