#pragma once

#include <QProcess>
#include <QStringList>

namespace st::test {

// What one run of the studiotimer binary printed, and how it exited.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `studiotimer --data-dir dataDir args...` as a user would over SSH: no display, no platform
// chosen, USER alice, TZ UTC and a C locale (a new organisation's currency: EUR).
inline CliRun runCli(const QString &binary, const QString &dataDir, const QStringList &args,
                     int timeoutMs = 60'000)
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
    p.start(binary, QStringList{QStringLiteral("--data-dir"), dataDir} + args);
    if (!p.waitForFinished(timeoutMs))
        qFatal("%s did not finish", qPrintable(binary));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace st::test
