// bench_fanout_floor: what this machine's kernel alone costs for bench_hub_load's latency round.
// One process writes a message of the hub's timer:started size to each of N loopback TCP
// sockets, one send() each, as fast as it can; another process, like the benchmark's generator,
// sleeps in epoll_wait and reads each socket as it becomes ready. No WebSocket, no Socket.IO, no
// database: the delivery latency of any server that sends N messages is at least this.
//
//   bench_fanout_floor [--desks 500] [--rounds 300] [--bytes 631] [--threads 1]
//
// Prints `FLOOR desks=N threads=T p50 X p99 Y max Z` (milliseconds from the first send to each
// socket's read, over every delivery of every round). --threads splits the sends over that many
// writer threads.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

namespace {

double nowMs()
{
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

[[noreturn]] void fail(const char *what)
{
    std::perror(what);
    std::exit(1);
}

// Writes all of the buffer to a blocking descriptor (the pipes between the two processes).
void writeAll(int fd, const void *data, std::size_t size)
{
    const auto *p = static_cast<const char *>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size);
        if (n <= 0)
            fail("write");
        p += n;
        size -= std::size_t(n);
    }
}

void readAll(int fd, void *data, std::size_t size)
{
    auto *p = static_cast<char *>(data);
    while (size > 0) {
        const ssize_t n = ::read(fd, p, size);
        if (n <= 0)
            fail("read");
        p += n;
        size -= std::size_t(n);
    }
}

struct Options
{
    int desks = 500;
    int rounds = 300;
    int bytes = 631; // bench_hub_load's timer:started frame, as the hub sends it
    int threads = 1;
};

Options parse(int argc, char **argv)
{
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        const int value = std::atoi(argv[i + 1]);
        if (value <= 0) {
            std::fprintf(stderr, "%s needs a positive number\n", argv[i]);
            std::exit(2);
        }
        if (name == "--desks")
            o.desks = value;
        else if (name == "--rounds")
            o.rounds = value;
        else if (name == "--bytes")
            o.bytes = value;
        else if (name == "--threads")
            o.threads = std::min(value, 16);
        else {
            std::fprintf(stderr, "unknown option %s\n", argv[i]);
            std::exit(2);
        }
    }
    return o;
}

// The generator's side: every socket read once per round, each read's time sent back.
[[noreturn]] void reader(const std::vector<int> &sockets, const Options &o, int startPipe,
                         int resultPipe)
{
    const int epoll = ::epoll_create1(0);
    for (std::size_t i = 0; i < sockets.size(); ++i) {
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.u64 = i;
        ::epoll_ctl(epoll, EPOLL_CTL_ADD, sockets[i], &event);
    }
    std::vector<char> buffer(65536);
    std::vector<double> times(sockets.size());
    std::vector<epoll_event> ready(256);
    for (int r = 0; r < o.rounds; ++r) {
        double start = 0;
        readAll(startPipe, &start, sizeof start); // sent just before the first send()
        std::size_t got = 0;
        while (got < sockets.size()) {
            const int n = ::epoll_wait(epoll, ready.data(), int(ready.size()), -1);
            for (int k = 0; k < n; ++k) {
                const std::size_t i = ready[std::size_t(k)].data.u64;
                if (::recv(sockets[i], buffer.data(), buffer.size(), 0) > 0) {
                    times[i] = nowMs() - start;
                    ++got;
                }
            }
        }
        writeAll(resultPipe, times.data(), times.size() * sizeof(double));
    }
    std::exit(0);
}

} // namespace

int main(int argc, char **argv)
{
    const Options o = parse(argc, argv);
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(listener, 4096) != 0)
        fail("listen");
    socklen_t length = sizeof address;
    ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length);

    std::vector<int> ours(std::size_t(o.desks));
    std::vector<int> theirs(std::size_t(o.desks));
    const int on = 1;
    for (int i = 0; i < o.desks; ++i) {
        theirs[std::size_t(i)] = ::socket(AF_INET, SOCK_STREAM, 0);
        if (::connect(theirs[std::size_t(i)], reinterpret_cast<sockaddr *>(&address),
                      sizeof address) != 0)
            fail("connect");
        ours[std::size_t(i)] = ::accept(listener, nullptr, nullptr);
        if (ours[std::size_t(i)] < 0)
            fail("accept");
        ::setsockopt(ours[std::size_t(i)], IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    }

    int start[2];
    int result[2];
    if (::pipe(start) != 0 || ::pipe(result) != 0)
        fail("pipe");
    if (::fork() == 0) {
        for (int fd : ours)
            ::close(fd);
        reader(theirs, o, start[0], result[1]);
    }
    for (int fd : theirs)
        ::close(fd);

    const std::vector<char> message(std::size_t(o.bytes), 'x');
    const auto sendRange = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i)
            ::send(ours[i], message.data(), message.size(), MSG_NOSIGNAL);
    };
    std::vector<double> samples;
    samples.reserve(std::size_t(o.rounds) * std::size_t(o.desks));
    std::vector<double> times(std::size_t(o.desks));
    for (int r = 0; r < o.rounds; ++r) {
        ::usleep(40'000); // 25 rounds a second, as bench_hub_load
        const double t0 = nowMs();
        writeAll(start[1], &t0, sizeof t0);
        std::vector<std::thread> helpers;
        const std::size_t n = ours.size();
        for (int k = 1; k < o.threads; ++k)
            helpers.emplace_back(sendRange, n * std::size_t(k) / std::size_t(o.threads),
                                 n * std::size_t(k + 1) / std::size_t(o.threads));
        sendRange(0, n / std::size_t(o.threads));
        for (std::thread &t : helpers)
            t.join();
        readAll(result[0], times.data(), times.size() * sizeof(double));
        samples.insert(samples.end(), times.begin(), times.end());
    }
    ::wait(nullptr);
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) {
        return samples[std::min(samples.size() - 1, std::size_t(q * double(samples.size())))];
    };
    std::printf("FLOOR desks=%d threads=%d p50 %.2f p99 %.2f max %.2f\n", o.desks, o.threads,
                at(0.50), at(0.99), samples.back());
    return 0;
}
