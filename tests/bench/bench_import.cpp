// Import benchmark (issue 11): `studiotimer import` of a generated file of N entries (our CSV and
// our JSON) into an empty data folder, each in its own process, timed, with its peak resident
// memory; beside it, as the reference, `studiotimer export` of the same data from the folder
// the CSV went into, with each one's CPU time (user + system). The goal: 10^6 rows in at most 60 s
// and 500 MB. `make bench` runs it at 10^6 rows; ctest runs a smoke size (it never judges speed,
// only that every import succeeds and that the export gives back as many entries).
//   bench_import [--rows N] [--users N] [--keep DIR]
// --keep DIR writes the generated files there and keeps them (to profile one import by hand).
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

namespace {

struct Options
{
    long long rows = 1'000'000;
    int users = 20;
    QString keep; // a folder to write the generated files to, kept (for a profiler)
};

bool parse(const QStringList &args, Options &o)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        bool ok = i + 1 < args.size();
        if (args.at(i) == QLatin1String("--rows") && ok)
            o.rows = args.at(++i).toLongLong(&ok);
        else if (args.at(i) == QLatin1String("--users") && ok)
            o.users = args.at(++i).toInt(&ok);
        else if (args.at(i) == QLatin1String("--keep") && ok)
            o.keep = args.at(++i);
        else
            ok = false;
        if (!ok || o.rows < 1 || o.users < 1) {
            std::fprintf(stderr, "usage: bench_import [--rows N] [--users N] [--keep DIR]\n");
            return false;
        }
    }
    return true;
}

const char *const kTypes[] = {"Setup", "Recording", "Mixing", "Mastering"};
const char *const kRooms[] = {"Studio A", "Studio B", "Live Room"};

// Entry i: person i % users, back to back per person (an hour or so, a pause of odd ms, a gap),
// from 2001 on, in UTC. Returns start, end, paused ms.
struct Row
{
    qint64 start, end, paused;
};
Row row(long long i, int users)
{
    const long long n = i / users;
    const qint64 base = 978'307'200'000; // 2001-01-01T00:00:00Z
    const qint64 start = base + n * 2 * 3'600'000 + (i % users) * 7'000 + (i % 1000);
    const qint64 length = 3'600'000 + (i % 37) * 60'000 + (i % 997);
    return {start, start + length, (i % 5) * 61'001};
}

QByteArray iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .toString(Qt::ISODateWithMs)
        .replace(QLatin1Char('Z'), QStringLiteral("+00:00"))
        .toUtf8();
}

QByteArray note(long long i)
{
    // Commas, quotes and a formula-looking note now and then.
    switch (i % 4) {
    case 0:
        return "Take " + QByteArray::number(i);
    case 1:
        return "Vocals, comp " + QByteArray::number(i % 50);
    case 2:
        return "";
    default:
        return "Mix \"v" + QByteArray::number(i % 9) + "\"";
    }
}

bool generate(const QString &path, bool json, const Options &o)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QByteArray chunk;
    auto flush = [&](bool force) {
        if (force || chunk.size() > (1 << 20)) {
            f.write(chunk);
            chunk.clear();
        }
    };
    if (json)
        chunk += "{\"format\":\"studiotimer-entries\",\"version\":2,\"entries\":[\n";
    else
        chunk += "id,taskType,user,room,note,startedAt,endedAt,durationSeconds,cost,currency,"
                 "adjusted,pausedSeconds,source,durationMs,pausedMs\r\n";
    for (long long i = 0; i < o.rows; ++i) {
        const Row r = row(i, o.users);
        const QByteArray user = "Person " + QByteArray::number(i % o.users);
        const QByteArray type = kTypes[i % 4];
        const QByteArray room = kRooms[i % 3];
        const qint64 billable = r.end - r.start - r.paused;
        if (json) {
            QByteArray n = note(i);
            n.replace('"', "\\\"");
            chunk += (i ? ",\n" : "") + QByteArray("{\"taskType\":\"") + type + "\",\"user\":\"" +
                     user + "\",\"room\":\"" + room + "\",\"note\":\"" + n + "\",\"startedAt\":\"" +
                     iso(r.start) + "\",\"endedAt\":\"" + iso(r.end) +
                     "\",\"durationMs\":" + QByteArray::number(billable) +
                     ",\"pausedMs\":" + QByteArray::number(r.paused) + ",\"adjusted\":false}";
        } else {
            QByteArray n = note(i);
            if (n.contains(',') || n.contains('"'))
                n = '"' + n.replace('"', "\"\"") + '"';
            chunk += "," + type + "," + user + "," + room + "," + n + "," + iso(r.start) + "," +
                     iso(r.end) + "," + QByteArray::number(billable / 1000) + ",,EUR,false," +
                     QByteArray::number(r.paused / 1000) + ",manual," +
                     QByteArray::number(billable) + "," + QByteArray::number(r.paused) + "\r\n";
        }
        flush(false);
    }
    if (json)
        chunk += "\n]}\n";
    flush(true);
    return f.error() == QFile::NoError;
}

struct Run
{
    int exitCode = -1;
    double seconds = 0;
    double peakMb = 0;
    double cpuSeconds = 0; // user + system
    QByteArray out;        // the last line of stdout
};

// One `studiotimer` command in its own process, stdout to a file, its own peak RSS.
Run run(const QStringList &args, const QString &dataDir, const QString &outFile)
{
    Run result;
    QElapsedTimer timer;
    timer.start();
    const pid_t pid = fork();
    if (pid == 0) {
        const int fd =
            ::open(QFile::encodeName(outFile).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            dup2(fd, 1);
            close(fd);
        }
        setenv("STUDIOTIMER_DATA_DIR", QFile::encodeName(dataDir).constData(), 1);
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
        QList<QByteArray> bytes{QByteArrayLiteral(STUDIOTIMER_BIN)};
        for (const QString &a : args)
            bytes << a.toLocal8Bit();
        std::vector<char *> argv;
        for (QByteArray &b : bytes)
            argv.push_back(b.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (pid < 0 || wait4(pid, &status, 0, &usage) < 0)
        return result;
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.peakMb = double(usage.ru_maxrss) / 1024.0;
    result.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                        double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    QFile out(outFile);
    if (out.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = out.readAll().trimmed().split('\n');
        result.out = lines.isEmpty() ? QByteArray() : lines.last();
    }
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options o;
    if (!parse(app.arguments(), o))
        return 2;
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    const QDir files(o.keep.isEmpty() ? dir.path() : o.keep);
    if (!o.keep.isEmpty() && !files.mkpath(QStringLiteral(".")))
        return 1;
    const QString csv = files.filePath(QStringLiteral("entries.csv"));
    const QString json = files.filePath(QStringLiteral("entries.json"));
    QElapsedTimer timer;
    timer.start();
    if (!generate(csv, false, o) || !generate(json, true, o)) {
        std::fprintf(stderr, "bench_import: cannot write the generated files\n");
        return 1;
    }
    std::printf("bench_import: %lld rows, %d people (%s, files generated in %.1f s: CSV %.0f MB, "
                "JSON %.0f MB)\n",
                o.rows, o.users, STUDIOTIMER_BUILD_TYPE, double(timer.elapsed()) / 1000.0,
                double(QFileInfo(csv).size()) / 1e6, double(QFileInfo(json).size()) / 1e6);

    const QString csvData = dir.filePath(QStringLiteral("csv-data"));
    const QString jsonData = dir.filePath(QStringLiteral("json-data"));
    const QString out = dir.filePath(QStringLiteral("stdout.txt"));
    const Run importCsv = run({QStringLiteral("import"), csv}, csvData, out);
    const Run importJson = run({QStringLiteral("import"), json}, jsonData, out);
    const QString exported = dir.filePath(QStringLiteral("export.csv"));
    const Run exportCsv = run({QStringLiteral("export"), QStringLiteral("--from"),
                               QStringLiteral("2000-01-01"), QStringLiteral("-o"), exported},
                              csvData, out);

    std::printf("%-22s %10s %10s %10s %12s %14s\n", "step", "seconds", "peak MB", "CPU s",
                "s / export", "MB / export");
    const Run *reference = &exportCsv;
    bool ok = true;
    for (const auto &[name, r] :
         {std::pair{"import csv", &importCsv}, std::pair{"import json", &importJson},
          std::pair{"export csv (reference)", &exportCsv}}) {
        std::printf("%-22s %10.2f %10.1f %10.2f %12.2f %14.2f   exit %d: %s\n", name, r->seconds,
                    r->peakMb, r->cpuSeconds, r->seconds / std::max(0.001, reference->seconds),
                    r->peakMb / std::max(0.001, reference->peakMb), r->exitCode,
                    r->out.constData());
        ok = ok && r->exitCode == 0;
    }
    // Every row went in: the export holds them all (a header and one line per entry).
    QFile back(exported);
    long long lines = 0;
    if (back.open(QIODevice::ReadOnly)) {
        while (!back.atEnd()) {
            back.readLine();
            ++lines;
        }
    }
    if (lines != o.rows + 1) {
        std::printf("bench_import: the export holds %lld entries, not %lld\n", lines - 1, o.rows);
        ok = false;
    }
    if (o.rows >= 1'000'000)
        std::printf("goal (10^6 rows: <= 60 s, <= 500 MB): csv %s, json %s\n",
                    importCsv.seconds <= 60 && importCsv.peakMb <= 500 ? "met" : "MISSED",
                    importJson.seconds <= 60 && importJson.peakMb <= 500 ? "met" : "MISSED");
    return ok ? 0 : 1;
}
