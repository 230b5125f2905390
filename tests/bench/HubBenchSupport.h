#pragma once

// What the hub benchmarks share (bench_hub_load, bench_hub_multi): waiting on the event loop,
// a process's RSS, and a server under test in its own process with its log in a file.

#include "LoopWait.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace st::bench {

inline void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

using test::loopUntil;

inline void pause(int ms)
{
    loopUntil([] { return false; }, ms);
}

// Delivered events per second while the first four desks (each with a `ws` socket) keep 32
// timer:start requests in flight each for `seconds`: send(socket, ack) sends one, and onAck
// (which the caller's text handler calls on each answer) is set here to send the next.
// `delivered` is the caller's count of timer:started received by any desk. Counting starts after
// 2 s: a hub reads a sender's whole window at once and answers it before its writes go out, so
// the first deliveries come late on a busy machine.
template <class Desks, class Socket, class Send>
double pipelinedEventsPerSecond(Desks &desks, Send send,
                                std::function<void(Socket *, const QByteArray &)> &onAck,
                                const qint64 &delivered, int seconds)
{
    std::vector<Socket *> senders;
    for (std::size_t i = 0; i < std::min<std::size_t>(4, desks.size()); ++i)
        senders.push_back(desks[i].ws.get());
    constexpr int kWindow = 32;
    bool running = true;
    qint64 ack = 1'000'000;
    onAck = [&](Socket *socket, const QByteArray &) {
        if (running)
            send(socket, ack++);
    };
    for (Socket *socket : senders) {
        for (int w = 0; w < kWindow; ++w)
            send(socket, ack++);
    }
    pause(2000);
    const qint64 from = delivered;
    QElapsedTimer t;
    t.start();
    pause(seconds * 1000);
    const double perSecond = double(delivered - from) / (double(t.nsecsElapsed()) / 1e9);
    running = false;
    onAck = nullptr;
    pause(1000); // drain
    return perSecond;
}

inline qint64 rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray status = f.readAll();
    const qsizetype at = status.indexOf("VmRSS:");
    return at < 0 ? 0
                  : status.mid(at + 6, status.indexOf('\n', at) - at - 6)
                        .trimmed()
                        .split(' ')
                        .first()
                        .toLongLong();
}

inline QByteArray uuid()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

// A server under test: studiotimer-hub or the Socket.IO baseline, in its own process.
struct Server
{
    QString kind;
    QProcess process;
    std::unique_ptr<QTemporaryDir> data;
    quint16 port = 0;
    QByteArray token;
    QByteArray taskTypeId;
    QString logPath;

    bool start(const QString &program, const QStringList &args, const QString &dir = {})
    {
        process.setProgram(program);
        process.setArguments(args);
        if (!dir.isEmpty())
            process.setWorkingDirectory(dir);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TOKEN"), QString::fromLatin1(token));
        process.setProcessEnvironment(env);
        // The server's log goes to a file (BENCH_LOG_DIR, else the temporary folder): what it
        // says about refused or cut-off sockets is there to read after a run.
        const QString logDir = qEnvironmentVariable("BENCH_LOG_DIR", QDir::tempPath());
        logPath = QStringLiteral("%1/bench-hub-load-%2.log").arg(logDir, kind);
        process.setStandardErrorFile(logPath);
        process.start();
        const QRegularExpression listening(QStringLiteral("listening on port (\\d+)"));
        QFile log(logPath);
        const bool ok = loopUntil(
            [&] {
                if (log.isOpen() || log.open(QIODevice::ReadOnly)) {
                    log.seek(0);
                    const auto m = listening.match(QString::fromUtf8(log.readAll()));
                    if (m.hasMatch())
                        port = quint16(m.captured(1).toUInt());
                }
                return port != 0 || process.state() == QProcess::NotRunning;
            },
            30000);
        if (!ok || port == 0)
            say(QStringLiteral("%1 did not start, see %2").arg(kind, logPath));
        return port != 0;
    }
    void stop()
    {
        process.terminate();
        if (!process.waitForFinished(5000))
            process.kill();
        process.waitForFinished(2000);
    }
    qint64 rss() const { return rssKb(process.processId()); }
};

// The id of the first task type in a sync:pull answer (the text of its ack frame); empty if none.
inline QByteArray taskTypeFromPull(const QByteArray &ackText)
{
    const QJsonArray args = QJsonDocument::fromJson(ackText.mid(ackText.indexOf('['))).array();
    const QJsonArray changes = args.at(0).toObject().value(QLatin1String("changes")).toArray();
    for (const QJsonValue &c : changes) {
        const QJsonObject type = c.toObject()
                                     .value(QLatin1String("data"))
                                     .toObject()
                                     .value(QLatin1String("taskType"))
                                     .toObject();
        if (!type.isEmpty())
            return type.value(QLatin1String("id")).toString().toLatin1();
    }
    return {};
}

// p50, p99 and max of samples (sorted here); all -1 without samples.
struct Percentiles
{
    double p50 = -1, p99 = -1, max = -1;
};
inline Percentiles percentiles(std::vector<double> samples)
{
    if (samples.empty())
        return {};
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double p) {
        return samples[std::min(samples.size() - 1, size_t(p * double(samples.size())))];
    };
    return {at(0.50), at(0.99), samples.back()};
}

} // namespace st::bench
