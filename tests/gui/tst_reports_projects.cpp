// Issue 12 in the window: History and Reports by client, project and tag (filtered and grouped),
// the billable split, "This year" and "All time", the billing rounding (in the report only), and
// History's Project column.
#include "GuiFixture.h"

#include "ChoiceButton.h"
#include "HistoryView.h"
#include "models/HistoryModel.h"
#include "reports/ReportFilters.h"
#include "reports/ReportTableModel.h"
#include "reports/ReportsView.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>

using namespace st;
using namespace st::test;

namespace {

constexpr Ms kHour = 3'600'000;
constexpr Ms kMinute = 60'000;
const QDate kDay(2025, 11, 10); // the fixture's clock is 2025-11-28

Ms local(const QDate &day, int hour, int minute = 0)
{
    return QDateTime(day, QTime(hour, minute)).toMSecsSinceEpoch();
}

void add(GuiFixture &f, const QString &type, Ms from, Ms to, const QString &projectId = {},
         const QStringList &tags = {})
{
    ManualEntry m;
    m.userId = f.store.userId();
    m.taskTypeId = f.typeId(type);
    m.startedAt = from;
    m.endedAt = to;
    m.projectId = projectId;
    m.tags = tags;
    QVERIFY2(f.store.service->addManual(m).ok(), "seed entry refused");
}

// A studio's day: 2 h of Mixing on Blue Label's album (its rate 80.00), 1 h of Recording and an
// hour's Break on no project.
struct Studio
{
    GuiFixture f;
    Client label;
    Project album;

    Studio()
    {
        label.name = QStringLiteral("Blue Label");
        label.color = QStringLiteral("#4e79a7");
        label = f.store.service->saveClient(label).value();
        album.name = QStringLiteral("First Album");
        album.color = QStringLiteral("#f28e2b");
        album.clientId = label.id;
        album.hourlyRateCents = 8000;
        album = f.store.service->saveProject(album).value();
        add(f, QStringLiteral("Mixing"), local(kDay, 9), local(kDay, 11), album.id,
            {QStringLiteral("vocals")});
        add(f, QStringLiteral("Break"), local(kDay, 11), local(kDay, 12));
        add(f, QStringLiteral("Recording"), local(kDay, 12), local(kDay, 13), {},
            {QStringLiteral("vocals"), QStringLiteral("drums")});
        f.async->refresh();
        f.settle();
    }
};

// The row of the group with this key ("" for none), -1 when there is none.
int rowOf(const ReportTableModel *model, const QString &key)
{
    for (int row = 0; row + 1 < model->rowCount(); ++row) {
        if (model->index(row, 0).data(ReportTableModel::KeyRole).toString() == key)
            return row;
    }
    return -1;
}

Ms timeOf(const ReportTableModel *model, const QString &key)
{
    const int row = rowOf(model, key);
    return row < 0 ? -1 : model->index(row, 0).data(ReportTableModel::BillableMsRole).toLongLong();
}

} // namespace

class TestReportsProjects final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groupsByProjectClientAndTagWithTheBillableSplit();
    void filtersByClientProjectAndBillable();
    void roundingAppliesToTheReportOnly();
    void thisYearAndAllTime();
    void historyFiltersByClientAndProject();
    void tagsNarrowHistoryAndTheReport();
    void historyShowsTheProject();
};

void TestReportsProjects::groupsByProjectClientAndTagWithTheBillableSplit()
{
    Studio s;
    ReportsView view(*s.f.async);
    QAbstractItemModelTester tester(view.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.setCustomRange(kDay, kDay);
    view.setGrouping(ReportGrouping::Project);
    s.f.settle();
    ReportTableModel *model = view.model();
    QCOMPARE(model->rowCount(), 3);
    const int album = rowOf(model, s.album.id);
    const int none = rowOf(model, QString());
    QCOMPARE(model->index(album, ReportTableModel::Name).data().toString(),
             QStringLiteral("First Album"));
    QCOMPARE(model->index(album, 0).data(ReportTableModel::CostCentsRole).toLongLong(), 16000);
    QCOMPARE(model->index(none, ReportTableModel::Name).data().toString(),
             QStringLiteral("No project"));
    QCOMPARE(model->index(none, ReportTableModel::Duration).data().toString(),
             QStringLiteral("2:00:00"));
    // The Break is time, not billed.
    QCOMPARE(model->index(none, ReportTableModel::NotBillable).data().toString(),
             QStringLiteral("1:00:00"));
    QCOMPARE(model->headerData(ReportTableModel::NotBillable, Qt::Horizontal).toString(),
             QStringLiteral("Not billable"));
    QVERIFY2(view.totalLabel()->text().contains(QStringLiteral("Billable 3:00:00 · not billable "
                                                               "1:00:00")),
             qPrintable(view.totalLabel()->text()));

    view.setGrouping(ReportGrouping::Client);
    s.f.settle();
    QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Client"));
    QCOMPARE(timeOf(model, s.label.id), 2 * kHour);
    QCOMPARE(model->index(rowOf(model, QString()), 0).data().toString(),
             QStringLiteral("No client"));

    // An entry counts under each of its tags.
    view.setGrouping(ReportGrouping::Tag);
    s.f.settle();
    QCOMPARE(timeOf(model, QStringLiteral("vocals")), 3 * kHour);
    QCOMPARE(timeOf(model, QStringLiteral("drums")), kHour);
    QCOMPARE(timeOf(model, QString()), kHour);
}

void TestReportsProjects::filtersByClientProjectAndBillable()
{
    Studio s;
    ReportsView view(*s.f.async);
    view.setCustomRange(kDay, kDay);
    s.f.settle();
    ReportFilters *filters = view.filters();
    filters->setClients({s.label.id});
    s.f.settle();
    QCOMPARE(view.model()->report().total.billableMs, 2 * kHour);
    QCOMPARE(filters->clientChoice()->text(), QStringLiteral("Blue Label"));
    // "No client": the entries without a project.
    filters->setClients({QString()});
    s.f.settle();
    QCOMPARE(view.model()->report().total.billableMs, 2 * kHour);
    filters->setClients({});
    filters->setProjects({s.album.id, QString()});
    s.f.settle();
    QCOMPARE(view.model()->report().total.billableMs, 4 * kHour);
    filters->setProjects({});
    filters->billableOnly()->setChecked(true);
    s.f.settle();
    QCOMPARE(view.model()->report().total.billableMs, 3 * kHour);
    QCOMPARE(view.model()->report().total.nonBillableMs, 0);
}

void TestReportsProjects::roundingAppliesToTheReportOnly()
{
    GuiFixture f;
    add(f, QStringLiteral("Recording"), local(kDay, 9), local(kDay, 9, 8)); // 8 minutes
    ReportsView view(*f.async);
    view.setCustomRange(kDay, kDay);
    f.settle();
    QCOMPARE(view.model()->report().total.billableMs, 8 * kMinute);
    const struct
    {
        int minutes;
        Rounding::Mode mode;
        Ms expected;
    } cases[] = {{15, Rounding::Mode::Up, 15 * kMinute},
                 {15, Rounding::Mode::Nearest, 15 * kMinute},
                 {15, Rounding::Mode::Down, 0},
                 {5, Rounding::Mode::Down, 5 * kMinute},
                 {6, Rounding::Mode::Nearest, 6 * kMinute},
                 {30, Rounding::Mode::Nearest, 0},
                 {1, Rounding::Mode::Up, 8 * kMinute},
                 {10, Rounding::Mode::Up, 10 * kMinute}};
    for (const auto &c : cases) {
        view.filters()->setRounding({c.minutes, c.mode});
        f.settle();
        QCOMPARE(view.rounding(), (Rounding{c.minutes, c.mode}));
        QCOMPARE(view.model()->report().total.billableMs, c.expected);
    }
    // 15 minutes at Recording's 60.00 an hour.
    view.filters()->setRounding({15, Rounding::Mode::Up});
    f.settle();
    QCOMPARE(view.model()->report().total.costCents, 1500);
    QVERIFY(view.filters()->roundingMode()->isEnabled());
    view.filters()->setRounding({});
    f.settle();
    QVERIFY(!view.filters()->roundingMode()->isEnabled());
    QCOMPARE(view.model()->report().total.billableMs, 8 * kMinute);
    // Stored times never change.
    const QList<TimeEntry> stored = f.store.service->list({});
    QCOMPARE(*stored.first().endedAt - stored.first().startedAt, 8 * kMinute);
}

void TestReportsProjects::thisYearAndAllTime()
{
    GuiFixture f;
    add(f, QStringLiteral("Recording"), local(QDate(2024, 6, 1), 9), local(QDate(2024, 6, 1), 10));
    add(f, QStringLiteral("Recording"), local(QDate(2025, 1, 5), 9), local(QDate(2025, 1, 5), 11));
    add(f, QStringLiteral("Recording"), local(kDay, 9), local(kDay, 12));
    ReportsView view(*f.async);
    view.setPeriod(Period::ThisYear);
    f.settle();
    QCOMPARE(view.model()->report().total.billableMs, 5 * kHour);
    QCOMPARE(view.currentFilter().from, local(QDate(2025, 1, 1), 0));
    view.setPeriod(Period::AllTime);
    view.setGrouping(ReportGrouping::Month);
    f.settle();
    QCOMPARE(view.model()->report().total.billableMs, 6 * kHour);
    // From the first entry's day, by month: June 2024 to November 2025.
    QCOMPARE(view.model()->report().groups.size(), 18);
    QCOMPARE(view.findChildren<QDateEdit *>().first()->date(), QDate(2024, 6, 1));
    QCOMPARE(view.currentFilter().from, local(QDate(2024, 6, 1), 0));
}

void TestReportsProjects::historyFiltersByClientAndProject()
{
    Studio s;
    HistoryView view(*s.f.async);
    view.setPeriod(Period::ThisYear);
    s.f.settle();
    QCOMPARE(view.model()->totals().entries, 3);
    view.setClients({s.label.id});
    s.f.settle();
    QCOMPARE(view.model()->totals().entries, 1);
    QCOMPARE(view.model()->totals().costCents, 16000);
    view.setClients({});
    view.setProjects({QString()}); // No project
    s.f.settle();
    QCOMPARE(view.model()->totals().entries, 2);
    // A client without projects: nothing.
    Client other;
    other.name = QStringLiteral("Other");
    other.color = QStringLiteral("#59a14f");
    other = s.f.store.service->saveClient(other).value();
    s.f.async->refresh();
    s.f.settle();
    view.setProjects({});
    view.setClients({other.id});
    s.f.settle();
    QCOMPARE(view.model()->totals().entries, 0);
    QVERIFY(view.emptyState()->isVisibleTo(&view));
}

void TestReportsProjects::tagsNarrowHistoryAndTheReport()
{
    Studio s;
    HistoryView history(*s.f.async);
    history.setPeriod(Period::ThisYear);
    s.f.settle();
    QCOMPARE(history.model()->totals().entries, 3);
    // Typed in the filter bar, in any case: the Recording hour alone has "drums".
    auto *historyTags = history.findChild<QLineEdit *>(QStringLiteral("tagFilter"));
    QVERIFY(historyTags);
    historyTags->setText(QStringLiteral("DRUMS"));
    QTRY_COMPARE(history.model()->totals().entries, 1);
    QCOMPARE(history.model()->rowCount(), 1);
    QCOMPARE(history.model()->entryAt(0).tags,
             (QStringList{QStringLiteral("vocals"), QStringLiteral("drums")}));
    QCOMPARE(history.model()->totals().costCents, 6000);
    // Any of the words: "vocals" adds the album's Mixing; a word no entry has keeps nothing.
    historyTags->setText(QStringLiteral("drums vocals"));
    QTRY_COMPARE(history.model()->totals().entries, 2);
    QCOMPARE(history.model()->totals().billableMs, 3 * kHour);
    history.setTags(QStringLiteral("vocal"));
    s.f.settle();
    QCOMPARE(history.model()->totals().entries, 0);
    QVERIFY(history.emptyState()->isVisibleTo(&history));

    ReportsView reports(*s.f.async);
    reports.setCustomRange(kDay, kDay);
    s.f.settle();
    QCOMPARE(reports.model()->report().total.billableMs, 4 * kHour);
    QLineEdit *reportTags = reports.filters()->tags();
    QCOMPARE(reportTags->objectName(), QStringLiteral("reportTags"));
    reportTags->setText(QStringLiteral("drums"));
    QTRY_COMPARE(reports.model()->report().total.billableMs, kHour);
    // Grouped by tag, the groups are the words asked for, each as the filtered total.
    reports.filters()->setTags(QStringLiteral("Vocals"));
    reports.setGrouping(ReportGrouping::Tag);
    s.f.settle();
    QCOMPARE(reports.model()->report().groups.size(), 1);
    QCOMPARE(timeOf(reports.model(), QStringLiteral("vocals")), 3 * kHour);
    QCOMPARE(reports.model()->report().total.billableMs, 3 * kHour);
    QCOMPARE(reports.currentFilter().tags, QStringList{QStringLiteral("Vocals")});
}

void TestReportsProjects::historyShowsTheProject()
{
    Studio s;
    HistoryView view(*s.f.async);
    view.setPeriod(Period::ThisYear);
    s.f.settle();
    HistoryModel *model = view.model();
    const int column = int(HistoryModel::columns().indexOf(EntryColumn::Project));
    QVERIFY(column >= 0);
    QCOMPARE(model->headerData(column, Qt::Horizontal).toString(), QStringLiteral("Project"));
    const auto rowOfTask = [&](const QString &type) {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->entryAt(row).taskTypeId == s.f.typeId(type))
                return row;
        }
        return -1;
    };
    const QModelIndex mixing = model->index(rowOfTask(QStringLiteral("Mixing")), column);
    QCOMPARE(mixing.data().toString(), QStringLiteral("First Album"));
    QCOMPARE(mixing.data(Qt::ToolTipRole).toString(), QStringLiteral("Client: Blue Label"));
    QCOMPARE(model->index(rowOfTask(QStringLiteral("Break")), column).data().toString(), QString());

    // Sortable as the other columns: by name, the entries without a project first going up.
    view.table()->sortByColumn(column, Qt::AscendingOrder);
    s.f.settle();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(2, column).data().toString(), QStringLiteral("First Album"));
    view.table()->sortByColumn(column, Qt::DescendingOrder);
    s.f.settle();
    QCOMPARE(model->index(0, column).data().toString(), QStringLiteral("First Album"));
    QCOMPARE(model->index(1, column).data().toString(), QString());
}

QTEST_MAIN(TestReportsProjects)
#include "tst_reports_projects.moc"
