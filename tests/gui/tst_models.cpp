#include "GuiFixture.h"

#include "models/HistoryModel.h"
#include "models/StudioModel.h"
#include "models/TodayModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QLocale>

using namespace st;
using namespace st::test;

class TestModels final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void todayModel();
    void studioModelMergesLocalAndRemote();
    void studioWhereNamesTheDevice();
    void historyModelThroughPagingAndChanges();
};

void TestModels::todayModel()
{
    GuiFixture f;
    TodayModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(f.async->snapshot());
    QCOMPARE(model.rowCount(), 0);
    f.async->start(f.typeId(QStringLiteral("Recording")), {}, QStringLiteral("Take 1"));
    f.settle();
    f.store.clock.advanceMinutes(30);
    f.async->start(f.typeId(QStringLiteral("Mixing")), {});
    f.settle();
    model.setSnapshot(f.async->snapshot());
    QCOMPARE(model.rowCount(), 2);
    f.store.clock.advanceMinutes(90);
    model.tick(f.store.clock.nowMs());
    const int duration = 2, task = 3;
    QCOMPARE(model.data(model.index(0, duration)).toString(), QStringLiteral("1:30:00"));
    QCOMPARE(model.data(model.index(0, task)).toString(), QStringLiteral("Mixing"));
    QCOMPARE(model.data(model.index(1, duration)).toString(), QStringLiteral("0:30:00"));
    QVERIFY(model.headerData(task, Qt::Horizontal).toString().size() > 0);
}

void TestModels::studioModelMergesLocalAndRemote()
{
    GuiFixture f;
    StudioModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    f.async->start(f.typeId(QStringLiteral("Recording")), {});
    f.settle();
    const QList<RunningTimer> local = StudioModel::fromSnapshot(f.async->snapshot());
    QCOMPARE(local.size(), 1);
    QCOMPARE(local.first().taskName, QStringLiteral("Recording"));
    model.setLocalTimers(local);
    QCOMPARE(model.rowCount(), 1);

    RunningTimer remote;
    remote.entry.id = newId();
    remote.entry.startedAt = f.store.clock.nowMs() - 600'000;
    remote.userName = QStringLiteral("Chloé");
    remote.taskName = QStringLiteral("Mixing");
    remote.roomName = QStringLiteral("Studio B");
    remote.deviceName = QStringLiteral("desk-2");
    model.setRemoteTimers({remote, local.first()}); // the local one comes back from the hub too
    QCOMPARE(model.rowCount(), 2);
    model.tick(f.store.clock.nowMs());
    QCOMPARE(model.data(model.index(0, StudioModel::UserColumn)).toString(),
             QStringLiteral("Chloé"));
    QCOMPARE(model.data(model.index(0, StudioModel::ElapsedColumn)).toString(),
             QStringLiteral("0:10:00"));
    QCOMPARE(model.data(model.index(0, StudioModel::DeviceColumn)).toString(),
             QStringLiteral("desk-2"));
    model.setRemoteTimers({});
    QCOMPARE(model.rowCount(), 1);
}

void TestModels::studioWhereNamesTheDevice()
{
    // Issue 11: another desk's timer, in the local cache once synced, was "this machine".
    GuiFixture f;
    const User ana = f.store.service->ensureUser(QStringLiteral("Ana")).value();
    QVERIFY(f.store.service->start(
        {ana.id, f.typeId(QStringLiteral("Mixing")), {}, {}, std::nullopt, {}}));
    f.async->start(f.typeId(QStringLiteral("Recording")), {});
    f.settle();
    StudioModel model;
    model.setLocalTimers(StudioModel::fromSnapshot(f.async->snapshot()));
    QCOMPARE(model.rowCount(), 2);
    const auto whereOf = [&model](const QString &user) {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, StudioModel::UserColumn).data().toString() == user)
                return model.index(row, StudioModel::DeviceColumn).data().toString();
        }
        return QString();
    };
    QCOMPARE(whereOf(f.async->snapshot().user.name), QStringLiteral("this machine"));
    QCOMPARE(whereOf(QStringLiteral("Ana")), QStringLiteral("another machine"));
    // Once the hub names the device, that name.
    RunningTimer named = StudioModel::fromSnapshot(f.async->snapshot()).at(0);
    for (const RunningTimer &t : StudioModel::fromSnapshot(f.async->snapshot())) {
        if (t.entry.userId == ana.id)
            named = t;
    }
    named.deviceName = QStringLiteral("desk-2");
    model.setRemoteTimers({named});
    QCOMPARE(whereOf(QStringLiteral("Ana")), QStringLiteral("desk-2"));

    // Issue 16: while the hub cannot be reached, Ana's timer is as last seen, not ticking.
    const auto elapsedOf = [&model](const QString &user) {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, StudioModel::UserColumn).data().toString() == user)
                return model.index(row, StudioModel::ElapsedColumn).data().toString();
        }
        return QString();
    };
    const QString me = f.async->snapshot().user.name;
    const Ms lost = f.store.clock.nowMs();
    model.setHubReachable(false, lost);
    f.store.clock.advanceMinutes(7);
    model.tick(f.store.clock.nowMs());
    const QString lastSeen =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(lost).time(), QStringLiteral("HH:mm"));
    QCOMPARE(elapsedOf(QStringLiteral("Ana")), QStringLiteral("last seen ") + lastSeen);
    QCOMPARE(elapsedOf(me), QStringLiteral("0:07:00")); // this desk's own timer is live
    model.setHubReachable(true, f.store.clock.nowMs());
    QCOMPARE(elapsedOf(QStringLiteral("Ana")), QStringLiteral("0:07:00"));
}

void TestModels::historyModelThroughPagingAndChanges()
{
    GuiFixture f;
    for (int i = 0; i < HistoryModel::kPageSize + 5; ++i) {
        ManualEntry m;
        m.userId = f.store.userId();
        m.taskTypeId = f.typeId(i % 2 ? QStringLiteral("Setup") : QStringLiteral("Recording"));
        m.note = QStringLiteral("entry %1").arg(i);
        m.startedAt = f.store.clock.nowMs() - Ms(i + 1) * 3'600'000;
        m.endedAt = m.startedAt + 1'800'000;
        QVERIFY(f.store.service->addManual(m).ok());
    }
    HistoryModel model(*f.async);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter({});
    f.settle();
    while (model.canFetchMore({})) {
        model.fetchMore({});
        f.settle();
    }
    QCOMPARE(model.rowCount(), HistoryModel::kPageSize + 5);
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.insert(model.entryAt(row).id);
    QCOMPARE(ids.size(), HistoryModel::kPageSize + 5);
    for (int column = 0; column < model.columnCount(); ++column)
        model.sort(column, Qt::AscendingOrder);
    f.settle();
    QCOMPARE(model.rowCount(), HistoryModel::kPageSize);

    // A change to a shown row updates it in place; a delete removes it.
    const TimeEntry first = model.entryAt(0);
    Adjustment a;
    a.entryId = first.id;
    a.actorId = f.store.userId();
    a.note = QStringLiteral("changed");
    a.reason = QStringLiteral("test");
    QObject context;
    f.async->write<Result<TimeEntry>>([a](TimerService &s) { return s.adjust(a); }, &context, {});
    f.settle();
    QCOMPARE(model.entryAt(0).note, QStringLiteral("changed"));
    QVERIFY(model.entryAt(0).adjusted);
    const QString id = first.id;
    const QString actor = f.store.userId();
    f.async->write<Result<TimeEntry>>([id, actor](TimerService &s) { return s.remove(id, actor); },
                                      &context, {});
    f.settle();
    QVERIFY(model.rowCount() == 0 || model.entryAt(0).id != id);
    QTRY_COMPARE(model.totalCount(), HistoryModel::kPageSize + 4);
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"
