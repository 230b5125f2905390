#include "GuiFixture.h"

#include "TrayIcon.h"

#include <QAction>
#include <QMenu>

using namespace st;
using namespace st::test;

class TestTray final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneStartActionPerTaskType();
    void archivedTypesHaveNoAction();
    void menuActionsDriveTheTimer();
    void tooltipFollowsTheTimer();
};

void TestTray::oneStartActionPerTaskType()
{
    GuiFixture f;
    TrayIcon tray(*f.async);
    const auto types = f.store.service->taskTypes();
    QCOMPARE(tray.startActions().size(), types.size());
    for (int i = 0; i < types.size(); ++i) {
        QCOMPARE(tray.startActions().at(i)->data().toString(), types.at(i).id);
        QVERIFY(tray.startActions().at(i)->text().contains(types.at(i).name));
        QVERIFY(tray.menu()->actions().contains(tray.startActions().at(i)));
    }
    QVERIFY(tray.menu()->actions().contains(tray.pauseAction()));
    QVERIFY(tray.menu()->actions().contains(tray.stopAction()));
}

void TestTray::archivedTypesHaveNoAction()
{
    GuiFixture f;
    TrayIcon tray(*f.async);
    TaskType type = *f.store.service->taskType(f.typeId(QStringLiteral("Break")));
    type.archived = true;
    QObject context;
    f.async->write<Result<TaskType>>([type](TimerService &s) { return s.saveTaskType(type); },
                                     &context, {});
    f.settle();
    QCOMPARE(tray.startActions().size(), 4);
    TaskType added;
    added.name = QStringLiteral("Editing");
    added.color = QStringLiteral("#123456");
    added.position = 9;
    f.async->write<Result<TaskType>>([added](TimerService &s) { return s.saveTaskType(added); },
                                     &context, {});
    f.settle();
    QCOMPARE(tray.startActions().size(), 5);
    QVERIFY(tray.startActions().last()->text().contains(QStringLiteral("Editing")));
}

void TestTray::menuActionsDriveTheTimer()
{
    GuiFixture f;
    TrayIcon tray(*f.async);
    QVERIFY(!tray.stopAction()->isEnabled());
    tray.startActions().at(1)->trigger();
    f.settle();
    QVERIFY(f.running());
    QCOMPARE(f.running()->taskTypeId, tray.startActions().at(1)->data().toString());
    QVERIFY(tray.startActions().at(1)->isChecked());
    QVERIFY(tray.showsRunning());
    tray.pauseAction()->trigger();
    f.settle();
    QVERIFY(f.running()->isPaused());
    tray.stopAction()->trigger();
    f.settle();
    QVERIFY(!f.running());
    QVERIFY(!tray.showsRunning());
    // Issue 16: Continue starts the last entry again.
    const QString last = tray.startActions().at(1)->data().toString();
    QVERIFY(tray.continueAction()->isEnabled());
    tray.continueAction()->trigger();
    f.settle();
    QVERIFY(f.running());
    QCOMPARE(f.running()->taskTypeId, last);
    QVERIFY(!tray.continueAction()->isEnabled());
}

void TestTray::tooltipFollowsTheTimer()
{
    GuiFixture f;
    TrayIcon tray(*f.async);
    const QString idle = tray.toolTip();
    f.async->start(f.typeId(QStringLiteral("Mixing")), {});
    f.settle();
    QVERIFY(tray.toolTip() != idle);
    QVERIFY(tray.toolTip().contains(QStringLiteral("Mixing")));
    QVERIFY(tray.toolTip().contains(QStringLiteral("0:00:00")));
    QVERIFY(!TrayIcon::icon(QStringLiteral("#ff0000"), true).isNull());
}

QTEST_MAIN(TestTray)
#include "tst_tray.moc"
