#include "SettingsDialog.h"

#include "StudioPage.h"
#include "SystemTheme.h"
#include "Theme.h"
#include "backend/Backend.h"
#include "platform/Autostart.h"
#include "platform/IdleTime.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <utility>

namespace st {

SettingsDialog::SettingsDialog(Backend &service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
{
    const NowSnapshot &snap = m_service.snapshot();
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    m_userName = new QLineEdit(snap.user.name, this);
    form->addRow(tr("Your &name:"), m_userName);
    m_orgName = new QLineEdit(snap.org.name, this);
    form->addRow(tr("Or&ganisation:"), m_orgName);
    m_currency = new QComboBox(this);
    m_currency->setEditable(true);
    m_currency->addItems({QStringLiteral("EUR"), QStringLiteral("USD"), QStringLiteral("GBP"),
                          QStringLiteral("CHF"), QStringLiteral("CAD"), QStringLiteral("JPY")});
    m_currency->setCurrentText(snap.org.currency);
    form->addRow(tr("C&urrency:"), m_currency);

    m_room = new QComboBox(this);
    m_room->addItem(tr("No room"), QString());
    for (const Room &r : snap.activeRooms())
        m_room->addItem(r.name, r.id);
    m_room->setCurrentIndex(std::max(0, m_room->findData(snap.prefs.defaultRoomId)));
    form->addRow(tr("Default &room:"), m_room);

    m_closeToTray = new QCheckBox(tr("Closing the window keeps Studio Timer in the tray"), this);
    m_closeToTray->setChecked(snap.prefs.closeToTray);
    form->addRow(QString(), m_closeToTray);
    m_startMinimized = new QCheckBox(tr("Start minimised"), this);
    m_startMinimized->setChecked(snap.prefs.startMinimized);
    form->addRow(QString(), m_startMinimized);

    m_language = new QComboBox(this);
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(snap.prefs.language)));
    m_initialLanguage = snap.prefs.language;
    form->addRow(tr("&Language:"), m_language);

    // Light or dark (this machine), applied as soon as it is saved.
    m_initialAppearance = SystemTheme::savedAppearance(snap.prefs);
    m_appearance = new QComboBox(this);
    m_appearance->setObjectName(QStringLiteral("appearance"));
    m_appearance->addItem(tr("Follow the system"), SystemTheme::toString(Appearance::System));
    m_appearance->addItem(tr("Light"), SystemTheme::toString(Appearance::Light));
    m_appearance->addItem(tr("Dark"), SystemTheme::toString(Appearance::Dark));
    m_appearance->setCurrentIndex(
        std::max(0, m_appearance->findData(SystemTheme::toString(m_initialAppearance))));
    form->addRow(tr("A&ppearance:"), m_appearance);

    const AwaySettings &away = snap.prefs.away;
    m_autostart = new QCheckBox(tr("Start Studio Timer when I log in"), this);
    m_autostart->setChecked(autostart::isEnabled());
    form->addRow(QString(), m_autostart);

    m_idleMinutes = new QSpinBox(this);
    m_idleMinutes->setRange(0, 240);
    m_idleMinutes->setSuffix(tr(" min"));
    m_idleMinutes->setSpecialValueText(tr("Off"));
    m_idleMinutes->setValue(away.idleMinutes);
    m_idleMinutes->setAccessibleName(tr("Idle minutes before asking about away time"));
    form->addRow(tr("&Away after idle:"), m_idleMinutes);
    m_idleUnavailable =
        new QLabel(tr("Idle time is not available on this system (it needs an X11 session); "
                      "sleep is still noticed."),
                   this);
    m_idleUnavailable->setWordWrap(true);
    const bool idleAvailable = idletime::available();
    m_idleMinutes->setEnabled(idleAvailable);
    m_idleUnavailable->setVisible(!idleAvailable);
    form->addRow(QString(), m_idleUnavailable);

    m_reminderHours = new QSpinBox(this);
    m_reminderHours->setRange(0, 24);
    m_reminderHours->setSuffix(tr(" h"));
    m_reminderHours->setSpecialValueText(tr("Off"));
    m_reminderHours->setValue(away.reminderHours);
    m_reminderHours->setAccessibleName(tr("Remind of a timer running longer than, in hours"));
    form->addRow(tr("Remin&d after:"), m_reminderHours);

    m_endOfDayOn = new QCheckBox(tr("Remind at the end of the working day:"), this);
    m_endOfDayOn->setChecked(away.endOfDay.isValid());
    m_endOfDay = new QTimeEdit(away.endOfDay.isValid() ? away.endOfDay : QTime(19, 0), this);
    m_endOfDay->setDisplayFormat(QStringLiteral("HH:mm"));
    m_endOfDay->setAccessibleName(tr("End of the working day"));
    m_endOfDay->setEnabled(m_endOfDayOn->isChecked());
    connect(m_endOfDayOn, &QCheckBox::toggled, m_endOfDay, &QWidget::setEnabled);
    form->addRow(m_endOfDayOn, m_endOfDay);

    m_notifyOthers = new QCheckBox(
        tr("Notify me when someone starts or stops a timer on another machine"), this);
    m_notifyOthers->setChecked(snap.prefs.notifyOtherMachines);
    form->addRow(QString(), m_notifyOthers);

    m_dailyBackups = new QSpinBox(this);
    m_dailyBackups->setObjectName(QStringLiteral("dailyBackups"));
    m_dailyBackups->setRange(0, preferences::kMaxDailyBackups);
    m_dailyBackups->setSpecialValueText(tr("Off"));
    m_dailyBackups->setValue(snap.prefs.dailyBackups);
    m_dailyBackups->setAccessibleName(tr("Daily copies of the data to keep"));
    m_dailyBackups->setToolTip(tr("One copy of the database a day, in the backups folder beside "
                                  "it; older copies beyond this number are removed."));
    form->addRow(tr("Dail&y copies kept:"), m_dailyBackups);

    m_studio = new StudioPage(m_service, this); // the studio's details on invoices (issue 12)
    layout->addWidget(m_studio);

    m_error = new QLabel(this);
    theme::useErrorText(m_error);
    m_error->setWordWrap(true);
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(buttons);
}

bool SettingsDialog::saveAutostart()
{
    if (m_autostart->isChecked() != autostart::isEnabled()) {
        if (auto r = autostart::setEnabled(m_autostart->isChecked(),
                                           QCoreApplication::applicationFilePath());
            !r) {
            m_error->setText(r.error().message);
            return false;
        }
    }
    return true;
}

QString SettingsDialog::errorText() const
{
    return m_error->text();
}

void SettingsDialog::accept()
{
    Settings s;
    s.userName = m_userName->text();
    s.orgName = m_orgName->text();
    s.currency = m_currency->currentText();
    s.prefs.defaultRoomId = m_room->currentData().toString();
    s.prefs.closeToTray = m_closeToTray->isChecked();
    s.prefs.startMinimized = m_startMinimized->isChecked();
    s.prefs.language = m_language->currentData().toString();
    s.prefs.appearance = m_appearance->currentData().toString();
    s.prefs.away.idleMinutes = m_idleMinutes->value();
    s.prefs.away.reminderHours = m_reminderHours->value();
    s.prefs.away.endOfDay = m_endOfDayOn->isChecked() ? m_endOfDay->time() : QTime();
    s.prefs.notifyOtherMachines = m_notifyOthers->isChecked();
    s.prefs.dailyBackups = m_dailyBackups->value();
    m_error->clear();
    if (auto r = m_studio->check(); !r) {
        m_error->setText(r.error().message);
        return;
    }
    m_studio->save(); // on the writer before the settings: its answer arrives first
    m_service.saveSettings(s, this, [this, language = s.prefs.language](const Result<void> &r) {
        if (!r || !m_studio->errorText().isEmpty()) {
            m_error->setText(r ? m_studio->errorText() : r.error().message);
            return;
        }
        const Appearance appearance =
            SystemTheme::fromString(m_appearance->currentData().toString())
                .value_or(Appearance::System);
        if (appearance != std::exchange(m_initialAppearance, appearance))
            Q_EMIT appearanceChanged(appearance);
        if (!saveAutostart())
            return;
        if (language != m_initialLanguage)
            QMessageBox::information(this, tr("Language"),
                                     tr("The new language applies when Studio Timer starts "
                                        "again."));
        QDialog::accept();
    });
}

} // namespace st
