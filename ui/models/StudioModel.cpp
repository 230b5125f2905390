#include "StudioModel.h"

#include "Theme.h"
#include "backend/Backend.h"
#include "domain/Format.h"

#include <QHash>
#include <QSet>

namespace st {

StudioModel::StudioModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QList<RunningTimer> StudioModel::fromSnapshot(const NowSnapshot &snapshot)
{
    QList<RunningTimer> timers;
    for (const TimeEntry &e : snapshot.studio) {
        const auto type = snapshot.taskType(e.taskTypeId);
        timers.append({e,
                       snapshot.userName(e.userId),
                       type ? type->name : QString(),
                       type ? QColor(type->color) : QColor(),
                       snapshot.roomName(e.roomId),
                       {}});
    }
    return timers;
}

void StudioModel::setLocalTimers(const QList<RunningTimer> &timers)
{
    m_local = timers;
    rebuild();
}

void StudioModel::setRemoteTimers(const QList<RunningTimer> &timers)
{
    m_remote = timers;
    rebuild();
}

void StudioModel::rebuild()
{
    beginResetModel();
    m_rows = m_local;
    QSet<QString> known;
    for (const RunningTimer &t : m_local)
        known.insert(t.entry.id);
    QHash<QString, QString> deviceOf; // another machine's timer kept in the local cache too
    for (const RunningTimer &t : m_remote) {
        if (!known.contains(t.entry.id))
            m_rows.append(t);
        else
            deviceOf.insert(t.entry.id, t.deviceName);
    }
    for (RunningTimer &t : m_rows) {
        if (t.deviceName.isEmpty())
            t.deviceName = deviceOf.value(t.entry.id);
    }
    std::sort(m_rows.begin(), m_rows.end(), [](const RunningTimer &a, const RunningTimer &b) {
        return a.entry.startedAt < b.entry.startedAt;
    });
    endResetModel();
}

void StudioModel::tick(Ms now)
{
    m_now = now;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ElapsedColumn), index(int(m_rows.size()) - 1, ElapsedColumn));
}

int StudioModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StudioModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StudioModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunningTimer &t = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case UserColumn:
            return t.userName;
        case TaskColumn:
            return t.entry.isPaused() ? tr("%1 (paused)").arg(t.taskName) : t.taskName;
        case RoomColumn:
            return t.roomName;
        case ElapsedColumn:
            return format::duration(t.entry.billableMs(m_now));
        case DeviceColumn:
            return t.deviceName.isEmpty() ? tr("this machine") : t.deviceName;
        }
    } else if (role == Qt::DecorationRole && index.column() == TaskColumn && t.color.isValid()) {
        return theme::swatch(t.color);
    } else if (role == Qt::TextAlignmentRole && index.column() == ElapsedColumn) {
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    }
    return {};
}

QVariant StudioModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UserColumn:
        return tr("Who");
    case TaskColumn:
        return tr("Task");
    case RoomColumn:
        return tr("Room");
    case ElapsedColumn:
        return tr("Elapsed");
    case DeviceColumn:
        return tr("Where");
    }
    return {};
}

} // namespace st
