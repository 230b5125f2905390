#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimeEdit;

namespace st {

class Backend;
class StudioPage;
enum class Appearance;

// Your name, the organisation (name, currency), the default room, tray behaviour, language,
// appearance, away detection, forgotten-timer reminders, notifications of other machines' timers
// and the daily copies kept, all saved through the backend in one transaction; and start on login
// (the desktop's autostart entry).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(Backend &service, QWidget *parent = nullptr);

    QString errorText() const;
    void accept() override;

Q_SIGNALS:
    // The light or dark setting was saved with a new value.
    void appearanceChanged(st::Appearance appearance);

private:
    // Start on login (the desktop's autostart entry); false (and an error) if not.
    bool saveAutostart();

    Backend &m_service;
    QLineEdit *m_userName = nullptr;
    QLineEdit *m_orgName = nullptr;
    QComboBox *m_currency = nullptr;
    QComboBox *m_room = nullptr;
    QCheckBox *m_closeToTray = nullptr;
    QCheckBox *m_startMinimized = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_appearance = nullptr; // follow the system, light or dark (this machine)
    // This machine (issue 5): start on login, away and forgotten-timer reminders.
    QCheckBox *m_autostart = nullptr;
    QSpinBox *m_idleMinutes = nullptr;
    QLabel *m_idleUnavailable = nullptr;
    QSpinBox *m_reminderHours = nullptr;
    QCheckBox *m_endOfDayOn = nullptr;
    QTimeEdit *m_endOfDay = nullptr;
    QCheckBox *m_notifyOthers = nullptr;
    QSpinBox *m_dailyBackups = nullptr; // copies of the database kept, one a day (0: off)
    StudioPage *m_studio = nullptr;     // the studio's details printed on invoices
    QLabel *m_error = nullptr;
    QString m_initialLanguage;
    Appearance m_initialAppearance{}; // the saved one (appearanceChanged says when it changes)
};

} // namespace st
