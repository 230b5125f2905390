// Backend benchmark (issue 10): how long a timer start waits, and how far from the instant it was
// asked it is recorded, from the window and from the command line, with and without a long read
// (`report --from 2019-01-01 --by day`) on the backend's reader, and with that read on the writer
// (everything on one thread, as before issue 10: the starts queue, their stamps stay honest).
// `make bench` runs it at 200,000 entries; ctest runs a smoke size only (it never judges speed:
// tst_timer_never_waits asserts).
//   bench_backend [--entries N] [--reps N]
#include "TimerNeverWaits.h"

#include "backend/Backend.h"
#include "cli/ForwardedCommand.h"
#include "cli/SingleInstance.h"
#include "store/Database.h"
#include "timer/Profile.h"
#include "timer/TimerService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

struct Options
{
    long long entries = 200'000;
    int reps = 3;
};

bool parse(const QStringList &args, Options &o)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        bool ok = i + 1 < args.size();
        if (args.at(i) == QLatin1String("--entries") && ok)
            o.entries = args.at(++i).toLongLong(&ok);
        else if (args.at(i) == QLatin1String("--reps") && ok)
            o.reps = args.at(++i).toInt(&ok);
        else
            ok = false;
        if (!ok || o.entries < 1 || o.reps < 1) {
            std::fprintf(stderr, "usage: bench_backend [--entries N] [--reps N]\n");
            return false;
        }
    }
    return true;
}

// Median and worst of one column over the repetitions.
struct Column
{
    std::vector<qint64> values;
    void add(qint64 v) { values.push_back(v); }
    qint64 median() const
    {
        std::vector<qint64> v = values;
        std::sort(v.begin(), v.end());
        return v.empty() ? -1 : v[v.size() / 2];
    }
    qint64 worst() const
    {
        return values.empty() ? -1 : *std::max_element(values.begin(), values.end());
    }
};

struct Figures
{
    Column windowAnswer, windowStamp, cliAnswer, cliStamp, read;
    int overlapped = 0;
};

void print(const char *what, const Column &without, const Column &with, const Column &before)
{
    std::printf("  %-36s", what);
    for (const Column *c : {&without, &with, &before})
        std::printf(" %8lld %8lld  ", static_cast<long long>(c->median()),
                    static_cast<long long>(c->worst()));
    std::printf("\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Options o;
    if (!parse(QCoreApplication::arguments(), o))
        return 2;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("studiotimer.sqlite"));
    st::SystemClock clock;
    QString orgId;
    QString recording;
    {
        auto db = st::Database::open(path);
        if (!db)
            return 3;
        auto profile = st::profile::ensure(*db.value(), clock);
        if (!profile)
            return 3;
        orgId = profile->org.id;
        st::TimerService service(*db.value(), clock, orgId);
        QStringList users{profile->user.id};
        for (int i = 1; i < 8; ++i)
            users << service.ensureUser(QStringLiteral("Engineer %1").arg(i))->id;
        QStringList types;
        for (const st::TaskType &t : service.taskTypes())
            types << t.id;
        recording = service.findTaskType(QStringLiteral("Recording"))->id;
        std::printf("bench_backend: seeding %lld entries (EntryRepository, transactions of %lld "
                    "rows)...\n",
                    o.entries, static_cast<long long>(st::test::latency::kBatchRows));
        std::fflush(stdout);
        QElapsedTimer t;
        t.start();
        if (auto r = st::test::latency::seed(*db.value(), orgId, users, types, o.entries); !r) {
            std::fprintf(stderr, "bench_backend: %s\n", qPrintable(r.error().message));
            return 3;
        }
        std::printf("  seeded in %.1f s\n", double(t.elapsed()) / 1000.0);
    }

    st::Backend backend(path, clock, orgId);
    if (!st::test::latency::spinUntil([&] { return backend.snapshot().valid; }))
        return 3;
    st::SingleInstance instance(dir.path());
    if (!instance.listen()) {
        std::fprintf(stderr, "bench_backend: %s\n", qPrintable(instance.errorString()));
        return 3;
    }
    instance.setCommandHandler([&backend, &instance](const st::SingleInstance::Request &request,
                                                     st::SingleInstance::Reply reply) {
        st::forwarded::run(backend, request, &instance, std::move(reply));
    });

    using st::test::latency::LongRead;
    Figures without, with, before;
    for (int rep = 0; rep < o.reps; ++rep) {
        for (const LongRead longRead : {LongRead::None, LongRead::Reader, LongRead::Writer}) {
            const auto run = st::test::latency::run(backend, dir.path(), recording,
                                                    QStringLiteral("Mixing"), longRead);
            if (!run.commandLineError.isEmpty() || run.window.answerMs < 0) {
                std::fprintf(stderr, "bench_backend: a start failed: %s\n",
                             qPrintable(run.commandLineError));
                return 4;
            }
            Figures &f = longRead == LongRead::None     ? without
                         : longRead == LongRead::Reader ? with
                                                        : before;
            f.windowAnswer.add(run.window.answerMs);
            f.windowStamp.add(run.window.stampDelayMs);
            f.cliAnswer.add(run.commandLine.answerMs);
            f.cliStamp.add(run.commandLine.stampDelayMs);
            if (longRead != LongRead::None) {
                f.read.add(run.readMs);
                f.overlapped += run.readWasRunning ? 1 : 0;
            }
        }
    }
    backend.waitForIdle();

    std::printf("\n%lld entries, %d repetitions (ms; median and worst)\n", o.entries, o.reps);
    std::printf("  %-36s %-19s %-19s %-19s\n", "", " no long read", " long read, reader",
                " long read, writer");
    std::printf("  %-36s", "");
    for (int i = 0; i < 3; ++i)
        std::printf(" %8s %8s  ", "median", "worst");
    std::printf("\n");
    print("window start: answered after", without.windowAnswer, with.windowAnswer,
          before.windowAnswer);
    print("window start: stamped after the click", without.windowStamp, with.windowStamp,
          before.windowStamp);
    print("command-line start: answered after", without.cliAnswer, with.cliAnswer,
          before.cliAnswer);
    print("command-line start: stamped after", without.cliStamp, with.cliStamp, before.cliStamp);
    std::printf("  the long read (report by day since 2019): median %lld ms on the reader, %lld ms "
                "on the writer; both starts answered while it ran on the reader: %d of %d\n",
                static_cast<long long>(with.read.median()),
                static_cast<long long>(before.read.median()), with.overlapped, o.reps);
    return with.overlapped == o.reps ? 0 : 5;
}
