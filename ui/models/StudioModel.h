#pragma once

#include "domain/Types.h"

#include <QAbstractTableModel>
#include <QColor>

namespace st {

struct NowSnapshot;

// A timer running somewhere in the organisation, named for display.
struct RunningTimer
{
    TimeEntry entry;
    QString userName;
    QString taskName;
    QColor color;
    QString roomName;
    QString deviceName; // empty: not known (yet)
    bool here = false;  // started at this desk (the desk user's own timer)
};

// The Studio panel: every running timer of the organisation. Two feeds: this machine's store
// (setLocalTimers, from the Now snapshot) and other machines (setRemoteTimers, from the sync
// client). An entry known to both shows once, as the store has it. "Where" names the device when
// known; otherwise only the desk user's own timer is "this machine".
class StudioModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        UserColumn,
        TaskColumn,
        RoomColumn,
        ElapsedColumn,
        DeviceColumn,
        ColumnCount
    };

    explicit StudioModel(QObject *parent = nullptr);

    static QList<RunningTimer> fromSnapshot(const NowSnapshot &snapshot);

    void setLocalTimers(const QList<RunningTimer> &timers);
    void setRemoteTimers(const QList<RunningTimer> &timers);
    void tick(Ms now);
    // While the hub cannot be reached, other desks' timers are only as last seen: they stop
    // ticking and say so ("last seen 14:32", the instant contact was lost). Reachable again: live.
    void setHubReachable(bool reachable, Ms now);
    bool isHubReachable() const { return !m_stale; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void rebuild();
    QString lastSeen() const;

    QList<RunningTimer> m_local;
    QList<RunningTimer> m_remote;
    QList<RunningTimer> m_rows;
    Ms m_now = 0;
    bool m_stale = false;
    Ms m_lastSeen = 0;
};

} // namespace st
