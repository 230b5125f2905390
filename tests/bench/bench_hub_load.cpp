// bench_hub_load (issue 13): studiotimer-hub beside a minimal Socket.IO 4.8 server
// (tests/bench/sio-baseline) under the same load, from one process speaking Socket.IO v4 over raw
// WebSockets (tests/support/RawWebSocket.h). For each server and each N, one organisation:
//
//   storm      N desks connect at once to a fresh server (a hub restart): time until the last
//              CONNECT answer, and the server's peak RSS meanwhile;
//   rss/conn   the server's RSS once they are connected and nothing has arrived for 300 ms
//              (the storm's presence delivered), less its RSS before, over N;
//   latency    one timer:start at a time, 25 a second: send -> timer:started at each of the N
//              desks (p50, p99, max over every delivery), after one round not counted (the
//              first request warms the server: the hub prepares its statements, Node compiles).
//              500 rounds: p99 is then the slowest 1 % of deliveries over 5 rounds' worth; with
//              fewer than 100 rounds it lies inside the one slowest round;
//   events/s   4 desks pipeline timer:start (32 in flight each) for 10 s: timer:started
//              deliveries per second across the N desks;
//   recovery   all N drop at once; a fresh desk connects: time until its CONNECT answer.
//
// Prints a table and `RATIO name value` lines (ours / baseline) at N = 500.
//
//   bench_hub_load [--sizes 50,500,2000] [--seconds 10] [--rounds 500] [--only hub|baseline]
//                  [--data-root DIR]

#include "HubBenchSupport.h"
#include "RawWebSocket.h"

#include <QCommandLineParser>
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

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using st::test::RawWebSocket;

namespace {

using namespace st::bench;

// One desk of the load.
struct Desk
{
    std::unique_ptr<RawWebSocket> ws;
    bool connected = false;
    bool refused = false;
    qint64 lastStarted = -1; // ns (the run's clock) of the last timer:started received
};

struct Row
{
    QString kind;
    int n = 0;
    double stormMs = -1;
    double stormPeakMb = 0;
    double rssPerConnKb = 0;
    double p50 = 0, p99 = 0, max = 0;
    double eventsPerS = 0;
    double recoveryMs = -1;
    int refused = 0;
};

class Load
{
public:
    Load(Server &server, int n)
        : m_server(server)
        , m_n(n)
    {
        m_clock.start();
    }

    Row run(int rounds, int seconds)
    {
        Row row;
        row.kind = m_server.kind;
        row.n = m_n;
        const qint64 before = m_server.rss();
        storm(row);
        if (row.stormMs < 0)
            return row;
        // The storm's presence (every desk learns of every other: O(N^2) bytes, which the
        // baseline does not send) must have reached the desks before the steady state is
        // measured: otherwise the first latency round waits behind it.
        waitQuiet(300, 30000);
        row.rssPerConnKb = double(m_server.rss() - before) / m_n;
        latency(row, rounds);
        throughput(row, seconds);
        recovery(row);
        return row;
    }

private:
    QByteArray connectFrame(int i) const
    {
        const QJsonObject auth{{QStringLiteral("token"), QString::fromLatin1(m_server.token)},
                               {QStringLiteral("deviceId"), QStringLiteral("bench-%1").arg(i)},
                               {QStringLiteral("deviceName"), QStringLiteral("Bench %1").arg(i)},
                               {QStringLiteral("since"), 0}};
        return "40" + QJsonDocument(auth).toJson(QJsonDocument::Compact);
    }
    QByteArray startFrame(qint64 ack) const
    {
        return "42" + QByteArray::number(ack) + R"(["timer:start",{"opId":")" + uuid() +
               R"(","user":{"id":")" + uuid() + R"(","name":"Bench"},"entryId":")" + uuid() +
               R"(","taskTypeId":")" + m_server.taskTypeId + R"("}])";
    }

    std::unique_ptr<RawWebSocket> makeSocket(Desk &desk, int i)
    {
        auto ws = std::make_unique<RawWebSocket>();
        RawWebSocket *raw = ws.get();
        const QByteArray connect = connectFrame(i);
        ws->onText = [this, raw, &desk, connect](const QByteArray &text) {
            m_lastText = m_clock.nsecsElapsed();
            if (text.startsWith("42[\"timer:started\"")) {
                desk.lastStarted = m_clock.nsecsElapsed();
                ++m_delivered;
            } else if (text.startsWith("43")) {
                ++m_acks;
                if (m_onAck)
                    m_onAck(raw, text);
            } else if (text.startsWith("0{")) {
                raw->sendText(connect);
            } else if (text.startsWith("40")) {
                desk.connected = true;
                ++m_connected;
            } else if (text.startsWith("44")) {
                desk.refused = true;
                ++m_refused;
            }
        };
        return ws;
    }

    // Waits until no desk has received anything for quietMs (at most maxMs).
    void waitQuiet(int quietMs, int maxMs)
    {
        loopUntil([&] { return m_clock.nsecsElapsed() - m_lastText > qint64(quietMs) * 1'000'000; },
                  maxMs);
    }

    void storm(Row &row)
    {
        m_desks.resize(size_t(m_n));
        qint64 peak = 0;
        QTimer sampler;
        QObject::connect(&sampler, &QTimer::timeout,
                         [&] { peak = std::max(peak, m_server.rss()); });
        sampler.start(20);
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < m_n; ++i) {
            m_desks[size_t(i)].ws = makeSocket(m_desks[size_t(i)], i);
            m_desks[size_t(i)].ws->connectTo(m_server.port);
        }
        const bool ok = loopUntil([&] { return m_connected + m_refused >= m_n; }, 120000);
        row.stormMs = ok ? double(t.nsecsElapsed()) / 1e6 : -1;
        row.refused = m_refused;
        peak = std::max(peak, m_server.rss());
        row.stormPeakMb = double(peak) / 1024.0;
        if (!ok)
            say(QStringLiteral("%1 N=%2: only %3 of %2 connected in 120 s")
                    .arg(m_server.kind)
                    .arg(m_n)
                    .arg(m_connected));
        if (m_server.taskTypeId.isEmpty())
            findTaskType();
    }

    // The hub checks the task type: the organisation's first one, from its history.
    void findTaskType()
    {
        RawWebSocket *ws = m_desks.front().ws.get();
        m_onAck = [this](RawWebSocket *, const QByteArray &text) {
            m_server.taskTypeId = taskTypeFromPull(text);
            if (m_server.taskTypeId.isEmpty())
                m_server.taskTypeId = uuid(); // the baseline takes any
        };
        ws->sendText(QByteArrayLiteral(R"(421["sync:pull",{"since":0}])"));
        loopUntil([&] { return !m_server.taskTypeId.isEmpty(); }, 10000);
        m_onAck = nullptr;
    }

    void latency(Row &row, int rounds)
    {
        std::vector<double> samples;
        samples.reserve(size_t(rounds) * size_t(m_n));
        RawWebSocket *sender = m_desks.front().ws.get();
        qint64 ack = 100;
        for (int r = -1; r < rounds; ++r) { // round -1 warms up
            for (Desk &d : m_desks)
                d.lastStarted = -1;
            const qint64 sent = m_clock.nsecsElapsed();
            sender->sendText(startFrame(ack++));
            loopUntil(
                [&] {
                    return std::all_of(m_desks.begin(), m_desks.end(), [](const Desk &d) {
                        return d.lastStarted >= 0 || !d.connected;
                    });
                },
                10000);
            for (const Desk &d : m_desks) {
                if (d.lastStarted >= 0 && r >= 0)
                    samples.push_back(double(d.lastStarted - sent) / 1e6);
            }
            const qint64 next = sent + 40'000'000; // 25 broadcasts a second
            loopUntil([&] { return m_clock.nsecsElapsed() >= next; }, 1000);
        }
        if (samples.empty())
            return;
        const Percentiles p = percentiles(std::move(samples));
        row.p50 = p.p50;
        row.p99 = p.p99;
        row.max = p.max;
    }

    void throughput(Row &row, int seconds)
    {
        row.eventsPerS = pipelinedEventsPerSecond(
            m_desks, [this](RawWebSocket *ws, qint64 ack) { ws->sendText(startFrame(ack)); },
            m_onAck, m_delivered, seconds);
    }

    void recovery(Row &row)
    {
        for (Desk &d : m_desks)
            d.ws->close();
        QElapsedTimer t;
        t.start();
        Desk fresh;
        fresh.ws = makeSocket(fresh, m_n + 1);
        const int before = m_connected;
        fresh.ws->connectTo(m_server.port);
        if (loopUntil([&] { return m_connected > before || fresh.refused; }, 60000) &&
            !fresh.refused)
            row.recoveryMs = double(t.nsecsElapsed()) / 1e6;
        fresh.ws->close();
        m_desks.clear();
    }

    Server &m_server;
    int m_n;
    QElapsedTimer m_clock;
    std::vector<Desk> m_desks;
    int m_connected = 0;
    int m_refused = 0;
    qint64 m_delivered = 0;
    qint64 m_lastText = 0; // ns (the run's clock) of the last message any desk received
    qint64 m_acks = 0;
    std::function<void(RawWebSocket *, const QByteArray &)> m_onAck;
};

bool startHub(Server &s, const QString &dataRoot)
{
    s.kind = QStringLiteral("hub");
    s.data = std::make_unique<QTemporaryDir>(dataRoot + QStringLiteral("/st-bench-hub-XXXXXX"));
    QProcess create;
    create.start(QStringLiteral(STUDIOTIMER_HUB_BIN),
                 {QStringLiteral("--data-dir"), s.data->path(), QStringLiteral("org"),
                  QStringLiteral("create"), QStringLiteral("Bench")});
    create.waitForFinished(60000);
    s.token = QJsonDocument::fromJson(create.readAllStandardOutput())
                  .object()
                  .value(QLatin1String("token"))
                  .toString()
                  .toLatin1();
    return !s.token.isEmpty() &&
           s.start(QStringLiteral(STUDIOTIMER_HUB_BIN),
                   {QStringLiteral("--data-dir"), s.data->path(), QStringLiteral("--port"),
                    QStringLiteral("0"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                    QStringLiteral("--rate-limit"), QStringLiteral("0"),
                    QStringLiteral("--max-per-token"), QStringLiteral("0")});
}

bool startBaseline(Server &s)
{
    s.kind = QStringLiteral("baseline");
    s.token = uuid();
    s.taskTypeId = uuid();
    return s.start(QStringLiteral("node"), {QStringLiteral("server.mjs")},
                   QStringLiteral(SIO_BASELINE_DIR));
}

QString fmt(double v, int decimals = 1)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption sizesOption(QStringLiteral("sizes"), QStringLiteral("N values"),
                                         QStringLiteral("LIST"), QStringLiteral("50,500,2000"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("saturation seconds"),
                                           QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
                                          QStringLiteral("latency rounds"), QStringLiteral("R"),
                                          QStringLiteral("500"));
    const QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("hub or baseline"),
                                        QStringLiteral("KIND"));
    const QCommandLineOption dataOption(QStringLiteral("data-root"),
                                        QStringLiteral("where the hub's database goes"),
                                        QStringLiteral("DIR"), QDir::tempPath());
    parser.addOptions({sizesOption, secondsOption, roundsOption, onlyOption, dataOption});
    parser.process(app);

    // Thousands of sockets in one process.
    struct rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }

    QList<int> sizes;
    for (const QString &s : parser.value(sizesOption).split(QLatin1Char(',')))
        sizes.append(s.toInt());
    const int seconds = parser.value(secondsOption).toInt();
    const int rounds = parser.value(roundsOption).toInt();
    QStringList kinds{QStringLiteral("hub"), QStringLiteral("baseline")};
    if (parser.isSet(onlyOption))
        kinds = {parser.value(onlyOption)};

    std::vector<Row> rows;
    for (int n : sizes) {
        for (const QString &kind : kinds) {
            Server server;
            const bool started = kind == QLatin1String("hub")
                                     ? startHub(server, parser.value(dataOption))
                                     : startBaseline(server);
            if (!started)
                return 1;
            Load load(server, n);
            rows.push_back(load.run(rounds, seconds));
            server.stop();
            const Row &r = rows.back();
            say(QStringLiteral("%1 N=%2 done: storm %3 ms, %4 events/s")
                    .arg(r.kind)
                    .arg(n)
                    .arg(fmt(r.stormMs, 0), fmt(r.eventsPerS, 0)));
        }
    }

    say(QString());
    say(QStringLiteral(
        "| server | N | storm ms | storm peak RSS MB | RSS/conn kB | p50 ms | p99 ms "
        "| max ms | events/s | recovery ms | refused |"));
    say(QStringLiteral("|---|---|---|---|---|---|---|---|---|---|---|"));
    for (const Row &r : rows)
        say(QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 | %11 |")
                .arg(r.kind)
                .arg(r.n)
                .arg(fmt(r.stormMs, 0), fmt(r.stormPeakMb), fmt(r.rssPerConnKb), fmt(r.p50, 2),
                     fmt(r.p99, 2), fmt(r.max, 2), fmt(r.eventsPerS, 0), fmt(r.recoveryMs, 0))
                .arg(r.refused));
    const auto find = [&](const QString &kind, int n) -> const Row * {
        for (const Row &r : rows) {
            if (r.kind == kind && r.n == n)
                return &r;
        }
        return nullptr;
    };
    const Row *hub = find(QStringLiteral("hub"), 500);
    const Row *base = find(QStringLiteral("baseline"), 500);
    if (hub && base) {
        say(QStringLiteral("RATIO hub_events_per_s_n500 %1")
                .arg(fmt(hub->eventsPerS / base->eventsPerS, 2)));
        say(QStringLiteral("RATIO hub_p99_latency_n500 %1").arg(fmt(hub->p99 / base->p99, 2)));
        say(QStringLiteral("RATIO hub_rss_per_conn_n500 %1")
                .arg(fmt(hub->rssPerConnKb / base->rssPerConnKb, 2)));
    }
    return 0;
}
