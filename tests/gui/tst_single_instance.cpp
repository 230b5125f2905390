#include "GuiFixture.h"

#include "cli/ForwardedCommand.h"
#include "cli/SingleInstance.h"

#include <QTemporaryDir>

#include <future>

using namespace st;
using namespace st::test;

// The command-line side blocks on its socket, so it runs on its own thread here while this
// thread runs the app side's event loop.
static std::optional<CommandOutput> sendAndServe(const QString &dataDir, const QStringList &args)
{
    auto future = std::async(
        std::launch::async, [dataDir, args] { return SingleInstance::send(dataDir, args, 10000); });
    while (future.wait_for(std::chrono::milliseconds(5)) != std::future_status::ready)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return future.get();
}

class TestSingleInstance final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void namesFollowTheDataDir();
    void nobodyListeningMeansRunLocally();
    void aCommandChangesTheRunningAppsState();
    void refusalsComeBackWithTheirExitCode();
    void anEmptyCommandRaisesTheWindow();
    void onlyOneInstancePerDataDir();
};

void TestSingleInstance::namesFollowTheDataDir()
{
    QTemporaryDir a, b;
    QVERIFY(SingleInstance::serverName(a.path()) != SingleInstance::serverName(b.path()));
    QCOMPARE(SingleInstance::serverName(a.path()),
             SingleInstance::serverName(a.path() + QStringLiteral("/./")));
}

void TestSingleInstance::nobodyListeningMeansRunLocally()
{
    QTemporaryDir dir;
    QVERIFY(!SingleInstance::send(dir.path(), {QStringLiteral("status")}, 1000));
}

void TestSingleInstance::aCommandChangesTheRunningAppsState()
{
    GuiFixture f;
    SingleInstance instance(f.store.dir.path());
    QVERIFY(instance.listen());
    instance.setCommandHandler(
        [&f, &instance](const SingleInstance::Request &request, SingleInstance::Reply reply) {
            forwarded::run(*f.async, request, &instance, std::move(reply));
        });
    QSignalSpy snapshots(f.async.get(), &Backend::snapshotChanged);

    const auto out = sendAndServe(f.store.dir.path(),
                                  {QStringLiteral("start"), QStringLiteral("Mixing"),
                                   QStringLiteral("--note"), QStringLiteral("From the terminal")});
    QVERIFY(out);
    QCOMPARE(out->exitCode, 0);
    QVERIFY(out->out.contains(QStringLiteral("Mixing")));
    QVERIFY(f.running());
    QCOMPARE(f.running()->note, QStringLiteral("From the terminal"));
    // The window's snapshot follows at once.
    QTRY_VERIFY(f.async->snapshot().running.has_value());
    QCOMPARE(f.async->snapshot().running->taskTypeId, f.typeId(QStringLiteral("Mixing")));

    const auto stopped = sendAndServe(f.store.dir.path(), {QStringLiteral("stop")});
    QVERIFY(stopped);
    QCOMPARE(stopped->exitCode, 0);
    QVERIFY(!f.running());
    QTRY_VERIFY(!f.async->snapshot().running.has_value());
}

void TestSingleInstance::refusalsComeBackWithTheirExitCode()
{
    GuiFixture f;
    SingleInstance instance(f.store.dir.path());
    QVERIFY(instance.listen());
    instance.setCommandHandler(
        [&f, &instance](const SingleInstance::Request &request, SingleInstance::Reply reply) {
            forwarded::run(*f.async, request, &instance, std::move(reply));
        });
    const auto out = sendAndServe(f.store.dir.path(), {QStringLiteral("stop")});
    QVERIFY(out);
    QCOMPARE(out->exitCode, 1);
    QVERIFY(!out->err.isEmpty());
    QVERIFY(out->out.isEmpty());
}

void TestSingleInstance::anEmptyCommandRaisesTheWindow()
{
    QTemporaryDir dir;
    SingleInstance instance(dir.path());
    QVERIFY(instance.listen());
    QSignalSpy raised(&instance, &SingleInstance::activationRequested);
    const auto out = sendAndServe(dir.path(), {});
    QVERIFY(out);
    QCOMPARE(out->exitCode, 0);
    QCOMPARE(raised.size(), 1);
}

void TestSingleInstance::onlyOneInstancePerDataDir()
{
    QTemporaryDir dir, other;
    SingleInstance first(dir.path());
    QVERIFY(first.listen());
    SingleInstance second(dir.path());
    QVERIFY(!second.listen());
    QVERIFY(!second.errorString().isEmpty());
    SingleInstance elsewhere(other.path());
    QVERIFY(elsewhere.listen());
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_single_instance.moc"
