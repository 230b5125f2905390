// View → Week timesheet (issue 12): the desk user's week, Monday to Sunday with the locale's day
// names, by project and task type with day and row totals; a duration typed into a cell (1:30,
// 90m, 1.5h) adds a manual entry right after that day's last one; bad input is said and changes
// nothing.
#include "GuiFixture.h"
#include "KeyboardFixture.h"

#include "MainWindow.h"
#include "timesheet/DurationInput.h"
#include "timesheet/TimesheetModel.h"
#include "timesheet/TimesheetView.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QTableView>

using namespace st;
using namespace st::test;

namespace {

constexpr Ms kMinute = 60'000;
constexpr Ms kHour = 60 * kMinute;

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

Ms local(const QDate &day, int hour, int minute = 0)
{
    return QDateTime(day, QTime(hour, minute)).toMSecsSinceEpoch();
}

// The fake clock's now is Friday 2025-11-28 (09:00 in Paris): its week runs from Monday the 24th.
const QDate kMonday(2025, 11, 24);

struct Week
{
    GuiFixture f;
    QString album;

    Week()
    {
        Project p;
        p.name = s("First Album");
        p.color = s("#4e79a7");
        album = f.store.service->saveProject(p)->id;
        // Monday: Recording on the album 10:00–12:00 and 13:00–13:30; Mixing with no project
        // 14:00–15:15. Tuesday: Recording on the album 9:00–10:00. The Sunday before: not shown.
        add(s("Recording"), album, local(kMonday, 10), local(kMonday, 12));
        add(s("Recording"), album, local(kMonday, 13), local(kMonday, 13, 30));
        add(s("Mixing"), {}, local(kMonday, 14), local(kMonday, 15, 15));
        add(s("Recording"), album, local(kMonday.addDays(1), 9), local(kMonday.addDays(1), 10));
        add(s("Recording"), album, local(kMonday.addDays(-1), 9), local(kMonday.addDays(-1), 10));
        f.settle();
    }

    void add(const QString &type, const QString &projectId, Ms from, Ms to)
    {
        ManualEntry m;
        m.userId = f.store.userId();
        m.taskTypeId = f.typeId(type);
        m.startedAt = from;
        m.endedAt = to;
        m.projectId = projectId;
        if (!f.store.service->addManual(m))
            qFatal("seed entry refused");
    }

    // The view over the clock's week, read.
    std::unique_ptr<TimesheetView> open()
    {
        auto view = std::make_unique<TimesheetView>(*f.async);
        QSignalSpy shown(view.get(), &TimesheetView::weekShown);
        view->resize(900, 400);
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()))
            qFatal("the view did not show");
        f.settle();
        if (shown.isEmpty() && !shown.wait(5000))
            qFatal("the week was not read");
        return view;
    }

    // Types text into the row's day as a user would (the cell's editor, then Enter), and waits
    // for the outcome and the week read again.
    QString type(TimesheetView &view, int row, int day, const QString &text)
    {
        QTableView *table = view.table();
        const QModelIndex cell = view.model()->index(row, TimesheetModel::dayColumn(day));
        table->setCurrentIndex(cell);
        table->edit(cell);
        auto *editor = table->viewport()->findChild<QLineEdit *>();
        if (!editor)
            qFatal("no editor in the cell");
        if (!editor->text().isEmpty())
            qFatal("the editor starts with text: typing would not add");
        QSignalSpy added(&view, &TimesheetView::added);
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        if (added.isEmpty() && !added.wait(5000))
            qFatal("nothing came of typing");
        f.settle();
        return added.first().first().toString();
    }

    QString cell(const TimesheetView &view, int row, int column) const
    {
        return view.model()->index(row, column).data().toString();
    }

    int entries() const { return f.store.service->count({}); }
};

} // namespace

class TestTimesheet final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void durationsAsPeopleTypeThem()
    {
        const std::pair<const char *, Ms> good[] = {
            {"1:30", 90 * kMinute},   {"0:05", 5 * kMinute},    {"90m", 90 * kMinute},
            {"90 min", 90 * kMinute}, {"1.5h", 90 * kMinute},   {"1,5 h", 90 * kMinute},
            {"1h30", 90 * kMinute},   {"1h 30m", 90 * kMinute}, {"2", 2 * kHour},
            {"0.25", 15 * kMinute},   {" 2H ", 2 * kHour},      {"24:00", 24 * kHour}};
        for (const auto &[text, ms] : good) {
            const auto parsed = durationInput::parse(s(text));
            QVERIFY2(parsed.ok(), text);
            QCOMPARE(parsed.value(), ms);
        }
        for (const char *bad :
             {"", "abc", "1:75", "-1h", "0", "0:00", "25h", "1h75", "1..5h", "h", "1:3"}) {
            const auto parsed = durationInput::parse(s(bad));
            QVERIFY2(!parsed.ok(), bad);
            QVERIFY2(!parsed.error().message.isEmpty(), bad);
        }
        QVERIFY(durationInput::parse(s("abc")).error().message.contains(s("1:30")));
        QCOMPARE(durationInput::format(90 * kMinute), s("1:30"));
        QCOMPARE(durationInput::format(26 * kHour + 5 * kMinute), s("26:05"));
    }

    void theWeekByProjectAndTaskWithTotals()
    {
        Week week;
        auto view = week.open();
        QAbstractItemModelTester tester(view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(view->monday(), kMonday);
        // Monday first, with the locale's day names.
        const QLocale locale;
        QCOMPARE(view->model()->headerData(TimesheetModel::dayColumn(0), Qt::Horizontal).toString(),
                 locale.dayName(1, QLocale::ShortFormat) + s(" 24"));
        QCOMPARE(view->model()->headerData(TimesheetModel::dayColumn(6), Qt::Horizontal).toString(),
                 locale.dayName(7, QLocale::ShortFormat) + s(" 30"));
        // The album first, no project last; then the totals row.
        QCOMPARE(view->model()->rowCount(), 3);
        QCOMPARE(week.cell(*view, 0, TimesheetModel::Project), s("First Album"));
        QCOMPARE(week.cell(*view, 0, TimesheetModel::Task), s("Recording"));
        QCOMPARE(week.cell(*view, 0, TimesheetModel::dayColumn(0)), s("2:30"));
        QCOMPARE(week.cell(*view, 0, TimesheetModel::dayColumn(1)), s("1:00"));
        QCOMPARE(week.cell(*view, 0, TimesheetModel::dayColumn(2)), QString());
        QCOMPARE(week.cell(*view, 0, TimesheetModel::Total), s("3:30"));
        QCOMPARE(week.cell(*view, 1, TimesheetModel::Project), s("No project"));
        QCOMPARE(week.cell(*view, 1, TimesheetModel::Task), s("Mixing"));
        QCOMPARE(week.cell(*view, 1, TimesheetModel::Total), s("1:15"));
        QCOMPARE(week.cell(*view, 2, TimesheetModel::Project), s("Total"));
        QCOMPARE(week.cell(*view, 2, TimesheetModel::dayColumn(0)), s("3:45"));
        QCOMPARE(week.cell(*view, 2, TimesheetModel::dayColumn(1)), s("1:00"));
        QCOMPARE(week.cell(*view, 2, TimesheetModel::Total), s("4:45"));
        // The totals are not typed into.
        QVERIFY(!(view->model()->flags(view->model()->index(2, TimesheetModel::dayColumn(0))) &
                  Qt::ItemIsEditable));

        // The week before holds only the Sunday's hour; next brings this week back.
        QSignalSpy shown(view.get(), &TimesheetView::weekShown);
        view->findChild<QPushButton *>(s("previousWeek"))->click();
        week.f.settle();
        QVERIFY(!shown.isEmpty() || shown.wait(5000));
        QCOMPARE(view->monday(), kMonday.addDays(-7));
        QCOMPARE(view->model()->rowCount(), 2);
        QCOMPARE(week.cell(*view, 0, TimesheetModel::dayColumn(6)), s("1:00"));
        view->findChild<QPushButton *>(s("nextWeek"))->click();
        week.f.settle();
        QCOMPARE(view->monday(), kMonday);
        QCOMPARE(week.cell(*view, 2, TimesheetModel::Total), s("4:45"));
    }

    void aTypedDurationAddsAnEntryAfterTheDaysLastOne()
    {
        Week week;
        auto view = week.open();
        const int before = week.entries();
        // Monday's last entry ends at 15:15: 1:30 more on the album runs 15:15–16:45.
        QCOMPARE(week.type(*view, 0, 0, s("1:30")), QString());
        QCOMPARE(week.entries(), before + 1);
        EntryFilter monday;
        monday.from = local(kMonday, 15);
        monday.to = local(kMonday, 23);
        const QList<TimeEntry> latest =
            week.f.store.service->list(monday, {EntrySortKey::EndedAt, true}, 1);
        QCOMPARE(latest.size(), 1);
        const TimeEntry added = latest.first();
        QCOMPARE(added.startedAt, local(kMonday, 15, 15));
        QCOMPARE(*added.endedAt, local(kMonday, 16, 45));
        QCOMPARE(added.projectId, week.album);
        QCOMPARE(added.taskTypeId, week.f.typeId(s("Recording")));
        QCOMPARE(added.source, EntrySource::Manual);
        QCOMPARE(week.cell(*view, 0, TimesheetModel::dayColumn(0)), s("4:00"));
        QCOMPARE(week.cell(*view, 2, TimesheetModel::Total), s("6:15"));
        QVERIFY(view->statusText().contains(s("15:15")));

        // An empty day starts at 09:00; another form of duration.
        QCOMPARE(week.type(*view, 1, 2, s("90m")), QString());
        QCOMPARE(week.cell(*view, 1, TimesheetModel::dayColumn(2)), s("1:30"));
        const TimeEntry wednesday =
            week.f.store.service->list({}, {EntrySortKey::StartedAt, true}, 1).first();
        QCOMPARE(wednesday.startedAt, local(kMonday.addDays(2), 9));

        // A row for a pair with no time yet, then time in it.
        auto *project = view->findChild<QComboBox *>(s("rowProject"));
        auto *task = view->findChild<QComboBox *>(s("rowTask"));
        project->setCurrentIndex(project->findText(s("First Album")));
        task->setCurrentIndex(task->findText(s("Mastering")));
        view->findChild<QPushButton *>(s("addRow"))->click();
        const int row = view->model()->rowOf(week.album, week.f.typeId(s("Mastering")));
        QVERIFY(row >= 0);
        QCOMPARE(week.cell(*view, row, TimesheetModel::Total), s("0:00"));
        QCOMPARE(week.type(*view, row, 3, s("1.5h")), QString());
        const int after = view->model()->rowOf(week.album, week.f.typeId(s("Mastering")));
        QCOMPARE(week.cell(*view, after, TimesheetModel::dayColumn(3)), s("1:30"));
    }

    void badInputIsSaidAndChangesNothing()
    {
        Week week;
        auto view = week.open();
        const int before = week.entries();
        const QString error = week.type(*view, 0, 0, s("lots"));
        QVERIFY2(error.contains(s("\"lots\" is not a duration")), qPrintable(error));
        QCOMPARE(view->statusText(), error);
        // Past midnight: Monday's last entry ends at 15:15, nine hours more do not fit.
        QVERIFY(week.type(*view, 0, 0, s("9h")).contains(s("past midnight")));
        // In the future: Saturday has not come yet.
        QVERIFY(week.type(*view, 0, 5, s("1:00")).contains(s("still to come")));
        QCOMPARE(week.entries(), before);
        QCOMPARE(week.cell(*view, 2, TimesheetModel::Total), s("4:45"));

        // A running timer on the day: stop it first.
        StartRequest start;
        start.userId = week.f.store.userId();
        start.taskTypeId = week.f.typeId(s("Mixing"));
        QVERIFY(week.f.store.service->start(start).ok());
        week.f.settle();
        const int withTimer = week.entries();
        QVERIFY(week.type(*view, 0, 4, s("0:30")).contains(s("timer is running")));
        QCOMPARE(week.entries(), withTimer);
    }

    // Every control has a name, Tab reaches each once (the table lets it go), focus shows.
    void worksFromTheKeyboard()
    {
        Week week;
        auto view = week.open();
        QVERIFY(activate(view.get()));
        view->table()->setFocus();
        const QStringList problems = accessibilityProblems(view.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(s("; "))));
        const TabCycle cycle = tabCycle(view.get());
        QVERIFY2(cycle.error.isEmpty(), qPrintable(cycle.error));
        const QStringList hidden = focusNotShown(view.get());
        QVERIFY2(hidden.isEmpty(), qPrintable(hidden.join(s("; "))));
    }

    // View → Week timesheet opens one window, again the same.
    void theViewMenuOpensIt()
    {
        GuiFixture f;
        MainWindow window(*f.async);
        QAction *item = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            for (QAction *a : menu->menu()->actions()) {
                if (a->text() == MainWindow::tr("&Week timesheet"))
                    item = a;
            }
        }
        QVERIFY(item);
        item->trigger();
        f.settle();
        auto *view = window.findChild<TimesheetView *>();
        QVERIFY(view && view->isVisible() && view->isWindow());
        item->trigger();
        QCOMPARE(window.findChildren<TimesheetView *>().size(), 1);
        view->close();
    }
};

QTEST_MAIN(TestTimesheet)
#include "tst_timesheet.moc"
