#pragma once

// The studiotimer command line as a real process, for the tests that drive it: one run, what it
// printed and how it exited; a data folder of the test's own to run it on.

#include "TestTimeouts.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

namespace st::test {

// What one run of the studiotimer binary printed, and how it exited (-1: it crashed or did not
// finish; then err says which).
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

struct CliOptions
{
    QString workingDirectory; // empty: the test's own
    // Turn this process's event loop while waiting: an app inside the test may have to answer.
    bool eventLoop = false;
    int timeoutMs = 60'000; // on an ordinary build (scaledTimeout)
};

// Runs `studiotimer --data-dir dataDir args...` as a user would over SSH: no display, no platform
// chosen, USER alice, TZ UTC and a C locale (a new organisation's currency: EUR).
inline CliRun runCli(const QString &binary, const QString &dataDir, const QStringList &args,
                     const CliOptions &options = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("USER"), QStringLiteral("alice"));
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    if (!options.workingDirectory.isEmpty())
        p.setWorkingDirectory(options.workingDirectory);
    p.start(binary, QStringList{QStringLiteral("--data-dir"), dataDir} + args);
    const int timeout = scaledTimeout(options.timeoutMs);
    const bool finished =
        options.eventLoop
            ? QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, timeout)
            : p.waitForFinished(timeout);
    if (!finished) {
        p.kill();
        p.waitForFinished();
    }
    CliRun run{p.exitStatus() == QProcess::NormalExit && finished ? p.exitCode() : -1,
               QString::fromUtf8(p.readAllStandardOutput()),
               QString::fromUtf8(p.readAllStandardError())};
    if (!finished)
        run.err += QStringLiteral("\n[test] %1 %2 did not finish within %3 s")
                       .arg(binary, args.join(QLatin1Char(' ')))
                       .arg(timeout / 1000);
    return run;
}

inline QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

#ifdef STUDIOTIMER_BIN
inline CliRun studiotimer(const QString &dataDir, const QStringList &args,
                          const CliOptions &options = {})
{
    return runCli(QStringLiteral(STUDIOTIMER_BIN), dataDir, args, options);
}

// A data folder of the test's own, removed at the end, and the command line on it.
class CliFolder
{
public:
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    CliRun run(const QStringList &args) const { return studiotimer(m_dir.path(), args); }

private:
    QTemporaryDir m_dir;
};
#endif

} // namespace st::test
