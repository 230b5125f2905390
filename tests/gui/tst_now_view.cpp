#include "GuiFixture.h"

#include "NowView.h"
#include "models/StudioModel.h"
#include "models/TodayModel.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

using namespace st;
using namespace st::test;

class TestNowView final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneButtonPerTaskTypeWithNumberKeys();
    void aTaskButtonStartsAnEntry();
    void anotherButtonSwitches();
    void pauseAndResume();
    void stop();
    void theNoteIsEditableWhileRunning();
    void pickingARoomMovesTheRunningTimerFromNow();
    void aNewRoomIsPickedAndApplied();
    void pickingAPersonHandsTheTimerOver();
    void theStudioPanelFitsItsWidth();
    void continueStartsTheLastEntryAgain();
};

void TestNowView::oneButtonPerTaskTypeWithNumberKeys()
{
    GuiFixture f;
    NowView view(*f.async);
    const auto types = f.store.service->taskTypes();
    QCOMPARE(types.size(), 5);
    for (int i = 0; i < types.size(); ++i) {
        QPushButton *b = view.taskButton(types.at(i).id);
        QVERIFY(b);
        QVERIFY(b->text().contains(types.at(i).name));
        QCOMPARE(b->shortcut(), QKeySequence(Qt::Key_1 + i));
    }
    QVERIFY(!view.stopButton()->isEnabled());
    QVERIFY(!view.pauseButton()->isEnabled());
}

void TestNowView::aTaskButtonStartsAnEntry()
{
    GuiFixture f;
    NowView view(*f.async);
    const QString recording = f.typeId(QStringLiteral("Recording"));
    QTest::mouseClick(view.taskButton(recording), Qt::LeftButton);
    f.settle();
    QVERIFY(f.running());
    QCOMPARE(f.running()->taskTypeId, recording);
    QVERIFY(view.taskButton(recording)->isChecked());
    QVERIFY(view.stopButton()->isEnabled());
    QCOMPARE(view.todayModel()->rowCount(), 1);
    QCOMPARE(view.studioModel()->rowCount(), 1);

    f.store.clock.advance((1 * 3600 + 2 * 60 + 3) * 1000);
    f.async->refresh(); // a new snapshot redraws at once, as the ticker does every second
    f.settle();
    QCOMPARE(view.elapsedLabel()->text(), QStringLiteral("1:02:03"));
    QVERIFY(!view.costLabel()->text().isEmpty());
}

void TestNowView::anotherButtonSwitches()
{
    GuiFixture f;
    NowView view(*f.async);
    QTest::mouseClick(view.taskButton(f.typeId(QStringLiteral("Setup"))), Qt::LeftButton);
    f.settle();
    const QString first = f.running()->id;
    f.store.clock.advanceMinutes(20);
    QTest::mouseClick(view.taskButton(f.typeId(QStringLiteral("Mixing"))), Qt::LeftButton);
    f.settle();
    QCOMPARE(f.running()->taskTypeId, f.typeId(QStringLiteral("Mixing")));
    QCOMPARE(*f.store.service->entry(first)->endedAt, f.running()->startedAt);
    QVERIFY(!view.taskButton(f.typeId(QStringLiteral("Setup")))->isChecked());
    QVERIFY(view.taskButton(f.typeId(QStringLiteral("Mixing")))->isChecked());
    QCOMPARE(view.todayModel()->rowCount(), 2);

    // Clicking the running task again keeps it running: no new entry.
    QTest::mouseClick(view.taskButton(f.typeId(QStringLiteral("Mixing"))), Qt::LeftButton);
    f.settle();
    QCOMPARE(view.todayModel()->rowCount(), 2);
    QVERIFY(view.taskButton(f.typeId(QStringLiteral("Mixing")))->isChecked());
}

void TestNowView::pauseAndResume()
{
    GuiFixture f;
    NowView view(*f.async);
    QTest::mouseClick(view.taskButton(f.typeId(QStringLiteral("Recording"))), Qt::LeftButton);
    f.settle();
    const QString resumeText = view.pauseButton()->text();
    QTest::mouseClick(view.pauseButton(), Qt::LeftButton);
    f.settle();
    QVERIFY(f.running()->isPaused());
    QVERIFY(view.pauseButton()->text() != resumeText);
    f.store.clock.advanceMinutes(3);
    QTest::mouseClick(view.pauseButton(), Qt::LeftButton);
    f.settle();
    QVERIFY(!f.running()->isPaused());
    QCOMPARE(f.running()->pausedMs, 3 * 60'000);
    QCOMPARE(view.pauseButton()->text(), resumeText);
}

void TestNowView::stop()
{
    GuiFixture f;
    NowView view(*f.async);
    QTest::mouseClick(view.taskButton(f.typeId(QStringLiteral("Mastering"))), Qt::LeftButton);
    f.settle();
    f.store.clock.advanceMinutes(45);
    QTest::mouseClick(view.stopButton(), Qt::LeftButton);
    f.settle();
    QVERIFY(!f.running());
    QVERIFY(!view.stopButton()->isEnabled());
    QVERIFY(!view.taskButton(f.typeId(QStringLiteral("Mastering")))->isChecked());
    QCOMPARE(view.todayModel()->rowCount(), 1);
    QCOMPARE(view.studioModel()->rowCount(), 0);
    const TimeEntry done = view.todayModel()->entryAt(0);
    QCOMPARE(*done.endedAt - done.startedAt, 45 * 60'000);
}

void TestNowView::theNoteIsEditableWhileRunning()
{
    GuiFixture f;
    NowView view(*f.async);
    QVERIFY(!view.noteEdit()->isEnabled());
    QTest::mouseClick(view.taskButton(f.typeId(QStringLiteral("Mixing"))), Qt::LeftButton);
    f.settle();
    QVERIFY(view.noteEdit()->isEnabled());
    view.noteEdit()->setFocus();
    QTest::keyClicks(view.noteEdit(), QStringLiteral("Chorus vocals"));
    QTest::keyClick(view.noteEdit(), Qt::Key_Return);
    f.settle();
    QCOMPARE(f.running()->note, QStringLiteral("Chorus vocals"));
}

void TestNowView::pickingARoomMovesTheRunningTimerFromNow()
{
    // Issue 16: "No room · since 21:57" stayed after picking a room with a timer running.
    GuiFixture f;
    const Room a =
        f.store.service->saveRoom(Room{{}, {}, QStringLiteral("Studio A"), false, 0}).value();
    f.async->refresh();
    f.settle();
    NowView view(*f.async);
    f.async->start(f.typeId(QStringLiteral("Mixing")), {}, QStringLiteral("Verse"));
    f.settle();
    const TimeEntry before = *f.running();
    f.store.clock.advanceMinutes(20);
    auto *rooms = view.findChild<QComboBox *>(QStringLiteral("roomPicker"));
    QVERIFY(rooms);
    const int index = rooms->findData(a.id);
    QVERIFY(index > 0);
    rooms->setCurrentIndex(index);
    Q_EMIT rooms->activated(index);
    f.settle();
    // A split at this instant: the 20 minutes stay roomless, the timer goes on in Studio A.
    const TimeEntry after = *f.running();
    QVERIFY(after.id != before.id);
    QCOMPARE(after.roomId, a.id);
    QCOMPARE(after.taskTypeId, before.taskTypeId);
    QCOMPARE(after.note, QStringLiteral("Verse"));
    QCOMPARE(after.startedAt, f.store.clock.nowMs());
    const auto first = f.store.service->entry(before.id);
    QCOMPARE(first->endedAt.value_or(0), after.startedAt);
    QVERIFY(first->roomId.isEmpty());
    QVERIFY(!first->adjusted);
    QVERIFY(view.findChild<QLabel *>()); // the panel
    bool shown = false;
    for (const QLabel *label : view.findChildren<QLabel *>())
        shown = shown || label->text().startsWith(QStringLiteral("Studio A · since"));
    QVERIFY(shown);
}

void TestNowView::aNewRoomIsPickedAndApplied()
{
    // Issue 16: "New room…" created the room but did not select it.
    GuiFixture f;
    NowView view(*f.async);
    f.async->start(f.typeId(QStringLiteral("Recording")), {});
    f.settle();
    auto *rooms = view.findChild<QComboBox *>(QStringLiteral("roomPicker"));
    QVERIFY(rooms);
    QTimer::singleShot(0, &view, [] {
        auto *ask = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(ask);
        ask->setTextValue(QStringLiteral("Booth"));
        ask->accept();
    });
    const int newItem = rooms->count() - 1;
    rooms->setCurrentIndex(newItem);
    Q_EMIT rooms->activated(newItem);
    f.settle();
    f.settle();
    QCOMPARE(rooms->currentText(), QStringLiteral("Booth"));
    QCOMPARE(f.store.service->room(f.running()->roomId)->name, QStringLiteral("Booth"));
}

void TestNowView::pickingAPersonHandsTheTimerOver()
{
    GuiFixture f;
    const User bruno = f.store.service->ensureUser(QStringLiteral("Bruno")).value();
    f.async->refresh();
    f.settle();
    NowView view(*f.async);
    const QString me = f.store.userId();
    f.async->start(f.typeId(QStringLiteral("Recording")), {});
    f.settle();
    f.store.clock.advanceMinutes(5);
    auto *users = view.findChild<QComboBox *>(QStringLiteral("userPicker"));
    QVERIFY(users);
    const int index = users->findData(bruno.id);
    users->setCurrentIndex(index);
    Q_EMIT users->activated(index);
    f.settle();
    QVERIFY(!f.store.service->running(me));
    const auto handed = f.store.service->running(bruno.id);
    QVERIFY(handed);
    QCOMPARE(handed->taskTypeId, f.typeId(QStringLiteral("Recording")));
    QCOMPARE(handed->startedAt, f.store.clock.nowMs());
}

void TestNowView::theStudioPanelFitsItsWidth()
{
    // Issue 16: the Room header read ":oom" and a "(paused)" row brought a horizontal scrollbar.
    GuiFixture f;
    const Room room =
        f.store.service
            ->saveRoom(Room{{}, {}, QStringLiteral("The Big Live Room Upstairs"), false, 0})
            .value();
    const User u = f.store.service->ensureUser(QStringLiteral("Maximilian Grünewald")).value();
    QVERIFY(f.store.service->start(
        {u.id, f.typeId(QStringLiteral("Mastering")), room.id, {}, std::nullopt, {}}));
    QVERIFY(f.store.service->pause(u.id));
    f.async->start(f.typeId(QStringLiteral("Recording")), room.id);
    f.settle();
    NowView view(*f.async);
    view.resize(960, 600); // the window's default size
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    f.settle();
    auto *table = view.findChild<QTableView *>(QStringLiteral("studioTable"));
    QVERIFY(table);
    QCOMPARE(table->model()->rowCount(), 2);
    QHeaderView *header = table->horizontalHeader();
    QTRY_VERIFY(header->length() <= table->viewport()->width());
    QVERIFY(!table->horizontalScrollBar()->isVisible());
    for (int c = 0; c < StudioModel::ColumnCount; ++c) {
        const QString title = table->model()->headerData(c, Qt::Horizontal).toString();
        QVERIFY2(header->sectionSize(c) > header->fontMetrics().horizontalAdvance(title),
                 qPrintable(title));
    }
    // What is elided is whole in the tooltip.
    bool paused = false;
    for (int row = 0; row < 2; ++row) {
        const QModelIndex task = table->model()->index(row, StudioModel::TaskColumn);
        paused = paused || task.data(Qt::ToolTipRole).toString().contains(QStringLiteral("paused"));
    }
    QVERIFY(paused);
}

void TestNowView::continueStartsTheLastEntryAgain()
{
    // Issue 16: "Continue" restarts the last entry (same task, room, note) from now.
    GuiFixture f;
    const Room a =
        f.store.service->saveRoom(Room{{}, {}, QStringLiteral("Studio A"), false, 0}).value();
    ManualEntry m;
    m.userId = f.store.userId();
    m.taskTypeId = f.typeId(QStringLiteral("Mixing"));
    m.roomId = a.id;
    m.note = QStringLiteral("Bridge");
    m.startedAt = f.store.clock.nowMs() - 3 * 3'600'000;
    m.endedAt = m.startedAt + 3'600'000;
    QVERIFY(f.store.service->addManual(m));
    m.taskTypeId = f.typeId(QStringLiteral("Setup"));
    m.note.clear();
    m.startedAt -= 2 * 3'600'000; // older
    m.endedAt = m.startedAt + 600'000;
    QVERIFY(f.store.service->addManual(m));
    f.async->refresh();
    f.settle();
    NowView view(*f.async);
    QVERIFY(!view.continueButton()->isHidden());
    view.continueButton()->click();
    f.settle();
    const auto running = f.running();
    QVERIFY(running);
    QCOMPARE(running->taskTypeId, f.typeId(QStringLiteral("Mixing")));
    QCOMPARE(running->roomId, a.id);
    QCOMPARE(running->note, QStringLiteral("Bridge"));
    QCOMPARE(running->startedAt, f.store.clock.nowMs());
    QVERIFY(view.continueButton()->isHidden()); // a timer runs: nothing to continue
}

QTEST_MAIN(TestNowView)
#include "tst_now_view.moc"
