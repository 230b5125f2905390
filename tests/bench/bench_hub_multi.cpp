// bench_hub_multi (issue 14): 1, 2 and 3 studiotimer-hub processes on one PostgreSQL 15 database
// (a fresh one per run, on a server the bench starts in a temporary folder, as the tests do:
// tests/support/PgServer.h), one organisation, N desks spread over the hubs in turn:
//
//   connections  the N desks connect at once: time until the last CONNECT answer;
//   cross-hub    one timer:start at a time, 25 a second, from a desk on the first hub: send ->
//                timer:started at each desk on the other hubs (p50, p99, max over every delivery),
//                and at the desks of the first hub (same-hub p50, p99) for comparison;
//   events/s     4 desks, spread over the hubs, pipeline timer:start (32 in flight each) for S
//                seconds: timer:started deliveries per second across the N desks.
//
//   bench_hub_multi [--hubs 1,2,3] [--desks 200] [--seconds 10] [--rounds 60]

#include "HubBenchSupport.h"
#include "PgServer.h"
#include "RawWebSocket.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sys/resource.h>

#include <algorithm>
#include <vector>

using namespace st::bench;
using st::test::PgServer;
using st::test::RawWebSocket;

namespace {

struct Desk
{
    std::unique_ptr<RawWebSocket> ws;
    int hub = 0;
    bool connected = false;
    qint64 lastStarted = -1; // ns (the run's clock) of the last timer:started received
};

struct Row
{
    int hubs = 0;
    int desks = 0;
    double connectMs = -1;
    double p50 = -1, p99 = -1, max = -1;
    double localP50 = -1, localP99 = -1; // the same starts at the desks of the first hub
    double eventsPerS = 0;
};

class MultiLoad
{
public:
    MultiLoad(std::vector<std::unique_ptr<Server>> &hubs, QByteArray token, int n)
        : m_hubs(hubs)
        , m_token(std::move(token))
        , m_n(n)
    {
        m_clock.start();
    }

    Row run(int rounds, int seconds)
    {
        Row row;
        row.hubs = int(m_hubs.size());
        row.desks = m_n;
        connectAll(row);
        if (row.connectMs < 0)
            return row;
        findTaskType();
        pause(1000); // presence settles
        latency(row, rounds);
        throughput(row, seconds);
        for (Desk &d : m_desks)
            d.ws->close();
        return row;
    }

private:
    QByteArray startFrame(qint64 ack) const
    {
        return "42" + QByteArray::number(ack) + R"(["timer:start",{"opId":")" + uuid() +
               R"(","user":{"id":")" + uuid() + R"(","name":"Bench"},"entryId":")" + uuid() +
               R"(","taskTypeId":")" + m_taskTypeId + R"("}])";
    }

    void connectAll(Row &row)
    {
        m_desks.resize(size_t(m_n));
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < m_n; ++i) {
            Desk &desk = m_desks[size_t(i)];
            desk.hub = i % int(m_hubs.size());
            desk.ws = std::make_unique<RawWebSocket>();
            RawWebSocket *raw = desk.ws.get();
            const QJsonObject auth{
                {QStringLiteral("token"), QString::fromLatin1(m_token)},
                {QStringLiteral("deviceId"), QStringLiteral("bench-%1").arg(i)},
                {QStringLiteral("deviceName"), QStringLiteral("Bench %1").arg(i)},
                {QStringLiteral("since"), 0}};
            const QByteArray connect = "40" + QJsonDocument(auth).toJson(QJsonDocument::Compact);
            raw->onText = [this, raw, &desk, connect](const QByteArray &text) {
                if (text.startsWith("42[\"timer:started\"")) {
                    desk.lastStarted = m_clock.nsecsElapsed();
                    ++m_delivered;
                } else if (text.startsWith("43")) {
                    if (m_onAck)
                        m_onAck(raw, text);
                } else if (text.startsWith("0{")) {
                    raw->sendText(connect);
                } else if (text.startsWith("40")) {
                    desk.connected = true;
                    ++m_connected;
                }
            };
            raw->connectTo(m_hubs[size_t(desk.hub)]->port);
        }
        if (loopUntil([&] { return m_connected >= m_n; }, 120000))
            row.connectMs = double(t.nsecsElapsed()) / 1e6;
        else
            say(QStringLiteral("%1 hubs: only %2 of %3 desks connected in 120 s")
                    .arg(m_hubs.size())
                    .arg(m_connected)
                    .arg(m_n));
    }

    void findTaskType()
    {
        m_onAck = [this](RawWebSocket *, const QByteArray &text) {
            m_taskTypeId = taskTypeFromPull(text);
        };
        m_desks.front().ws->sendText(QByteArrayLiteral(R"(421["sync:pull",{"since":0}])"));
        loopUntil([&] { return !m_taskTypeId.isEmpty(); }, 10000);
        m_onAck = nullptr;
    }

    void latency(Row &row, int rounds)
    {
        std::vector<double> samples, local;
        RawWebSocket *sender = m_desks.front().ws.get(); // on the first hub
        qint64 ack = 100;
        const auto remote = [](const Desk &d) {
            return d.hub != 0 && d.connected;
        };
        for (int r = 0; r < rounds; ++r) {
            for (Desk &d : m_desks)
                d.lastStarted = -1;
            const qint64 sent = m_clock.nsecsElapsed();
            sender->sendText(startFrame(ack++));
            loopUntil(
                [&] {
                    return std::all_of(m_desks.begin(), m_desks.end(), [&](const Desk &d) {
                        return !d.connected || d.lastStarted >= 0;
                    });
                },
                10000);
            for (const Desk &d : m_desks) {
                if (d.lastStarted >= 0)
                    (remote(d) ? samples : local).push_back(double(d.lastStarted - sent) / 1e6);
            }
            const qint64 next = sent + 40'000'000; // 25 a second
            loopUntil([&] { return m_clock.nsecsElapsed() >= next; }, 1000);
        }
        const Percentiles p = percentiles(std::move(samples));
        row.p50 = p.p50;
        row.p99 = p.p99;
        row.max = p.max;
        const Percentiles l = percentiles(std::move(local));
        row.localP50 = l.p50;
        row.localP99 = l.p99;
    }

    void throughput(Row &row, int seconds)
    {
        // Desks 0..3 sit on hubs 0, 1, 2, 0...: every hub takes changes.
        row.eventsPerS = pipelinedEventsPerSecond(
            m_desks, [this](RawWebSocket *ws, qint64 ack) { ws->sendText(startFrame(ack)); },
            m_onAck, m_delivered, seconds);
    }

    std::vector<std::unique_ptr<Server>> &m_hubs;
    QByteArray m_token;
    QByteArray m_taskTypeId;
    int m_n;
    QElapsedTimer m_clock;
    std::vector<Desk> m_desks;
    int m_connected = 0;
    qint64 m_delivered = 0;
    std::function<void(RawWebSocket *, const QByteArray &)> m_onAck;
};

QString fmt(double v, int decimals = 1)
{
    return v < 0 ? QStringLiteral("-") : QString::number(v, 'f', decimals);
}

QByteArray createOrg(const QString &url, const QString &dir)
{
    QProcess create;
    create.start(QStringLiteral(STUDIOTIMER_HUB_BIN),
                 {QStringLiteral("--data-dir"), dir, QStringLiteral("--database"), url,
                  QStringLiteral("org"), QStringLiteral("create"), QStringLiteral("Bench")});
    create.waitForFinished(60000);
    return QJsonDocument::fromJson(create.readAllStandardOutput())
        .object()
        .value(QLatin1String("token"))
        .toString()
        .toLatin1();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption hubsOption(QStringLiteral("hubs"), QStringLiteral("hub counts"),
                                        QStringLiteral("LIST"), QStringLiteral("1,2,3"));
    const QCommandLineOption desksOption(QStringLiteral("desks"), QStringLiteral("desks"),
                                         QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("saturation seconds"),
                                           QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
                                          QStringLiteral("cross-hub rounds"), QStringLiteral("R"),
                                          QStringLiteral("60"));
    parser.addOptions({hubsOption, desksOption, secondsOption, roundsOption});
    parser.process(app);

    struct rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }

    PgServer pg;
    if (!pg.isValid()) {
        say(QStringLiteral("no PostgreSQL: %1").arg(pg.error()));
        return 1;
    }
    const int desks = parser.value(desksOption).toInt();
    std::vector<Row> rows;
    for (const QString &h : parser.value(hubsOption).split(QLatin1Char(','))) {
        const int count = h.toInt();
        const QString url = pg.createDatabase();
        QTemporaryDir dir;
        const QByteArray token = createOrg(url, dir.filePath(QStringLiteral("cli")));
        if (url.isEmpty() || token.isEmpty()) {
            say(QStringLiteral("cannot make the database or the organisation"));
            return 1;
        }
        std::vector<std::unique_ptr<Server>> hubs;
        for (int i = 0; i < count; ++i) {
            auto hub = std::make_unique<Server>();
            hub->kind = QStringLiteral("hub-multi-%1").arg(i);
            if (!hub->start(QStringLiteral(STUDIOTIMER_HUB_BIN),
                            {QStringLiteral("--data-dir"), dir.filePath(QString::number(i)),
                             QStringLiteral("--database"), url, QStringLiteral("--port"),
                             QStringLiteral("0"), QStringLiteral("--bind"),
                             QStringLiteral("127.0.0.1"), QStringLiteral("--no-announce"),
                             QStringLiteral("--rate-limit"), QStringLiteral("0"),
                             QStringLiteral("--max-per-token"), QStringLiteral("0")}))
                return 1;
            hubs.push_back(std::move(hub));
        }
        MultiLoad load(hubs, token, desks);
        rows.push_back(
            load.run(parser.value(roundsOption).toInt(), parser.value(secondsOption).toInt()));
        for (auto &hub : hubs)
            hub->stop();
        const Row &r = rows.back();
        say(QStringLiteral("%1 hubs done: %2 desks in %3 ms, %4 events/s, cross-hub p99 %5 ms")
                .arg(count)
                .arg(desks)
                .arg(fmt(r.connectMs, 0), fmt(r.eventsPerS, 0), fmt(r.p99, 2)));
    }
    say(QString());
    say(QStringLiteral("| hubs | desks | connect ms | cross-hub p50 ms | p99 ms | max ms | "
                       "same-hub p50 ms | p99 ms | events/s |"));
    say(QStringLiteral("|---|---|---|---|---|---|---|---|---|"));
    for (const Row &r : rows)
        say(QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 |")
                .arg(r.hubs)
                .arg(r.desks)
                .arg(fmt(r.connectMs, 0), fmt(r.p50, 2), fmt(r.p99, 2), fmt(r.max, 2),
                     fmt(r.localP50, 2), fmt(r.localP99, 2), fmt(r.eventsPerS, 0)));
    return 0;
}
