#include "Backend.h"

#include "backend/StoreThread.h"
#include "domain/Format.h"
#include "domain/Money.h"
#include "store/Database.h"
#include "store/Repositories.h"
#include "timer/Profile.h"
#include "timer/RecentWork.h"
#include "timer/TimerService.h"

#include <QDateTime>

namespace st {

Backend::Backend(QString databasePath, const Clock &clock, QString orgId, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_readOrgId(orgId)
{
    const auto fail = [this](const QString &message) {
        reportFailure(message);
    };
    StoreThread::Hooks writerHooks;
    writerHooks.onFailure = fail;
    writerHooks.onOpen = [this](TimerService &service, QObject *worker) {
        // Queued to this (UI) thread: views hear of every change, wherever it came from.
        connect(&service, &TimerService::entryChanged, this,
                [this](const TimeEntry &e) { Q_EMIT entryChanged(e); });
        connect(&service, &TimerService::catalogChanged, this, [this] { Q_EMIT catalogChanged(); });
        connect(&service, &TimerService::entriesChanged, this, [this] { Q_EMIT entriesChanged(); });
        // Direct, on the writer: one snapshot after a burst of changes.
        connect(&service, &TimerService::entryChanged, worker, [this] { scheduleSnapshot(); });
        connect(&service, &TimerService::catalogChanged, worker, [this] { scheduleSnapshot(); });
        connect(&service, &TimerService::entriesChanged, worker, [this] { scheduleSnapshot(); });
        m_writerService = &service;
    };
    const bool inMemory = databasePath == QLatin1String(":memory:");
    m_writer = std::make_unique<StoreThread>(QStringLiteral("st-writer"), databasePath, clock,
                                             orgId, writerHooks);
    if (!inMemory) {
        StoreThread::Hooks readerHooks;
        readerHooks.onFailure = fail;
        m_reader =
            std::make_unique<StoreThread>(QStringLiteral("st-reader"), std::move(databasePath),
                                          clock, std::move(orgId), readerHooks);
    }
    refresh();
}

Backend::~Backend()
{
    // The reader first: it never waits for the writer, the writer may still deliver.
    m_reader.reset();
    m_writer.reset();
}

void Backend::post(Side side, std::function<void(TimerService &)> job, std::optional<Ms> askedAt)
{
    StoreThread *thread = side == Side::Reader && m_reader ? m_reader.get() : m_writer.get();
    if (side == Side::Reader && m_reader) {
        job = [this, job = std::move(job)](TimerService &s) {
            if (const QString org = readOrgId(); s.orgId() != org)
                s.setOrgId(org);
            job(s);
        };
    }
    ++m_pending;
    Q_EMIT pendingCountChanged(m_pending);
    thread->post(std::move(job), askedAt, [this] {
        QMetaObject::invokeMethod(
            this, [this] { finished(); }, Qt::QueuedConnection);
    });
}

void Backend::finished()
{
    --m_pending;
    Q_EMIT pendingCountChanged(m_pending);
}

void Backend::waitForIdle()
{
    if (m_reader)
        m_reader->waitForIdle();
    m_writer->waitForIdle();
}

void Backend::refresh()
{
    // Posted as a job: the first one opens the connection.
    m_writer->post([this](TimerService &) { scheduleSnapshot(); });
}

QString Backend::readOrgId() const
{
    const QMutexLocker lock(&m_orgMutex);
    return m_readOrgId;
}

void Backend::setReadOrgId(const QString &orgId)
{
    const QMutexLocker lock(&m_orgMutex);
    m_readOrgId = orgId;
}

void Backend::reportFailure(const QString &message)
{
    QMetaObject::invokeMethod(
        this, [this, message] { Q_EMIT failed(message); }, Qt::QueuedConnection);
}

// Coalesces a burst of changes into one snapshot, taken after the requests already queued.
void Backend::scheduleSnapshot()
{
    if (m_snapshotPending)
        return;
    m_snapshotPending = true;
    QMetaObject::invokeMethod(
        m_writer->worker(),
        [this] {
            m_snapshotPending = false;
            if (m_writerService) // else the store did not open (failed() said why)
                takeSnapshot(*m_writerService);
        },
        Qt::QueuedConnection);
}

void Backend::takeSnapshot(TimerService &s)
{
    NowSnapshot snap;
    const Ms now = s.clock().nowMs();
    const Database &db = s.database();
    snap.takenAt = now;
    snap.org = s.organization();
    snap.users = s.users();
    snap.taskTypes = s.taskTypes(true);
    snap.rooms = s.rooms(true);
    snap.clients = s.clients(true);
    snap.projects = s.projects(true);
    snap.user = s.user(profile::currentUserId(db)).value_or(User{});
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
    RecentWork recent = recentWork(s, snap.user.id);
    snap.recentPairs = std::move(recent.pairs);
    snap.recentProjectIds = std::move(recent.projectIds);
    snap.prefs = preferences::load(db);
    snap.lockedUntil = s.lockedUntil();
    snap.valid = true;
    setReadOrgId(s.orgId());
    QMetaObject::invokeMethod(
        this,
        [this, snap = std::move(snap)] {
            m_snapshot = snap;
            Q_EMIT snapshotChanged();
        },
        Qt::QueuedConnection);
}

void Backend::act(std::function<Result<TimeEntry>(TimerService &, const QString &userId)> job)
{
    // "now" is taken here, at the click, and the change is recorded at that instant however long
    // it waited for the writer.
    const Ms askedAt = m_clock.nowMs();
    post(
        Side::Writer,
        [this, job = std::move(job)](TimerService &s) {
            const QString userId = profile::currentUserId(s.database());
            if (auto r = job(s, userId); !r)
                reportFailure(r.error().message);
            scheduleSnapshot();
        },
        askedAt);
}

void Backend::start(const QString &taskTypeId, const QString &roomId, const QString &note,
                    const QString &projectId, const QStringList &tags)
{
    act([taskTypeId, roomId, note, projectId, tags](TimerService &s, const QString &userId) {
        return s.start({userId, taskTypeId, roomId, note, std::nullopt, {}, projectId, tags});
    });
}

void Backend::stop()
{
    act([](TimerService &s, const QString &userId) { return s.stop(userId); });
}

void Backend::pause()
{
    act([](TimerService &s, const QString &userId) { return s.pause(userId); });
}

void Backend::resume()
{
    act([](TimerService &s, const QString &userId) { return s.resume(userId); });
}

void Backend::togglePause()
{
    act([](TimerService &s, const QString &userId) -> Result<TimeEntry> {
        const auto running = s.running(userId);
        if (!running)
            return Error::notFound(tr("No timer is running."));
        return running->isPaused() ? s.resume(userId) : s.pause(userId);
    });
}

void Backend::adjustRunning(std::function<bool(const TimeEntry &, Adjustment &)> change,
                            const QString &reason)
{
    act([change, reason](TimerService &s, const QString &userId) -> Result<TimeEntry> {
        const auto running = s.running(userId);
        if (!running)
            return Error::notFound(tr("No timer is running."));
        Adjustment a;
        a.entryId = running->id;
        a.actorId = userId;
        a.reason = reason;
        if (!change(*running, a))
            return *running; // nothing changes
        return s.adjust(a);
    });
}

void Backend::setNote(const QString &note)
{
    adjustRunning(
        [note](const TimeEntry &running, Adjustment &a) {
            a.note = note;
            return running.note != note.trimmed();
        },
        tr("Note edited while running"));
}

void Backend::setProject(const QString &projectId)
{
    adjustRunning(
        [projectId](const TimeEntry &running, Adjustment &a) {
            a.projectId = projectId;
            return running.projectId != projectId;
        },
        tr("Project changed while running"));
}

void Backend::setTags(const QStringList &tags)
{
    adjustRunning(
        [tags](const TimeEntry &running, Adjustment &a) {
            a.tags = tags;
            return running.tags != validate::normalizedTags(tags);
        },
        tr("Tags edited while running"));
}

void Backend::resolveAway(AwayChoice choice, Ms from, Ms to, QObject *context,
                          std::function<void(Result<TimeEntry>)> done)
{
    write<Result<TimeEntry>>(
        [this, choice, from, to](TimerService &s) {
            auto r = st::resolveAway(s, profile::currentUserId(s.database()), choice, from, to);
            scheduleSnapshot();
            return r;
        },
        context, std::move(done));
}

void Backend::setCurrentUser(const QString &userId)
{
    post(Side::Writer, [this, userId](TimerService &s) {
        if (!s.user(userId))
            reportFailure(tr("No such user."));
        else if (auto r = profile::setCurrentUser(s.database(), userId); !r)
            reportFailure(r.error().message);
        scheduleSnapshot();
    });
}

void Backend::addUser(const QString &name)
{
    post(Side::Writer, [this, name](TimerService &s) {
        auto user = s.ensureUser(name);
        if (!user)
            reportFailure(user.error().message);
        else if (auto r = profile::setCurrentUser(s.database(), user->id); !r)
            reportFailure(r.error().message);
        scheduleSnapshot();
    });
}

void Backend::addRoom(const QString &name)
{
    post(Side::Writer, [this, name](TimerService &s) {
        Room room;
        room.name = name.trimmed();
        if (auto r = s.saveRoom(room); !r)
            reportFailure(r.error().message);
    });
}

void Backend::lockUntil(QDate day, QObject *context, std::function<void(Result<LockRecord>)> done)
{
    write<Result<LockRecord>>(
        [day, userId = currentUserId()](TimerService &s) { return s.lockUntil(day, userId); },
        context, std::move(done));
}

void Backend::unlock(QObject *context, std::function<void(Result<LockRecord>)> done)
{
    write<Result<LockRecord>>(
        [userId = currentUserId()](TimerService &s) { return s.unlock(userId); }, context,
        std::move(done));
}

void Backend::saveSettings(const Settings &settings, QObject *context,
                           std::function<void(Result<void>)> done)
{
    write<Result<void>>(
        [this, settings](TimerService &s) -> Result<void> {
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
            // One transaction: the organisation, the name and the preferences, or nothing.
            Transaction tx(db);
            if (!tx.isActive())
                return tx.error();
            CatalogRepository catalog(db);
            auto user = s.user(profile::currentUserId(db));
            const QString name = settings.userName.trimmed();
            const auto other = catalog.userByName(s.orgId(), name);
            if (!other && other.error().code != ErrorCode::NotFound)
                return other.error(); // the read failed: not "no such user"
            if (user && other && other->id != user->id)
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
            if (auto r = tx.commit(); !r)
                return r;
            scheduleSnapshot();
            return {};
        },
        context, std::move(done));
}

void Backend::savePreferences(const Preferences &prefs, QObject *context,
                              std::function<void(Result<void>)> done)
{
    write<Result<void>>(
        [this, prefs](TimerService &s) -> Result<void> {
            auto r = preferences::save(s.database(), prefs);
            if (r)
                scheduleSnapshot();
            return r;
        },
        context, std::move(done));
}

} // namespace st
