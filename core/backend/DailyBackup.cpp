#include "DailyBackup.h"

#include "Backend.h"
#include "Preferences.h"
#include "store/Backup.h"
#include "store/Database.h"

#include <QDateTime>

#include <utility>

namespace st {

namespace {

struct Outcome
{
    int keep = 0;
    Result<QString> made = QString();
};

// At most an hour between checks: a machine asleep at midnight, or a clock set forward, is
// noticed within the hour.
constexpr qint64 kMaxWaitMs = 60 * 60 * 1000;

} // namespace

DailyBackup::DailyBackup(Backend &backend, QString folder, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_folder(std::move(folder))
{
    m_dayTurn.setSingleShot(true);
    connect(&m_dayTurn, &QTimer::timeout, this, [this] {
        check();
        scheduleNext();
    });
    // A changed setting takes effect at once (a lower count prunes, 0 -> N makes today's).
    connect(&m_backend, &Backend::snapshotChanged, this, [this] {
        if (m_keep >= 0 && m_backend.snapshot().prefs.dailyBackups != m_keep)
            check();
    });
}

void DailyBackup::start()
{
    check();
    scheduleNext();
}

void DailyBackup::check()
{
    if (m_checking) {
        m_again = true; // the setting may have changed after the check on its way read it
        return;
    }
    m_checking = true;
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_backend.clock().nowMs()).date();
    m_backend.read<Outcome>(
        [folder = m_folder, today](TimerService &service) {
            const Database &db = service.database();
            const int keep = preferences::load(db).dailyBackups;
            return Outcome{
                keep, backup::keepDaily(db, folder, QStringLiteral("studiotimer"), today, keep)};
        },
        this,
        [this](const Outcome &outcome) {
            m_checking = false;
            m_keep = outcome.keep;
            if (!outcome.made)
                Q_EMIT failed(outcome.made.error().message);
            else
                Q_EMIT checked(outcome.made.value());
            if (std::exchange(m_again, false) && m_backend.snapshot().prefs.dailyBackups != m_keep)
                check();
        });
}

void DailyBackup::scheduleNext()
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_backend.clock().nowMs());
    const QDateTime midnight(now.date().addDays(1), QTime(0, 0));
    // A second past midnight, so the new day has begun on every clock.
    m_dayTurn.start(int(std::min(now.msecsTo(midnight) + 1000, kMaxWaitMs)));
}

} // namespace st
