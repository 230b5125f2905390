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
    QString deviceName; // empty: this machine
};

// The Studio panel: every running timer of the organisation. Two feeds: this machine's store
// (setLocalTimers, from the Now snapshot) and other machines (setRemoteTimers, from the sync
// client). An entry known to both shows once, as the store has it.
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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    QList<RunningTimer> m_local;
    QList<RunningTimer> m_remote;
    QList<RunningTimer> m_rows;
    Ms m_now = 0;
};

} // namespace st
