#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace st {

class Backend;

// The desktop app's daily copies of its database: one a day in folder (backups/ beside the
// database), the newest Preferences::dailyBackups kept, older ones removed (0: none made). The copy
// is made on the backend's reader — never on the UI thread — when the app starts, when the day
// turns (on the backend's clock) and when the setting changes.
class DailyBackup final : public QObject
{
    Q_OBJECT
public:
    DailyBackup(Backend &backend, QString folder, QObject *parent = nullptr);

    // Makes today's copy if it is missing and prunes, now; then again at each local midnight.
    void start();
    // The setting as last read (-1 before the first check).
    int keep() const { return m_keep; }

Q_SIGNALS:
    // After each check: the path of the copy made, or empty when today's existed or copies are off.
    void checked(const QString &made);
    void failed(const QString &message);

private:
    void check();
    void scheduleNext();

    Backend &m_backend;
    QString m_folder;
    QTimer m_dayTurn;
    int m_keep = -1;
    bool m_checking = false;
    bool m_again = false;
};

} // namespace st
