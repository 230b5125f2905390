#pragma once

// Driving a window with key presses only, as tst_keyboard does: each key sent where a keyboard
// sends it (the focused widget, or the open menu), the Tab cycle of a window, Escape, the
// underlined letters of menus and dialogs, and whether focus can be seen.

#include "A11yFixture.h"

#include <QGroupBox>
#include <QHash>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>

namespace st::test {

inline QWidget *keyTarget()
{
    if (QWidget *popup = QApplication::activePopupWidget())
        return popup->focusWidget() ? popup->focusWidget() : popup;
    if (QWidget *focus = QApplication::focusWidget())
        return focus;
    return QApplication::activeWindow();
}

// One key, sent where the keyboard sends it.
inline bool press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *target = keyTarget();
    if (!target)
        return false;
    QTest::keyClick(target, key, modifiers);
    return true;
}

inline bool type(const QString &text)
{
    QWidget *target = keyTarget();
    if (!target)
        return false;
    QTest::keyClicks(target, text);
    return true;
}

inline QWidget *focusedControl()
{
    QWidget *focus = QApplication::focusWidget();
    return focus ? controlOf(focus) : nullptr;
}

// Tab until target has focus; false when it is not met in one trip around the window.
inline bool tabTo(QWidget *target)
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
inline TabCycle tabCycle(QWidget *window)
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
inline bool activate(QWidget *window)
{
    window->activateWindow();
    return QTest::qWaitFor([window] { return QApplication::activeWindow() == window; });
}

inline QString dialogMnemonicClashes(QWidget *dialog);
inline QStringList focusNotShown(QWidget *window);

// The cycle, its letters and its focus, then Escape; empty when all went well.
inline QString tabThenEscape(QWidget *dialog)
{
    if (!activate(dialog))
        return QStringLiteral("%1 did not become active").arg(describe(dialog));
    const TabCycle cycle = tabCycle(dialog);
    if (!cycle.error.isEmpty())
        return cycle.error;
    if (const QString clashes = dialogMnemonicClashes(dialog); !clashes.isEmpty())
        return QStringLiteral("letters clash: ") + clashes;
    if (const QStringList hidden = focusNotShown(dialog); !hidden.isEmpty())
        return QStringLiteral("focus not shown on: ") + hidden.join(QStringLiteral("; "));
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
inline void leaveMenus()
{
    for (int i = 0; i < 3; ++i) {
        if (!QApplication::activePopupWidget() && !qobject_cast<QMenuBar *>(keyTarget()))
            return;
        press(Qt::Key_Escape);
    }
}

// The underlined letter of a text ("&&" is a plain ampersand), lower case; null when none.
inline QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) != QLatin1Char('&'))
            return text.at(i + 1).toLower();
        ++i;
    }
    return {};
}

// Why the menu bar's letters clash (Alt+letter must open one menu, a letter one item), or empty.
inline QString mnemonicClashes(QMenuBar *bar)
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

inline Qt::Key letterKey(QChar c)
{
    return Qt::Key(Qt::Key_A + (c.toLower().unicode() - 'a'));
}
// Why two underlined letters of a dialog clash (Alt+letter must reach one control), or empty:
// its buttons, check boxes, group boxes, tabs, and the labels that lead to a control.
inline QString dialogMnemonicClashes(QWidget *dialog)
{
    QStringList texts;
    for (QWidget *w : dialog->findChildren<QWidget *>()) {
        if (w->window() != dialog || !w->isVisible())
            continue;
        if (const auto *b = qobject_cast<const QAbstractButton *>(w))
            texts << b->text();
        else if (const auto *l = qobject_cast<const QLabel *>(w); l && l->buddy())
            texts << l->text();
        else if (const auto *g = qobject_cast<const QGroupBox *>(w))
            texts << g->title();
        else if (const auto *t = qobject_cast<const QTabBar *>(w)) {
            for (int i = 0; i < t->count(); ++i)
                texts << t->tabText(i);
        }
    }
    QStringList clashes;
    QHash<QChar, QString> seen;
    for (const QString &text : texts) {
        const QChar letter = mnemonic(text);
        if (letter.isNull())
            continue;
        if (seen.contains(letter))
            clashes << QStringLiteral("'%1' and '%2' in %3")
                           .arg(seen.value(letter), text, describe(dialog));
        else
            seen.insert(letter, text);
    }
    return clashes.join(QStringLiteral(", "));
}

// The controls whose look does not change when Tab brings the keyboard to them: nobody can see
// where it is. Walks the window's Tab cycle from the focused control, drawing each control with
// focus and again once Tab has moved on. A dialog's default button keeps the frame that marks
// it whatever has focus, and is not counted.
inline QStringList focusNotShown(QWidget *window)
{
    QStringList problems;
    QWidget *start = focusedControl();
    bool left = false;
    for (int i = 0; i < 400 && !(left && focusedControl() == start); ++i) {
        QWidget *control = focusedControl();
        if (!control || control->window() != window)
            return {QStringLiteral("focus left %1").arg(describe(window))};
        const QImage focused = control->grab().toImage();
        press(Qt::Key_Tab);
        if (focusedControl() == control)
            continue; // moving inside it: a date's fields, a label's links
        left = true;
        const auto *button = qobject_cast<const QPushButton *>(control);
        if (button && button->isDefault())
            continue;
        if (control->grab().toImage() == focused)
            problems << describe(control);
    }
    return problems;
}

} // namespace st::test
