// Issue 5: the whole app works from the keyboard. Drives the real window with key presses only,
// each sent where a keyboard sends it (the focused widget, or the open menu): tasks by their
// number, pause and stop, every tab, every menu, History's adjust / delete / undo, and in every
// dialog a Tab cycle that meets each control once and an Escape that cancels.

#include "A11yFixture.h"
#include "AwayDialog.h"
#include "HistoryView.h"
#include "NowView.h"
#include "dialogs/EntryDialog.h"
#include "dialogs/SettingsDialog.h"
#include "dialogs/TaskTypesDialog.h"
#include "models/HistoryModel.h"

#include <QDateTimeEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>

using namespace st;
using namespace st::test;

namespace {

constexpr Ms kHour = 3'600'000;

QWidget *keyTarget()
{
    if (QWidget *popup = QApplication::activePopupWidget())
        return popup->focusWidget() ? popup->focusWidget() : popup;
    if (QWidget *focus = QApplication::focusWidget())
        return focus;
    return QApplication::activeWindow();
}

// One key, sent where the keyboard sends it.
bool press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *target = keyTarget();
    if (!target)
        return false;
    QTest::keyClick(target, key, modifiers);
    return true;
}

bool type(const QString &text)
{
    QWidget *target = keyTarget();
    if (!target)
        return false;
    QTest::keyClicks(target, text);
    return true;
}

QWidget *focusedControl()
{
    QWidget *focus = QApplication::focusWidget();
    return focus ? controlOf(focus) : nullptr;
}

// Tab until target has focus; false when it is not met in one trip around the window.
bool tabTo(QWidget *target)
{
    for (int i = 0; i < 80 && focusedControl() != target; ++i) {
        if (!press(Qt::Key_Tab))
            return false;
    }
    return focusedControl() == target;
}

struct TabCycle
{
    QString error;          // empty when the cycle is good
    QList<QWidget *> order; // the controls met, starting with the one focused first
};

// Presses Tab from the focused control until focus comes back to it. Every visible, enabled
// control that takes Tab focus must be met exactly once; a control may keep focus over a few
// presses (a date edit steps through its sections), never more than a date has.
TabCycle tabCycle(QWidget *window)
{
    TabCycle cycle;
    QWidget *start = focusedControl();
    if (!start || start->window() != window) {
        cycle.error = QStringLiteral("nothing in %1 has focus").arg(describe(window));
        return cycle;
    }
    cycle.order = {start};
    int stay = 0;
    for (int i = 0; i < 400; ++i) {
        press(Qt::Key_Tab);
        QWidget *now = focusedControl();
        if (!now || now->window() != window) {
            cycle.error = QStringLiteral("Tab after %1 left the window for %2")
                              .arg(describe(cycle.order.last()), describe(now));
            return cycle;
        }
        if (now == cycle.order.last()) {
            if (now == start && visibleControls(window, true).size() == 1)
                break; // the only control: Tab rightly stays
            if (++stay > 6) {
                cycle.error = QStringLiteral("Tab is trapped in %1").arg(describe(now));
                return cycle;
            }
            continue;
        }
        stay = 0;
        if (now == start)
            break;
        if (cycle.order.contains(now)) {
            cycle.error = QStringLiteral("Tab meets %1 twice before coming back to %2")
                              .arg(describe(now), describe(start));
            return cycle;
        }
        cycle.order.append(now);
    }
    if (controlOf(QApplication::focusWidget()) != start) {
        cycle.error = QStringLiteral("Tab never comes back to %1").arg(describe(start));
        return cycle;
    }
    QStringList missing;
    for (QWidget *w : visibleControls(window, true)) {
        if (!cycle.order.contains(w))
            missing << describe(w);
    }
    if (!missing.isEmpty())
        cycle.error = QStringLiteral("Tab never reaches: ") + missing.join(QStringLiteral("; "));
    return cycle;
}

// What the window manager does with a new dialog: gives it the keyboard.
bool activate(QWidget *window)
{
    window->activateWindow();
    return QTest::qWaitFor([window] { return QApplication::activeWindow() == window; });
}

// The cycle, then Escape; empty when both went well.
QString tabThenEscape(QWidget *dialog)
{
    if (!activate(dialog))
        return QStringLiteral("%1 did not become active").arg(describe(dialog));
    const TabCycle cycle = tabCycle(dialog);
    if (!cycle.error.isEmpty())
        return cycle.error;
    press(Qt::Key_Escape);
    if (dialog->isVisible())
        return QStringLiteral("Escape does not close %1").arg(describe(dialog));
    // The window manager gives the keyboard back to the window under the dialog.
    if (QWidget *parent = dialog->parentWidget(); parent && !activate(parent->window()))
        return QStringLiteral("the window under %1 did not get the keyboard back")
            .arg(describe(dialog));
    return {};
}

// Closes what Alt+letter opened: the menu, then the menu bar's keyboard mode.
void leaveMenus()
{
    for (int i = 0; i < 3; ++i) {
        if (!QApplication::activePopupWidget() && !qobject_cast<QMenuBar *>(keyTarget()))
            return;
        press(Qt::Key_Escape);
    }
}

QChar mnemonic(const QString &text)
{
    const qsizetype amp = text.indexOf(QLatin1Char('&'));
    return amp >= 0 && amp + 1 < text.size() ? text.at(amp + 1).toLower() : QChar();
}

// Why the menu bar's letters clash (Alt+letter must open one menu, a letter one item), or empty.
QString mnemonicClashes(QMenuBar *bar)
{
    QStringList clashes;
    QList<QChar> menus;
    for (QAction *action : bar->actions()) {
        if (!action->menu() || !action->isVisible())
            continue;
        const QChar letter = mnemonic(action->text());
        if (!letter.isLetter() || menus.contains(letter))
            clashes << action->text();
        menus << letter;
        QList<QChar> items;
        for (QAction *item : action->menu()->actions()) {
            if (item->isSeparator())
                continue;
            const QChar l = mnemonic(item->text());
            if (!l.isLetterOrNumber() || items.contains(l))
                clashes << action->text() + QStringLiteral(" → ") + item->text();
            items << l;
        }
    }
    return clashes.join(QStringLiteral(", "));
}

Qt::Key letterKey(QChar c)
{
    return Qt::Key(Qt::Key_A + (c.toLower().unicode() - 'a'));
}

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
    const auto edits = history->findChildren<QLineEdit *>(Qt::FindDirectChildrenOnly);
    QCOMPARE(edits.size(), 1);
    QVERIFY(tabTo(edits.first()));
    QVERIFY(type(QStringLiteral("3")));
    QCOMPARE(edits.first()->text(), QStringLiteral("3"));
    QVERIFY(!anyTaskPressed());
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

int main(int argc, char *argv[])
{
    // Settings and autostart are read when the dialogs open: keep them out of the user's files.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
    QApplication app(argc, argv);
    TestKeyboard test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keyboard.moc"
