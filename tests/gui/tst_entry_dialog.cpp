#include "GuiFixture.h"

#include "dialogs/EntryDialog.h"
#include "models/EntryFormat.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QTreeWidget>

using namespace st;
using namespace st::test;

class TestEntryDialog final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refusesEndBeforeStart();
    void refusesAMissingReason();
    void adjustsWithAReasonAndShowsTheAuditTrail();
    void showsTheStoresRefusal();
    void addsAManualEntry();
    void proposesTheGapAfterTheDaysLastEntry();
    void oneTabPerDateTimeField();

private:
    static TimeEntry finished(GuiFixture &f);
};

TimeEntry TestEntryDialog::finished(GuiFixture &f)
{
    ManualEntry m;
    m.userId = f.store.userId();
    m.taskTypeId = f.typeId(QStringLiteral("Recording"));
    m.startedAt = f.store.clock.nowMs() - 2 * 3'600'000;
    m.endedAt = f.store.clock.nowMs() - 3'600'000;
    const TimeEntry e = f.store.service->addManual(m).value();
    f.settle();
    return e;
}

void TestEntryDialog::refusesEndBeforeStart()
{
    GuiFixture f;
    const TimeEntry e = finished(f);
    EntryDialog dialog(*f.async, EntryDialog::Mode::Adjust, e);
    dialog.endEdit()->setDateTime(dialog.startEdit()->dateTime().addSecs(-600));
    dialog.reasonEdit()->setText(QStringLiteral("Typo"));
    dialog.accept();
    f.settle();
    QVERIFY(!dialog.errorText().isEmpty());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!f.store.service->entry(e.id)->adjusted);
    QCOMPARE(*f.store.service->entry(e.id)->endedAt, *e.endedAt);
}

void TestEntryDialog::refusesAMissingReason()
{
    GuiFixture f;
    const TimeEntry e = finished(f);
    EntryDialog dialog(*f.async, EntryDialog::Mode::Adjust, e);
    dialog.endEdit()->setDateTime(dialog.endEdit()->dateTime().addSecs(600));
    dialog.reasonEdit()->setText(QStringLiteral("   "));
    dialog.accept();
    f.settle();
    QVERIFY(!dialog.errorText().isEmpty());
    QVERIFY(!f.store.service->entry(e.id)->adjusted);
}

void TestEntryDialog::adjustsWithAReasonAndShowsTheAuditTrail()
{
    GuiFixture f;
    const TimeEntry e = finished(f);
    {
        EntryDialog dialog(*f.async, EntryDialog::Mode::Adjust, e);
        f.settle();
        QCOMPARE(dialog.auditView()->topLevelItemCount(), 1); // "never adjusted"
        QSignalSpy saved(&dialog, &EntryDialog::saved);
        dialog.endEdit()->setDateTime(dialog.endEdit()->dateTime().addSecs(-15 * 60));
        dialog.taskCombo()->setCurrentIndex(
            dialog.taskCombo()->findData(f.typeId(QStringLiteral("Mixing"))));
        dialog.reasonEdit()->setText(QStringLiteral("Stopped late"));
        dialog.accept();
        f.settle();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    const TimeEntry after = *f.store.service->entry(e.id);
    QVERIFY(after.adjusted);
    QCOMPARE(*after.endedAt, *e.endedAt - 15 * 60'000);
    QCOMPARE(after.taskTypeId, f.typeId(QStringLiteral("Mixing")));
    QCOMPARE(after.startedAt, e.startedAt); // untouched fields stay as they were

    EntryDialog again(*f.async, EntryDialog::Mode::Adjust, after);
    f.settle();
    QCOMPARE(again.auditView()->topLevelItemCount(), 1);
    QTreeWidgetItem *row = again.auditView()->topLevelItem(0);
    QCOMPARE(row->text(3), QStringLiteral("Stopped late"));
    QCOMPARE(row->text(1), f.store.profile.user.name);
    QVERIFY(!row->text(2).isEmpty());
}

void TestEntryDialog::showsTheStoresRefusal()
{
    GuiFixture f;
    const TimeEntry e = finished(f);
    // Another entry right after: moving this one's end over it is an overlap the store refuses.
    ManualEntry m;
    m.userId = f.store.userId();
    m.taskTypeId = f.typeId(QStringLiteral("Setup"));
    m.startedAt = *e.endedAt;
    m.endedAt = *e.endedAt + 30 * 60'000;
    QVERIFY(f.store.service->addManual(m).ok());
    EntryDialog dialog(*f.async, EntryDialog::Mode::Adjust, e);
    dialog.endEdit()->setDateTime(dialog.endEdit()->dateTime().addSecs(20 * 60));
    dialog.reasonEdit()->setText(QStringLiteral("Longer"));
    dialog.accept();
    f.settle();
    QVERIFY(!dialog.errorText().isEmpty());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(*f.store.service->entry(e.id)->endedAt, *e.endedAt);
}

void TestEntryDialog::addsAManualEntry()
{
    GuiFixture f;
    TimeEntry proposal;
    proposal.startedAt = f.store.clock.nowMs() - 3'600'000;
    proposal.endedAt = f.store.clock.nowMs();
    proposal.taskTypeId = f.typeId(QStringLiteral("Mastering"));
    EntryDialog dialog(*f.async, EntryDialog::Mode::Create, proposal);
    QVERIFY(!dialog.reasonEdit());
    dialog.noteEdit()->setText(QStringLiteral("Vinyl master"));
    dialog.accept();
    f.settle();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const auto list = f.store.service->list({});
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().note, QStringLiteral("Vinyl master"));
    QCOMPARE(list.first().source, EntrySource::Manual);
    QCOMPARE(list.first().taskTypeId, f.typeId(QStringLiteral("Mastering")));
}

void TestEntryDialog::proposesTheGapAfterTheDaysLastEntry()
{
    // Issue 16: "New entry" proposed the last hour even when it clashed with the entry just added.
    GuiFixture f;
    const QDate day(2026, 11, 27);
    const auto at = [&day](int h, int m = 0) {
        return QDateTime(day, QTime(h, m)).toMSecsSinceEpoch();
    };
    f.store.clock.set(at(15));
    f.async->refresh();
    f.settle();
    TimeEntry p = EntryDialog::proposal(f.async->snapshot(), at(15));
    QCOMPARE(p.startedAt, at(14)); // an empty day: the last hour
    QCOMPARE(*p.endedAt, at(15));
    QVERIFY(!p.taskTypeId.isEmpty());

    ManualEntry m;
    m.userId = f.store.userId();
    m.taskTypeId = f.typeId(QStringLiteral("Mixing"));
    m.startedAt = at(13, 30);
    m.endedAt = at(14, 30);
    QVERIFY(f.store.service->addManual(m));
    m.startedAt = at(9);
    m.endedAt = at(10);
    QVERIFY(f.store.service->addManual(m));
    f.async->refresh();
    f.settle();
    p = EntryDialog::proposal(f.async->snapshot(), at(15));
    QCOMPARE(p.startedAt, at(14, 30)); // after the day's last entry, up to now
    QCOMPARE(*p.endedAt, at(15));
    // Saved as proposed, it is accepted: no clash.
    EntryDialog dialog(*f.async, EntryDialog::Mode::Create, p);
    dialog.accept();
    f.settle();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    f.async->refresh();
    f.settle();
    // The day is now full up to now: the latest gap before it (10:00-13:30), its last hour, not
    // an hour in the future (the keyboard pass of issue 16 found 05:58-06:58 proposed at 05:58).
    p = EntryDialog::proposal(f.async->snapshot(), at(15));
    QCOMPARE(p.startedAt, at(12, 30));
    QCOMPARE(*p.endedAt, at(13, 30));
    // The same while a timer runs (it reaches now): the gap before it, 15:00-15:20.
    f.store.clock.set(at(15, 20));
    QVERIFY(f.store.service->start(
        {f.store.userId(), f.typeId(QStringLiteral("Mixing")), {}, {}, std::nullopt, {}}));
    f.async->refresh();
    f.settle();
    p = EntryDialog::proposal(f.async->snapshot(), at(15, 20));
    QCOMPARE(p.startedAt, at(15));
    QCOMPARE(*p.endedAt, at(15, 20));
    EntryDialog again(*f.async, EntryDialog::Mode::Create, p);
    again.accept();
    f.settle();
    QCOMPARE(again.result(), int(QDialog::Accepted));
}

void TestEntryDialog::oneTabPerDateTimeField()
{
    GuiFixture f;
    TimeEntry proposal;
    proposal.startedAt = f.store.clock.nowMs() - 3'600'000;
    proposal.endedAt = f.store.clock.nowMs();
    EntryDialog dialog(*f.async, EntryDialog::Mode::Create, proposal);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.startEdit()->setFocus();
    dialog.startEdit()->setCurrentSectionIndex(0);
    QTest::keyClick(dialog.startEdit(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog.endEdit());
    // Arrows move between the parts of the field; Up changes the one under the cursor.
    QDateTimeEdit *end = dialog.endEdit();
    end->setCurrentSectionIndex(0);
    for (int i = 0; i < 6 && end->currentSection() != QDateTimeEdit::MinuteSection; ++i)
        QTest::keyClick(end, Qt::Key_Right);
    QCOMPARE(end->currentSection(), QDateTimeEdit::MinuteSection);
    const QDateTime before = end->dateTime();
    QTest::keyClick(end, Qt::Key_Up);
    QCOMPARE(end->dateTime(), before.addSecs(60));
    // The locale's date, as the tables show it (not ISO whatever the locale).
    QVERIFY(end->text().startsWith(entryFormat::date(end->dateTime().toMSecsSinceEpoch())));
}

QTEST_MAIN(TestEntryDialog)
#include "tst_entry_dialog.moc"
