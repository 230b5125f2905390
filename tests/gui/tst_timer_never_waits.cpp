// Issue 10: a timer command never waits behind a read, and is recorded at the instant it was
// asked, from the window and from the command line alike.
#include "GuiFixture.h"
#include "TimerNeverWaits.h"

#include "BusyIndicator.h"
#include "MainWindow.h"
#include "cli/ForwardedCommand.h"

#include <QSemaphore>

using namespace st;
using namespace st::test;

namespace {

// Blocks the backend's writer until released (a stand-in for "the writer is busy").
std::shared_ptr<QSemaphore> holdWriter(Backend &backend)
{
    auto gate = std::make_shared<QSemaphore>();
    auto held = std::make_shared<QSemaphore>();
    backend.write<int>(
        [gate, held](TimerService &) {
            held->release();
            gate->tryAcquire(1, 30'000);
            return 0;
        },
        nullptr, {});
    held->acquire();
    return gate;
}

void serve(SingleInstance &instance, Backend &backend)
{
    instance.setCommandHandler(
        [&backend, &instance](const SingleInstance::Request &request, SingleInstance::Reply reply) {
            forwarded::run(backend, request, &instance, std::move(reply));
        });
}

} // namespace

class TestTimerNeverWaits final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aClickIsRecordedWhenItWasMade();
    void aForwardedStartIsRecordedWhenItWasAsked();
    void anEarlierForwardedStartStaysHonestAboutALaterTimer();
    void readOnlyCommandsGoToTheReader();
    void theWindowSaysSoWhileALongReadRuns();
    void startsAreAnsweredWhileALongReportRuns();
};

// The writer is busy when the click comes; the entry still starts at the click.
void TestTimerNeverWaits::aClickIsRecordedWhenItWasMade()
{
    GuiFixture f;
    const auto gate = holdWriter(*f.async);
    const Ms clicked = f.store.clock.nowMs();
    f.async->start(f.typeId(QStringLiteral("Recording")), {});
    f.store.clock.advance(90'000); // the writer gets to it a minute and a half later
    gate->release();
    f.settle();
    QVERIFY(f.running());
    QCOMPARE(f.running()->startedAt, clicked);
    QCOMPARE(f.async->snapshot().running->startedAt, clicked);
}

// `studiotimer start` asked five seconds before the app ran it is recorded five seconds back.
void TestTimerNeverWaits::aForwardedStartIsRecordedWhenItWasAsked()
{
    GuiFixture f;
    SingleInstance instance(f.store.dir.path());
    QVERIFY(instance.listen());
    serve(instance, *f.async);
    const auto out = latency::sendAndServe(f.store.dir.path(),
                                           {QStringLiteral("start"), QStringLiteral("Mixing")},
                                           QDateTime::currentMSecsSinceEpoch() - 5'000);
    QVERIFY(out);
    QCOMPARE(out->exitCode, 0);
    QVERIFY(f.running());
    const Ms delay = f.store.clock.nowMs() - f.running()->startedAt;
    QVERIFY2(delay >= 5'000 && delay < 6'000, qPrintable(QString::number(delay)));

    // An instant the command line cannot have asked at (a minute in the future) is not believed.
    const auto later = latency::sendAndServe(f.store.dir.path(),
                                             {QStringLiteral("start"), QStringLiteral("Mastering")},
                                             QDateTime::currentMSecsSinceEpoch() + 60'000);
    QVERIFY(later);
    QCOMPARE(later->exitCode, 0);
    QCOMPARE(f.running()->startedAt, f.store.clock.nowMs());
}

// Another machine's timer began after the instant asked: the forwarded start is kept up to where
// that one began, and says so (as tst_cli's late switch).
void TestTimerNeverWaits::anEarlierForwardedStartStaysHonestAboutALaterTimer()
{
    GuiFixture f;
    QVERIFY(f.store.service->start({f.store.userId(),
                                    f.typeId(QStringLiteral("Recording")),
                                    {},
                                    {},
                                    f.store.clock.nowMs() - 2'000,
                                    {}}));
    SingleInstance instance(f.store.dir.path());
    QVERIFY(instance.listen());
    serve(instance, *f.async);
    const auto out = latency::sendAndServe(f.store.dir.path(),
                                           {QStringLiteral("start"), QStringLiteral("Mixing")},
                                           QDateTime::currentMSecsSinceEpoch() - 10'000);
    QVERIFY(out);
    QCOMPARE(out->exitCode, 0);
    QVERIFY2(out->out.contains(QStringLiteral("keeps running")), qPrintable(out->out));
    QCOMPARE(f.running()->taskTypeId, f.typeId(QStringLiteral("Recording")));
}

void TestTimerNeverWaits::readOnlyCommandsGoToTheReader()
{
    for (const char *command : {"status", "list", "task-types", "help", "report", "export"})
        QVERIFY2(forwarded::isReadOnly({QLatin1String(command)}), command);
    QVERIFY(forwarded::isReadOnly(
        {QStringLiteral("import"), QStringLiteral("a.csv"), QStringLiteral("--dry-run")}));
    for (const char *command :
         {"start", "stop", "pause", "resume", "add", "adjust", "delete", "restore", "import"})
        QVERIFY2(!forwarded::isReadOnly({QLatin1String(command), QStringLiteral("x")}), command);

    // A status handed over while the writer is busy is answered from the reader.
    GuiFixture f;
    const auto gate = holdWriter(*f.async);
    CommandOutput out;
    out.exitCode = -1;
    QObject context;
    forwarded::run(*f.async, {{QStringLiteral("status")}, 0}, &context,
                   [&out](const CommandOutput &o) { out = o; });
    const bool answered = latency::spinUntil([&] { return out.exitCode >= 0; }, 10'000);
    gate->release();
    f.settle();
    QVERIFY(answered);
    QCOMPARE(out.exitCode, 0);
}

// A read that takes a while shows "Working…" in the status bar; a quick one never does.
void TestTimerNeverWaits::theWindowSaysSoWhileALongReadRuns()
{
    GuiFixture f;
    MainWindow window(*f.async);
    auto *busy = window.findChild<QWidget *>(QStringLiteral("busyIndicator"));
    QVERIFY(busy);
    f.settle();
    QVERIFY(busy->isHidden());

    auto release = std::make_shared<QSemaphore>();
    f.async->read<int>(
        [release](TimerService &) {
            release->tryAcquire(1, 30'000);
            return 0;
        },
        nullptr, {});
    QTRY_VERIFY(!busy->isHidden());
    // The timer still answers meanwhile.
    f.async->start(f.typeId(QStringLiteral("Recording")), {});
    QTRY_VERIFY(f.async->snapshot().running.has_value());
    QVERIFY(!busy->isHidden());
    release->release();
    QTRY_VERIFY(busy->isHidden());

    // Quick requests leave it hidden.
    for (int i = 0; i < 5; ++i)
        f.async->read<int>([](TimerService &s) { return s.count({}); }, nullptr, {});
    f.settle();
    QTest::qWait(BusyIndicator::kDelayMs + 100);
    QVERIFY(busy->isHidden());
}

// The case: 200,000 entries, a long report on the read side; a start from the window and
// one from the command line are answered meanwhile and recorded within a second of the asking.
void TestTimerNeverWaits::startsAreAnsweredWhileALongReportRuns()
{
    TestStore store;
    QStringList users{store.userId()};
    for (int i = 1; i < 8; ++i)
        users << store.service->ensureUser(QStringLiteral("Engineer %1").arg(i))->id;
    QStringList types;
    for (const TaskType &t : store.service->taskTypes())
        types << t.id;
    QVERIFY(latency::seed(*store.db, store.profile.org.id, users, types, 200'000));
    QCOMPARE(store.service->count({}), 200'000);

    SystemClock clock; // both ends of the local socket read it
    Backend backend(store.path(), clock, store.profile.org.id);
    QVERIFY(latency::spinUntil([&] { return backend.snapshot().valid; }));
    SingleInstance instance(store.dir.path());
    QVERIFY(instance.listen());
    serve(instance, backend);

    const latency::Run run =
        latency::run(backend, store.dir.path(), store.typeId(QStringLiteral("Recording")),
                     QStringLiteral("Mixing"), latency::LongRead::Reader);
    qInfo("window: answered in %lld ms, stamped %lld ms after the click; command line: %lld ms, "
          "%lld ms; the report took %lld ms",
          run.window.answerMs, run.window.stampDelayMs, run.commandLine.answerMs,
          run.commandLine.stampDelayMs, run.readMs);
    QVERIFY2(run.commandLineError.isEmpty(), qPrintable(run.commandLineError));
    QVERIFY(run.window.answerMs >= 0);
    QVERIFY(run.commandLine.answerMs >= 0);
    // Both were answered while the report still held the read side: it did not block the writer.
    QVERIFY(run.readWasRunning);
    QVERIFY2(run.window.stampDelayMs >= 0 && run.window.stampDelayMs < 1'000,
             qPrintable(QString::number(run.window.stampDelayMs)));
    QVERIFY2(run.commandLine.stampDelayMs >= 0 && run.commandLine.stampDelayMs < 1'000,
             qPrintable(QString::number(run.commandLine.stampDelayMs)));
    backend.waitForIdle();
}

QTEST_MAIN(TestTimerNeverWaits)
#include "tst_timer_never_waits.moc"
