#pragma once

#include "cli/CommandLine.h"
#include "domain/Clock.h"
#include "domain/Types.h"
#include "store/EntryFilter.h"
#include "timer/AwayResolution.h"
#include "timer/TimerService.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

namespace st {

class Database;

// Choices of this machine's user, kept in the database's meta table (so each data dir has its own).
struct Preferences
{
    QString defaultRoomId;
    bool closeToTray = true;
    bool startMinimized = false;
    QString language; // "" follows the system, else "en" or "fr"

    bool operator==(const Preferences &) const = default;
};

namespace preferences {
Preferences load(const Database &db);
Result<void> check(const Preferences &prefs);
Result<void> save(const Database &db, const Preferences &prefs);
} // namespace preferences

// What the "Now" screen shows, read on the worker in one go: the window never queries.
struct NowSnapshot
{
    Organization org;
    User user; // the person at this desk
    QList<User> users;
    QList<TaskType> taskTypes; // every task type, archived ones included (for names)
    QList<Room> rooms;         // every room, archived ones included
    std::optional<TimeEntry> running;
    QList<TimeEntry> today;  // the desk user's entries of the local day, newest first
    QList<TimeEntry> studio; // every running entry of the organisation
    Preferences prefs;
    Ms takenAt = 0;
    bool valid = false;

    QList<TaskType> activeTaskTypes() const;
    QList<Room> activeRooms() const;
    std::optional<TaskType> taskType(const QString &id) const;
    QString taskTypeName(const QString &id) const;
    QString roomName(const QString &id) const;
    QString userName(const QString &id) const;
    // The cost of an entry at its task type's rate as of now.
    qint64 costCents(const TimeEntry &entry, Ms now) const;
};

// The settings dialog's fields that live in the database.
struct Settings
{
    QString userName;
    QString orgName;
    QString currency;
    Preferences prefs;
};

// The desktop app's access to the store: a worker thread with its own database connection and
// TimerService. Requests return at once; results come back on the caller's thread through the
// event loop, so the UI thread never waits on SQLite. Changes made on the worker (by the app, a
// command handed over by another process, later the sync client) are re-emitted here and
// refresh the snapshot.
class AsyncTimerService final : public QObject
{
    Q_OBJECT
public:
    AsyncTimerService(QString databasePath, const Clock &clock, QString orgId,
                      QObject *parent = nullptr);
    ~AsyncTimerService() override;

    const Clock &clock() const { return m_clock; }
    // The latest snapshot (valid after the first snapshotChanged).
    const NowSnapshot &snapshot() const { return m_snapshot; }
    QString currentUserId() const { return m_snapshot.user.id; }

    // Runs job on the worker, then done(result) on this object's thread, unless context is gone.
    template <typename T>
    void call(std::function<T(TimerService &)> job, QObject *context, std::function<void(T)> done)
    {
        const QPointer<QObject> guard(context);
        const bool hasContext = context != nullptr;
        post([this, job = std::move(job), done = std::move(done), guard,
              hasContext](TimerService &service) {
            T result = job(service);
            QMetaObject::invokeMethod(
                this,
                [done, guard, hasContext, result = std::move(result)] {
                    if (done && (!hasContext || guard))
                        done(result);
                },
                Qt::QueuedConnection);
        });
    }

    // The desk user's timer. Errors are reported through failed().
    void start(const QString &taskTypeId, const QString &roomId, const QString &note = {});
    void stop();
    void pause();
    void resume();
    void togglePause();
    void setNote(const QString &note); // the running entry's note (an audited adjustment)
    // The answer to "You were away from..to" for the desk user's running entry (resolveAway on
    // the worker); done(result) arrives on this thread.
    void resolveAway(AwayChoice choice, Ms from, Ms to, QObject *context,
                     std::function<void(Result<TimeEntry>)> done);

    void setCurrentUser(const QString &userId);
    void addUser(const QString &name);
    void addRoom(const QString &name);
    void saveSettings(const Settings &settings, QObject *context,
                      std::function<void(Result<void>)> done);

    // A `studiotimer COMMAND` handed over by another process, run as the command line would.
    void runCommand(const QStringList &arguments, QObject *context,
                    std::function<void(CommandOutput)> done);

    // Asks for a new snapshot (changes ask by themselves; the day's turn needs a nudge).
    void refresh();
    // Blocks until every request posted so far has run on the worker (tests, shutdown).
    void waitForIdle();

Q_SIGNALS:
    void snapshotChanged();
    void entryChanged(const st::TimeEntry &entry);
    void catalogChanged();
    void failed(const QString &message);

private:
    class Worker;
    void post(std::function<void(TimerService &)> job);
    void act(std::function<Result<TimeEntry>(TimerService &, const QString &userId)> job);

    const Clock &m_clock;
    NowSnapshot m_snapshot;
    QThread m_thread;
    Worker *m_worker = nullptr; // lives in m_thread, deleted when it finishes
};

} // namespace st
