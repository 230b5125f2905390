#pragma once

#include "TimesheetData.h"

#include <QAbstractTableModel>

namespace st {

// The week timesheet as a table: a row per project and task type, a column per day (Monday to
// Sunday, the locale's day names) and the row's total, then a row of the day totals. A day cell of
// a row takes a duration typed into it: durationTyped() asks for that much more time on the day
// (the model itself changes only when the week is read again).
class TimesheetModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Project,
        Task,
        FirstDay, // Monday; Sunday is FirstDay + 6
        Total = FirstDay + 7,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    // The week read; rows added with addRow() for this week are kept even without time.
    void setWeek(const TimesheetWeek &week);
    const TimesheetWeek &week() const { return m_week; }
    // A row for a project and task type with no time yet (nothing when there is one); its index.
    int addRow(const TimesheetRow &row);
    int rowOf(const QString &projectId, const QString &taskTypeId) const;
    // The row's time, or the totals row's (rowCount() - 1).
    const TimesheetRow *rowAt(int row) const;
    int totalRow() const { return int(m_week.rows.size()); }
    static int dayColumn(int day) { return FirstDay + day; } // day 0: Monday

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    // text was typed into the cell of row (rowAt) on day (0: Monday).
    void durationTyped(int row, int day, const QString &text);

private:
    Ms dayTotal(int day) const;

    TimesheetWeek m_week;
    QList<TimesheetRow> m_added; // rows added by hand this week
};

} // namespace st
