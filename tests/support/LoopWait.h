#pragma once

// Waiting on the event loop without sleeping in between, for measurements: QTest::qWaitFor
// sleeps 10 ms whenever its condition is not met yet, so what it times is mostly its own sleeps.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

namespace st::test {

// Runs the event loop until done() or the deadline; false on timeout. It sleeps while nothing
// happens (a tick wakes it to look at the clock): a generator that spun here would take a core
// from the servers it measures, on a machine with two.
template <class Done> bool loopUntil(Done done, int ms)
{
    QElapsedTimer t;
    t.start();
    QTimer tick;
    tick.start(2);
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

} // namespace st::test
