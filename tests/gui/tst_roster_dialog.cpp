// Issue 12, "Rooms and people": the window's dialog renames, archives and merges rooms and people
// from the keyboard alone, through the backend (the UI thread never touches the database); a
// refusal is shown and changes nothing; its underlined letters are unique in English and French.
#include "GuiFixture.h"
#include "KeyboardFixture.h"

#include "projects/RosterDialog.h"
#include "projects/RosterPage.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QTabWidget>

using namespace st;
using namespace st::test;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

int rowOf(QListWidget *list, const QString &text)
{
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->text() == text)
            return i;
    }
    return -1;
}

} // namespace

class TestRosterDialog final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void renameArchiveAndMergeByKeyboard();
    void lettersAreUnique_data() { englishAndFrench(); }
    void lettersAreUnique();
};

void TestRosterDialog::renameArchiveAndMergeByKeyboard()
{
    GuiFixture f;
    Room two;
    two.name = s("Room 2");
    const Room roomTwo = f.store.service->saveRoom(two).value();
    Room live;
    live.name = s("Live Room");
    const Room liveRoom = f.store.service->saveRoom(live).value();
    ManualEntry m;
    m.userId = f.store.userId();
    m.taskTypeId = f.typeId(s("Recording"));
    m.roomId = roomTwo.id;
    m.startedAt = f.store.clock.nowMs() - 7'200'000;
    m.endedAt = f.store.clock.nowMs() - 3'600'000;
    const TimeEntry entry = f.store.service->addManual(m).value();
    f.async->refresh();
    f.settle();

    RosterDialog dialog(*f.async);
    dialog.show();
    QVERIFY(activate(&dialog));
    RosterPage *page = dialog.roomsPage();
    QCOMPARE(page->list()->count(), 2);

    // Rename: "Live Room" chosen in the list, Alt+N to the name, a new name, Enter.
    page->list()->setFocus();
    page->list()->setCurrentRow(rowOf(page->list(), s("Live Room")));
    QVERIFY(press(Qt::Key_N, Qt::AltModifier));
    QCOMPARE(QApplication::focusWidget(), page->nameEdit());
    page->nameEdit()->selectAll();
    QVERIFY(type(s("The Live Room")));
    QVERIFY(press(Qt::Key_Return));
    f.settle();
    QCOMPARE(f.store.service->room(liveRoom.id)->name, s("The Live Room"));
    QVERIFY(page->errorText().isEmpty());
    QVERIFY(rowOf(page->list(), s("The Live Room")) >= 0);

    // Onto another room's name: refused, saying to merge, nothing changed.
    page->list()->setCurrentRow(rowOf(page->list(), s("Room 2")));
    page->nameEdit()->setFocus();
    page->nameEdit()->selectAll();
    QVERIFY(type(s("the live room")));
    QVERIFY(press(Qt::Key_Return));
    f.settle();
    QVERIFY2(page->errorText().contains(s("merge")), qPrintable(page->errorText()));
    QCOMPARE(f.store.service->room(roomTwo.id)->name, s("Room 2"));

    // Archive with Alt+H: hidden from pickers, marked in the list, kept on its entry.
    page->list()->setCurrentRow(rowOf(page->list(), s("The Live Room")));
    QVERIFY(press(Qt::Key_H, Qt::AltModifier));
    QTRY_VERIFY(f.store.service->room(liveRoom.id)->archived);
    f.settle();
    QVERIFY(rowOf(page->list(), s("The Live Room (archived)")) >= 0);
    QCOMPARE(f.store.service->rooms(false).size(), 1);

    // Merge "Room 2" into it: Alt+I to the choice, Alt+M. The entry moves, "Room 2" goes.
    page->list()->setCurrentRow(rowOf(page->list(), s("Room 2")));
    QVERIFY(press(Qt::Key_I, Qt::AltModifier));
    QCOMPARE(QApplication::focusWidget(), page->mergeTarget());
    QCOMPARE(page->mergeTarget()->currentData().toString(), liveRoom.id);
    QVERIFY(press(Qt::Key_M, Qt::AltModifier));
    QTRY_VERIFY(!f.store.service->room(roomTwo.id).has_value());
    f.settle();
    QCOMPARE(f.store.service->entry(entry.id)->roomId, liveRoom.id);
    QCOMPARE(page->list()->count(), 1);
    QCOMPARE(f.store.service->rosterTrail().size(), 3); // rename, archive, merge

    // People: the desk's person renamed on the second tab.
    dialog.tabs()->setCurrentWidget(dialog.peoplePage());
    RosterPage *people = dialog.peoplePage();
    QCOMPARE(people->list()->count(), 1);
    people->nameEdit()->setText(s("Alice Martin"));
    people->rename();
    f.settle();
    QCOMPARE(f.store.service->user(f.store.userId())->name, s("Alice Martin"));
}

void TestRosterDialog::lettersAreUnique()
{
    QFETCH(QString, translation);
    const Translation language(translation);
    QVERIFY(language.ok());
    GuiFixture f;
    RosterDialog dialog(*f.async);
    dialog.show();
    QVERIFY(activate(&dialog));
    for (QWidget *page : {static_cast<QWidget *>(dialog.roomsPage()),
                          static_cast<QWidget *>(dialog.peoplePage())}) {
        dialog.tabs()->setCurrentWidget(page);
        const QString clashes = dialogMnemonicClashes(&dialog);
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes));
    }
    if (!translation.isEmpty())
        QCOMPARE(dialog.windowTitle(), s("Salles et personnes"));
}

QTEST_MAIN(TestRosterDialog)
#include "tst_roster_dialog.moc"
