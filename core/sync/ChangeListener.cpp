#include "ChangeListener.h"

#include "sync/SqlHubStore.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlDriver>

Q_LOGGING_CATEGORY(lcListen, "studiotimer.hub.listen", QtInfoMsg)

namespace st {

namespace {
constexpr int kFirstBackoffMs = 200;
constexpr int kMaxBackoffMs = 4000; // PostgreSQL back: served again within about 5 s
} // namespace

ChangeListener::ChangeListener(QString url, QString applicationName, QString presenceChannel,
                               int checkMs, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_applicationName(std::move(applicationName))
    , m_presenceChannel(std::move(presenceChannel))
    , m_checkMs(checkMs)
{
    m_check.setInterval(m_checkMs);
    connect(&m_check, &QTimer::timeout, this, &ChangeListener::check);
}

ChangeListener::~ChangeListener() = default;

bool ChangeListener::start()
{
    m_check.start();
    return connectAndListen();
}

bool ChangeListener::connectAndListen()
{
    auto opened = Database::openUrl(m_url, m_applicationName);
    if (!opened) {
        lost(opened.error().message);
        return false;
    }
    QSqlDriver *driver = opened.value()->connection().driver();
    for (const QString &channel : {SqlHubStore::changesChannel(), m_presenceChannel}) {
        if (!channel.isEmpty() && !driver->subscribeToNotification(channel)) {
            lost(driver->lastError().text());
            return false;
        }
    }
    connect(
        driver, &QSqlDriver::notification, this,
        [this](const QString &channel, QSqlDriver::NotificationSource, const QVariant &payload) {
            if (channel == m_presenceChannel) {
                Q_EMIT presence(payload.toString());
                return;
            }
            const QStringList parts = payload.toString().split(QLatin1Char(' '));
            bool ok = false;
            const qint64 seq = parts.size() == 2 ? parts.at(1).toLongLong(&ok) : 0;
            if (ok)
                Q_EMIT changed(parts.at(0), seq);
        });
    m_db = std::move(opened).value();
    if (m_backoffMs > 0)
        qCInfo(lcListen) << "listening again for the other hubs' changes";
    m_backoffMs = 0;
    m_check.setInterval(m_checkMs);
    Q_EMIT subscribed();
    return true;
}

void ChangeListener::check()
{
    if (!m_db) {
        if (QDateTime::currentMSecsSinceEpoch() >= m_nextTryMs)
            connectAndListen();
        return;
    }
    QSqlQuery ping(m_db->connection());
    if (!ping.exec(QStringLiteral("SELECT 1")))
        lost(ping.lastError().text());
}

void ChangeListener::lost(const QString &why)
{
    if (m_db || m_backoffMs == 0)
        qCWarning(lcListen).noquote() << "not listening for the other hubs' changes:" << why;
    m_db.reset();
    m_backoffMs = m_backoffMs == 0 ? kFirstBackoffMs : std::min(m_backoffMs * 2, kMaxBackoffMs);
    const int jitter = int(QRandomGenerator::global()->bounded(m_backoffMs / 4 + 1));
    m_nextTryMs = QDateTime::currentMSecsSinceEpoch() + m_backoffMs + jitter;
    if (m_check.interval() > kFirstBackoffMs)
        m_check.setInterval(kFirstBackoffMs); // look often while down
    if (!m_check.isActive())
        m_check.start();
}

} // namespace st
