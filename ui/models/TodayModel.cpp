#include "TodayModel.h"

namespace st {

TodayModel::TodayModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

const QList<EntryColumn> &TodayModel::columns()
{
    static const QList<EntryColumn> list{
        EntryColumn::Start, EntryColumn::End,  EntryColumn::Duration, EntryColumn::Task,
        EntryColumn::Room,  EntryColumn::Note, EntryColumn::Cost};
    Q_ASSERT(list.indexOf(EntryColumn::Note) == kNoteColumn);
    return list;
}

void TodayModel::setSnapshot(const NowSnapshot &snapshot)
{
    beginResetModel();
    m_snapshot = snapshot;
    m_rows = snapshot.today;
    m_now = std::max(m_now, snapshot.takenAt);
    endResetModel();
}

void TodayModel::tick(Ms now)
{
    m_now = now;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).isRunning()) {
            const int duration = int(columns().indexOf(EntryColumn::Duration));
            const int cost = int(columns().indexOf(EntryColumn::Cost));
            Q_EMIT dataChanged(index(row, duration), index(row, cost));
        }
    }
}

int TodayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TodayModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(columns().size());
}

QVariant TodayModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return entryFormat::data(m_rows.at(index.row()), columns().at(index.column()), role, m_snapshot,
                             m_now);
}

QVariant TodayModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= columns().size())
        return QAbstractTableModel::headerData(section, orientation, role);
    return entryFormat::title(columns().at(section));
}

} // namespace st
