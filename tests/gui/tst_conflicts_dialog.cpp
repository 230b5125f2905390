// Issue 16: Refused changes says so when nothing was refused, instead of showing an empty table;
// the list takes its place as soon as the hub has refused something.

#include "GuiFixture.h"
#include "backend/SyncSession.h"
#include "sync/ClockOffset.h"
#include "sync/ConflictsDialog.h"
#include "sync/Outbox.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>

using namespace st;
using namespace st::test;

namespace {

struct Desk
{
    GuiFixture f;
    SystemClock local;
    ClockOffset offset;
    SyncSession session{*f.async, offset, local, f.store.dir.filePath(QStringLiteral("hub"))};
};

QLabel *emptyState(const ConflictsDialog &dialog)
{
    return dialog.findChild<QLabel *>(QStringLiteral("emptyState"));
}

QPushButton *reapplyButton(const ConflictsDialog &dialog)
{
    return dialog.findChild<QPushButton *>(QStringLiteral("reapplyButton"));
}

} // namespace

class TestConflictsDialog final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void saysSoWhenNothingWasRefused();
    void theListTakesThePlaceOfTheEmptyState();
};

void TestConflictsDialog::saysSoWhenNothingWasRefused()
{
    Desk desk;
    ConflictsDialog dialog(desk.session);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QLabel *empty = emptyState(dialog);
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->text(), ConflictsDialog::tr("Nothing was refused. When the hub refuses a "
                                                "change made on this machine, it is listed here "
                                                "with the hub's reason."));
    // No empty table, no button that can do nothing: only Close, which has the keyboard.
    QVERIFY(!dialog.table()->isVisible());
    QVERIFY(!reapplyButton(dialog)->isVisible());
    QPushButton *close = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close);
    QVERIFY(close && close->isVisible());
    // The message is read whole: it is not cut to one line of the dialog's width.
    QVERIFY(empty->height() >= empty->heightForWidth(empty->width()));
}

void TestConflictsDialog::theListTakesThePlaceOfTheEmptyState()
{
    Desk desk;
    ConflictsDialog dialog(desk.session);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QLabel *empty = emptyState(dialog);
    QVERIFY(empty && empty->isVisible());

    // A change the hub refused, as the sync client files it; the session reads it when sync
    // starts (the hub itself need not answer).
    {
        Outbox outbox(*desk.f.store.db, desk.f.store.clock);
        auto opId = outbox.record(protocol::Request{protocol::TimerStop{}});
        QVERIFY(opId);
        QVERIFY(outbox.refuse(*opId, Error::notFound(QStringLiteral("Nothing is running."))));
    }
    const auto joined = desk.session.configure(
        {SyncMode::Join, QStringLiteral("127.0.0.1"), 1, false}, QStringLiteral("token"));
    QVERIFY2(joined, joined ? "" : qPrintable(joined.error().message));
    QTRY_COMPARE(dialog.table()->rowCount(), 1);
    QVERIFY(dialog.table()->isVisible());
    QCOMPARE(dialog.table()->item(0, 4)->text(), QStringLiteral("Nothing is running."));
    QVERIFY(!empty->isVisible());
    QVERIFY(reapplyButton(dialog)->isVisible());
    QVERIFY(desk.session.configure({SyncMode::Off, {}, 0}));
    desk.session.waitForIdle();
}

QTEST_MAIN(TestConflictsDialog)
#include "tst_conflicts_dialog.moc"
