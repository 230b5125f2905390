#pragma once

// What tst_accessibility and tst_keyboard share: the whole desktop window as the app builds it
// (store on its worker thread, sync session switched off, Sync menu and status corner), and the
// questions they ask of any window: which controls have no accessible name, and where the Tab key
// goes.

#include "GuiFixture.h"
#include "MainWindow.h"
#include "backend/SyncSession.h"
#include "sync/ClockOffset.h"
#include "sync/SyncUi.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTabBar>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>

namespace st::test {

// The desktop window over a test store, with sync wired in but off.
struct AppFixture
{
    GuiFixture f;
    SystemClock local;
    ClockOffset offset;
    std::unique_ptr<SyncSession> session;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<SyncUi> sync;

    // seed: data put in the store before the window opens, as the app finds it at start.
    explicit AppFixture(const std::function<void(TestStore &)> &seed = {})
    {
        if (seed) {
            seed(f.store);
            f.async->refresh();
            f.settle();
        }
        session = std::make_unique<SyncSession>(*f.async, offset, local,
                                                f.store.dir.filePath(QStringLiteral("hub")));
        window = std::make_unique<MainWindow>(*f.async);
        sync = std::make_unique<SyncUi>(*session, *f.async, *window);
        f.settle();
    }
    ~AppFixture()
    {
        sync.reset();
        window.reset();
        session.reset();
    }

    // Shows the window and makes it the active one, as a person sitting at it would have it.
    bool showActive()
    {
        window->show();
        window->activateWindow();
        return QTest::qWaitFor([this] { return QApplication::activeWindow() == window.get(); });
    }
};

// The control a person meets: the spin box or combo box, not the line edit inside it.
inline QWidget *controlOf(QWidget *w)
{
    QWidget *control = w;
    for (QWidget *p = w; p && !p->isWindow(); p = p->parentWidget()) {
        if (qobject_cast<QAbstractSpinBox *>(p) || qobject_cast<QComboBox *>(p))
            control = p;
    }
    return control;
}

// "QLineEdit 'note' in 'Studio Timer'", for failure messages.
inline QString describe(const QWidget *w)
{
    if (!w)
        return QStringLiteral("(no widget)");
    const QWidget *window = w->window();
    const QString title = window->windowTitle().isEmpty()
                              ? QString::fromLatin1(window->metaObject()->className())
                              : window->windowTitle();
    QString text = w->accessibleName();
    if (const auto *b = qobject_cast<const QAbstractButton *>(w); b && text.isEmpty())
        text = b->text();
    return QStringLiteral("%1 '%2'%3 in '%4'")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
             text.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(text), title);
}

// A part Qt draws inside a composite widget (a line edit's clear button, a tab bar's scroll
// arrows), reached through the widget that owns it.
inline bool isQtPart(const QWidget *w)
{
    const QWidget *p = w->parentWidget();
    return p && (qobject_cast<const QLineEdit *>(p) || qobject_cast<const QAbstractItemView *>(p) ||
                 qobject_cast<const QTabBar *>(p) || qobject_cast<const QAbstractSpinBox *>(p) ||
                 qobject_cast<const QComboBox *>(p));
}

// Reachable with Tab, or something to press.
inline bool isControl(const QWidget *w)
{
    if (w->focusPolicy() & Qt::TabFocus)
        return true;
    return qobject_cast<const QAbstractButton *>(w) && !isQtPart(w);
}

// A name a person can say: letters, not only a colour code or a number.
inline bool isHumanName(const QString &name)
{
    const QString n = name.trimmed();
    static const QRegularExpression code(QStringLiteral("^#[0-9A-Fa-f]{3,8}$"));
    if (n.isEmpty() || code.match(n).hasMatch())
        return false;
    return std::any_of(n.begin(), n.end(), [](QChar c) { return c.isLetter(); });
}

inline QString accessibleText(QWidget *w, QAccessible::Text t)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(t) : QString();
}

// Every visible control of window, each once (the spin box, not its line edit).
inline QList<QWidget *> visibleControls(QWidget *window, bool focusableOnly)
{
    QList<QWidget *> controls;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        // A widget with a focus proxy (a tab widget) hands focus to the proxy, which is met
        // instead.
        if (w->window() != window || !w->isVisible() || w->focusProxy())
            continue;
        if (focusableOnly ? !(w->focusPolicy() & Qt::TabFocus) || !w->isEnabled() : !isControl(w))
            continue;
        QWidget *c = controlOf(w);
        if (!controls.contains(c))
            controls.append(c);
    }
    return controls;
}

// What a screen reader would miss in window: controls without a human name, icon-only buttons
// without a tooltip. Empty when nothing is missing.
inline QStringList accessibilityProblems(QWidget *window)
{
    QStringList problems;
    for (QWidget *c : visibleControls(window, false)) {
        const QString name = accessibleText(c, QAccessible::Name);
        if (!isHumanName(name))
            problems << QStringLiteral("no accessible name (has '%1'): %2").arg(name, describe(c));
        if (const auto *b = qobject_cast<const QAbstractButton *>(c);
            b && b->text().isEmpty() && !b->icon().isNull() && b->toolTip().isEmpty())
            problems << QStringLiteral("icon-only button without a tooltip: %1").arg(describe(c));
    }
    return problems;
}

// Runs check on the modal dialog that trigger opens with exec() (the Sync dialogs, message
// boxes), then closes it with close (a key press, or reject). Returns what check returned, or why
// no dialog came.
inline QString withModalDialog(const std::function<void()> &trigger,
                               const std::function<QString(QWidget *dialog)> &check)
{
    QString outcome = QStringLiteral("no modal dialog appeared");
    bool ran = false;
    QTimer::singleShot(0, qApp, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog)
            return;
        ran = true;
        outcome = check(dialog);
        if (dialog->isVisible())
            dialog->close();
    });
    trigger();
    if (!ran)
        QCoreApplication::processEvents();
    return outcome;
}

} // namespace st::test
