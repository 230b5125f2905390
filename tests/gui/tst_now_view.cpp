#include "GuiFixture.h"

#include "NowView.h"
#include "models/StudioModel.h"
#include "models/TodayModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

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

QTEST_MAIN(TestNowView)
#include "tst_now_view.moc"
