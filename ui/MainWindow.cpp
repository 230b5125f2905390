#include "MainWindow.h"

#include "timer/TimerService.h"

#include <QLabel>
#include <QPushButton>
#include <QStatusBar>
#include <QVBoxLayout>

namespace st {

MainWindow::MainWindow(TimerService &service, const QString &userId, QWidget *parent)
    : QMainWindow(parent)
    , m_service(service)
    , m_userId(userId)
{
    setWindowTitle(tr("Studio Timer"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *status = new QLabel(central);
    layout->addWidget(status);
    const auto refresh = [this, status] {
        const auto running = m_service.running(m_userId);
        const auto type = running ? m_service.taskType(running->taskTypeId) : std::nullopt;
        status->setText(type ? tr("Running: %1").arg(type->name) : tr("No timer running"));
    };
    for (const TaskType &type : m_service.taskTypes()) {
        auto *button = new QPushButton(type.name, central);
        connect(button, &QPushButton::clicked, this, [this, id = type.id] {
            if (auto r = m_service.start({m_userId, id, {}, {}, std::nullopt, {}}); !r)
                statusBar()->showMessage(r.error().message);
        });
        layout->addWidget(button);
    }
    auto *stop = new QPushButton(tr("Stop"), central);
    connect(stop, &QPushButton::clicked, this, [this] {
        if (auto r = m_service.stop(m_userId); !r)
            statusBar()->showMessage(r.error().message);
    });
    layout->addWidget(stop);
    connect(&m_service, &TimerService::entryChanged, this, refresh);
    refresh();
    setCentralWidget(central);
}

} // namespace st
