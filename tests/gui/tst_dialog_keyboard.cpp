// Issue 16: the fields of every dialog are reached with Alt and the underlined letter of their
// label, in English and in French: each label with a field has a letter, the letter leads to
// that field, no letter is taken twice in a dialog nor by a standard button where the desktop
// underlines them (GNOME: OK, Save, Cancel, Close). And a list or table that has the keyboard
// shows it, light and dark, even when it has no row to show it on.
//
// The new-entry dialog is left to tst_entry_dialog (its letters are its own business).

#include "GuiTestMain.h"
#include "KeyboardFixture.h"
#include "SystemTheme.h"
#include "Theme.h"
#include "dialogs/EntryDialog.h"
#include "sync/SyncSettingsPage.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLibraryInfo>
#include <QListWidget>
#include <QPointer>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>
#include <QVBoxLayout>

using namespace st;
using namespace st::test;

namespace {

// The letters GNOME's Qt theme underlines on the dialog's standard buttons (QGnomeTheme's own
// words, translated by Qt's catalogue): a label must not take them.
QList<QChar> standardButtonLetters(QWidget *dialog)
{
    const std::pair<QDialogButtonBox::StandardButton, const char *> gnome[] = {
        {QDialogButtonBox::Ok, "&OK"},
        {QDialogButtonBox::Save, "&Save"},
        {QDialogButtonBox::Cancel, "&Cancel"},
        {QDialogButtonBox::Close, "&Close"}};
    QList<QChar> letters;
    for (const QDialogButtonBox *box : dialog->findChildren<QDialogButtonBox *>()) {
        for (const auto &[button, text] : gnome) {
            if (box->button(button))
                letters << mnemonic(QCoreApplication::translate("QGnomeTheme", text));
        }
    }
    return letters;
}

bool reachable(const QWidget *field)
{
    return field->isVisible() && field->isEnabled() && (field->focusPolicy() & Qt::TabFocus);
}

// Why the dialog's letters fail, or empty: each label of a field it can reach has a letter of
// its own, and Alt+letter gives that field the keyboard. `fields` counts the labels checked.
QString checkLetters(QWidget *dialog, int *fields)
{
    if (!activate(dialog))
        return QStringLiteral("%1 did not become active").arg(describe(dialog));
    if (const QString clashes = dialogMnemonicClashes(dialog); !clashes.isEmpty())
        return clashes;
    const QList<QChar> reserved = standardButtonLetters(dialog);
    QStringList problems;
    for (QWidget *w : dialog->findChildren<QWidget *>()) {
        if (w->window() != dialog || !w->isVisible())
            continue;
        QString text;
        if (const auto *b = qobject_cast<const QAbstractButton *>(w))
            text = b->text();
        else if (const auto *l = qobject_cast<const QLabel *>(w); l && l->buddy())
            text = l->text();
        if (const QChar letter = mnemonic(text); !letter.isNull() && reserved.contains(letter))
            problems << QStringLiteral("'%1' takes a standard button's letter").arg(text);
    }
    for (QLabel *label : dialog->findChildren<QLabel *>()) {
        QWidget *field = label->buddy();
        if (!label->isVisible() || !field || !reachable(field))
            continue;
        ++*fields;
        const QChar letter = mnemonic(label->text());
        if (letter.isNull() || letter < QLatin1Char('a') || letter > QLatin1Char('z')) {
            problems << QStringLiteral("'%1' has no letter").arg(label->text());
            continue;
        }
        press(letterKey(letter), Qt::AltModifier);
        if (focusedControl() != field)
            problems << QStringLiteral("Alt+%1 ('%2') went to %3")
                            .arg(letter, label->text(), describe(focusedControl()));
    }
    return problems.join(QStringLiteral("; "));
}

// Qt's own words for the buttons, in the language of the row, as the app loads them.
class QtTranslation
{
public:
    explicit QtTranslation(bool french)
    {
        if (french && m_translator.load(QStringLiteral("qtbase_fr"),
                                        QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_translator);
    }
    ~QtTranslation() { QCoreApplication::removeTranslator(&m_translator); }
    QtTranslation(const QtTranslation &) = delete;
    QtTranslation &operator=(const QtTranslation &) = delete;

private:
    QTranslator m_translator;
};

} // namespace

class TestDialogKeyboard final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyFieldLabelLeadsToItsField_data();
    void everyFieldLabelLeadsToItsField();
    void anEmptyListShowsFocus_data();
    void anEmptyListShowsFocus();
    void fusionBecomesOurs();
    void syncSettingsJoinByKeyboard();
    void settingsDailyCopiesByKeyboard();
};

void TestDialogKeyboard::everyFieldLabelLeadsToItsField_data()
{
    englishAndFrench();
}

void TestDialogKeyboard::everyFieldLabelLeadsToItsField()
{
    QFETCH(QString, translation);
    const Translation language(translation);
    QVERIFY(language.ok());
    const QtTranslation qt(!translation.isEmpty());
    AppFixture app;
    QVERIFY(app.showActive());
    int dialogs = 0;
    int fields = 0;
    for (QAction *menu : app.window->menuBar()->actions()) {
        for (QAction *item : menu->menu()->actions()) {
            if (!item->text().endsWith(QChar(0x2026)) || !item->isEnabled())
                continue;
            const QString outcome = withModalDialog(
                [item] { item->trigger(); },
                [&](QWidget *dialog) -> QString {
                    if (qobject_cast<EntryDialog *>(dialog))
                        return {};
                    ++dialogs;
                    auto *page = dialog->findChild<SyncSettingsPage *>();
                    if (!page)
                        return checkLetters(dialog, &fields);
                    // Each way of syncing shows its own fields: the letters of each.
                    QStringList problems;
                    for (QRadioButton *mode : {page->joinButton(), page->hostButton()}) {
                        mode->setChecked(true);
                        page->plainTextBox()->setChecked(false); // the fingerprint field on
                        if (const QString p = checkLetters(dialog, &fields); !p.isEmpty())
                            problems << mode->text() + QStringLiteral(": ") + p;
                    }
                    return problems.join(QStringLiteral("; "));
                });
            QVERIFY2(outcome.isEmpty(), qPrintable(item->text() + QStringLiteral(": ") + outcome));
            app.f.settle();
        }
    }
    QVERIFY(dialogs >= 4); // task types, settings, sync settings, refused changes
    // Settings 9, task types 4, Join a hub 4 (address, found, token, fingerprint), hub 2.
    QVERIFY2(fields >= 18, qPrintable(QString::number(fields)));
}

void TestDialogKeyboard::anEmptyListShowsFocus_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

// Fusion shows where the keyboard is in a list only on its current row: with no row, the list
// with the keyboard looked like any other. Ours frames it in the selection colour.
void TestDialogKeyboard::anEmptyListShowsFocus()
{
    QFETCH(bool, dark);
    const std::unique_ptr<QStyle> style(theme::legibleFusion());
    QWidget window;
    window.setStyle(style.get());
    window.setPalette(dark ? theme::darkPalette() : theme::lightPalette());
    auto *layout = new QVBoxLayout(&window);
    auto *edit = new QLineEdit(&window);
    auto *list = new QListWidget(&window);
    QStandardItemModel model(0, 3);
    auto *table = new QTableView(&window);
    table->setModel(&model);
    for (QWidget *w : {static_cast<QWidget *>(edit), static_cast<QWidget *>(list),
                       static_cast<QWidget *>(table)}) {
        w->setStyle(style.get());
        layout->addWidget(w);
    }
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QPalette &pal = window.palette();
    for (QAbstractItemView *view :
         {static_cast<QAbstractItemView *>(list), static_cast<QAbstractItemView *>(table)}) {
        edit->setFocus();
        QTRY_VERIFY(edit->hasFocus());
        const QImage without = view->grab().toImage();
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        const QImage with = view->grab().toImage();
        QVERIFY2(with != without, view->metaObject()->className());
        // The frame's colour stands out from the window and from the list itself (3:1).
        const QColor frame = with.pixelColor(with.width() / 2, 0);
        QVERIFY2(theme::contrastRatio(frame, pal.color(QPalette::Window)) >=
                     theme::kGraphicContrast,
                 qPrintable(frame.name()));
        QVERIFY2(theme::contrastRatio(frame, pal.color(QPalette::Base)) >= theme::kGraphicContrast,
                 qPrintable(frame.name()));
    }
}

// The app starts on Qt's Fusion (Debian's Qt 6 has no other style without a desktop theme):
// it becomes ours in light too, not only when our dark palette is applied.
void TestDialogKeyboard::fusionBecomesOurs()
{
    QApplication::setStyle(QStringLiteral("Fusion"));
    QVERIFY(theme::isPlainFusion(QApplication::style()));
    SystemTheme light(Appearance::Light, QDBusConnection(QStringLiteral("none")));
    QVERIFY(theme::isLegibleFusion(QApplication::style()));
    QVERIFY(!theme::isPlainFusion(QApplication::style()));
}

// Issue 16's keyboard-only pass over what issue 15 added to Sync settings: Join a hub from the
// keyboard, every field of it in the Tab cycle with focus shown (the empty list of hubs found
// included), the fingerprint by its letter, plain ws:// ticked and unticked by its letter.
void TestDialogKeyboard::syncSettingsJoinByKeyboard()
{
    SystemTheme theme(Appearance::Light, QDBusConnection(QStringLiteral("none"))); // as the app
    AppFixture app;
    QVERIFY(app.showActive());
    const QString outcome = withModalDialog(
        [] {
            press(Qt::Key_Y, Qt::AltModifier);
            press(Qt::Key_S);
        },
        [](QWidget *dialog) -> QString {
            if (!activate(dialog))
                return QStringLiteral("the dialog did not become active");
            auto *page = dialog->findChild<SyncSettingsPage *>();
            if (!page || !tabTo(page->offButton()))
                return QStringLiteral("no Off button to start from");
            press(Qt::Key_Down);
            if (!page->joinButton()->isChecked())
                return QStringLiteral("Down did not choose Join a hub");
            const TabCycle cycle = tabCycle(dialog);
            if (!cycle.error.isEmpty())
                return cycle.error;
            auto *found = page->findChild<QListWidget *>();
            for (QWidget *w :
                 {static_cast<QWidget *>(page->addressEdit()), static_cast<QWidget *>(found),
                  static_cast<QWidget *>(page->fingerprintEdit()),
                  static_cast<QWidget *>(page->plainTextBox())}) {
                if (!cycle.order.contains(w))
                    return QStringLiteral("Tab never reaches ") + describe(w);
            }
            if (const QStringList hidden = focusNotShown(dialog); !hidden.isEmpty())
                return QStringLiteral("focus not shown on: ") + hidden.join(QStringLiteral("; "));
            press(Qt::Key_P, Qt::AltModifier); // Certificate finger&print
            if (focusedControl() != page->fingerprintEdit())
                return QStringLiteral("Alt+P went to ") + describe(focusedControl());
            type(QStringLiteral("ab:cd"));
            if (page->fingerprintEdit()->text() != QLatin1String("ab:cd"))
                return QStringLiteral("typed into the wrong field");
            press(Qt::Key_W, Qt::AltModifier); // Plain text (&ws://)
            if (!QTest::qWaitFor([page] { return page->plainTextBox()->isChecked(); }))
                return QStringLiteral("Alt+W did not tick plain ws://");
            auto *warning = page->findChild<QLabel *>(QStringLiteral("insecure"));
            if (!warning || !warning->isVisible() || page->fingerprintEdit()->isEnabled())
                return QStringLiteral("plain ws:// shows no warning, or keeps the fingerprint");
            if (tabCycle(dialog).order.contains(page->fingerprintEdit()))
                return QStringLiteral("Tab still stops on the unused fingerprint");
            press(Qt::Key_W, Qt::AltModifier);
            if (!QTest::qWaitFor([page] { return !page->plainTextBox()->isChecked(); }) ||
                !page->fingerprintEdit()->isEnabled() || warning->isVisible())
                return QStringLiteral("Alt+W again did not go back to wss://");
            press(Qt::Key_Escape);
            return dialog->isVisible() ? QStringLiteral("Escape did not close it") : QString();
        });
    QVERIFY2(outcome.isEmpty(), qPrintable(outcome));
}

// Settings, from the keyboard only: the daily copies by their letter, arrows, Enter saves.
void TestDialogKeyboard::settingsDailyCopiesByKeyboard()
{
    AppFixture app;
    QVERIFY(app.showActive());
    const int before = app.f.async->snapshot().prefs.dailyBackups;
    QVERIFY(press(Qt::Key_F, Qt::AltModifier));
    QVERIFY(press(Qt::Key_S));
    QPointer<QWidget> dialog;
    QTRY_VERIFY((dialog = QApplication::activeModalWidget()));
    QVERIFY(activate(dialog));
    QVERIFY(press(Qt::Key_Y, Qt::AltModifier)); // Dail&y copies kept
    auto *copies = dialog->findChild<QSpinBox *>(QStringLiteral("dailyBackups"));
    QVERIFY(copies);
    QCOMPARE(focusedControl(), copies);
    QVERIFY(press(Qt::Key_Up));
    QVERIFY(press(Qt::Key_Up));
    QCOMPARE(copies->value(), before + 2);
    QVERIFY(press(Qt::Key_Return)); // Save
    app.f.settle();
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    app.f.settle();
    QCOMPARE(app.f.async->snapshot().prefs.dailyBackups, before + 2);
}

ST_GUI_TEST_MAIN(TestDialogKeyboard, (void)0)

#include "tst_dialog_keyboard.moc"
