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
//   {"args": ["start", "Mixing"]}  ->  {"exitCode": 0, "out": "...", "err": "..."}
class SingleInstance final : public QObject
{
    Q_OBJECT
public:
    using Reply = std::function<void(const CommandOutput &)>;
    using Handler = std::function<void(const QStringList &arguments, Reply reply)>;

    explicit SingleInstance(QString dataDir, QObject *parent = nullptr);
    ~SingleInstance() override;

    // The socket name for a data dir: different data dirs never share an instance.
    static QString serverName(const QString &dataDir);

    // Hands arguments (empty: "show yourself") to the app running on dataDir. Empty when no app
    // runs there. Blocks up to timeoutMs for the answer: for the command-line process only.
    static std::optional<CommandOutput> send(const QString &dataDir, const QStringList &arguments,
                                             int timeoutMs = 30000);

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
