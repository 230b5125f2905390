// Issue 5: the whole app works from the keyboard. Drives the real window with key presses only,
// each sent where a keyboard sends it (the focused widget, or the open menu): tasks by their
// number, pause and stop, every tab, every menu, History's adjust / delete / undo, and in every
// dialog a Tab cycle that meets each control once and an Escape that cancels. Issue 16: focus
// shows wherever Tab brings it, no two underlined letters of a dialog clash (English and
// French), Reports reads top to bottom, a hub found on the network is picked with the arrows.

#include "AwayDialog.h"
#include "GuiTestMain.h"
#include "HistoryView.h"
#include "KeyboardFixture.h"
#include "NowView.h"
#include "Theme.h"
#include "dialogs/EntryDialog.h"
#include "dialogs/SettingsDialog.h"
#include "dialogs/TaskTypesDialog.h"
#include "models/HistoryModel.h"
#include "reports/ReportsView.h"
#include "sync/Discovery.h"
#include "sync/SyncSettingsPage.h"

#include <QDateEdit>
#include <QDateTimeEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>

using namespace st;
using namespace st::test;

namespace {

constexpr Ms kHour = 3'600'000;

// Two stopped entries this morning: Setup 03:00–05:00, then Mixing 05:00–06:00.
struct Morning : AppFixture
{
    QString setup, mixing;

    Morning()
        : AppFixture([](TestStore &store) {
            const Ms now = store.clock.nowMs();
            for (const auto &[task, from, to] :
                 {std::tuple{QStringLiteral("Setup"), now - 5 * kHour, now - 3 * kHour},
                  std::tuple{QStringLiteral("Mixing"), now - 3 * kHour, now - 2 * kHour}}) {
                if (!store.service->addManual(
                        {store.userId(), store.typeId(task), {}, {}, from, to, {}}))
                    qFatal("cannot add the morning's entries");
            }
        })
    {
        for (const TimeEntry &e : f.store.service->list({}))
            (e.taskTypeId == f.typeId(QStringLiteral("Setup")) ? setup : mixing) = e.id;
    }

    QString typeAt(int i) const { return f.async->snapshot().activeTaskTypes().at(i).id; }
};

} // namespace

class TestKeyboard final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tasksStartPauseResumeAndStopByKeys();
    void digitsGoIntoTextFields();
    void everyTabAndMenuByKeyboard();
    void historyAdjustDeleteAndUndoByKeyboard();
    void tabVisitsEveryControlOfEveryTab();
    void everyDialogTabsThroughAndCancelsWithEscape();
    void everyShortcutIsShown();
    void frenchMenusHaveTheirOwnLetters();
    void everyDialogHasItsOwnLetters_data();
    void everyDialogHasItsOwnLetters();
    void reportsTabOrderFollowsTheScreen();
    void aHubFoundOnTheNetworkIsPickedWithTheArrows();
};

void TestKeyboard::tasksStartPauseResumeAndStopByKeys()
{
    Morning app;
    QVERIFY(app.showActive());
    // A button's shortcut presses it and lets go a moment later: wait for the answer.
    QVERIFY(press(Qt::Key_2));
    QTRY_VERIFY(app.f.running() && app.f.running()->taskTypeId == app.typeAt(1));

    QVERIFY(press(Qt::Key_3)); // switches
    QTRY_VERIFY(app.f.running() && app.f.running()->taskTypeId == app.typeAt(2));

    QVERIFY(press(Qt::Key_P, Qt::ControlModifier));
    QTRY_VERIFY(app.f.running() && app.f.running()->isPaused());
    app.f.settle();
    QVERIFY(press(Qt::Key_P, Qt::ControlModifier)); // the same key resumes
    QTRY_VERIFY(app.f.running() && !app.f.running()->isPaused());
    app.f.settle();

    QVERIFY(press(Qt::Key_S, Qt::ControlModifier));
    QTRY_VERIFY(!app.f.running());
}

void TestKeyboard::digitsGoIntoTextFields()
{
    Morning app;
    QVERIFY(app.showActive());
    QVERIFY(press(Qt::Key_1));
    QTRY_VERIFY(app.f.running() && app.f.running()->taskTypeId == app.typeAt(0));
    app.f.settle();

    NowView *now = app.window->nowView();
    const auto anyTaskPressed = [&app, now] {
        for (const TaskType &t : app.f.async->snapshot().activeTaskTypes()) {
            if (now->taskButton(t.id)->isDown())
                return true;
        }
        return false;
    };
    QVERIFY(tabTo(now->noteEdit()));
    QVERIFY(type(QStringLiteral("take 24")));
    QCOMPARE(now->noteEdit()->text(), QStringLiteral("take 24"));
    QVERIFY(!anyTaskPressed()); // "2" and "4" stayed in the note
    QVERIFY(press(Qt::Key_Return));
    QTRY_COMPARE(app.f.running()->note, QStringLiteral("take 24"));
    QCOMPARE(app.f.running()->taskTypeId, app.typeAt(0));

    QVERIFY(press(Qt::Key_2, Qt::AltModifier));
    HistoryView *history = app.window->historyView();
    QCOMPARE(app.window->tabs()->currentWidget(), history);
    // Its text fields: the tags and the note search.
    const auto edits = history->findChildren<QLineEdit *>(Qt::FindDirectChildrenOnly);
    QCOMPARE(edits.size(), 2);
    for (QLineEdit *edit : edits) {
        QVERIFY(tabTo(edit));
        QVERIFY(type(QStringLiteral("3")));
        QCOMPARE(edit->text(), QStringLiteral("3"));
        QVERIFY(!anyTaskPressed());
    }
}

void TestKeyboard::everyTabAndMenuByKeyboard()
{
    Morning app;
    QVERIFY(app.showActive());
    QTabWidget *tabs = app.window->tabs();
    const std::pair<Qt::Key, int> direct[] = {
        {Qt::Key_2, 1}, {Qt::Key_3, 2}, {Qt::Key_1, 0}, {Qt::Key_3, 2}};
    for (const auto &[key, index] : direct) {
        QVERIFY(press(key, Qt::AltModifier));
        QCOMPARE(tabs->currentIndex(), index);
    }
    QVERIFY(press(Qt::Key_Tab, Qt::ControlModifier)); // wraps around
    QCOMPARE(tabs->currentIndex(), 0);
    QVERIFY(press(Qt::Key_Tab, Qt::ControlModifier));
    QCOMPARE(tabs->currentIndex(), 1);
    QVERIFY(press(Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier));
    QCOMPARE(tabs->currentIndex(), 0);

    // Each menu has its own letter, each item its own letter in its menu; Alt+letter opens it.
    const QString clashes = mnemonicClashes(app.window->menuBar());
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes));
    QList<QChar> letters;
    for (QAction *action : app.window->menuBar()->actions()) {
        if (!action->menu() || !action->isVisible())
            continue;
        letters << mnemonic(action->text());
        QVERIFY(press(letterKey(letters.last()), Qt::AltModifier));
        QVERIFY2(QApplication::activePopupWidget() == action->menu(), qPrintable(action->text()));
        leaveMenus();
        QVERIFY(!QApplication::activePopupWidget());
    }
    QVERIFY(letters.size() >= 5); // File, Edit, View, Sync, Help
}

void TestKeyboard::historyAdjustDeleteAndUndoByKeyboard()
{
    Morning app;
    QVERIFY(app.showActive());
    QVERIFY(press(Qt::Key_2, Qt::AltModifier));
    HistoryView *history = app.window->historyView();
    QTableView *table = history->table();
    app.f.settle();
    QCOMPARE(history->model()->rowCount(), 2);
    QVERIFY(tabTo(table));

    // Newest first: Mixing, then Setup.
    QVERIFY(press(Qt::Key_Home, Qt::ControlModifier));
    QCOMPARE(table->currentIndex().row(), 0);
    QVERIFY(press(Qt::Key_Down));
    QCOMPARE(table->currentIndex().row(), 1);
    QVERIFY(press(Qt::Key_Up));
    QVERIFY(press(Qt::Key_Down));
    QCOMPARE(history->model()->entryAt(table->currentIndex().row()).id, app.setup);

    QVERIFY(press(Qt::Key_Return));
    QPointer<EntryDialog> dialog;
    QTRY_VERIFY((dialog = qobject_cast<EntryDialog *>(QApplication::activeModalWidget())));
    QVERIFY(activate(dialog));
    QCOMPARE(dialog->windowTitle(), EntryDialog::tr("Adjust entry"));

    // One Tab per field (issue 16): from the start straight to the end.
    QVERIFY(tabTo(dialog->startEdit()));
    QVERIFY(press(Qt::Key_Tab));
    QDateTimeEdit *end = dialog->endEdit();
    QCOMPARE(focusedControl(), end);
    // The end one hour earlier: arrows to its hours, arrow down.
    const QDateTime before = end->dateTime();
    for (int i = 0; i < 6 && end->currentSection() != QDateTimeEdit::HourSection; ++i)
        QVERIFY(press(Qt::Key_Right));
    QCOMPARE(end->currentSection(), QDateTimeEdit::HourSection);
    QVERIFY(press(Qt::Key_Down));
    QCOMPARE(end->dateTime(), before.addSecs(-3600));

    QVERIFY(tabTo(dialog->reasonEdit()));
    QVERIFY(type(QStringLiteral("Left early")));
    QVERIFY(press(Qt::Key_Return)); // Save
    app.f.settle();
    QTRY_VERIFY(!dialog);
    QVERIFY(activate(app.window.get())); // as the window manager does when a dialog closes
    const Ms now = app.f.store.clock.nowMs();
    QCOMPARE(*app.f.store.service->entry(app.setup)->endedAt, now - 4 * kHour);
    const QList<AuditRecord> audit = app.f.store.service->auditTrail(app.setup);
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().reason, QStringLiteral("Left early"));

    // Back in the table, on the same row: Delete, then Ctrl+Z.
    QCOMPARE(focusedControl(), table);
    QCOMPARE(history->model()->entryAt(table->currentIndex().row()).id, app.setup);
    QVERIFY(press(Qt::Key_Delete));
    app.f.settle();
    QCOMPARE(app.f.store.service->count({}), 1);
    QTRY_COMPARE(history->model()->rowCount(), 1);
    QVERIFY(press(Qt::Key_Z, Qt::ControlModifier));
    app.f.settle();
    QCOMPARE(app.f.store.service->count({}), 2);
    QTRY_COMPARE(history->model()->rowCount(), 2);
}

void TestKeyboard::tabVisitsEveryControlOfEveryTab()
{
    Morning app;
    QVERIFY(app.showActive());
    QVERIFY(press(Qt::Key_1));
    QTRY_VERIFY(app.f.running()); // so the note, Pause and Stop take focus too
    app.f.settle();
    for (const Qt::Key key : {Qt::Key_1, Qt::Key_2, Qt::Key_3}) {
        QVERIFY(press(key, Qt::AltModifier));
        app.f.settle();
        const TabCycle cycle = tabCycle(app.window.get());
        QVERIFY2(cycle.error.isEmpty(), qPrintable(cycle.error));
        // Wherever the keyboard is, it shows (issue 16).
        const QStringList hidden = focusNotShown(app.window.get());
        QVERIFY2(hidden.isEmpty(), qPrintable(hidden.join(QStringLiteral("; "))));
        if (key != Qt::Key_1)
            continue;
        // On Now, the order follows the screen: who, room, the task buttons, the note, Pause,
        // Stop, then the two lists.
        NowView *now = app.window->nowView();
        const auto pickers = now->findChildren<QComboBox *>();
        QList<QWidget *> expected = {pickers.at(0), pickers.at(1)};
        for (const TaskType &t : app.f.async->snapshot().activeTaskTypes())
            expected << now->taskButton(t.id);
        expected << now->noteEdit() << now->pauseButton() << now->stopButton();
        QList<QTableView *> lists = now->findChildren<QTableView *>();
        std::sort(lists.begin(), lists.end(), [now](QWidget *a, QWidget *b) {
            return a->mapTo(now, QPoint()).x() < b->mapTo(now, QPoint()).x();
        });
        for (QTableView *t : lists)
            expected << t; // Today, then the studio beside it
        QList<QWidget *> met = cycle.order;
        met.removeIf([&expected](QWidget *w) { return !expected.contains(w); });
        // A cycle: read it from the first picker.
        std::rotate(met.begin(), std::find(met.begin(), met.end(), expected.first()), met.end());
        const auto names = [](const QList<QWidget *> &widgets) {
            QStringList list;
            for (QWidget *w : widgets)
                list << describe(w) + QStringLiteral(" @%1").arg(quintptr(w), 0, 16);
            return list;
        };
        QCOMPARE(names(met), names(expected));
    }
}

void TestKeyboard::everyDialogTabsThroughAndCancelsWithEscape()
{
    Morning app;
    QVERIFY(app.showActive());
    const auto openedDialog = [] {
        return QApplication::activeModalWidget();
    };

    // New entry (Ctrl+N): Escape adds nothing.
    QVERIFY(press(Qt::Key_N, Qt::ControlModifier));
    QTRY_VERIFY(qobject_cast<EntryDialog *>(openedDialog()));
    QString error = tabThenEscape(openedDialog());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    app.f.settle();
    QCOMPARE(app.f.store.service->count({}), 2);

    // File → Task types…, File → Settings…
    for (const Qt::Key item : {Qt::Key_T, Qt::Key_S}) {
        QVERIFY(press(Qt::Key_F, Qt::AltModifier));
        QVERIFY(press(item));
        QTRY_VERIFY(openedDialog());
        QVERIFY(item == Qt::Key_T ? bool(qobject_cast<TaskTypesDialog *>(openedDialog()))
                                  : bool(qobject_cast<SettingsDialog *>(openedDialog())));
        error = tabThenEscape(openedDialog());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        leaveMenus();
    }

    // Adjust from History (Enter on a row): Escape changes nothing.
    QVERIFY(press(Qt::Key_2, Qt::AltModifier));
    QVERIFY(tabTo(app.window->historyView()->table()));
    QVERIFY(press(Qt::Key_Home, Qt::ControlModifier));
    QVERIFY(press(Qt::Key_Enter, Qt::KeypadModifier));
    QTRY_VERIFY(qobject_cast<EntryDialog *>(openedDialog()));
    error = tabThenEscape(openedDialog());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    app.f.settle();
    QVERIFY(app.f.store.service->auditTrail(app.mixing).isEmpty());

    // Sync → Sync settings…, Sync → Refused changes…, Help → About: modal, each in its own loop.
    const std::pair<Qt::Key, Qt::Key> modal[] = {
        {Qt::Key_Y, Qt::Key_S}, {Qt::Key_Y, Qt::Key_R}, {Qt::Key_H, Qt::Key_A}};
    for (const auto &[menu, item] : modal) {
        error = withModalDialog(
            [menu = menu, item = item] {
                press(menu, Qt::AltModifier);
                press(item);
            },
            tabThenEscape);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        leaveMenus();
    }

    // The away question, as the away watcher opens it over the window.
    AwayDialog away(app.f.store.clock.nowMs() - kHour, app.f.store.clock.nowMs(), app.window.get());
    away.open();
    error = tabThenEscape(&away);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(away.result(), int(QDialog::Rejected));
}

// A shortcut nobody can find is no shortcut: each is in a menu, a context menu, or the tooltip
// of its button.
void TestKeyboard::everyShortcutIsShown()
{
    Morning app;
    QVERIFY(app.showActive());
    int buttons = 0;
    for (QAbstractButton *b : app.window->findChildren<QAbstractButton *>()) {
        if (b->shortcut().isEmpty())
            continue;
        ++buttons;
        QVERIFY2(b->toolTip().contains(b->shortcut().toString(QKeySequence::NativeText)),
                 qPrintable(describe(b) + QStringLiteral(": ") + b->toolTip()));
    }
    QVERIFY(buttons >= 7); // five task types, Pause, Stop
    QList<QKeySequence> menuKeys;
    for (QAction *a : app.window->findChildren<QAction *>()) {
        if (a->shortcut().isEmpty())
            continue;
        bool shown = false;
        for (QObject *o : a->associatedObjects()) {
            if (qobject_cast<QMenu *>(o))
                shown = true;
            if (auto *w = qobject_cast<QWidget *>(o);
                w && w->contextMenuPolicy() == Qt::ActionsContextMenu)
                shown = true;
            if (qobject_cast<QMenu *>(o) && !menuKeys.contains(a->shortcut()))
                menuKeys << a->shortcut();
            else if (qobject_cast<QMenu *>(o))
                QFAIL(qPrintable(QStringLiteral("two menu items share %1")
                                     .arg(a->shortcut().toString(QKeySequence::NativeText))));
        }
        QVERIFY2(shown, qPrintable(a->text()));
    }
}

// The letters are translated with the menus: French must not make two of them clash.
void TestKeyboard::frenchMenusHaveTheirOwnLetters()
{
    QTranslator french;
    QVERIFY(french.load(QStringLiteral(":/i18n/studiotimer_fr.qm")));
    QCoreApplication::installTranslator(&french);
    {
        AppFixture app;
        QCOMPARE(app.window->menuBar()->actions().first()->text(), QStringLiteral("&Fichier"));
        const QString clashes = mnemonicClashes(app.window->menuBar());
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes));
    }
    QCoreApplication::removeTranslator(&french);
}

// Issue 16: in each dialog an underlined letter leads to one control, in English and in French
// (the letters are translated with the words). Every dialog a menu item opens, and the away
// question.
void TestKeyboard::everyDialogHasItsOwnLetters_data()
{
    englishAndFrench();
}

void TestKeyboard::everyDialogHasItsOwnLetters()
{
    QFETCH(QString, translation);
    const Translation language(translation);
    QVERIFY(language.ok());
    AppFixture app; // (Morning's entries name English task types)
    QVERIFY(app.showActive());
    int dialogs = 0;
    for (QAction *menu : app.window->menuBar()->actions()) {
        for (QAction *item : menu->menu()->actions()) {
            // The items that open a dialog end with "…", and About.
            const bool about = menu == app.window->menuBar()->actions().last();
            if (!item->text().endsWith(QChar(0x2026)) && !about)
                continue;
            if (!item->isEnabled())
                continue;
            const QString outcome =
                withModalDialog([item] { item->trigger(); },
                                [](QWidget *dialog) { return dialogMnemonicClashes(dialog); });
            QVERIFY2(outcome.isEmpty(), qPrintable(item->text() + QStringLiteral(": ") + outcome));
            ++dialogs;
            app.f.settle();
        }
    }
    QVERIFY(dialogs >= 6); // new entry, task types, settings, sync settings, refused, about
    AwayDialog away(app.f.store.clock.nowMs() - kHour, app.f.store.clock.nowMs(), app.window.get());
    away.show();
    const QString clashes = dialogMnemonicClashes(&away);
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes));
}

// Issue 16: Reports reads top to bottom: the period, the report, then what to do with it.
void TestKeyboard::reportsTabOrderFollowsTheScreen()
{
    Morning app;
    QVERIFY(app.showActive());
    QVERIFY(press(Qt::Key_3, Qt::AltModifier));
    app.f.settle();
    ReportsView *reports = app.window->reportsView();
    const TabCycle cycle = tabCycle(app.window.get());
    QVERIFY2(cycle.error.isEmpty(), qPrintable(cycle.error));
    QList<QWidget *> met = cycle.order;
    met.removeIf([reports](QWidget *w) { return !reports->isAncestorOf(w); });
    QVERIFY(met.size() >= 7); // period, grouping, table, three exports, import (the days: Custom)
    // Each control is below the one before it, or on the same row to its right.
    for (qsizetype i = 1; i < met.size(); ++i) {
        const QRect before(met.at(i - 1)->mapTo(reports, QPoint()), met.at(i - 1)->size());
        const QRect now(met.at(i)->mapTo(reports, QPoint()), met.at(i)->size());
        const bool sameRow =
            now.center().y() >= before.top() && now.center().y() <= before.bottom();
        QVERIFY2(
            sameRow ? now.left() > before.left() : now.top() > before.center().y(),
            qPrintable(describe(met.at(i - 1)) + QStringLiteral(" then ") + describe(met.at(i))));
    }
}

// Issue 16: a hub the join page heard is picked with the arrow keys, not only with the mouse.
void TestKeyboard::aHubFoundOnTheNetworkIsPickedWithTheArrows()
{
    Morning app;
    QVERIFY(app.showActive());
    discovery::Announcer announcer;
    announcer.setTarget(QHostAddress::LocalHost, discovery::kDefaultPort);
    announcer.setInterval(200);
    const QString outcome = withModalDialog(
        [] {
            press(Qt::Key_Y, Qt::AltModifier);
            press(Qt::Key_S);
        },
        [&announcer](QWidget *dialog) -> QString {
            if (!activate(dialog))
                return QStringLiteral("the dialog did not become active");
            auto *page = dialog->findChild<SyncSettingsPage *>();
            if (!page || !tabTo(page->offButton()))
                return QStringLiteral("no Off button to start from");
            press(Qt::Key_Down); // Join a hub
            if (!page->joinButton()->isChecked())
                return QStringLiteral("Down did not choose Join a hub");
            announcer.start({QStringLiteral("Studio desk"), 7345, QStringLiteral("Studio Nord")});
            auto *found = page->findChild<QListWidget *>();
            if (!tabTo(found))
                return QStringLiteral("Tab does not reach the hubs found");
            // Other hubs may announce on this network too: Down until ours is picked.
            const QString ours = QStringLiteral("127.0.0.1:7345");
            const auto listed = [found, &ours] {
                for (int i = 0; i < found->count(); ++i) {
                    if (found->item(i)->data(Qt::UserRole).toString() == ours)
                        return true;
                }
                return false;
            };
            if (!QTest::qWaitFor(listed, 5000))
                return QStringLiteral("the announced hub is not listed");
            for (int i = 0; i < found->count() && page->addressEdit()->text() != ours; ++i)
                press(Qt::Key_Down);
            const QString address = page->addressEdit()->text();
            press(Qt::Key_Escape);
            return address == ours ? QString()
                                   : QStringLiteral("the address reads '%1'").arg(address);
        });
    QVERIFY2(outcome.isEmpty(), qPrintable(outcome));
}

// The style the app runs with (SystemTheme puts it in Fusion's place): an empty list that has the
// keyboard, the adjust dialog's audit trail of an entry never changed, shows it.
ST_GUI_TEST_MAIN(TestKeyboard, QApplication::setStyle(theme::legibleFusion()))

#include "tst_keyboard.moc"
