#include "AwayDialog.h"
#include "GuiFixture.h"

#include <QPushButton>

using namespace st;
using namespace st::test;

namespace {
constexpr Ms kMinute = 60'000;

// A timer started 30 minutes ago; the person left 10 minutes in and came back 15 minutes later.
struct Away
{
    GuiFixture f;
    QString entryId;
    Ms from = 0;
    Ms to = 0;

    Away()
    {
        f.async->start(f.typeId(QStringLiteral("Recording")), {});
        f.settle();
        entryId = f.running()->id;
        from = f.store.clock.nowMs() + 10 * kMinute;
        to = from + 15 * kMinute;
        f.store.clock.advanceMinutes(30);
        f.async->refresh();
        f.settle();
    }

    // Answers the dialog with button, then applies the choice as the app does.
    Result<TimeEntry> answer(QPushButton *(AwayDialog::*button)() const, bool keyboard = false)
    {
        AwayDialog dialog(from, to);
        QPushButton *b = (dialog.*button)();
        if (keyboard)
            QTest::keyClick(b, Qt::Key_Space);
        else
            b->click();
        if (dialog.result() != QDialog::Accepted)
            return Error::invalid(QStringLiteral("the dialog was not answered"));
        std::optional<Result<TimeEntry>> result;
        f.async->resolveAway(dialog.choice(), dialog.from(), dialog.to(), &dialog,
                             [&result](const Result<TimeEntry> &r) { result = r; });
        f.settle();
        if (!result)
            return Error::invalid(QStringLiteral("no answer from the worker"));
        return *result;
    }
};
} // namespace

class TestAwayDialog final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void asksWithTheAwaySpan();
    void keepChangesNothing();
    void discardPausesTheAwayTime();
    void stopEndsTheEntryWhenTheyLeftWithAnAuditRow();
    void buttonsHaveAccessibleNames();
    void noRunningTimerIsAnError();
};

void TestAwayDialog::asksWithTheAwaySpan()
{
    const Ms from = QDateTime(QDate(2026, 11, 28), QTime(10, 42)).toMSecsSinceEpoch();
    const Ms to = QDateTime(QDate(2026, 11, 28), QTime(11, 30)).toMSecsSinceEpoch();
    AwayDialog dialog(from, to);
    QVERIFY(dialog.message().contains(QStringLiteral("10:42")));
    QVERIFY(dialog.message().contains(QStringLiteral("11:30")));
    QVERIFY(dialog.stopButton()->text().contains(QStringLiteral("10:42")));
    QVERIFY(dialog.keepButton()->isDefault());
}

void TestAwayDialog::keepChangesNothing()
{
    Away a;
    const TimeEntry before = *a.f.running();
    auto r = a.answer(&AwayDialog::keepButton);
    QVERIFY(r);
    const auto after = a.f.running();
    QVERIFY(after);
    QCOMPARE(after->id, a.entryId);
    QCOMPARE(after->pausedMs, before.pausedMs);
    QVERIFY(!after->adjusted);
    QVERIFY(a.f.store.service->auditTrail(a.entryId).isEmpty());
}

void TestAwayDialog::discardPausesTheAwayTime()
{
    Away a;
    auto r = a.answer(&AwayDialog::discardButton);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    const auto after = a.f.running();
    QVERIFY(after);
    QCOMPARE(after->id, a.entryId);
    QVERIFY(!after->isPaused());
    QCOMPARE(after->pausedMs, 15 * kMinute);
    QCOMPARE(after->billableMs(a.f.store.clock.nowMs()), 15 * kMinute);
    QVERIFY(a.f.async->snapshot().running);
    QCOMPARE(a.f.async->snapshot().running->pausedMs, 15 * kMinute);
}

void TestAwayDialog::stopEndsTheEntryWhenTheyLeftWithAnAuditRow()
{
    Away a;
    // From the keyboard: Space on the focused "Stop at" button.
    auto r = a.answer(&AwayDialog::stopButton, true);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QVERIFY(!a.f.running());
    QVERIFY(!a.f.async->snapshot().running);
    const auto entry = a.f.store.service->entry(a.entryId);
    QVERIFY(entry);
    QCOMPARE(entry->endedAt.value_or(0), a.from);
    QVERIFY(entry->adjusted);
    const QList<AuditRecord> trail = a.f.store.service->auditTrail(a.entryId);
    QCOMPARE(trail.size(), 1);
    QCOMPARE(trail.first().action, QStringLiteral("adjust"));
    QVERIFY(!trail.first().reason.isEmpty());
}

void TestAwayDialog::buttonsHaveAccessibleNames()
{
    AwayDialog dialog(0, kMinute);
    for (QPushButton *b : {dialog.keepButton(), dialog.discardButton(), dialog.stopButton()}) {
        QVERIFY(!b->accessibleName().isEmpty());
        QVERIFY(b->text().contains(QLatin1Char('&'))); // a mnemonic for the keyboard
    }
}

void TestAwayDialog::noRunningTimerIsAnError()
{
    GuiFixture f;
    std::optional<Result<TimeEntry>> result;
    f.async->resolveAway(AwayChoice::Discard, 0, kMinute, nullptr,
                         [&result](const Result<TimeEntry> &r) { result = r; });
    f.settle();
    QVERIFY(result);
    QVERIFY(!*result);
    QCOMPARE(f.store.service->count({}), 0);
}

QTEST_MAIN(TestAwayDialog)
#include "tst_away_dialog.moc"
