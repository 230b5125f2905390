#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace st {

class AsyncTimerService;

// Your name, the organisation (name, currency), the default room, tray behaviour and language.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(AsyncTimerService &service, QWidget *parent = nullptr);

    QString errorText() const;
    void accept() override;

private:
    AsyncTimerService &m_service;
    QLineEdit *m_userName = nullptr;
    QLineEdit *m_orgName = nullptr;
    QComboBox *m_currency = nullptr;
    QComboBox *m_room = nullptr;
    QCheckBox *m_closeToTray = nullptr;
    QCheckBox *m_startMinimized = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_error = nullptr;
    QString m_initialLanguage;
};

} // namespace st
