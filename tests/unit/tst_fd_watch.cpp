// FdWatch (core/sync/server/FdWatch): the hub's sockets watched through one epoll set per thread.
// It must behave as the QSocketNotifiers it replaces did: level-triggered, nothing while
// disabled (not even a hang-up), handlers that may destroy watches, one set per thread.

#include "sync/server/FdWatch.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

#include <sys/socket.h>
#include <unistd.h>

using namespace st;

namespace {

// A connected pair of stream sockets, closed with the object.
struct Pair
{
    int fds[2] = {-1, -1};
    Pair() { QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds) == 0); }
    ~Pair()
    {
        for (int fd : fds) {
            if (fd >= 0)
                ::close(fd);
        }
    }
    int ours() const { return fds[0]; }
    void peerSends(const char *bytes) const { QVERIFY(::write(fds[1], bytes, strlen(bytes)) > 0); }
    void peerCloses()
    {
        ::close(fds[1]);
        fds[1] = -1;
    }
};

// Runs the event loop for ms (a few passes at least).
void spin(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

} // namespace

class TestFdWatch : public QObject
{
    Q_OBJECT

private slots:
    void readableWhileEnabledOnly()
    {
        Pair pair;
        FdWatch watch(pair.ours());
        int calls = 0;
        watch.onReadable = [&] {
            ++calls;
            char buffer[64];
            while (::read(pair.ours(), buffer, sizeof buffer) > 0) {
            }
        };
        pair.peerSends("before");
        spin(30);
        QCOMPARE(calls, 0); // disabled from the start

        watch.setReadEnabled(true);
        QTRY_COMPARE(calls, 1); // what waited before is seen
        pair.peerSends("again");
        QTRY_COMPARE(calls, 2);

        watch.setReadEnabled(false);
        pair.peerSends("ignored");
        spin(30);
        QCOMPARE(calls, 2);
    }

    void levelTriggered()
    {
        Pair pair;
        FdWatch watch(pair.ours());
        int calls = 0;
        watch.onReadable = [&] {
            ++calls;
        }; // never reads: the bytes stay, so it is called again
        watch.setReadEnabled(true);
        pair.peerSends("x");
        QTRY_VERIFY(calls >= 3);
    }

    void writableWhileEnabledOnly()
    {
        Pair pair;
        FdWatch watch(pair.ours());
        int calls = 0;
        watch.onWritable = [&] {
            if (++calls == 2)
                watch.setWriteEnabled(false); // what a stream does once its queue is written
        };
        watch.setWriteEnabled(true);
        QTRY_COMPARE(calls, 2);
        spin(30);
        QCOMPARE(calls, 2);
    }

    void aHangUpWhileDisabledIsNotReported()
    {
        Pair pair;
        FdWatch watch(pair.ours());
        int calls = 0;
        watch.onReadable = [&] {
            ++calls;
        };
        watch.onWritable = [&] {
            ++calls;
        };
        watch.setReadEnabled(true);
        watch.setReadEnabled(false);
        pair.peerCloses();
        spin(30);
        QCOMPARE(calls, 0); // a closing connection with nothing to write waits unwoken

        watch.setReadEnabled(true);
        QTRY_VERIFY(calls > 0); // and reading again finds the end
        char byte;
        QCOMPARE(::read(pair.ours(), &byte, 1), 0);
    }

    void aHandlerMayDestroyItsWatchAndOthers()
    {
        Pair first;
        Pair second;
        auto a = std::make_unique<FdWatch>(first.ours());
        auto b = std::make_unique<FdWatch>(second.ours());
        int calls = 0;
        // Whichever is called first ends both: the other, ready in the same pass, is not called.
        a->onReadable = [&] {
            ++calls;
            a.reset();
            b.reset();
        };
        b->onReadable = a->onReadable;
        a->setReadEnabled(true);
        b->setReadEnabled(true);
        first.peerSends("1");
        second.peerSends("2");
        QTRY_COMPARE(calls, 1);
        spin(30);
        QCOMPARE(calls, 1);

        // The thread's set went with its last watch; a new watch makes a new one.
        Pair third;
        FdWatch c(third.ours());
        bool called = false;
        c.onReadable = [&] {
            called = true;
        };
        c.setReadEnabled(true);
        third.peerSends("3");
        QTRY_VERIFY(called);
    }

    void manySocketsOnlyTheReadyOnesAreCalled()
    {
        constexpr int kCount = 600; // past one epoll_wait's 256 events
        std::vector<std::unique_ptr<Pair>> pairs;
        std::vector<std::unique_ptr<FdWatch>> watches;
        std::vector<int> calls(kCount, 0);
        for (int i = 0; i < kCount; ++i) {
            pairs.push_back(std::make_unique<Pair>());
            watches.push_back(std::make_unique<FdWatch>(pairs.back()->ours()));
            watches.back()->onReadable = [&, i] {
                ++calls[size_t(i)];
                char buffer[16];
                while (::read(pairs[size_t(i)]->ours(), buffer, sizeof buffer) > 0) {
                }
            };
            watches.back()->setReadEnabled(true);
        }
        for (int i = 0; i < kCount; i += 2)
            pairs[size_t(i)]->peerSends("even");
        const auto evenOnesOnce = [&] {
            for (int i = 0; i < kCount; ++i) {
                if (calls[size_t(i)] != (i % 2 == 0 ? 1 : 0))
                    return false;
            }
            return true;
        };
        QTRY_VERIFY(evenOnesOnce());
        spin(30);
        QVERIFY(evenOnesOnce());
    }

    void eachThreadHasItsOwnSet()
    {
        Pair pair;
        QThread thread;
        QObject inThread;
        inThread.moveToThread(&thread);
        thread.start();
        std::unique_ptr<FdWatch> watch;
        std::atomic<QThread *> calledIn = nullptr;
        QMetaObject::invokeMethod(
            &inThread,
            [&] {
                watch = std::make_unique<FdWatch>(pair.ours());
                watch->onReadable = [&] {
                    calledIn = QThread::currentThread();
                    watch->setReadEnabled(false);
                };
                watch->setReadEnabled(true);
            },
            Qt::BlockingQueuedConnection);
        pair.peerSends("x");
        QTRY_VERIFY(calledIn.load() != nullptr);
        QCOMPARE(calledIn.load(), &thread);
        QMetaObject::invokeMethod(
            &inThread, [&] { watch.reset(); }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
};

QTEST_GUILESS_MAIN(TestFdWatch)
#include "tst_fd_watch.moc"
