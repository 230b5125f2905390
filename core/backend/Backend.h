#pragma once

#include "backend/NowSnapshot.h"
#include "backend/Preferences.h"
#include "domain/Clock.h"
#include "domain/Types.h"
#include "timer/AwayResolution.h"
#include "timer/TimerService.h"

#include <QMutex>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace st {

class StoreThread;

// The desktop app's access to the store, on threads of its own so the UI thread never waits on
// SQLite and a timer command never waits behind a long read:
// - the writer: one connection and TimerService for every change (timer commands, edits,
//   settings, the sync client and its outbox). Nothing long runs there.
// - the reader: a second connection (WAL lets it read beside the writer) for reports, exports,
//   import previews, History pages and totals, read-only commands handed over by another process.
// Requests return at once; results come back on the caller's thread through the event loop.
// Changes made on the writer are re-emitted here and refresh the snapshot. Timer commands are
// stamped with the instant they were asked (the click), not the instant they ran.
class Backend final : public QObject
{
    Q_OBJECT
public:
    // clock: the time entries are stamped with (the hub's time once sync measured the offset).
    Backend(QString databasePath, const Clock &clock, QString orgId, QObject *parent = nullptr);
    ~Backend() override;

    const Clock &clock() const { return m_clock; }
    // The latest snapshot (valid after the first snapshotChanged).
    const NowSnapshot &snapshot() const { return m_snapshot; }
    QString currentUserId() const { return m_snapshot.user.id; }

    // Runs job on the writer (a change), then done(result) on this object's thread unless context
    // is gone. askedAt: the instant the user asked (on clock()); the job runs with it as "now".
    template <typename T>
    void write(std::function<T(TimerService &)> job, QObject *context, std::function<void(T)> done,
               std::optional<Ms> askedAt = {})
    {
        submit<T>(Side::Writer, std::move(job), context, std::move(done), askedAt);
    }
    // The same on the reader: for reads only (a change made there would bypass the outbox).
    template <typename T>
    void read(std::function<T(TimerService &)> job, QObject *context, std::function<void(T)> done,
              std::optional<Ms> askedAt = {})
    {
        submit<T>(Side::Reader, std::move(job), context, std::move(done), askedAt);
    }

    // The desk user's timer, stamped now (on the caller's thread). Errors come through failed().
    // projectId: empty for none; tags: free words (validate::tags).
    void start(const QString &taskTypeId, const QString &roomId, const QString &note = {},
               const QString &projectId = {}, const QStringList &tags = {});
    void stop();
    void pause();
    void resume();
    void togglePause();
    // The running entry's note, project ("" for none) or tags: audited adjustments (a project
    // stamps the entry's rate again).
    void setNote(const QString &note);
    void setProject(const QString &projectId);
    void setTags(const QStringList &tags);
    // The answer to "You were away from..to" for the desk user's running entry (resolveAway on
    // the writer); done(result) arrives on this thread.
    void resolveAway(AwayChoice choice, Ms from, Ms to, QObject *context,
                     std::function<void(Result<TimeEntry>)> done);

    void setCurrentUser(const QString &userId);
    void addUser(const QString &name);
    void addRoom(const QString &name);
    void saveSettings(const Settings &settings, QObject *context,
                      std::function<void(Result<void>)> done);
    // The preferences alone (snapshot().prefs changed), in one transaction.
    void savePreferences(const Preferences &prefs, QObject *context,
                         std::function<void(Result<void>)> done);

    // Closes the period up to day (snapshot().lockedUntil), or opens it again, as the desk's
    // person (TimerService::lockUntil / unlock: audited, synced); done(result) arrives on this
    // thread. A refusal (a day after today, nothing locked) is in the result, not failed().
    void lockUntil(QDate day, QObject *context, std::function<void(Result<LockRecord>)> done);
    void unlock(QObject *context, std::function<void(Result<LockRecord>)> done);

    // Asks for a new snapshot (changes ask by themselves; the day's turn needs a nudge).
    void refresh();
    // Requests posted and not answered yet, on both threads (the window's busy indicator).
    int pendingCount() const { return m_pending; }
    // Blocks until every request posted so far has run on both threads (tests, shutdown).
    void waitForIdle();

Q_SIGNALS:
    void snapshotChanged();
    void entryChanged(const st::TimeEntry &entry);
    void catalogChanged();
    // Many entries changed at once (an import): read them again.
    void entriesChanged();
    void failed(const QString &message);
    void pendingCountChanged(int count);

private:
    enum class Side
    {
        Writer,
        Reader
    };
    template <typename T>
    void submit(Side side, std::function<T(TimerService &)> job, QObject *context,
                std::function<void(T)> done, std::optional<Ms> askedAt)
    {
        const QPointer<QObject> guard(context);
        const bool hasContext = context != nullptr;
        post(
            side,
            [this, job = std::move(job), done = std::move(done), guard,
             hasContext](TimerService &service) {
                T result = job(service);
                QMetaObject::invokeMethod(
                    this,
                    [done, guard, hasContext, result = std::move(result)] {
                        if (done && (!hasContext || guard))
                            done(result);
                    },
                    Qt::QueuedConnection);
            },
            askedAt);
    }
    void post(Side side, std::function<void(TimerService &)> job, std::optional<Ms> askedAt = {});
    void act(std::function<Result<TimeEntry>(TimerService &, const QString &userId)> job);
    // An audited change of the desk user's running entry; change fills the adjustment and says
    // whether anything changes.
    void adjustRunning(std::function<bool(const TimeEntry &, Adjustment &)> change,
                       const QString &reason);
    void finished();
    // Writer thread only.
    void scheduleSnapshot();
    void takeSnapshot(TimerService &service);
    void reportFailure(const QString &message);
    // The organisation reads are made for: the writer's (sync may switch it to the hub's).
    QString readOrgId() const;
    void setReadOrgId(const QString &orgId);

    const Clock &m_clock;
    NowSnapshot m_snapshot;
    int m_pending = 0;
    bool m_snapshotPending = false;          // writer thread only
    TimerService *m_writerService = nullptr; // writer thread only
    mutable QMutex m_orgMutex;
    QString m_readOrgId;
    std::unique_ptr<StoreThread> m_writer;
    std::unique_ptr<StoreThread> m_reader; // null for an in-memory database: reads go to the writer
};

} // namespace st
