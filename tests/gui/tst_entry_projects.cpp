#include "GuiFixture.h"

#include "dialogs/EntryDialog.h"
#include "projects/ProjectPicker.h"

#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>

using namespace st;
using namespace st::test;

namespace {
constexpr Ms kHour = 3'600'000;

// The labels of the dialog's form that lead to a field, by their underlined letter.
QHash<QChar, QWidget *> mnemonics(const QDialog &dialog)
{
    QHash<QChar, QWidget *> letters;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        const QString text = label->text();
        const qsizetype amp = text.indexOf(QLatin1Char('&'));
        if (!label->buddy() || amp < 0 || amp + 1 >= text.size())
            continue;
        const QChar letter = text.at(amp + 1).toLower();
        if (letters.contains(letter))
            return {}; // two labels share a letter
        letters.insert(letter, label->buddy());
    }
    return letters;
}
} // namespace

// Issue 12: the manual entry and adjust dialogs carry a project and tags; issue 16: every field
// of the dialog has an Alt+letter.
class TestEntryProjects final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aNewEntryWithAProjectAndTags();
    void adjustingChangesTheProjectAndTagsWithTheirTrail();
    void everyFieldHasItsOwnLetter_data();
    void everyFieldHasItsOwnLetter();
};

void TestEntryProjects::aNewEntryWithAProjectAndTags()
{
    GuiFixture f;
    Project album;
    album.name = QStringLiteral("First Album");
    album.color = QStringLiteral("#f28e2b");
    album.hourlyRateCents = 9000;
    album = f.store.service->saveProject(album).value();
    f.async->refresh();
    f.settle();
    TimeEntry proposal = EntryDialog::proposal(f.async->snapshot(), f.store.clock.nowMs());
    EntryDialog dialog(*f.async, EntryDialog::Mode::Create, proposal);
    QCOMPARE(dialog.projectPicker()->currentText(), QStringLiteral("No project"));
    dialog.projectPicker()->setCurrentIndex(dialog.projectPicker()->findData(album.id));
    Q_EMIT dialog.projectPicker()->activated(dialog.projectPicker()->currentIndex());
    dialog.tagsEdit()->setText(QStringLiteral("vocals,comp"));
    dialog.accept();
    f.settle();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QList<TimeEntry> entries = f.store.service->list({});
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().projectId, album.id);
    QCOMPARE(entries.first().tags, (QStringList{QStringLiteral("vocals"), QStringLiteral("comp")}));
    QCOMPARE(entries.first().hourlyRateCents, 9000); // the project's rate
}

void TestEntryProjects::adjustingChangesTheProjectAndTagsWithTheirTrail()
{
    GuiFixture f;
    Project album;
    album.name = QStringLiteral("First Album");
    album.color = QStringLiteral("#f28e2b");
    album = f.store.service->saveProject(album).value();
    ManualEntry m;
    m.userId = f.store.userId();
    m.taskTypeId = f.typeId(QStringLiteral("Mixing"));
    m.startedAt = f.store.clock.nowMs() - 2 * kHour;
    m.endedAt = m.startedAt + kHour;
    m.tags = {QStringLiteral("old")};
    const TimeEntry e = f.store.service->addManual(m).value();
    f.async->refresh();
    f.settle();
    EntryDialog dialog(*f.async, EntryDialog::Mode::Adjust, e);
    QCOMPARE(dialog.tagsEdit()->text(), QStringLiteral("old"));
    ProjectPicker *picker = dialog.projectPicker();
    picker->setCurrentIndex(picker->findData(album.id));
    Q_EMIT picker->activated(picker->currentIndex());
    dialog.tagsEdit()->setText(QStringLiteral("new"));
    dialog.reasonEdit()->setText(QStringLiteral("Was for the album"));
    dialog.accept();
    f.settle();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const TimeEntry after = *f.store.service->entry(e.id);
    QCOMPARE(after.projectId, album.id);
    QCOMPARE(after.tags, QStringList{QStringLiteral("new")});
    QCOMPARE(after.startedAt, e.startedAt); // untouched fields stay
    QCOMPARE(after.endedAt, e.endedAt);

    EntryDialog again(*f.async, EntryDialog::Mode::Adjust, after);
    f.settle();
    QCOMPARE(again.projectPicker()->currentText(), QStringLiteral("First Album"));
    const QString change = again.auditView()->topLevelItem(0)->text(2);
    QVERIFY2(change.contains(QStringLiteral("project none → First Album")), qPrintable(change));
    QVERIFY2(change.contains(QStringLiteral("tags “new”")), qPrintable(change));
}

void TestEntryProjects::everyFieldHasItsOwnLetter_data()
{
    englishAndFrench();
}

void TestEntryProjects::everyFieldHasItsOwnLetter()
{
    QFETCH(QString, translation);
    const Translation language(translation);
    QVERIFY(language.ok());
    GuiFixture f; // (its task types are named in the language of the test)
    ManualEntry m;
    m.userId = f.store.userId();
    m.taskTypeId = f.store.service->taskTypes().first().id;
    m.startedAt = f.store.clock.nowMs() - 2 * kHour;
    m.endedAt = m.startedAt + kHour;
    const TimeEntry e = f.store.service->addManual(m).value();
    f.settle();
    for (const auto mode : {EntryDialog::Mode::Create, EntryDialog::Mode::Adjust}) {
        EntryDialog dialog(*f.async, mode, e);
        const QHash<QChar, QWidget *> letters = mnemonics(dialog);
        QList<QWidget *> fields{dialog.startEdit(),     dialog.endEdit(),  dialog.taskCombo(),
                                dialog.projectPicker(), dialog.tagsEdit(), dialog.noteEdit()};
        if (mode == EntryDialog::Mode::Adjust)
            fields << dialog.reasonEdit() << dialog.auditView();
        QVERIFY2(!letters.isEmpty(), "two labels share a letter");
        for (QWidget *field : fields) {
            const QChar letter = letters.key(field);
            QVERIFY2(!letter.isNull(), field->metaObject()->className());
            // Not one the buttons take (Save, Cancel).
            QVERIFY(letter != QLatin1Char('s') && letter != QLatin1Char('c'));
        }
    }
}

QTEST_MAIN(TestEntryProjects)
#include "tst_entry_projects.moc"
