#include "GuiFixture.h"

#include "cli/ForwardedCommand.h"
#include "timer/DemoData.h"

using namespace st;
using namespace st::test;

class TestBackend final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstSnapshotDescribesTheDesk();
    void startStopPauseResumeFromTheUiThread();
    void startingAnotherTaskSwitches();
    void errorsAreReportedAndChangeNothing();
    void noteEditIsAnAuditedAdjustment();
    void callReturnsOnTheCallersThread();
    void callIsDroppedWhenTheContextIsGone();
    void commandsRunOnTheWorker();
    void settingsAreSaved();
    void badSettingsChangeNothing();
    void demoDataFillsTheStore();
};

void TestBackend::firstSnapshotDescribesTheDesk()
{
    GuiFixture f;
    const NowSnapshot &s = f.async->snapshot();
    QVERIFY(s.valid);
    QCOMPARE(s.user.id, f.store.userId());
    QCOMPARE(s.activeTaskTypes().size(), 5);
    QVERIFY(!s.running);
    QVERIFY(s.today.isEmpty());
    QCOMPARE(f.async->currentUserId(), f.store.userId());
}

void TestBackend::startStopPauseResumeFromTheUiThread()
{
    GuiFixture f;
    QSignalSpy changed(f.async.get(), &Backend::entryChanged);
    f.async->start(f.typeId(QStringLiteral("Recording")), {}, QStringLiteral("Drums"));
    f.settle();
    QVERIFY(f.running());
    QCOMPARE(f.running()->note, QStringLiteral("Drums"));
    QVERIFY(f.async->snapshot().running);
    QCOMPARE(f.async->snapshot().running->id, f.running()->id);
    QCOMPARE(f.async->snapshot().studio.size(), 1);
    QCOMPARE(changed.size(), 1);

    f.store.clock.advanceMinutes(10);
    f.async->pause();
    f.settle();
    QVERIFY(f.async->snapshot().running->isPaused());
    f.store.clock.advanceMinutes(5);
    f.async->togglePause();
    f.settle();
    QVERIFY(!f.async->snapshot().running->isPaused());
    QCOMPARE(f.async->snapshot().running->pausedMs, 5 * 60'000);

    f.store.clock.advanceMinutes(20);
    f.async->stop();
    f.settle();
    QVERIFY(!f.running());
    QVERIFY(!f.async->snapshot().running);
    QCOMPARE(f.async->snapshot().today.size(), 1);
    QCOMPARE(f.async->snapshot().today.first().billableMs(f.store.clock.nowMs()), 30 * 60'000);
}

void TestBackend::startingAnotherTaskSwitches()
{
    GuiFixture f;
    f.async->start(f.typeId(QStringLiteral("Setup")), {});
    f.settle();
    const QString first = f.running()->id;
    f.store.clock.advanceMinutes(15);
    f.async->start(f.typeId(QStringLiteral("Mixing")), {});
    f.settle();
    QCOMPARE(f.running()->taskTypeId, f.typeId(QStringLiteral("Mixing")));
    const auto previous = f.store.service->entry(first);
    QVERIFY(previous->endedAt);
    QCOMPARE(*previous->endedAt, f.running()->startedAt);
    QCOMPARE(f.async->snapshot().today.size(), 2);
}

void TestBackend::errorsAreReportedAndChangeNothing()
{
    GuiFixture f;
    QSignalSpy failed(f.async.get(), &Backend::failed);
    f.async->stop();
    f.settle();
    QCOMPARE(failed.size(), 1);
    QVERIFY(!failed.first().first().toString().isEmpty());
    f.async->start(QStringLiteral("no-such-type"), {});
    f.settle();
    QCOMPARE(failed.size(), 2);
    QVERIFY(!f.running());
}

void TestBackend::noteEditIsAnAuditedAdjustment()
{
    GuiFixture f;
    f.async->start(f.typeId(QStringLiteral("Mixing")), {});
    f.settle();
    f.async->setNote(QStringLiteral("Bridge, second pass"));
    f.settle();
    QCOMPARE(f.running()->note, QStringLiteral("Bridge, second pass"));
    QCOMPARE(f.store.service->auditTrail(f.running()->id).size(), 1);
    f.async->setNote(QStringLiteral("Bridge, second pass"));
    f.settle();
    QCOMPARE(f.store.service->auditTrail(f.running()->id).size(), 1); // no change, no audit
}

void TestBackend::callReturnsOnTheCallersThread()
{
    GuiFixture f;
    QObject context;
    QThread *worker = nullptr;
    QThread *answeredOn = nullptr;
    int count = -1;
    f.async->write<int>(
        [&worker](TimerService &s) {
            worker = QThread::currentThread();
            return int(s.taskTypes().size());
        },
        &context,
        [&](int n) {
            answeredOn = QThread::currentThread();
            count = n;
        });
    f.settle();
    QCOMPARE(count, 5);
    QVERIFY(worker != QThread::currentThread());
    QCOMPARE(answeredOn, QThread::currentThread());
}

void TestBackend::callIsDroppedWhenTheContextIsGone()
{
    GuiFixture f;
    bool called = false;
    {
        QObject context;
        f.async->write<int>([](TimerService &) { return 1; }, &context,
                            [&called](int) { called = true; });
    }
    f.settle();
    QVERIFY(!called);
}

void TestBackend::commandsRunOnTheWorker()
{
    GuiFixture f;
    CommandOutput out;
    out.exitCode = -1;
    QObject context;
    forwarded::run(*f.async, {{QStringLiteral("start"), QStringLiteral("Mastering")}, 0}, &context,
                   [&out](const CommandOutput &o) { out = o; });
    f.settle();
    QCOMPARE(out.exitCode, 0);
    QVERIFY(!out.out.isEmpty());
    QCOMPARE(f.running()->taskTypeId, f.typeId(QStringLiteral("Mastering")));
    QCOMPARE(f.async->snapshot().running->taskTypeId, f.typeId(QStringLiteral("Mastering")));

    forwarded::run(*f.async, {{QStringLiteral("start"), QStringLiteral("Nothing")}, 0}, &context,
                   [&out](const CommandOutput &o) { out = o; });
    f.settle();
    QCOMPARE(out.exitCode, 1);
    QVERIFY(!out.err.isEmpty());
}

void TestBackend::settingsAreSaved()
{
    GuiFixture f;
    const Room room =
        f.store.service->saveRoom(Room{{}, {}, QStringLiteral("Studio A"), false, 0}).value();
    Settings s;
    s.userName = QStringLiteral("Alex");
    s.orgName = QStringLiteral("Blue Door Studios");
    s.currency = QStringLiteral("chf");
    s.prefs.defaultRoomId = room.id;
    s.prefs.closeToTray = false;
    s.prefs.startMinimized = true;
    s.prefs.language = QStringLiteral("fr");
    std::optional<Result<void>> result;
    QObject context;
    f.async->saveSettings(s, &context, [&result](const Result<void> &r) { result = r; });
    f.settle();
    QVERIFY(result && result->ok());
    QCOMPARE(f.store.service->organization().name, QStringLiteral("Blue Door Studios"));
    QCOMPARE(f.store.service->organization().currency, QStringLiteral("CHF"));
    QCOMPARE(f.store.service->user(f.store.userId())->name, QStringLiteral("Alex"));
    QCOMPARE(preferences::load(*f.store.db), s.prefs);
    QCOMPARE(f.async->snapshot().prefs, s.prefs);
    QCOMPARE(f.async->snapshot().user.name, QStringLiteral("Alex"));
}

void TestBackend::badSettingsChangeNothing()
{
    GuiFixture f;
    const Organization before = f.store.service->organization();
    Settings s;
    s.userName = QStringLiteral("Alex");
    s.orgName = QStringLiteral("Blue Door");
    s.currency = QStringLiteral("EURO");
    std::optional<Result<void>> result;
    QObject context;
    f.async->saveSettings(s, &context, [&result](const Result<void> &r) { result = r; });
    f.settle();
    QVERIFY(result && !result->ok());
    QCOMPARE(f.store.service->organization().name, before.name);
    QCOMPARE(f.store.service->user(f.store.userId())->name, f.store.profile.user.name);

    s.currency = QStringLiteral("EUR");
    s.prefs.language = QStringLiteral("tlh");
    result.reset();
    f.async->saveSettings(s, &context, [&result](const Result<void> &r) { result = r; });
    f.settle();
    QVERIFY(result && !result->ok());
    QCOMPARE(preferences::load(*f.store.db).language, QString());
}

void TestBackend::demoDataFillsTheStore()
{
    TestStore store;
    QVERIFY(demo::populate(*store.service, store.userId(), 7).ok());
    QVERIFY(store.service->count({}) > 20);
    QCOMPARE(store.service->runningEntries().size(), 2);
    QVERIFY(store.service->running(store.userId()));
    QCOMPARE(store.service->rooms().size(), 3);
}

QTEST_GUILESS_MAIN(TestBackend)
#include "tst_async_timer_service.moc"
