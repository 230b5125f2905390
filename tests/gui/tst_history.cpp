#include "GuiFixture.h"

#include "HistoryView.h"
#include "domain/Format.h"
#include "models/HistoryModel.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>

using namespace st;
using namespace st::test;

class TestHistory final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void periodsAreWholeLocalDays();
    void periodFiltersAndTotals();
    void taskUserRoomAndTextFilters();
    void customRange();
    void pagesAreFetchedOnDemand();
    void deleteAndUndo();
    void runningRowAndTotalsTickTogether();
    void ctrlEndGoesToTheRealLastRow();
    void columnsKeepTheirWidthAfterAFilterChange();

private:
    // Entries on today, yesterday, 3 days ago and 40 days ago (one hour each, at 06:00 local).
    static void seed(GuiFixture &f);
    static void add(GuiFixture &f, const QString &type, const QDate &day, const QString &note,
                    const QString &roomId = {}, const QString &userId = {});
    // n five-minute entries, ten minutes apart, ending before now; returns the first's start.
    static Ms seedMany(GuiFixture &f, int n)
    {
        const Ms start = f.store.clock.nowMs() - Ms(n) * 600'000;
        for (int i = 0; i < n; ++i) {
            ManualEntry m;
            m.userId = f.store.userId();
            m.taskTypeId = f.typeId(QStringLiteral("Setup"));
            m.startedAt = start + Ms(i) * 600'000;
            m.endedAt = m.startedAt + 300'000;
            if (!f.store.service->addManual(m))
                qFatal("seed entry refused");
        }
        return start;
    }
    static QDate today(const GuiFixture &f)
    {
        return QDateTime::fromMSecsSinceEpoch(f.store.clock.nowMs()).date();
    }
};

void TestHistory::add(GuiFixture &f, const QString &type, const QDate &day, const QString &note,
                      const QString &roomId, const QString &userId)
{
    static int minute = 0;
    ManualEntry m;
    m.userId = userId.isEmpty() ? f.store.userId() : userId;
    m.taskTypeId = f.typeId(type);
    m.roomId = roomId;
    m.note = note;
    m.startedAt = QDateTime(day, QTime(6, 0)).toMSecsSinceEpoch() - (minute++ % 3) * 3'600'000;
    m.endedAt = m.startedAt + 3'600'000;
    QVERIFY2(f.store.service->addManual(m).ok(), "seed entry refused");
}

void TestHistory::seed(GuiFixture &f)
{
    const QDate d = today(f);
    add(f, QStringLiteral("Recording"), d, QStringLiteral("Drums"));
    add(f, QStringLiteral("Mixing"), d.addDays(-1), QStringLiteral("Rough mix"));
    add(f, QStringLiteral("Break"), d.addDays(-3), QStringLiteral("Lunch"));
    add(f, QStringLiteral("Mastering"), d.addDays(-40), QStringLiteral("Album master"));
    f.settle();
}

void TestHistory::periodsAreWholeLocalDays()
{
    const QDate friday(2026, 11, 27);
    using P = Period;
    QCOMPARE(periods::days(P::Today, friday), std::pair(friday, friday));
    QCOMPARE(periods::days(P::Yesterday, friday),
             std::pair(friday.addDays(-1), friday.addDays(-1)));
    QCOMPARE(periods::days(P::ThisWeek, friday),
             std::pair(QDate(2026, 11, 23), QDate(2026, 11, 29)));
    QCOMPARE(periods::days(P::LastWeek, friday),
             std::pair(QDate(2026, 11, 16), QDate(2026, 11, 22)));
    QCOMPARE(periods::days(P::ThisWeek, friday, Qt::Sunday),
             std::pair(QDate(2026, 11, 22), QDate(2026, 11, 28)));
    QCOMPARE(periods::days(P::ThisMonth, friday),
             std::pair(QDate(2026, 11, 1), QDate(2026, 11, 30)));
    QCOMPARE(periods::days(P::LastMonth, QDate(2026, 3, 31)),
             std::pair(QDate(2026, 2, 1), QDate(2026, 2, 28)));
    QCOMPARE(periods::days(P::LastMonth, QDate(2026, 1, 15)),
             std::pair(QDate(2025, 12, 1), QDate(2025, 12, 31)));
    QVERIFY(!periods::days(P::AllTime, friday).first.isValid());
    QVERIFY(!periods::name(P::LastWeek).isEmpty());
}

void TestHistory::periodFiltersAndTotals()
{
    GuiFixture f;
    seed(f);
    HistoryView view(*f.async);
    view.setPeriod(Period::Today);
    f.settle();
    QCOMPARE(view.model()->rowCount(), 1);
    QCOMPARE(view.model()->totals().entries, 1);
    QCOMPARE(view.model()->totals().billableMs, 3'600'000);
    QCOMPARE(view.model()->totals().costCents, 6000); // Recording at 60.00/h
    QVERIFY(view.totalsLabel()->text().contains(QStringLiteral("1:00:00")));

    view.setPeriod(Period::Yesterday);
    f.settle();
    QCOMPARE(view.model()->rowCount(), 1);
    QCOMPARE(view.model()->entryAt(0).note, QStringLiteral("Rough mix"));

    view.setPeriod(Period::AllTime);
    f.settle();
    QCOMPARE(view.model()->rowCount(), 4);
    QCOMPARE(view.model()->totalCount(), 4);
    const Totals &t = view.model()->totals();
    QCOMPARE(t.entries, 4);
    QCOMPARE(t.billableMs, 4 * 3'600'000);
    QCOMPARE(t.costCents, 6000 + 5500 + 0 + 7000);
    QCOMPARE(t.perTaskType.size(), 4);
    QVERIFY(view.totalsLabel()->text().contains(QStringLiteral("4:00:00")));
    // Newest first.
    QCOMPARE(view.model()->entryAt(0).note, QStringLiteral("Drums"));
    QCOMPARE(view.model()->entryAt(3).note, QStringLiteral("Album master"));
}

void TestHistory::taskUserRoomAndTextFilters()
{
    GuiFixture f;
    seed(f);
    const Room a = f.store.service->saveRoom(Room{{}, {}, QStringLiteral("A"), false, 0}).value();
    const User bruno = f.store.service->ensureUser(QStringLiteral("Bruno")).value();
    add(f, QStringLiteral("Recording"), today(f).addDays(-2), QStringLiteral("Bass"), a.id,
        bruno.id);
    f.async->refresh(); // made behind the service's back: the filter menus learn them here
    f.settle();
    HistoryView view(*f.async);
    view.setPeriod(Period::AllTime);
    view.setTaskTypes({f.typeId(QStringLiteral("Recording"))});
    f.settle();
    QCOMPARE(view.model()->totalCount(), 2);
    // Issue 16: the filter names the one task chosen, not "1 selected".
    auto *types = view.findChild<QToolButton *>(QStringLiteral("taskFilter"));
    QVERIFY(types);
    QCOMPARE(types->text(), QStringLiteral("Recording"));
    QCOMPARE(view.model()->totals().costCents, 12000);

    view.setUsers({bruno.id});
    f.settle();
    QCOMPARE(view.findChild<QToolButton *>(QStringLiteral("userFilter"))->text(),
             QStringLiteral("Bruno"));
    view.setTaskTypes({f.typeId(QStringLiteral("Recording")), f.typeId(QStringLiteral("Mixing"))});
    QCOMPARE(types->text(), QStringLiteral("2 selected"));
    view.setTaskTypes({f.typeId(QStringLiteral("Recording"))});
    f.settle();
    QCOMPARE(view.model()->rowCount(), 1);
    QCOMPARE(view.model()->entryAt(0).note, QStringLiteral("Bass"));

    view.setTaskTypes({});
    view.setUsers({});
    view.setRooms({a.id});
    f.settle();
    QCOMPARE(view.model()->rowCount(), 1);

    view.setRooms({});
    view.setText(QStringLiteral("MIX"));
    f.settle();
    QCOMPARE(view.model()->rowCount(), 1);
    QCOMPARE(view.model()->entryAt(0).note, QStringLiteral("Rough mix"));
    QCOMPARE(view.currentFilter().text, QStringLiteral("MIX"));
    auto *table = view.findChild<QTableView *>();
    QVERIFY(table->isVisibleTo(&view));
    QVERIFY(!view.emptyState()->isVisibleTo(&view));

    // Issue 16: nothing matches: an empty state says so and how to get entries, not a bare table.
    view.setText(QStringLiteral("no such note anywhere"));
    f.settle();
    QCOMPARE(view.model()->rowCount(), 0);
    QVERIFY(view.emptyState()->isVisibleTo(&view));
    QVERIFY(view.emptyState()->text().contains(QStringLiteral("New entry")));
    QVERIFY(!table->isVisibleTo(&view));
    view.setText({});
    f.settle();
    QVERIFY(table->isVisibleTo(&view));
    QVERIFY(!view.emptyState()->isVisibleTo(&view));
}

void TestHistory::customRange()
{
    GuiFixture f;
    seed(f);
    HistoryView view(*f.async);
    view.setCustomRange(today(f).addDays(-41), today(f).addDays(-2));
    f.settle();
    QCOMPARE(view.model()->rowCount(), 2); // Break 3 days ago, Mastering 40 days ago
    const EntryFilter filter = view.currentFilter();
    QCOMPARE(*filter.from, format::days(today(f).addDays(-41), today(f)).from);
    QCOMPARE(*filter.to, format::days(today(f).addDays(-2), today(f).addDays(-2)).to);
}

void TestHistory::pagesAreFetchedOnDemand()
{
    GuiFixture f;
    const int n = HistoryModel::kPageSize * 2 + 17;
    const Ms start = seedMany(f, n);
    HistoryModel model(*f.async);
    EntryFilter all;
    model.setFilter(all);
    f.settle();
    QCOMPARE(model.rowCount(), HistoryModel::kPageSize);
    QCOMPARE(model.totalCount(), n);
    QCOMPARE(model.totals().entries, n);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QVERIFY(!model.canFetchMore({})); // one page at a time
    f.settle();
    QCOMPARE(model.rowCount(), 2 * HistoryModel::kPageSize);
    model.fetchMore({});
    f.settle();
    QCOMPARE(model.rowCount(), n);
    QVERIFY(!model.canFetchMore({}));

    // Sorting asks the store again: oldest first.
    model.sort(0, Qt::AscendingOrder);
    f.settle();
    QCOMPARE(model.rowCount(), HistoryModel::kPageSize);
    QCOMPARE(model.entryAt(0).startedAt, start);
}

void TestHistory::deleteAndUndo()
{
    GuiFixture f;
    seed(f);
    HistoryView view(*f.async);
    view.setPeriod(Period::AllTime);
    f.settle();
    QCOMPARE(view.model()->rowCount(), 4);
    QVERIFY(!view.undoAction()->isEnabled());
    view.table()->setCurrentIndex(view.model()->index(1, 0));
    const QString id = view.model()->entryAt(1).id;
    view.deleteSelected();
    f.settle();
    QVERIFY(f.store.service->entry(id)->deleted);
    QCOMPARE(view.model()->rowCount(), 3);
    QVERIFY(view.undoAction()->isEnabled());
    QTRY_COMPARE(view.model()->totals().entries, 3);
    // Issue 16: a bar says so, with Undo at hand.
    auto *bar = view.findChild<QWidget *>(QStringLiteral("undoBar"));
    QVERIFY(bar);
    QVERIFY(!bar->isHidden());
    auto *undo = view.findChild<QPushButton *>(QStringLiteral("undoButton"));
    QVERIFY(undo);

    undo->click();
    f.settle();
    QVERIFY(!f.store.service->entry(id)->deleted);
    QVERIFY(!view.undoAction()->isEnabled());
    QVERIFY(bar->isHidden());
    QTRY_COMPARE(view.model()->rowCount(), 4);
    QCOMPARE(view.model()->totals().entries, 4);
}

void TestHistory::runningRowAndTotalsTickTogether()
{
    // Issue 11: the running row froze at 0:00:32 while the footer said 0:00:08.
    GuiFixture f;
    seed(f);
    f.async->start(f.typeId(QStringLiteral("Recording")), {});
    f.settle();
    HistoryView view(*f.async);
    view.setPeriod(Period::Today);
    f.settle();
    QCOMPARE(view.model()->rowCount(), 2);
    const int row = view.model()->entryAt(0).isRunning() ? 0 : 1;
    QVERIFY(view.model()->entryAt(row).isRunning());
    const int duration = int(HistoryModel::columns().indexOf(EntryColumn::Duration));
    const QModelIndex cell = view.model()->index(row, duration);
    QCOMPARE(cell.data().toString(), format::duration(0));
    QVERIFY(view.totalsLabel()->text().contains(format::duration(3'600'000)));

    QSignalSpy repaint(view.model(), &HistoryModel::dataChanged);
    f.store.clock.advance(32'000);
    // Within a tick the view is told to repaint the running row, and row and footer agree.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(repaint.cbegin(), repaint.cend(),
                                         [&](const QList<QVariant> &args) {
                                             const auto from = args.at(0).toModelIndex();
                                             const auto to = args.at(1).toModelIndex();
                                             return from.row() <= row && row <= to.row() &&
                                                    from.column() <= duration &&
                                                    duration <= to.column();
                                         }),
                             2500);
    QCOMPARE(cell.data().toString(), format::duration(32'000));
    QTRY_VERIFY_WITH_TIMEOUT(
        view.totalsLabel()->text().contains(format::duration(3'600'000 + 32'000)), 2500);
    const Totals t = view.model()->totals();
    QCOMPARE(t.billableMs, 3'600'000 + 32'000);
    QCOMPARE(t.entries, 2);
    QCOMPARE(t.costCents, 6000 + 53); // 32 s of Recording at 60.00/h
    QCOMPARE(t.perTaskType.size(), 1);
    QCOMPARE(t.perTaskType.first().billableMs, 3'600'000 + 32'000);

    // A filter the running entry is not in: its seconds do not count.
    view.setTaskTypes({f.typeId(QStringLiteral("Mixing"))});
    f.settle();
    f.store.clock.advance(10'000);
    view.model()->tick();
    QCOMPARE(view.model()->totals().billableMs, 0);
}

void TestHistory::ctrlEndGoesToTheRealLastRow()
{
    // Issue 16: Ctrl+End went to the last loaded row, not the last one.
    GuiFixture f;
    const int n = HistoryModel::kPageSize * 2 + 17;
    const Ms start = seedMany(f, n);
    HistoryView view(*f.async);
    view.setPeriod(Period::AllTime);
    f.settle();
    QCOMPARE(view.model()->rowCount(), HistoryModel::kPageSize);
    view.table()->setCurrentIndex(view.model()->index(0, 0));
    QTest::keyClick(view.table(), Qt::Key_End, Qt::ControlModifier);
    f.settle();
    QTRY_COMPARE(view.table()->currentIndex().row(), n - 1);
    QCOMPARE(view.model()->rowCount(), n);
    QCOMPARE(view.model()->entryAt(n - 1).startedAt, start); // newest first: the oldest is last
}

void TestHistory::columnsKeepTheirWidthAfterAFilterChange()
{
    // Issue 11: "29 N…", "runn…" after a filter change or an adjustment.
    GuiFixture f;
    seed(f);
    f.async->start(f.typeId(QStringLiteral("Recording")), {});
    f.settle();
    HistoryView view(*f.async);
    view.resize(1200, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setPeriod(Period::AllTime);
    f.settle();
    QHeaderView *header = view.table()->horizontalHeader();
    const int note = int(HistoryModel::columns().indexOf(EntryColumn::Note));
    const auto wideEnough = [&] {
        for (int c = 0; c < view.model()->columnCount(); ++c) {
            if (c != note &&
                header->sectionSize(c) <
                    static_cast<QAbstractItemView *>(view.table())->sizeHintForColumn(c))
                return false;
        }
        return true;
    };
    QTRY_VERIFY(wideEnough());
    view.setText(QStringLiteral("nothing matches this"));
    f.settle();
    QCOMPARE(view.model()->rowCount(), 0);
    view.setText({});
    f.settle();
    QCOMPARE(view.model()->rowCount(), 5);
    QTRY_VERIFY(wideEnough());

    // An edit reloads the rows a moment later: the same.
    const QString id = f.running()->id;
    f.async->setNote(QStringLiteral("A much longer note than before"));
    f.settle();
    QTest::qWait(400); // the model's reload after a change
    f.settle();
    QCOMPARE(f.running()->id, id);
    QTRY_VERIFY(wideEnough());
}

QTEST_MAIN(TestHistory)
#include "tst_history.moc"
