#include "SettingsDialog.h"

#include "timer/AsyncTimerService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QVBoxLayout>

namespace st {

SettingsDialog::SettingsDialog(AsyncTimerService &service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
{
    const NowSnapshot &snap = m_service.snapshot();
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    m_userName = new QLineEdit(snap.user.name, this);
    form->addRow(tr("Your name:"), m_userName);
    m_orgName = new QLineEdit(snap.org.name, this);
    form->addRow(tr("Organisation:"), m_orgName);
    m_currency = new QComboBox(this);
    m_currency->setEditable(true);
    m_currency->addItems({QStringLiteral("EUR"), QStringLiteral("USD"), QStringLiteral("GBP"),
                          QStringLiteral("CHF"), QStringLiteral("CAD"), QStringLiteral("JPY")});
    m_currency->setCurrentText(snap.org.currency);
    form->addRow(tr("Currency:"), m_currency);

    m_room = new QComboBox(this);
    m_room->addItem(tr("No room"), QString());
    for (const Room &r : snap.activeRooms())
        m_room->addItem(r.name, r.id);
    m_room->setCurrentIndex(std::max(0, m_room->findData(snap.prefs.defaultRoomId)));
    form->addRow(tr("Default room:"), m_room);

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
    form->addRow(tr("Language:"), m_language);

    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(buttons);
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
    m_error->clear();
    m_service.saveSettings(s, this, [this, language = s.prefs.language](const Result<void> &r) {
        if (!r) {
            m_error->setText(r.error().message);
            return;
        }
        if (language != m_initialLanguage)
            QMessageBox::information(this, tr("Language"),
                                     tr("The new language applies when Studio Timer starts "
                                        "again."));
        QDialog::accept();
    });
}

} // namespace st
