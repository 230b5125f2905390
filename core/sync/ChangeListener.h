#pragma once

#include "store/Database.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace st {

// A hub's LISTEN on PostgreSQL: its own connection, subscribed to SqlHubStore::changesChannel(),
// reports each committed change ("orgId seq") of any hub on the database, and each notification
// on presenceChannel (SharedPresence's; none if empty). The connection is
// checked every checkMs; once lost (the server restarted, the connection was cut) it is opened
// again with capped exponential backoff plus jitter, and subscribed() is emitted again: the hub
// then reads from the log what it missed meanwhile.
class ChangeListener final : public QObject
{
    Q_OBJECT
public:
    ChangeListener(QString url, QString applicationName, QString presenceChannel = {},
                   int checkMs = 1000, QObject *parent = nullptr);
    ~ChangeListener() override;

    // Connects and subscribes now (false: retried in the background).
    bool start();
    bool isListening() const { return m_db != nullptr; }

Q_SIGNALS:
    void changed(const QString &orgId, qint64 seq);
    void presence(const QString &payload);
    // (Re)subscribed: notifications sent before now may have been missed.
    void subscribed();

private:
    bool connectAndListen();
    void check();
    void lost(const QString &why);

    QString m_url;
    QString m_applicationName;
    QString m_presenceChannel;
    std::unique_ptr<Database> m_db;
    QTimer m_check;
    int m_checkMs;
    int m_backoffMs = 0;
    qint64 m_nextTryMs = 0;
};

} // namespace st
