#include "ReportTableModel.h"

#include "domain/Format.h"
#include "domain/Money.h"

#include <QFont>
#include <QLocale>

namespace st {

ReportTableModel::ReportTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ReportTableModel::setReport(const Report &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

int ReportTableModel::rowCount(const QModelIndex &parent) const
{
    // The total row is there once a report is: an empty period still shows its zero total.
    if (parent.isValid() || m_report.to <= m_report.from)
        return 0;
    return int(m_report.groups.size()) + 1;
}

int ReportTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const ReportGroup &ReportTableModel::group(int row) const
{
    return row < m_report.groups.size() ? m_report.groups.at(row) : m_report.total;
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const ReportGroup &g = group(index.row());
    const bool isTotal = index.row() == m_report.groups.size();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return isTotal ? tr("Total") : g.name;
        case Duration:
            return format::duration(g.billableMs);
        case NotBillable:
            return format::duration(g.nonBillableMs);
        case Cost:
            return money::format(g.costCents, m_report.currency, QLocale());
        case Entries:
            return g.entries;
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return index.column() == Name ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (isTotal) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case BillableMsRole:
        return g.billableMs;
    case NonBillableMsRole:
        return g.nonBillableMs;
    case CostCentsRole:
        return g.costCents;
    case KeyRole:
        return isTotal ? QString() : g.key;
    default:
        return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        switch (m_report.by) {
        case ReportGrouping::TaskType:
            return tr("Task type");
        case ReportGrouping::User:
            return tr("Person");
        case ReportGrouping::Room:
            return tr("Room");
        case ReportGrouping::Day:
            return tr("Day");
        case ReportGrouping::Week:
            return tr("Week");
        case ReportGrouping::Month:
            return tr("Month");
        case ReportGrouping::Client:
            return tr("Client");
        case ReportGrouping::Project:
            return tr("Project");
        case ReportGrouping::Tag:
            return tr("Tag");
        }
        return {};
    case Duration:
        return tr("Duration");
    case NotBillable:
        return tr("Not billable");
    case Cost:
        return tr("Cost");
    case Entries:
        return tr("Entries");
    default:
        return {};
    }
}

} // namespace st
