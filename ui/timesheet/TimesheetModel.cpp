#include "TimesheetModel.h"

#include "DurationInput.h"
#include "Theme.h"

#include <QFont>
#include <QLocale>

namespace st {

void TimesheetModel::setWeek(const TimesheetWeek &week)
{
    beginResetModel();
    if (week.monday != m_week.monday)
        m_added.clear();
    m_week = week;
    for (const TimesheetRow &added : std::as_const(m_added)) {
        if (rowOf(added.projectId, added.taskTypeId) < 0)
            m_week.rows << added;
    }
    endResetModel();
}

int TimesheetModel::addRow(const TimesheetRow &row)
{
    if (const int existing = rowOf(row.projectId, row.taskTypeId); existing >= 0)
        return existing;
    TimesheetRow empty = row;
    empty.days = {};
    m_added << empty;
    const int at = int(m_week.rows.size());
    beginInsertRows({}, at, at);
    m_week.rows << empty;
    endInsertRows();
    return at;
}

int TimesheetModel::rowOf(const QString &projectId, const QString &taskTypeId) const
{
    for (int i = 0; i < int(m_week.rows.size()); ++i) {
        if (m_week.rows.at(i).projectId == projectId && m_week.rows.at(i).taskTypeId == taskTypeId)
            return i;
    }
    return -1;
}

const TimesheetRow *TimesheetModel::rowAt(int row) const
{
    return row >= 0 && row < int(m_week.rows.size()) ? &m_week.rows.at(row) : nullptr;
}

int TimesheetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_week.rows.size()) + 1;
}

int TimesheetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Ms TimesheetModel::dayTotal(int day) const
{
    Ms sum = 0;
    for (const TimesheetRow &r : m_week.rows)
        sum += r.days[size_t(day)];
    return sum;
}

QVariant TimesheetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const TimesheetRow *r = rowAt(index.row());
    const int column = index.column();
    const bool isDay = column >= FirstDay && column < Total;
    const auto time = [&]() -> Ms {
        Ms sum = 0;
        for (int d = 0; d < 7; ++d) {
            if (column == Total || column == dayColumn(d))
                sum += r ? r->days[size_t(d)] : dayTotal(d);
        }
        return sum;
    };
    switch (role) {
    case Qt::DisplayRole:
        if (column == Project)
            return r ? (r->projectId.isEmpty() ? tr("No project") : r->project) : tr("Total");
        if (column == Task)
            return r ? r->taskType : QVariant();
        if (const Ms ms = time(); ms > 0 || column == Total || !r)
            return durationInput::format(ms);
        return QString();
    case Qt::EditRole:
        return QString(); // what is typed is added to the day, not written over it
    case Qt::TextAlignmentRole:
        if (column >= FirstDay)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (!r || column == Total) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DecorationRole:
        if (r && column == Project && !r->color.isEmpty())
            return theme::swatch(QColor(r->color));
        return {};
    case Qt::ToolTipRole:
        if (r && isDay)
            return tr("Type a duration to add to this day, such as 1:30, 90m or 1.5h.");
        return {};
    default:
        return {};
    }
}

QVariant TimesheetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == Project)
        return tr("Project");
    if (section == Task)
        return tr("Task");
    if (section == Total)
        return tr("Total");
    if (section >= FirstDay && section < Total) {
        const QDate day = m_week.monday.addDays(section - FirstDay);
        const QLocale locale;
        // "Mon 24" / "lun. 24": the locale's day names, Monday first.
        return QStringLiteral("%1 %2").arg(locale.dayName(day.dayOfWeek(), QLocale::ShortFormat),
                                           QString::number(day.day()));
    }
    return {};
}

Qt::ItemFlags TimesheetModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (rowAt(index.row()) && index.column() >= FirstDay && index.column() < Total)
        f |= Qt::ItemIsEditable;
    return f;
}

bool TimesheetModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const QString text = value.toString().trimmed();
    if (!text.isEmpty())
        Q_EMIT durationTyped(index.row(), index.column() - FirstDay, text);
    return false; // the cell shows the new time once the entry is written and the week read
}

} // namespace st
