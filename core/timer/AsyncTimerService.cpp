#include "AsyncTimerService.h"

#include "domain/Format.h"
#include "domain/Money.h"
#include "store/Database.h"
#include "store/Repositories.h"
#include "timer/Profile.h"

#include <QCoreApplication>
#include <QDateTime>

namespace st {

namespace {
const QString kDefaultRoom = QStringLiteral("pref.default_room");
const QString kCloseToTray = QStringLiteral("pref.close_to_tray");
const QString kStartMinimized = QStringLiteral("pref.start_minimized");
const QString kLanguage = QStringLiteral("pref.language");

QString flag(bool on)
{
    return on ? QStringLiteral("1") : QStringLiteral("0");
}
} // namespace

namespace preferences {

Preferences load(const Database &db)
{
    Preferences p;
    p.defaultRoomId = db.meta(kDefaultRoom);
    p.closeToTray = db.meta(kCloseToTray, flag(true)) == QLatin1String("1");
    p.startMinimized = db.meta(kStartMinimized, flag(false)) == QLatin1String("1");
    p.language = db.meta(kLanguage);
    return p;
}

Result<void> check(const Preferences &prefs)
{
    if (!prefs.language.isEmpty() && prefs.language != QLatin1String("en") &&
        prefs.language != QLatin1String("fr"))
        return Error::invalid(
            QCoreApplication::translate("st::preferences", "Unknown language \"%1\".")
                .arg(prefs.language));
    return {};
}

Result<void> save(const Database &db, const Preferences &prefs)
{
    if (auto r = check(prefs); !r)
        return r;
    Transaction tx(db);
    if (!tx.isActive())
        return tx.error();
    for (const auto &[key, value] : {std::pair{kDefaultRoom, prefs.defaultRoomId},
                                     {kCloseToTray, flag(prefs.closeToTray)},
                                     {kStartMinimized, flag(prefs.startMinimized)},
                                     {kLanguage, prefs.language}}) {
        // Stored as '' rather than NULL: "no default room" and "system language" are values.
        if (auto r = db.setMeta(key, value.isNull() ? QString(QLatin1String("")) : value); !r)
            return r;
    }
    return tx.commit();
}

} // namespace preferences

// ---- NowSnapshot --------------------------------------------------------------------------------

QList<TaskType> NowSnapshot::activeTaskTypes() const
{
    QList<TaskType> result;
    for (const TaskType &t : taskTypes) {
        if (!t.archived)
            result.append(t);
    }
    return result;
}

QList<Room> NowSnapshot::activeRooms() const
{
    QList<Room> result;
    for (const Room &r : rooms) {
        if (!r.archived)
            result.append(r);
    }
    return result;
}

std::optional<TaskType> NowSnapshot::taskType(const QString &id) const
{
    for (const TaskType &t : taskTypes) {
        if (t.id == id)
            return t;
    }
    return std::nullopt;
}

QString NowSnapshot::taskTypeName(const QString &id) const
{
    const auto t = taskType(id);
    return t ? t->name : QString();
}

QString NowSnapshot::roomName(const QString &id) const
{
    for (const Room &r : rooms) {
        if (r.id == id)
            return r.name;
    }
    return {};
}

QString NowSnapshot::userName(const QString &id) const
{
    for (const User &u : users) {
        if (u.id == id)
            return u.name;
    }
    return {};
}

qint64 NowSnapshot::costCents(const TimeEntry &entry, Ms now) const
{
    const auto t = taskType(entry.taskTypeId);
    return t ? money::costCents(entry.billableMs(now), t->effectiveRateCents()) : 0;
}

// ---- Worker -------------------------------------------------------------------------------------

class AsyncTimerService::Worker final : public QObject
{
public:
    Worker(AsyncTimerService &owner, QString path, const Clock &clock, QString orgId)
        : m_owner(owner)
        , m_path(std::move(path))
        , m_clock(clock)
        , m_orgId(std::move(orgId))
    {}

    // Opens the connection on first use, on the worker thread (a connection belongs to a thread).
    TimerService *service()
    {
        if (m_service || m_openFailed)
            return m_service.get();
        auto db = Database::open(m_path);
        if (!db) {
            m_openFailed = true;
            reportFailure(db.error().message);
            return nullptr;
        }
        m_db = std::move(db).value();
        m_service = std::make_unique<TimerService>(*m_db, m_clock, m_orgId);
        AsyncTimerService *owner = &m_owner;
        connect(m_service.get(), &TimerService::entryChanged, owner,
                [owner](const TimeEntry &e) { Q_EMIT owner->entryChanged(e); });
        connect(m_service.get(), &TimerService::catalogChanged, owner,
                [owner] { Q_EMIT owner->catalogChanged(); });
        connect(m_service.get(), &TimerService::entryChanged, this, [this] { scheduleSnapshot(); });
        connect(m_service.get(), &TimerService::catalogChanged, this,
                [this] { scheduleSnapshot(); });
        return m_service.get();
    }

    void close()
    {
        m_service.reset();
        m_db.reset();
    }

    void reportFailure(const QString &message)
    {
        AsyncTimerService *owner = &m_owner;
        QMetaObject::invokeMethod(
            owner, [owner, message] { Q_EMIT owner->failed(message); }, Qt::QueuedConnection);
    }

    // Coalesces a burst of changes into one snapshot, taken after the requests already queued.
    void scheduleSnapshot()
    {
        if (m_snapshotPending)
            return;
        m_snapshotPending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_snapshotPending = false;
                if (TimerService *s = service())
                    deliver(take(*s));
            },
            Qt::QueuedConnection);
    }

private:
    NowSnapshot take(TimerService &s) const
    {
        NowSnapshot snap;
        const Ms now = m_clock.nowMs();
        snap.takenAt = now;
        snap.org = s.organization();
        snap.users = s.users();
        snap.taskTypes = s.taskTypes(true);
        snap.rooms = s.rooms(true);
        snap.user = s.user(profile::currentUserId(*m_db)).value_or(User{});
        if (snap.user.id.isEmpty() && !snap.users.isEmpty())
            snap.user = snap.users.first();
        snap.running = s.running(snap.user.id);
        const QDate today = QDateTime::fromMSecsSinceEpoch(now).date();
        const format::Range day = format::days(today, today);
        EntryFilter filter;
        filter.from = day.from;
        filter.to = day.to;
        filter.userIds = {snap.user.id};
        snap.today = s.list(filter, {}, 500, 0);
        snap.studio = s.runningEntries();
        snap.prefs = preferences::load(*m_db);
        snap.valid = true;
        return snap;
    }

    void deliver(NowSnapshot snap)
    {
        AsyncTimerService *owner = &m_owner;
        QMetaObject::invokeMethod(
            owner,
            [owner, snap = std::move(snap)] {
                owner->m_snapshot = snap;
                Q_EMIT owner->snapshotChanged();
            },
            Qt::QueuedConnection);
    }

    AsyncTimerService &m_owner;
    QString m_path;
    const Clock &m_clock;
    QString m_orgId;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<TimerService> m_service;
    bool m_openFailed = false;
    bool m_snapshotPending = false;

    friend class AsyncTimerService;
};

// ---- AsyncTimerService --------------------------------------------------------------------------

AsyncTimerService::AsyncTimerService(QString databasePath, const Clock &clock, QString orgId,
                                     QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_thread.setObjectName(QStringLiteral("st-store"));
    m_worker = new Worker(*this, std::move(databasePath), clock, std::move(orgId));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    refresh();
}

AsyncTimerService::~AsyncTimerService()
{
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void AsyncTimerService::post(std::function<void(TimerService &)> job)
{
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, job = std::move(job)] {
            if (TimerService *s = worker->service())
                job(*s);
        },
        Qt::QueuedConnection);
}

void AsyncTimerService::waitForIdle()
{
    QMetaObject::invokeMethod(
        m_worker, [] {}, Qt::BlockingQueuedConnection);
}

void AsyncTimerService::refresh()
{
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            if (worker->service())
                worker->scheduleSnapshot();
        },
        Qt::QueuedConnection);
}

void AsyncTimerService::act(
    std::function<Result<TimeEntry>(TimerService &, const QString &userId)> job)
{
    Worker *worker = m_worker;
    post([worker, job = std::move(job)](TimerService &s) {
        const QString userId = profile::currentUserId(s.database());
        if (auto r = job(s, userId); !r)
            worker->reportFailure(r.error().message);
        worker->scheduleSnapshot();
    });
}

void AsyncTimerService::start(const QString &taskTypeId, const QString &roomId, const QString &note)
{
    act([taskTypeId, roomId, note](TimerService &s, const QString &userId) {
        return s.start({userId, taskTypeId, roomId, note, std::nullopt, {}});
    });
}

void AsyncTimerService::stop()
{
    act([](TimerService &s, const QString &userId) { return s.stop(userId); });
}

void AsyncTimerService::pause()
{
    act([](TimerService &s, const QString &userId) { return s.pause(userId); });
}

void AsyncTimerService::resume()
{
    act([](TimerService &s, const QString &userId) { return s.resume(userId); });
}

void AsyncTimerService::togglePause()
{
    act([](TimerService &s, const QString &userId) -> Result<TimeEntry> {
        const auto running = s.running(userId);
        if (!running)
            return Error::notFound(tr("No timer is running."));
        return running->isPaused() ? s.resume(userId) : s.pause(userId);
    });
}

void AsyncTimerService::setNote(const QString &note)
{
    act([note](TimerService &s, const QString &userId) -> Result<TimeEntry> {
        const auto running = s.running(userId);
        if (!running)
            return Error::notFound(tr("No timer is running."));
        if (running->note == note.trimmed())
            return *running;
        Adjustment a;
        a.entryId = running->id;
        a.actorId = userId;
        a.note = note;
        a.reason = tr("Note edited while running");
        return s.adjust(a);
    });
}

void AsyncTimerService::resolveAway(AwayChoice choice, Ms from, Ms to, QObject *context,
                                    std::function<void(Result<TimeEntry>)> done)
{
    Worker *worker = m_worker;
    call<Result<TimeEntry>>(
        [worker, choice, from, to](TimerService &s) {
            auto r = st::resolveAway(s, profile::currentUserId(s.database()), choice, from, to);
            worker->scheduleSnapshot();
            return r;
        },
        context, std::move(done));
}

void AsyncTimerService::setCurrentUser(const QString &userId)
{
    Worker *worker = m_worker;
    post([worker, userId](TimerService &s) {
        if (!s.user(userId))
            worker->reportFailure(tr("No such user."));
        else if (auto r = profile::setCurrentUser(s.database(), userId); !r)
            worker->reportFailure(r.error().message);
        worker->scheduleSnapshot();
    });
}

void AsyncTimerService::addUser(const QString &name)
{
    Worker *worker = m_worker;
    post([worker, name](TimerService &s) {
        auto user = s.ensureUser(name);
        if (!user)
            worker->reportFailure(user.error().message);
        else if (auto r = profile::setCurrentUser(s.database(), user->id); !r)
            worker->reportFailure(r.error().message);
        worker->scheduleSnapshot();
    });
}

void AsyncTimerService::addRoom(const QString &name)
{
    Worker *worker = m_worker;
    post([worker, name](TimerService &s) {
        Room room;
        room.name = name.trimmed();
        if (auto r = s.saveRoom(room); !r)
            worker->reportFailure(r.error().message);
    });
}

void AsyncTimerService::saveSettings(const Settings &settings, QObject *context,
                                     std::function<void(Result<void>)> done)
{
    Worker *worker = m_worker;
    call<Result<void>>(
        [worker, settings](TimerService &s) -> Result<void> {
            const Database &db = s.database();
            // Everything is checked before anything is written: a refusal changes nothing.
            if (auto r = validate::userName(settings.userName); !r)
                return r;
            if (auto r = validate::userName(settings.orgName); !r)
                return r;
            const QString currency = settings.currency.trimmed().toUpper();
            if (!money::isValidCurrency(currency))
                return Error::invalid(
                    tr("A currency is a three-letter ISO 4217 code such as EUR."));
            if (auto r = preferences::check(settings.prefs); !r)
                return r;
            CatalogRepository catalog(db);
            auto user = s.user(profile::currentUserId(db));
            const QString name = settings.userName.trimmed();
            if (auto other = catalog.userByName(s.orgId(), name);
                user && other && other->id != user->id)
                return Error::conflict(tr("A user named \"%1\" exists already.").arg(name));

            Organization org = s.organization();
            org.name = settings.orgName.trimmed();
            org.currency = currency;
            if (auto r = s.saveOrganization(org); !r)
                return r;
            if (user && user->name != name) {
                user->name = name;
                user->updatedAt = s.clock().nowMs();
                if (auto r = catalog.saveUser(*user); !r)
                    return r;
            }
            if (auto r = preferences::save(db, settings.prefs); !r)
                return r;
            worker->scheduleSnapshot();
            return {};
        },
        context, std::move(done));
}

void AsyncTimerService::runCommand(const QStringList &arguments, QObject *context,
                                   std::function<void(CommandOutput)> done)
{
    Worker *worker = m_worker;
    call<CommandOutput>(
        [worker, arguments](TimerService &s) {
            CommandLine cli(s);
            CommandOutput out = cli.run(arguments);
            worker->scheduleSnapshot(); // e.g. `start --user NAME` switches the desk user
            return out;
        },
        context, std::move(done));
}

} // namespace st
