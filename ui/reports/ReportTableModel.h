#pragma once

#include "report/ReportService.h"

#include <QAbstractTableModel>

namespace st {

// The breakdown beside the chart: one row per group, then a total row; the time (rounded when the
// report rounds), the part of it not billed, the cost and the entries.
class ReportTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Duration,
        NotBillable, // of Duration, the time of entries not billed
        Cost,
        Entries,
        ColumnCount
    };
    // Raw values for sorting and tests.
    enum Role
    {
        BillableMsRole = Qt::UserRole + 1,
        CostCentsRole,
        KeyRole,
        NonBillableMsRole,
    };

    explicit ReportTableModel(QObject *parent = nullptr);

    void setReport(const Report &report);
    const Report &report() const { return m_report; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const ReportGroup &group(int row) const;

    Report m_report;
};

} // namespace st
