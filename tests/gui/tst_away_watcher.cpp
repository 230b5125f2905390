#include "AwayDialog.h"
#include "AwayWatcher.h"
#include "GuiFixture.h"

#include <QApplication>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>

using namespace st;
using namespace st::test;

namespace {
constexpr Ms kMinute = 60'000;

struct Watched
{
    GuiFixture f;
    qint64 monotonic = 0; // a clock that stops while the machine sleeps
    AwayWatcher watcher{*f.async, nullptr};
    QStringList notes;

    Watched()
    {
        watcher.detector().setMonotonicSource([this] { return monotonic; });
        watcher.setNotifier(
            [this](const QString &title, const QString &text) { notes << title + u": " + text; });
        AwaySettings s;
        s.idleMinutes = 0;
        s.reminderHours = 4;
        s.endOfDay = QTime();
        watcher.apply(s);
    }
    void start()
    {
        f.async->start(f.typeId(QStringLiteral("Recording")), {});
        f.settle();
    }
    // The wall clock moves on while the monotonic clock does not: the machine slept.
    void sleep(qint64 minutes) { f.store.clock.advanceMinutes(minutes); }
    void awake(qint64 minutes)
    {
        f.store.clock.advanceMinutes(minutes);
        monotonic += minutes * kMinute;
    }
};
} // namespace

class TestAwayWatcher final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void watchesOnlyARunningUnpausedTimer();
    void sleepAsksAndDiscardPausesTheEntry();
    void noTimerNoQuestion();
    void idleBeforeTheStartIsNotAsked();
    void longRunningTimerIsRemindedOnce();
    void settingsRoundTrip();
};

void TestAwayWatcher::watchesOnlyARunningUnpausedTimer()
{
    Watched w;
    QVERIFY(!w.watcher.isWatching());
    w.start();
    QVERIFY(w.watcher.isWatching());
    w.f.async->pause();
    w.f.settle();
    QVERIFY(!w.watcher.isWatching());
    w.f.async->resume();
    w.f.settle();
    QVERIFY(w.watcher.isWatching());
    w.f.async->stop();
    w.f.settle();
    QVERIFY(!w.watcher.isWatching());
}

void TestAwayWatcher::sleepAsksAndDiscardPausesTheEntry()
{
    Watched w;
    w.start();
    w.awake(10);
    w.watcher.detector().check();
    QVERIFY(!w.watcher.pendingDialog());
    const Ms left = w.f.store.clock.nowMs();
    w.sleep(45);
    w.watcher.detector().check();
    AwayDialog *dialog = w.watcher.pendingDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->from(), left);
    QCOMPARE(dialog->to(), left + 45 * kMinute);
    dialog->discardButton()->click();
    w.f.settle();
    const auto entry = w.f.running();
    QVERIFY(entry);
    QVERIFY(!entry->isPaused());
    QCOMPARE(entry->pausedMs, 45 * kMinute);
    QVERIFY(w.notes.isEmpty());
}

void TestAwayWatcher::noTimerNoQuestion()
{
    Watched w;
    w.watcher.detector().check();
    w.sleep(45);
    w.watcher.detector().check();
    QVERIFY(!w.watcher.pendingDialog());
}

void TestAwayWatcher::idleBeforeTheStartIsNotAsked()
{
    // Issue 11: idle since 22:10, the timer started 22:15 (from the tray, a script, a button):
    // no question about 22:10-22:15, and after it only the part since the start.
    Watched w;
    qint64 idleMs = 0;
    w.watcher.setIdleSource([&idleMs] { return std::optional<qint64>(idleMs); });
    w.watcher.detector().setIdleThresholdMs(3 * kMinute);
    idleMs = 5 * kMinute;
    w.start();
    const Ms started = w.f.running()->startedAt;
    w.watcher.detector().check(); // idle since 5 minutes before the start
    idleMs = 0;                   // back at once
    w.watcher.detector().check();
    QVERIFY(!w.watcher.pendingDialog());

    idleMs = 5 * kMinute;
    w.watcher.detector().check(); // idle since 5 minutes before the start, again
    w.awake(20);
    idleMs = 0; // back 20 minutes after the start
    w.watcher.detector().check();
    AwayDialog *dialog = w.watcher.pendingDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->from(), started);
    QCOMPARE(dialog->to(), started + 20 * kMinute);
    QVERIFY(!dialog->stopButton()); // stopping at the start would leave no entry
    dialog->discardButton()->click();
    w.f.settle();
    QVERIFY(w.notes.isEmpty());
    QCOMPARE(w.f.running()->billableMs(w.f.store.clock.nowMs()), Ms(0));
}

void TestAwayWatcher::longRunningTimerIsRemindedOnce()
{
    Watched w;
    w.start();
    w.awake(3 * 60);
    w.watcher.checkReminders();
    QVERIFY(w.notes.isEmpty());
    w.awake(61);
    w.watcher.checkReminders();
    QCOMPARE(w.notes.size(), 1);
    QVERIFY(w.notes.first().contains(QStringLiteral("Recording")));
    w.awake(30);
    w.watcher.checkReminders();
    QCOMPARE(w.notes.size(), 1);
    QVERIFY(w.f.running()); // nothing is stopped
}

void TestAwayWatcher::settingsRoundTrip()
{
    // Saved with the other preferences in the database, read back from there.
    GuiFixture f;
    Preferences prefs = preferences::load(*f.store.db);
    AwaySettings &s = prefs.away;
    s.idleMinutes = 25;
    s.reminderHours = 6;
    s.endOfDay = QTime(18, 30);
    QVERIFY(preferences::save(*f.store.db, prefs));
    const AwaySettings loaded = preferences::load(*f.store.db).away;
    QCOMPARE(loaded.idleMinutes, 25);
    QCOMPARE(loaded.reminderHours, 6);
    QCOMPARE(loaded.endOfDay, QTime(18, 30));
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // Settings go to a throwaway location, never the user's.
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("StudioTimerTest"));
    TestAwayWatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_away_watcher.moc"
