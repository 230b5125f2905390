// Store benchmark (issue 2, "First benchmark"): a realistic history of N entries over five years,
// then the operations a user waits on, measured through our store (TimerService) beside a baseline
// that writes and reads the same rows through the plain SQLite C API, same schema, same pragmas.
//
//   bench_store [--entries N] [--users N] [--pairs N] [--page-reps N] [--total-reps N]
//               [--report-reps N] [--seed N] [--dir PATH] [--keep] [--strict]
//
// Not a unit test: ctest only runs a tiny smoke size (bench_store_smoke). `make bench` runs the
// real size. Exit code: 0, or 1 with --strict when a goal is missed, 2 when ours and the baseline
// disagree on a result, 3 on a setup error.

#include "domain/Clock.h"
#include "domain/Money.h"
#include "domain/Types.h"
#include "report/ReportService.h"
#include "store/Database.h"
#include "store/EntryFilter.h"
#include "store/Repositories.h"
#include "timer/Profile.h"
#include "timer/TimerService.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#ifndef STUDIOTIMER_BUILD_TYPE
#define STUDIOTIMER_BUILD_TYPE "unknown"
#endif

namespace {

using st::Ms;

constexpr Ms kMinute = 60'000;
constexpr Ms kHour = 60 * kMinute;
constexpr Ms kDay = 24 * kHour;
// The history covers 2021-01-01 .. 2025-12-31 (UTC); the clock then stands at 2026-01-01.
const QDate kFirstDay(2021, 1, 1);
const QDate kEndDay(2026, 1, 1);
constexpr qsizetype kBatchRows = 50'000; // rows per bulk transaction

Ms msAt(QDate day)
{
    return QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

// ---- options
// -------------------------------------------------------------------------------------

struct Options
{
    qint64 entries = 1'000'000;
    int users = 12;
    int pairs = 1000;
    int pageReps = 60;
    int totalReps = 15;
    int reportReps = 3;
    quint64 seed = 20260101;
    QString dir; // empty: a temporary folder, removed afterwards
    bool keep = false;
    bool strict = false;
};

void usage()
{
    std::printf("Usage: bench_store [--entries N] [--users N] [--pairs N] [--page-reps N]\n"
                "                   [--total-reps N] [--report-reps N] [--seed N] [--dir PATH]\n"
                "                   [--keep] [--strict]\n"
                "  --entries N     entries in the generated history (default 1000000)\n"
                "  --users N       people sharing the studio (default 12)\n"
                "  --pairs N       timer start+stop pairs timed (default 1000)\n"
                "  --page-reps N   history pages timed (default 60)\n"
                "  --total-reps N  one-year totals timed (default 15)\n"
                "  --report-reps N whole-history reports timed, by day and by task (default 3)\n"
                "  --seed N        PRNG seed of the generated history (default 20260101)\n"
                "  --dir PATH      folder for the two databases (default: a temporary folder)\n"
                "  --keep          keep the databases afterwards\n"
                "  --strict        exit 1 when a goal is missed\n");
}

bool parseOptions(int argc, char **argv, Options &o)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto number = [&](auto &target, long long min) {
            if (i + 1 >= argc)
                return false;
            char *end = nullptr;
            const long long v = std::strtoll(argv[++i], &end, 10);
            if (*end != '\0' || v < min)
                return false;
            target = static_cast<std::remove_reference_t<decltype(target)>>(v);
            return true;
        };
        bool ok = true;
        if (arg == "--entries")
            ok = number(o.entries, 1);
        else if (arg == "--users")
            ok = number(o.users, 1);
        else if (arg == "--pairs")
            ok = number(o.pairs, 1);
        else if (arg == "--page-reps")
            ok = number(o.pageReps, 1);
        else if (arg == "--total-reps")
            ok = number(o.totalReps, 1);
        else if (arg == "--report-reps")
            ok = number(o.reportReps, 1);
        else if (arg == "--seed")
            ok = number(o.seed, 0);
        else if (arg == "--dir" && i + 1 < argc)
            o.dir = QString::fromLocal8Bit(argv[++i]);
        else if (arg == "--keep")
            o.keep = true;
        else if (arg == "--strict")
            o.strict = true;
        else if (arg == "--help" || arg == "-h") {
            usage();
            std::exit(0);
        } else
            ok = false;
        if (!ok) {
            std::fprintf(stderr, "bench_store: bad argument near \"%s\"\n", arg.c_str());
            usage();
            return false;
        }
    }
    return true;
}

// ---- deterministic inputs
// ------------------------------------------------------------------------

class BenchClock final : public st::Clock
{
public:
    Ms nowMs() const override { return m_now; }
    void set(Ms now) { m_now = now; }

private:
    Ms m_now = 0;
};

class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_engine(seed)
    {}
    quint64 next() { return m_engine(); }
    // Uniform in [lo, hi].
    qint64 between(qint64 lo, qint64 hi)
    {
        return lo + static_cast<qint64>(next() % static_cast<quint64>(hi - lo + 1));
    }
    bool chance(int percent) { return between(0, 99) < percent; }
    // A version 4 UUID, lowercase, drawn from this generator.
    QString uuid()
    {
        const quint64 a = next();
        const quint64 b = next();
        char text[37];
        std::snprintf(text, sizeof text, "%08llx-%04llx-4%03llx-%04llx-%012llx",
                      static_cast<unsigned long long>(a >> 32),
                      static_cast<unsigned long long>((a >> 16) & 0xffff),
                      static_cast<unsigned long long>(a & 0xfff),
                      static_cast<unsigned long long>(0x8000 | ((b >> 48) & 0x3fff)),
                      static_cast<unsigned long long>(b & 0xffffffffffffULL));
        return QString::fromLatin1(text);
    }

private:
    std::mt19937_64 m_engine;
};

// The organisation: the five default task types, rooms and people, with IDs from the seed.
struct Catalog
{
    st::Organization org;
    QList<st::TaskType> types; // Setup, Recording, Mixing, Mastering, Break
    QList<st::Room> rooms;
    QList<st::User> users;
    QStringList notes; // "" included: many entries carry no note
};

Catalog makeCatalog(const Options &o, Ms now)
{
    Rng rng(o.seed ^ 0x5eedc0ffeeULL);
    Catalog c;
    c.org = {rng.uuid(), QStringLiteral("Bench Studio"), QStringLiteral("EUR"), now};
    c.types = st::profile::defaultTaskTypes(c.org.id, now);
    for (st::TaskType &t : c.types)
        t.id = rng.uuid();
    for (const char *name : {"Studio A", "Studio B", "Live Room", "Vocal Booth", "Edit Suite"})
        c.rooms.append({rng.uuid(), c.org.id, QString::fromLatin1(name), false, now});
    static const char *const people[] = {"Alex",  "Sam",  "Robin", "Kim",   "Jo",    "Noor",
                                         "Luca",  "Mina", "Theo",  "Ines",  "Yuki",  "Omar",
                                         "Clara", "Finn", "Zoe",   "Hugo",  "Maya",  "Ravi",
                                         "Lena",  "Owen", "Ada",   "Bruno", "Chloe", "Dev"};
    for (int i = 0; i < o.users; ++i) {
        QString name = QString::fromLatin1(people[i % 24]);
        if (i >= 24)
            name += QLatin1Char(' ') + QString::number(i / 24 + 1);
        c.users.append({rng.uuid(), c.org.id, name, now});
    }
    static const char *const what[] = {
        "Vocals take",     "Drums",     "Bass DI",       "Guitar overdub", "Piano",
        "Strings session", "Rough mix", "Mix revisions", "Stem export",    "Master v",
        "Client review",   "Tuning",    "Comping",       "Mic setup",      "Patchbay check"};
    static const char *const who[] = {"The Lanterns", "Mara Quinn",  "Northbound", "Velvet Ash",
                                      "Kofi & Band",  "Studio demo", "Podcast ep", "Film cue"};
    c.notes.append(QString());
    for (int i = 0; i < 240; ++i)
        c.notes.append(QString::fromUtf8(what[i % 15]) + QLatin1Char(' ') +
                       QString::number(i % 9 + 1) + QStringLiteral(" – ") +
                       QString::fromUtf8(who[(i / 15) % 8]));
    return c;
}

// The history, generated lazily and identically for both stores. Each person works a 12-hour day;
// their entries for the day share it in slots (no overlap per person), with small gaps between.
struct GenEntry
{
    QString id;
    int user = 0;
    int type = 0;
    int room = -1; // -1: no room
    int note = 0;  // index into Catalog::notes, 0 = empty
    Ms start = 0;
    Ms end = 0;
    Ms paused = 0;
    bool manual = false;
};

class History
{
public:
    History(const Options &o, const Catalog &c)
        : m_options(o)
        , m_catalog(c)
        , m_rng(o.seed)
        , m_days(kFirstDay.daysTo(kEndDay))
    {}

    bool next(GenEntry &out)
    {
        while (m_slot >= m_slots) {
            if (!advanceCell())
                return false;
        }
        const Ms slotMs = kHour * 12 / m_slots;
        const Ms slotStart = m_windowStart + m_slot * slotMs;
        const Ms gap = m_rng.between(0, slotMs / 10);
        const Ms length = std::max<Ms>(kMinute, m_rng.between(slotMs * 5 / 10, slotMs * 9 / 10));
        ++m_slot;

        out.id = m_rng.uuid();
        out.user = m_user;
        out.start = slotStart + gap;
        out.end = out.start + length;
        // Weights: Setup 15, Recording 35, Mixing 25, Mastering 10, Break 15.
        const qint64 pick = m_rng.between(0, 99);
        out.type = pick < 15 ? 0 : pick < 50 ? 1 : pick < 75 ? 2 : pick < 85 ? 3 : 4;
        out.room = (out.type == 4 || m_rng.chance(8))
                       ? -1
                       : int((m_user + m_rng.between(0, 2)) % m_catalog.rooms.size());
        out.note = m_rng.chance(25) ? 0 : int(m_rng.between(1, m_catalog.notes.size() - 1));
        out.paused =
            m_rng.chance(4) ? m_rng.between(kMinute / 2, std::max<Ms>(kMinute, length / 5)) : 0;
        out.paused = std::min(out.paused, length);
        out.manual = m_rng.chance(10);
        return true;
    }

private:
    // Moves to the next (day, person) cell and decides how many entries it holds, so that the
    // total over all cells is exactly the number asked for.
    bool advanceCell()
    {
        const qint64 cells = m_days * m_options.users;
        if (m_cell >= cells)
            return false;
        const qint64 before = m_cell * m_options.entries / cells;
        const qint64 after = (m_cell + 1) * m_options.entries / cells;
        const qint64 day = m_cell / m_options.users;
        m_user = int(m_cell % m_options.users);
        ++m_cell;
        m_slots = after - before;
        m_slot = 0;
        // Staggered starts: 08:00 to 10:30 depending on the person.
        m_windowStart = msAt(kFirstDay) + day * kDay + 8 * kHour + (m_user % 6) * 30 * kMinute;
        return true;
    }

    const Options &m_options;
    const Catalog &m_catalog;
    Rng m_rng;
    qint64 m_days;
    qint64 m_cell = 0;
    int m_user = 0;
    qint64 m_slots = 0;
    qint64 m_slot = 0;
    Ms m_windowStart = 0;
};

st::TimeEntry toEntry(const GenEntry &g, const Catalog &c)
{
    st::TimeEntry e;
    e.id = g.id;
    e.orgId = c.org.id;
    e.userId = c.users.at(g.user).id;
    e.taskTypeId = c.types.at(g.type).id;
    e.roomId = g.room < 0 ? QString() : c.rooms.at(g.room).id;
    e.note = c.notes.at(g.note);
    e.startedAt = g.start;
    e.endedAt = g.end;
    e.pausedMs = g.paused;
    e.source = g.manual ? st::EntrySource::Manual : st::EntrySource::Timer;
    e.updatedAt = g.end;
    return e;
}

// ---- the plain SQLite baseline
// -------------------------------------------------------------------

class RawDb
{
public:
    ~RawDb()
    {
        for (auto &[sql, stmt] : m_statements)
            sqlite3_finalize(stmt);
        if (m_db)
            sqlite3_close(m_db);
    }

    bool open(const QString &path)
    {
        if (sqlite3_open(path.toUtf8().constData(), &m_db) != SQLITE_OK)
            return fail("open");
        sqlite3_busy_timeout(m_db, 5000);
        // The pragmas of st::Database::configure().
        return exec("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; "
                    "PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY;");
    }

    // Runs our migrations (the same SQL files, from the same resource) so the schema is the same.
    bool createSchema()
    {
        QStringList files;
        QDirIterator it(QStringLiteral(":/migrations"));
        while (it.hasNext())
            files << it.next();
        files.sort();
        for (const QString &name : files) {
            QFile file(name);
            if (!file.open(QIODevice::ReadOnly))
                return false;
            if (!exec("BEGIN IMMEDIATE") || !exec(file.readAll().constData()) || !exec("COMMIT"))
                return false;
        }
        return true;
    }

    bool exec(const char *sql)
    {
        char *message = nullptr;
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
            std::fprintf(stderr, "baseline: %s\n", message ? message : "error");
            sqlite3_free(message);
            return false;
        }
        return true;
    }

    // A prepared statement, kept for the life of the connection and reset before each use.
    sqlite3_stmt *statement(const char *sql)
    {
        auto found = m_statements.find(sql);
        if (found != m_statements.end()) {
            sqlite3_reset(found->second);
            sqlite3_clear_bindings(found->second);
            return found->second;
        }
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
            fail(sql);
            return nullptr;
        }
        m_statements.emplace(sql, stmt);
        return stmt;
    }

    bool fail(const char *what)
    {
        std::fprintf(stderr, "baseline: %s: %s\n", what, m_db ? sqlite3_errmsg(m_db) : "no db");
        return false;
    }

    sqlite3 *handle() const { return m_db; }

private:
    sqlite3 *m_db = nullptr;
    std::map<std::string, sqlite3_stmt *> m_statements;
};

void bindText(sqlite3_stmt *s, int i, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(s, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void bindOptionalText(sqlite3_stmt *s, int i, const QString &text)
{
    if (text.isEmpty())
        sqlite3_bind_null(s, i);
    else
        bindText(s, i, text);
}

bool stepDone(RawDb &db, sqlite3_stmt *s)
{
    if (sqlite3_step(s) != SQLITE_DONE)
        return db.fail(sqlite3_sql(s));
    return true;
}

bool rawCatalog(RawDb &db, const Catalog &c)
{
    if (!db.exec("BEGIN IMMEDIATE"))
        return false;
    sqlite3_stmt *s = db.statement(
        "INSERT INTO organizations (id, name, currency, updated_at) VALUES (?, ?, ?, ?)");
    bindText(s, 1, c.org.id);
    bindText(s, 2, c.org.name);
    bindText(s, 3, c.org.currency);
    sqlite3_bind_int64(s, 4, c.org.updatedAt);
    if (!stepDone(db, s))
        return false;
    for (const st::TaskType &t : c.types) {
        s = db.statement("INSERT INTO task_types (id, org_id, name, color, hourly_rate_cents, "
                         "billable, archived, position, updated_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        bindText(s, 1, t.id);
        bindText(s, 2, t.orgId);
        bindText(s, 3, t.name);
        bindText(s, 4, t.color);
        sqlite3_bind_int64(s, 5, t.hourlyRateCents);
        sqlite3_bind_int(s, 6, t.billable ? 1 : 0);
        sqlite3_bind_int(s, 7, t.archived ? 1 : 0);
        sqlite3_bind_int(s, 8, t.position);
        sqlite3_bind_int64(s, 9, t.updatedAt);
        if (!stepDone(db, s))
            return false;
    }
    for (const st::Room &r : c.rooms) {
        s = db.statement(
            "INSERT INTO rooms (id, org_id, name, archived, updated_at) VALUES (?, ?, ?, ?, ?)");
        bindText(s, 1, r.id);
        bindText(s, 2, r.orgId);
        bindText(s, 3, r.name);
        sqlite3_bind_int(s, 4, r.archived ? 1 : 0);
        sqlite3_bind_int64(s, 5, r.updatedAt);
        if (!stepDone(db, s))
            return false;
    }
    for (const st::User &u : c.users) {
        s = db.statement("INSERT INTO users (id, org_id, name, updated_at) VALUES (?, ?, ?, ?)");
        bindText(s, 1, u.id);
        bindText(s, 2, u.orgId);
        bindText(s, 3, u.name);
        sqlite3_bind_int64(s, 4, u.updatedAt);
        if (!stepDone(db, s))
            return false;
    }
    return db.exec("COMMIT");
}

const char *const kRawInsert =
    "INSERT INTO time_entries (id, org_id, user_id, task_type_id, room_id, note, started_at, "
    "ended_at, paused_ms, paused_at, source, rev, updated_at, deleted, adjusted) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 0, 0)";

bool rawInsert(RawDb &db, const st::TimeEntry &e)
{
    sqlite3_stmt *s = db.statement(kRawInsert);
    bindText(s, 1, e.id);
    bindText(s, 2, e.orgId);
    bindText(s, 3, e.userId);
    bindText(s, 4, e.taskTypeId);
    bindOptionalText(s, 5, e.roomId);
    bindText(s, 6, e.note.isNull() ? QStringLiteral("") : e.note);
    sqlite3_bind_int64(s, 7, e.startedAt);
    if (e.endedAt)
        sqlite3_bind_int64(s, 8, *e.endedAt);
    else
        sqlite3_bind_null(s, 8);
    sqlite3_bind_int64(s, 9, e.pausedMs);
    bindText(s, 10, st::entrySourceName(e.source));
    sqlite3_bind_int(s, 11, e.rev);
    sqlite3_bind_int64(s, 12, e.updatedAt);
    return stepDone(db, s);
}

// A page row read the plain way: every column copied out of SQLite.
struct RawRow
{
    std::string id, orgId, userId, taskTypeId, roomId, note, source;
    qint64 startedAt = 0, endedAt = 0, pausedMs = 0, pausedAt = 0, updatedAt = 0;
    int rev = 0, deleted = 0, adjusted = 0;
};

std::string columnText(sqlite3_stmt *s, int i)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(s, i));
    return text ? std::string(text, size_t(sqlite3_column_bytes(s, i))) : std::string();
}

// The same overlap rule as EntryRepository: finished entries starting in [from - longest, to) and
// ending after from (or starting at from), running ones starting before to.
const char *const kRawPage =
    "SELECT id, org_id, user_id, task_type_id, room_id, note, started_at, ended_at, paused_ms, "
    "paused_at, source, rev, updated_at, deleted, adjusted FROM time_entries "
    "WHERE org_id = ?1 AND deleted = 0 AND started_at >= ?2 AND started_at < ?3 "
    "AND (COALESCE(ended_at, ?5) > ?4 OR started_at >= ?4) "
    "ORDER BY started_at DESC, id DESC LIMIT 100";

// Totals the way our store computes them, one aggregate per task type with its rate bound (the
// fastest plain form on this schema: no join, no sort).
const char *const kRawTotals =
    "SELECT COUNT(*), SUM(b), SUM((b * ?6 + 1800000) / 3600000) FROM (SELECT "
    "(CASE WHEN COALESCE(e.paused_at, e.ended_at, ?5) - e.started_at - e.paused_ms > 0 "
    "THEN COALESCE(e.paused_at, e.ended_at, ?5) - e.started_at - e.paused_ms ELSE 0 END) AS b "
    "FROM time_entries e WHERE e.org_id = ?1 AND e.task_type_id = ?7 AND e.deleted = 0 "
    "AND e.started_at >= ?2 AND e.started_at < ?3 "
    "AND (COALESCE(e.ended_at, ?5) > ?4 OR e.started_at >= ?4))";

std::vector<RawRow> rawPage(RawDb &db, const QString &orgId, Ms from, Ms to, Ms longest, Ms now)
{
    std::vector<RawRow> rows;
    rows.reserve(100);
    sqlite3_stmt *s = db.statement(kRawPage);
    bindText(s, 1, orgId);
    sqlite3_bind_int64(s, 2, from - longest);
    sqlite3_bind_int64(s, 3, to);
    sqlite3_bind_int64(s, 4, from);
    sqlite3_bind_int64(s, 5, now);
    while (sqlite3_step(s) == SQLITE_ROW) {
        RawRow r;
        r.id = columnText(s, 0);
        r.orgId = columnText(s, 1);
        r.userId = columnText(s, 2);
        r.taskTypeId = columnText(s, 3);
        r.roomId = columnText(s, 4);
        r.note = columnText(s, 5);
        r.startedAt = sqlite3_column_int64(s, 6);
        r.endedAt = sqlite3_column_int64(s, 7);
        r.pausedMs = sqlite3_column_int64(s, 8);
        r.pausedAt = sqlite3_column_int64(s, 9);
        r.source = columnText(s, 10);
        r.rev = sqlite3_column_int(s, 11);
        r.updatedAt = sqlite3_column_int64(s, 12);
        r.deleted = sqlite3_column_int(s, 13);
        r.adjusted = sqlite3_column_int(s, 14);
        rows.push_back(std::move(r));
    }
    sqlite3_reset(s);
    return rows;
}

struct RawTotals
{
    qint64 billableMs = 0;
    qint64 costCents = 0;
    qint64 entries = 0;
};

RawTotals rawTotals(RawDb &db, const Catalog &c, Ms from, Ms to, Ms longest, Ms now)
{
    RawTotals t;
    for (const st::TaskType &type : c.types) {
        sqlite3_stmt *s = db.statement(kRawTotals);
        bindText(s, 1, c.org.id);
        sqlite3_bind_int64(s, 2, from - longest);
        sqlite3_bind_int64(s, 3, to);
        sqlite3_bind_int64(s, 4, from);
        sqlite3_bind_int64(s, 5, now);
        sqlite3_bind_int64(s, 6, type.effectiveRateCents());
        bindText(s, 7, type.id);
        if (sqlite3_step(s) == SQLITE_ROW) {
            t.entries += sqlite3_column_int64(s, 0);
            t.billableMs += sqlite3_column_int64(s, 1);
            t.costCents += sqlite3_column_int64(s, 2);
        }
        sqlite3_reset(s);
    }
    return t;
}

// A report the plain way: every row of the period read once through the C API and summed as
// ReportService sums (clipped to the period, split at local midnight by cumulative rounding, each
// entry's cost rounded on its own), by day or by task type.
const char *const kRawReportRows =
    "SELECT task_type_id, started_at, ended_at, paused_ms, paused_at FROM time_entries "
    "WHERE org_id = ?1 AND deleted = 0 AND started_at >= ?2 AND started_at < ?3 "
    "AND (COALESCE(ended_at, ?5) > ?4 OR started_at >= ?4)";

struct RawGroup
{
    qint64 billableMs = 0;
    qint64 costCents = 0;
    qint64 entries = 0;

    void add(qint64 ms, qint64 cents)
    {
        billableMs += ms;
        costCents += cents;
        ++entries;
    }
};

struct RawReport
{
    std::map<std::string, RawGroup> groups; // by day ("2025-11-28") or task type ID
    RawGroup total;
};

RawReport rawReport(RawDb &db, const Catalog &c, Ms from, Ms to, Ms longest, Ms now, bool byDay)
{
    std::map<std::string, qint64> rates;
    for (const st::TaskType &t : c.types)
        rates[t.id.toStdString()] = t.effectiveRateCents();
    std::vector<Ms> edges; // the days' starts inside the period, then its end
    std::vector<std::string> days;
    if (byDay) {
        for (QDate d = QDateTime::fromMSecsSinceEpoch(from).date();; d = d.addDays(1)) {
            const Ms start = std::max(from, d.startOfDay().toMSecsSinceEpoch());
            if (start >= to)
                break;
            edges.push_back(start);
            days.push_back(d.toString(Qt::ISODate).toStdString());
        }
        edges.push_back(to);
    }
    RawReport out;
    sqlite3_stmt *s = db.statement(kRawReportRows);
    bindText(s, 1, c.org.id);
    sqlite3_bind_int64(s, 2, from - longest);
    sqlite3_bind_int64(s, 3, to);
    sqlite3_bind_int64(s, 4, from);
    sqlite3_bind_int64(s, 5, now);
    while (sqlite3_step(s) == SQLITE_ROW) {
        const std::string type = columnText(s, 0);
        st::TimeEntry e;
        e.startedAt = sqlite3_column_int64(s, 1);
        if (sqlite3_column_type(s, 2) != SQLITE_NULL)
            e.endedAt = sqlite3_column_int64(s, 2);
        e.pausedMs = sqlite3_column_int64(s, 3);
        if (sqlite3_column_type(s, 4) != SQLITE_NULL)
            e.pausedAt = sqlite3_column_int64(s, 4);
        const qint64 rate = rates[type];
        const Ms ms = e.billableMsWithin(from, to, now);
        const qint64 cents = st::money::costCents(ms, rate);
        out.total.add(ms, cents);
        if (!byDay) {
            out.groups[type].add(ms, cents);
            continue;
        }
        const Ms start = std::max(e.startedAt, from);
        const Ms end = std::min(e.effectiveEnd(now), to);
        size_t day =
            size_t(std::upper_bound(edges.begin(), edges.end() - 1, start) - edges.begin());
        day = day > 0 ? day - 1 : 0;
        if (end <= start) {
            out.groups[days[day]].add(0, 0);
            continue;
        }
        Ms doneMs = 0;
        qint64 doneCents = 0;
        for (; day < days.size() && edges[day] < end; ++day) {
            const Ms upTo = e.billableMsWithin(from, std::min(end, edges[day + 1]), now);
            const qint64 upToCents = st::money::costCents(upTo, rate);
            RawGroup &g = out.groups[days[day]];
            g.billableMs += upTo - doneMs;
            g.costCents += upToCents - doneCents;
            ++g.entries;
            doneMs = upTo;
            doneCents = upToCents;
        }
    }
    sqlite3_reset(s);
    return out;
}

bool sameReport(const st::Report &ours, const RawReport &raw)
{
    if (ours.total.billableMs != raw.total.billableMs ||
        ours.total.costCents != raw.total.costCents || ours.total.entries != raw.total.entries)
        return false;
    for (const st::ReportGroup &g : ours.groups) {
        const auto found = raw.groups.find(g.key.toStdString());
        const RawGroup r = found == raw.groups.end() ? RawGroup{} : found->second;
        if (g.billableMs != r.billableMs || g.costCents != r.costCents || g.entries != r.entries)
            return false;
    }
    return true;
}

// ---- measuring
// -----------------------------------------------------------------------------------

using Stopwatch = std::chrono::steady_clock;

double elapsedMs(Stopwatch::time_point since)
{
    return std::chrono::duration<double, std::milli>(Stopwatch::now() - since).count();
}

// CPU time of this thread: unlike wall time, not inflated by other processes on a shared machine.
double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

std::string loadAverage()
{
    std::ifstream file("/proc/loadavg");
    std::string one, five, fifteen;
    file >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = std::ceil(p / 100.0 * double(values.size()));
    const auto index = std::clamp<qsizetype>(qsizetype(rank) - 1, 0, qsizetype(values.size()) - 1);
    return values[size_t(index)];
}

long peakResidentKb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::atol(line.c_str() + 6);
    }
    return -1;
}

struct Row
{
    std::string metric;
    double ours = 0;
    double baseline = 0;
    double goalMs = 0; // 0: no absolute goal on this row
    bool ratioGoal = true;
};

std::string formatMs(double ms)
{
    char text[32];
    std::snprintf(text, sizeof text, ms < 10 ? "%.3f ms" : ms < 100 ? "%.2f ms" : "%.1f ms", ms);
    return text;
}

constexpr double kMaxRatio = 2.0;

// Prints the table; returns whether every goal was met.
bool printTable(const std::vector<Row> &rows)
{
    bool allMet = true;
    std::printf("\n| %-38s | %11s | %13s | %7s | %-24s |\n", "operation", "ours", "sqlite3 C API",
                "ratio", "goal");
    std::printf("|%s|%s|%s|%s|%s|\n", std::string(40, '-').c_str(), std::string(13, '-').c_str(),
                std::string(15, '-').c_str(), std::string(9, '-').c_str(),
                std::string(26, '-').c_str());
    for (const Row &r : rows) {
        const double ratio = r.baseline > 0 ? r.ours / r.baseline : 0;
        std::string goal;
        bool met = true;
        if (r.goalMs > 0) {
            char text[32];
            std::snprintf(text, sizeof text, "<= %g ms", r.goalMs);
            goal = text;
            met = met && r.ours <= r.goalMs;
        }
        if (r.ratioGoal) {
            goal += goal.empty() ? "ratio <= 2x" : ", <= 2x";
            met = met && ratio <= kMaxRatio;
        }
        if (goal.empty())
            goal = "(information)";
        else
            goal += met ? " ok" : " MISSED";
        allMet = allMet && met;
        char ratioText[16];
        std::snprintf(ratioText, sizeof ratioText, "%.2fx", ratio);
        std::printf("| %-38s | %11s | %13s | %7s | %-24s |\n", r.metric.c_str(),
                    formatMs(r.ours).c_str(), formatMs(r.baseline).c_str(), ratioText,
                    goal.c_str());
    }
    return allMet;
}

QString fileSizeMb(const QString &path)
{
    qint64 bytes = QFileInfo(path).size();
    for (const char *suffix : {"-wal", "-shm"})
        bytes += QFileInfo(path + QLatin1String(suffix)).size();
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

int run(const Options &o)
{
    QTemporaryDir temp;
    QString dir = o.dir;
    if (dir.isEmpty()) {
        if (!temp.isValid()) {
            std::fprintf(stderr, "bench_store: cannot create a temporary folder\n");
            return 3;
        }
        temp.setAutoRemove(!o.keep);
        dir = temp.path();
    } else if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "bench_store: cannot create %s\n", qPrintable(dir));
        return 3;
    }
    const QString oursPath = dir + QStringLiteral("/ours.sqlite");
    const QString rawPath = dir + QStringLiteral("/baseline.sqlite");
    for (const QString &path : {oursPath, rawPath}) {
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
    }

    const Ms historyEnd = msAt(kEndDay);
    BenchClock clock;
    clock.set(historyEnd);
    const Catalog catalog = makeCatalog(o, historyEnd);

    std::printf("Studio Timer store benchmark\n");
    std::printf("  entries %lld over %s .. %s (UTC), %d users, %lld rooms, 5 task types, seed "
                "%llu\n",
                static_cast<long long>(o.entries), qPrintable(kFirstDay.toString(Qt::ISODate)),
                qPrintable(kEndDay.addDays(-1).toString(Qt::ISODate)), o.users,
                static_cast<long long>(catalog.rooms.size()),
                static_cast<unsigned long long>(o.seed));
    std::printf("  SQLite %s (both sides), Qt %s, build %s\n", sqlite3_libversion(), qVersion(),
                STUDIOTIMER_BUILD_TYPE);
    std::printf("  databases in %s; load average at start %s (2 cores shared)\n", qPrintable(dir),
                loadAverage().c_str());
    std::printf("  pragmas (both): foreign_keys=ON journal_mode=WAL synchronous=FULL "
                "temp_store=MEMORY busy_timeout=5000\n");
    std::fflush(stdout);

    // ---- our store
    auto opened = st::Database::open(oursPath);
    if (!opened) {
        std::fprintf(stderr, "bench_store: %s\n", qPrintable(opened.error().message));
        return 3;
    }
    std::unique_ptr<st::Database> db = std::move(opened).value();
    {
        st::CatalogRepository repo(*db);
        st::Transaction tx(*db);
        bool ok = tx.isActive() && repo.saveOrganization(catalog.org).ok();
        for (const st::TaskType &t : catalog.types)
            ok = ok && repo.saveTaskType(t).ok();
        for (const st::Room &r : catalog.rooms)
            ok = ok && repo.saveRoom(r).ok();
        for (const st::User &u : catalog.users)
            ok = ok && repo.saveUser(u).ok();
        ok = ok && db->setMeta(QStringLiteral("org_id"), catalog.org.id).ok();
        if (!ok || !tx.commit()) {
            std::fprintf(stderr, "bench_store: cannot write the catalogue\n");
            return 3;
        }
    }
    st::TimerService service(*db, clock, catalog.org.id);

    // ---- baseline
    RawDb raw;
    if (!raw.open(rawPath) || !raw.createSchema() || !rawCatalog(raw, catalog))
        return 3;

    // ---- bulk generation: the same rows into both, in transactions of kBatchRows
    std::printf("\nGenerating the history (bulk insert through st::EntryRepository::insert in "
                "transactions of %lld rows, not TimerService one by one)...\n",
                static_cast<long long>(kBatchRows));
    std::fflush(stdout);
    double oursLoadMs = 0;
    double rawLoadMs = 0;
    Ms longest = 0;
    qint64 written = 0;
    {
        st::EntryRepository repo(*db);
        History history(o, catalog);
        GenEntry g;
        bool more = true;
        while (more) {
            std::vector<st::TimeEntry> batch;
            batch.reserve(size_t(kBatchRows));
            while (qsizetype(batch.size()) < kBatchRows && (more = history.next(g)))
                batch.push_back(toEntry(g, catalog));
            if (batch.empty())
                break;

            auto t0 = Stopwatch::now();
            st::Transaction tx(*db);
            for (const st::TimeEntry &e : batch) {
                if (auto r = repo.insert(e); !r) {
                    std::fprintf(stderr, "bench_store: %s\n", qPrintable(r.error().message));
                    return 3;
                }
            }
            if (!tx.commit()) {
                std::fprintf(stderr, "bench_store: %s\n", qPrintable(tx.error().message));
                return 3;
            }
            oursLoadMs += elapsedMs(t0);

            t0 = Stopwatch::now();
            if (!raw.exec("BEGIN IMMEDIATE"))
                return 3;
            for (const st::TimeEntry &e : batch) {
                if (!rawInsert(raw, e))
                    return 3;
                longest = std::max(longest, *e.endedAt - e.startedAt);
            }
            if (!raw.exec("COMMIT"))
                return 3;
            rawLoadMs += elapsedMs(t0);

            const qint64 tenth = std::max<qint64>(1, o.entries / 10);
            if ((written + qint64(batch.size())) / tenth != written / tenth)
                std::fprintf(stderr, "  %lld / %lld\n",
                             static_cast<long long>(written + qint64(batch.size())),
                             static_cast<long long>(o.entries));
            written += qint64(batch.size());
        }
    }
    std::printf("  wrote %lld entries: ours %.1f s (%.1f us/row), baseline %.1f s (%.1f us/row)\n",
                static_cast<long long>(written), oursLoadMs / 1000, oursLoadMs * 1000 / written,
                rawLoadMs / 1000, rawLoadMs * 1000 / written);
    std::fflush(stdout);

    bool agree = true;
    auto disagree = [&agree](const char *what) {
        std::fprintf(stderr, "bench_store: ours and the baseline disagree on %s\n", what);
        agree = false;
    };

    // ---- start/stop pairs, after the history, alternating which side goes first
    std::vector<double> oursStart, oursStop, rawStart, rawStop;
    // The same again with synchronous=NORMAL on both sides: no fsync per commit, which shows how
    // much of the latency is the disk's flush and how much is software.
    std::vector<double> oursStartN, oursStopN, rawStartN, rawStopN;
    {
        Rng ids(o.seed ^ 0xbeefULL);
        const st::User &user = catalog.users.first();
        const QString typeId = catalog.types.at(1).id; // Recording
        const QString roomId = catalog.rooms.first().id;
        const QString note = QStringLiteral("Bench take");
        std::vector<double> *timings[] = {&oursStart, &oursStop, &rawStart, &rawStop};
        auto ours = [&](Ms at, const QString &id) {
            clock.set(at);
            st::StartRequest request{user.id, typeId, roomId, note, std::nullopt, id};
            auto t0 = Stopwatch::now();
            auto started = service.start(request);
            timings[0]->push_back(elapsedMs(t0));
            clock.set(at + 30'000);
            t0 = Stopwatch::now();
            auto stopped = service.stop(user.id);
            timings[1]->push_back(elapsedMs(t0));
            if (!started || !stopped)
                disagree("a timer start/stop (ours failed)");
        };
        auto baseline = [&](Ms at, const QString &id) {
            st::TimeEntry e;
            e.id = id;
            e.orgId = catalog.org.id;
            e.userId = user.id;
            e.taskTypeId = typeId;
            e.roomId = roomId;
            e.note = note;
            e.startedAt = at;
            e.updatedAt = at;
            auto t0 = Stopwatch::now();
            bool ok = raw.exec("BEGIN IMMEDIATE") && rawInsert(raw, e) && raw.exec("COMMIT");
            timings[2]->push_back(elapsedMs(t0));
            t0 = Stopwatch::now();
            ok = ok && raw.exec("BEGIN IMMEDIATE");
            sqlite3_stmt *s = raw.statement("UPDATE time_entries SET ended_at = ?, rev = rev + 1, "
                                            "updated_at = ? WHERE id = ?");
            sqlite3_bind_int64(s, 1, at + 30'000);
            sqlite3_bind_int64(s, 2, at + 30'000);
            bindText(s, 3, id);
            ok = ok && stepDone(raw, s) && raw.exec("COMMIT");
            timings[3]->push_back(elapsedMs(t0));
            if (!ok)
                disagree("a timer start/stop (baseline failed)");
        };
        for (int i = 0; i < 2 * o.pairs; ++i) {
            if (i == o.pairs) {
                QSqlQuery(db->connection()).exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
                raw.exec("PRAGMA synchronous = NORMAL");
                timings[0] = &oursStartN;
                timings[1] = &oursStopN;
                timings[2] = &rawStartN;
                timings[3] = &rawStopN;
            }
            const Ms at = historyEnd + i * kMinute;
            const QString id = ids.uuid();
            if (i % 2 == 0) {
                ours(at, id);
                baseline(at, id);
            } else {
                baseline(at, id);
                ours(at, id);
            }
        }
    }
    QSqlQuery(db->connection()).exec(QStringLiteral("PRAGMA synchronous = FULL"));
    raw.exec("PRAGMA synchronous = FULL");
    const Ms now = historyEnd + 2 * o.pairs * kMinute + kHour;
    clock.set(now);

    // ---- a 100-row history page, one month, newest first (the default sort)
    std::vector<double> oursPage, rawPageMs, oursPageCpu, rawPageCpu;
    for (int i = 0; i < o.pageReps; ++i) {
        const QDate month = kFirstDay.addMonths((i * 7 + 5) % 60);
        const Ms from = msAt(month);
        const Ms to = msAt(month.addMonths(1));
        st::EntryFilter filter;
        filter.from = from;
        filter.to = to;
        QList<st::TimeEntry> page;
        std::vector<RawRow> rows;
        auto measureOurs = [&] {
            const auto t0 = Stopwatch::now();
            const double c0 = cpuMs();
            page = service.list(filter, {}, 100, 0);
            oursPage.push_back(elapsedMs(t0));
            oursPageCpu.push_back(cpuMs() - c0);
        };
        auto measureRaw = [&] {
            const auto t0 = Stopwatch::now();
            const double c0 = cpuMs();
            rows = rawPage(raw, catalog.org.id, from, to, longest, now);
            rawPageMs.push_back(elapsedMs(t0));
            rawPageCpu.push_back(cpuMs() - c0);
        };
        if (i % 2 == 0) {
            measureOurs();
            measureRaw();
        } else {
            measureRaw();
            measureOurs();
        }
        if (size_t(page.size()) != rows.size())
            disagree("the size of a history page");
        for (qsizetype k = 0; k < page.size() && size_t(k) < rows.size(); ++k) {
            if (page.at(k).id.toStdString() != rows[size_t(k)].id) {
                disagree("the rows of a history page");
                break;
            }
        }
    }

    // ---- the total of the last full year (2025)
    std::vector<double> oursTotal, rawTotalMs, oursTotalCpu, rawTotalCpu;
    {
        const Ms from = msAt(kEndDay.addYears(-1));
        const Ms to = msAt(kEndDay);
        st::EntryFilter filter;
        filter.from = from;
        filter.to = to;
        for (int i = 0; i < o.totalReps; ++i) {
            st::Totals totals;
            RawTotals rawSum;
            auto measureOurs = [&] {
                const auto t0 = Stopwatch::now();
                const double c0 = cpuMs();
                totals = service.totals(filter);
                oursTotal.push_back(elapsedMs(t0));
                oursTotalCpu.push_back(cpuMs() - c0);
            };
            auto measureRaw = [&] {
                const auto t0 = Stopwatch::now();
                const double c0 = cpuMs();
                rawSum = rawTotals(raw, catalog, from, to, longest, now);
                rawTotalMs.push_back(elapsedMs(t0));
                rawTotalCpu.push_back(cpuMs() - c0);
            };
            if (i % 2 == 0) {
                measureOurs();
                measureRaw();
            } else {
                measureRaw();
                measureOurs();
            }
            if (totals.entries != rawSum.entries || totals.billableMs != rawSum.billableMs ||
                totals.costCents != rawSum.costCents)
                disagree("the one-year total");
            if (i == 0)
                std::printf("  year 2025: %d entries, %.1f billable hours, %.2f EUR\n",
                            totals.entries, double(totals.billableMs) / double(kHour),
                            double(totals.costCents) / 100.0);
        }
    }

    // ---- reports over the whole history (every entry), by day and by task type
    std::vector<double> oursByDay, rawByDay, oursByTask, rawByTask;
    std::vector<double> oursByDayCpu, rawByDayCpu, oursByTaskCpu, rawByTaskCpu;
    {
        st::EntryFilter filter;
        filter.from = msAt(kFirstDay);
        filter.to = msAt(kEndDay.addDays(7)); // the timed start/stop pairs too
        const st::ReportService reports(service);
        for (int i = 0; i < o.reportReps; ++i) {
            for (const bool byDay : {true, false}) {
                std::optional<st::Report> report;
                RawReport rawSum;
                auto measureOurs = [&] {
                    const auto t0 = Stopwatch::now();
                    const double c0 = cpuMs();
                    auto built = reports.build(filter, byDay ? st::ReportGrouping::Day
                                                             : st::ReportGrouping::TaskType);
                    (byDay ? oursByDay : oursByTask).push_back(elapsedMs(t0));
                    (byDay ? oursByDayCpu : oursByTaskCpu).push_back(cpuMs() - c0);
                    if (built)
                        report = built.value();
                };
                auto measureRaw = [&] {
                    const auto t0 = Stopwatch::now();
                    const double c0 = cpuMs();
                    rawSum = rawReport(raw, catalog, *filter.from, *filter.to, longest, now, byDay);
                    (byDay ? rawByDay : rawByTask).push_back(elapsedMs(t0));
                    (byDay ? rawByDayCpu : rawByTaskCpu).push_back(cpuMs() - c0);
                };
                if (i % 2 == 0) {
                    measureOurs();
                    measureRaw();
                } else {
                    measureRaw();
                    measureOurs();
                }
                if (!report || !sameReport(*report, rawSum))
                    disagree(byDay ? "the report by day" : "the report by task");
                if (i == 0 && report)
                    std::printf("  whole history by %s: %d entries in %lld groups, %.2f EUR\n",
                                byDay ? "day" : "task", report->total.entries,
                                static_cast<long long>(report->groups.size()),
                                double(report->total.costCents) / 100.0);
            }
        }
    }

    std::vector<Row> rows{
        {"timer start p50", percentile(oursStart, 50), percentile(rawStart, 50), 0, true},
        {"timer start p99", percentile(oursStart, 99), percentile(rawStart, 99), 2, true},
        {"timer stop p50", percentile(oursStop, 50), percentile(rawStop, 50), 0, true},
        {"timer stop p99", percentile(oursStop, 99), percentile(rawStop, 99), 2, true},
        {"start p50, synchronous=NORMAL", percentile(oursStartN, 50), percentile(rawStartN, 50), 0,
         false},
        {"start p99, synchronous=NORMAL", percentile(oursStartN, 99), percentile(rawStartN, 99), 0,
         false},
        {"stop p50, synchronous=NORMAL", percentile(oursStopN, 50), percentile(rawStopN, 50), 0,
         false},
        {"stop p99, synchronous=NORMAL", percentile(oursStopN, 99), percentile(rawStopN, 99), 0,
         false},
        {"history page (100 rows, 1 month) p50", percentile(oursPage, 50),
         percentile(rawPageMs, 50), 10, true},
        {"history page max", percentile(oursPage, 100), percentile(rawPageMs, 100), 10, false},
        {"one-year total p50", percentile(oursTotal, 50), percentile(rawTotalMs, 50), 100, true},
        {"one-year total max", percentile(oursTotal, 100), percentile(rawTotalMs, 100), 100, false},
        {"report by day, whole history p50", percentile(oursByDay, 50), percentile(rawByDay, 50),
         2000, true},
        {"report by task, whole history p50", percentile(oursByTask, 50), percentile(rawByTask, 50),
         2000, true},
        {"history page p50, CPU time", percentile(oursPageCpu, 50), percentile(rawPageCpu, 50), 0,
         false},
        {"one-year total p50, CPU time", percentile(oursTotalCpu, 50), percentile(rawTotalCpu, 50),
         0, false},
        {"report by day p50, CPU time", percentile(oursByDayCpu, 50), percentile(rawByDayCpu, 50),
         0, false},
        {"report by task p50, CPU time", percentile(oursByTaskCpu, 50),
         percentile(rawByTaskCpu, 50), 0, false},
    };
    std::printf("\n%d start+stop pairs (then %d more with synchronous=NORMAL), %d pages (different "
                "months), %d year totals, %d reports of each grouping; ours and "
                "the baseline alternate who goes first.",
                o.pairs, o.pairs, o.pageReps, o.totalReps, o.reportReps);
    const bool met = printTable(rows);

    db.reset();
    std::printf("\nDatabase size: ours %s MiB, baseline %s MiB\n", qPrintable(fileSizeMb(oursPath)),
                qPrintable(fileSizeMb(rawPath)));
    std::printf("Peak resident memory (VmHWM, whole process, both databases): %.1f MiB\n",
                double(peakResidentKb()) / 1024.0);
    std::printf("Load average at the end: %s\n", loadAverage().c_str());
    std::printf("Results %s; goals %s.\n", agree ? "identical on both sides" : "DIFFER",
                met ? "all met" : "MISSED");
    if (o.keep)
        std::printf("Kept the databases in %s\n", qPrintable(dir));
    if (!agree)
        return 2;
    return (!met && o.strict) ? 1 : 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options options;
    if (!parseOptions(argc, argv, options))
        return 3;
    return run(options);
}
