#pragma once

#include <QMainWindow>

namespace st {

class TimerService;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(TimerService &service, const QString &userId, QWidget *parent = nullptr);

private:
    TimerService &m_service;
    QString m_userId;
};

} // namespace st
