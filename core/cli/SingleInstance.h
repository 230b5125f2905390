#pragma once

#include "cli/CommandLine.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

class QLocalServer;
class QLocalSocket;

namespace st {

// One desktop app per data dir. The running app listens on a local socket named after its data
// dir; a second `studiotimer` hands it its command (or, with none, asks it to show its window)
// and prints the answer. Messages are one JSON line each way:
//   {"args": ["start", "Mixing"], "askedAt": 1764460800000}
//       ->  {"exitCode": 0, "out": "...", "err": "..."}
// askedAt (ms since the epoch, this machine's clock) is when the command line was asked, so the
// app records a timer command at that instant, not when it got round to it.
class SingleInstance final : public QObject
{
    Q_OBJECT
public:
    // A handed-over command, as it arrives.
    struct Request
    {
        QStringList arguments;
        qint64 ageMs = 0; // how long ago it was asked (0..kMaxAgeMs; 0 when the sender said not)
    };
    // An askedAt older than this (or in the future) is not believed: the receipt instant is used.
    static constexpr qint64 kMaxAgeMs = 60 * 1000;
    using Reply = std::function<void(const CommandOutput &)>;
    using Handler = std::function<void(const Request &request, Reply reply)>;

    explicit SingleInstance(QString dataDir, QObject *parent = nullptr);
    ~SingleInstance() override;

    // The socket name for a data dir: different data dirs never share an instance.
    static QString serverName(const QString &dataDir);

    // Hands arguments (empty: "show yourself") to the app running on dataDir. Empty when no app
    // runs there. Blocks up to timeoutMs for the answer: for the command-line process only.
    // askedAt: when the command was asked (ms since the epoch); default: now.
    static std::optional<CommandOutput> send(const QString &dataDir, const QStringList &arguments,
                                             int timeoutMs = 30000,
                                             std::optional<qint64> askedAt = {});

    // Starts listening; false when another live instance owns the data dir (or on error).
    bool listen();
    QString errorString() const { return m_error; }

    // Runs a handed-over command; the reply may come later (the store answers asynchronously).
    void setCommandHandler(Handler handler) { m_handler = std::move(handler); }

Q_SIGNALS:
    void activationRequested();

private:
    void accept();
    void handle(QLocalSocket *socket, const QByteArray &line);

    QString m_dataDir;
    QLocalServer *m_server = nullptr;
    Handler m_handler;
    QString m_error;
};

} // namespace st
