#include "GuiFixture.h"

#include "NowView.h"
#include "TrayIcon.h"
#include "projects/ProjectPicker.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>

using namespace st;
using namespace st::test;

namespace {
constexpr Ms kHour = 3'600'000;

Project addProject(GuiFixture &f, const QString &name, const QString &clientId = {})
{
    Project p;
    p.name = name;
    p.clientId = clientId;
    p.color = QStringLiteral("#f28e2b");
    return f.store.service->saveProject(p).value();
}

// A finished entry of the desk user, hoursAgo hours before now, half an hour long.
void addWork(GuiFixture &f, const QString &task, const QString &projectId, int hoursAgo)
{
    ManualEntry m;
    m.userId = f.store.userId();
    m.taskTypeId = f.typeId(task);
    m.projectId = projectId;
    m.startedAt = f.store.clock.nowMs() - hoursAgo * kHour;
    m.endedAt = m.startedAt + kHour / 2;
    QVERIFY(f.store.service->addManual(m));
}

QStringList pickerTexts(const ProjectPicker *picker)
{
    QStringList texts;
    for (int i = 0; i < picker->count(); ++i)
        texts << picker->itemText(i);
    return texts;
}
} // namespace

// Issue 12: the Now view picks the project a timer carries; the tray continues recent work.
class TestNowProjects final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recentProjectsComeFirst();
    void startingCarriesTheProjectAndTags();
    void typingANameFindsTheProject();
    void anUnknownNameChangesNothing();
    void pickingAProjectWhileRunningChangesTheRunningEntry();
    void theTrayContinuesTheLastFivePairs();
};

void TestNowProjects::recentProjectsComeFirst()
{
    GuiFixture f;
    Client label;
    label.name = QStringLiteral("Blue Label");
    label.color = QStringLiteral("#4e79a7");
    const QString labelId = f.store.service->saveClient(label)->id;
    const Project album = addProject(f, QStringLiteral("Album"), labelId);
    const Project beta = addProject(f, QStringLiteral("Beta"));
    const Project zulu = addProject(f, QStringLiteral("Zulu"));
    Project old = addProject(f, QStringLiteral("Old"));
    old.archived = true;
    QVERIFY(f.store.service->saveProject(old));
    addWork(f, QStringLiteral("Mixing"), beta.id, 5);
    addWork(f, QStringLiteral("Mixing"), zulu.id, 3);
    f.async->refresh();
    f.settle();
    NowView view(*f.async);
    // No project, then Zulu and Beta (latest first), a separator, then the rest by name;
    // archived projects are not offered.
    QCOMPARE(
        pickerTexts(view.projectPicker()),
        (QStringList{QStringLiteral("No project"), QStringLiteral("Zulu"), QStringLiteral("Beta"),
                     QString(), QStringLiteral("Album (Blue Label)")}));
    QCOMPARE(view.projectPicker()->currentText(), QStringLiteral("No project"));
    QCOMPARE(album.clientId, labelId);
}

void TestNowProjects::startingCarriesTheProjectAndTags()
{
    GuiFixture f;
    const Project album = addProject(f, QStringLiteral("First Album"));
    f.async->refresh();
    f.settle();
    NowView view(*f.async);
    view.chooseProject(album.id);
    view.tagsEdit()->setText(QStringLiteral("vocals, overdub vocals"));
    const QString mixing = f.typeId(QStringLiteral("Mixing"));
    QTest::mouseClick(view.taskButton(mixing), Qt::LeftButton);
    f.settle();
    const auto running = f.running();
    QVERIFY(running);
    QCOMPARE(running->projectId, album.id);
    QCOMPARE(running->tags, (QStringList{QStringLiteral("vocals"), QStringLiteral("overdub")}));
    // The running card names the project.
    QVERIFY2(view.whereLabel()->text().startsWith(QStringLiteral("First Album · ")),
             qPrintable(view.whereLabel()->text()));
    // A switch to another task keeps the project.
    QTest::mouseClick(view.taskButton(f.typeId(QStringLiteral("Recording"))), Qt::LeftButton);
    f.settle();
    QCOMPARE(f.running()->projectId, album.id);
    // Stopped, the next start gets the same project; "No project" gives none.
    view.stopButton()->click();
    f.settle();
    QCOMPARE(view.projectPicker()->currentText(), QStringLiteral("First Album"));
    view.chooseProject(QString());
    view.tagsEdit()->clear();
    QTest::mouseClick(view.taskButton(mixing), Qt::LeftButton);
    f.settle();
    QCOMPARE(f.running()->projectId, QString());
    QVERIFY(f.running()->tags.isEmpty());
    QVERIFY(!view.whereLabel()->text().contains(QStringLiteral("First Album")));
}

void TestNowProjects::typingANameFindsTheProject()
{
    GuiFixture f;
    const Project album = addProject(f, QStringLiteral("First Album"));
    addProject(f, QStringLiteral("Second Single"));
    f.async->refresh();
    f.settle();
    NowView view(*f.async);
    view.show();
    ProjectPicker *picker = view.projectPicker();
    picker->setFocus();
    picker->lineEdit()->selectAll();
    QTest::keyClicks(picker->lineEdit(), QStringLiteral("first album"));
    QTest::keyClick(picker->lineEdit(), Qt::Key_Return);
    QCOMPARE(view.selectedProjectId(), album.id);
    QCOMPARE(picker->currentText(), QStringLiteral("First Album"));
}

void TestNowProjects::anUnknownNameChangesNothing()
{
    GuiFixture f;
    const Project album = addProject(f, QStringLiteral("First Album"));
    f.async->refresh();
    f.settle();
    NowView view(*f.async);
    view.show();
    view.chooseProject(album.id);
    QSignalSpy failed(f.async.get(), &Backend::failed);
    ProjectPicker *picker = view.projectPicker();
    picker->setFocus();
    picker->lineEdit()->selectAll();
    QTest::keyClicks(picker->lineEdit(), QStringLiteral("Nothing like it"));
    QTest::keyClick(picker->lineEdit(), Qt::Key_Return);
    QCOMPARE(view.selectedProjectId(), album.id);
    QCOMPARE(picker->currentText(), QStringLiteral("First Album"));
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("Nothing like it")));
}

void TestNowProjects::pickingAProjectWhileRunningChangesTheRunningEntry()
{
    GuiFixture f;
    const Project album = addProject(f, QStringLiteral("First Album"));
    f.async->refresh();
    f.settle();
    NowView view(*f.async);
    QTest::mouseClick(view.taskButton(f.typeId(QStringLiteral("Mixing"))), Qt::LeftButton);
    f.settle();
    const QString id = f.running()->id;
    view.chooseProject(album.id);
    f.settle();
    QCOMPARE(f.running()->id, id); // the same entry, adjusted (audited), not a split
    QCOMPARE(f.running()->projectId, album.id);
    QVERIFY(f.running()->adjusted);
    view.tagsEdit()->setText(QStringLiteral("bass"));
    view.tagsEdit()->setModified(true);
    Q_EMIT view.tagsEdit()->editingFinished();
    f.settle();
    QCOMPARE(f.running()->tags, QStringList{QStringLiteral("bass")});
}

void TestNowProjects::theTrayContinuesTheLastFivePairs()
{
    GuiFixture f;
    const Project a = addProject(f, QStringLiteral("Album"));
    const Project b = addProject(f, QStringLiteral("Beta"));
    // Newest first: Beta·Mixing (twice: one pair), Album·Mixing, none·Setup, Album·Recording,
    // Beta·Recording, Album·Editing would be the sixth.
    addWork(f, QStringLiteral("Mixing"), b.id, 1);
    addWork(f, QStringLiteral("Mixing"), b.id, 2);
    addWork(f, QStringLiteral("Mixing"), a.id, 3);
    addWork(f, QStringLiteral("Setup"), QString(), 4);
    addWork(f, QStringLiteral("Recording"), a.id, 5);
    addWork(f, QStringLiteral("Recording"), b.id, 6);
    addWork(f, QStringLiteral("Mastering"), a.id, 7);
    f.async->refresh();
    f.settle();
    TrayIcon tray(*f.async);
    QMenu *recent = tray.recentMenu();
    QVERIFY(recent);
    QVERIFY(tray.menu()->actions().contains(recent->menuAction()));
    QStringList texts;
    for (QAction *action : recent->actions())
        texts << action->text();
    QCOMPARE(texts,
             (QStringList{QStringLiteral("Beta · Mixing"), QStringLiteral("Album · Mixing"),
                          QStringLiteral("Setup, no project"), QStringLiteral("Album · Recording"),
                          QStringLiteral("Beta · Recording")}));
    recent->actions().at(3)->trigger();
    f.settle();
    const auto running = f.running();
    QVERIFY(running);
    QCOMPARE(running->projectId, a.id);
    QCOMPARE(running->taskTypeId, f.typeId(QStringLiteral("Recording")));
    QCOMPARE(running->startedAt, f.store.clock.nowMs());
    // The pair just started is now the newest.
    QCOMPARE(tray.recentMenu()->actions().first()->text(), QStringLiteral("Album · Recording"));
}

QTEST_MAIN(TestNowProjects)
#include "tst_now_projects.moc"
