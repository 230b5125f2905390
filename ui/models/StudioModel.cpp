#include "StudioModel.h"

#include "Theme.h"
#include "backend/Backend.h"
#include "domain/Format.h"

#include <QApplication>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QPalette>
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
                       {},
                       e.userId == snapshot.user.id});
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

void StudioModel::setHubReachable(bool reachable, Ms now)
{
    if (reachable == !m_stale)
        return;
    m_stale = !reachable;
    if (m_stale)
        m_lastSeen = now;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int StudioModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StudioModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString StudioModel::lastSeen() const
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_lastSeen).time(),
                              QStringLiteral("HH:mm"));
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
            if (m_stale && !t.here)
                return tr("last seen %1").arg(lastSeen());
            return format::duration(t.entry.billableMs(m_now));
        case DeviceColumn:
            if (!t.deviceName.isEmpty())
                return t.deviceName;
            return t.here ? tr("this machine") : tr("another machine");
        }
    } else if (role == Qt::ToolTipRole && index.column() == ElapsedColumn && m_stale && !t.here) {
        return tr("The hub cannot be reached: this timer as it was at %1.").arg(lastSeen());
    } else if (role == Qt::ToolTipRole && index.column() != ElapsedColumn) {
        return data(index, Qt::DisplayRole); // whole, where the panel elides it
    } else if (role == Qt::ForegroundRole && m_stale && !t.here) {
        return QApplication::palette().color(QPalette::PlaceholderText);
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
