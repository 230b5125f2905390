#include "TrayIcon.h"

#include "ContinueLast.h"
#include "Theme.h"
#include "backend/Backend.h"
#include "domain/Format.h"

#include <QAction>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>
#include <QTimer>

namespace st {

TrayIcon::TrayIcon(Backend &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_menu(std::make_unique<QMenu>())
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setContextMenu(m_menu.get());
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger)
                        Q_EMIT toggleWindowRequested();
                });
        m_tray->show();
    }
    connect(&m_service, &Backend::snapshotChanged, this, [this] {
        rebuildMenu();
        update();
    });
    auto *ticker = new QTimer(this);
    ticker->setInterval(1000);
    connect(ticker, &QTimer::timeout, this, &TrayIcon::update);
    ticker->start();
    rebuildMenu();
    update();
}

TrayIcon::~TrayIcon() = default;

void TrayIcon::notify(const QString &title, const QString &text)
{
    if (m_tray)
        m_tray->showMessage(title, text);
}

QIcon TrayIcon::icon(const QString &color, bool running)
{
    QIcon icon;
    for (const int size : {16, 22, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal m = size * 0.08;
        const QRectF face(m, m, size - 2 * m, size - 2 * m);
        p.setPen(QPen(QColor(0x30, 0x30, 0x30), size / 10.0));
        p.setBrush(running ? QColor(color) : QColor(0xe8, 0xe8, 0xe8));
        p.drawEllipse(face);
        if (running) { // a play triangle
            const qreal c = size / 2.0, r = size * 0.2;
            const QPointF tri[] = {{c - r * 0.7, c - r}, {c - r * 0.7, c + r}, {c + r, c}};
            p.setPen(Qt::NoPen);
            p.setBrush(theme::readableTextOn(QColor(color))); // shows on a yellow task too
            p.drawPolygon(tri, 3);
        } else { // clock hands
            const QPointF c(size / 2.0, size / 2.0);
            p.drawLine(c, c + QPointF(0, -size * 0.25));
            p.drawLine(c, c + QPointF(size * 0.18, 0));
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

void TrayIcon::rebuildMenu()
{
    const NowSnapshot &snap = m_service.snapshot();
    const QList<TaskType> types = snap.activeTaskTypes();
    QString key;
    for (const TaskType &t : types)
        key += t.id + t.name + t.color + QLatin1Char(';');
    for (const TimeEntry &e : snap.recentPairs)
        key += e.id + QLatin1Char(',') + snap.projectName(e.projectId) + QLatin1Char(';');
    if (key == m_menuKey && m_pause)
        return;
    m_menuKey = key;
    delete m_recent; // clear() would leave the submenu itself behind
    m_recent = nullptr;
    m_menu->clear();
    m_startActions.clear();
    for (const TaskType &t : types) {
        QAction *a = m_menu->addAction(icon(t.color, true), tr("Start %1").arg(t.name));
        a->setCheckable(true);
        a->setData(t.id);
        connect(a, &QAction::triggered, this, [this, id = t.id] {
            const auto &running = m_service.snapshot().running;
            if (!running || running->taskTypeId != id)
                m_service.start(id, m_service.snapshot().prefs.defaultRoomId);
            update();
        });
        m_startActions.append(a);
    }
    m_menu->addSeparator();
    m_continue = m_menu->addAction(tr("Continue"));
    m_continue->setToolTip(tr("Start the last entry again: same task, room and note"));
    connect(m_continue, &QAction::triggered, this, [this] { ui::continueLastEntry(m_service); });
    m_recent = m_menu->addMenu(tr("Continue recent"));
    m_recent->setObjectName(QStringLiteral("recentMenu"));
    for (const TimeEntry &e : snap.recentPairs) {
        const QString task = snap.taskTypeName(e.taskTypeId);
        const QString project = snap.projectName(e.projectId);
        const auto type = snap.taskType(e.taskTypeId);
        QAction *a = m_recent->addAction(icon(type ? type->color : QString(), true),
                                         project.isEmpty() ? tr("%1, no project").arg(task)
                                                           : tr("%1 · %2").arg(project, task));
        connect(a, &QAction::triggered, this, [this, e] { ui::continueWork(m_service, e); });
    }
    m_recent->setEnabled(!snap.recentPairs.isEmpty());
    m_pause = m_menu->addAction(tr("Pause"));
    connect(m_pause, &QAction::triggered, &m_service, &Backend::togglePause);
    m_stop = m_menu->addAction(tr("Stop"));
    connect(m_stop, &QAction::triggered, &m_service, &Backend::stop);
    m_menu->addSeparator();
    connect(m_menu->addAction(tr("Show window")), &QAction::triggered, this,
            &TrayIcon::showWindowRequested);
    connect(m_menu->addAction(tr("Quit")), &QAction::triggered, this, &TrayIcon::quitRequested);
}

void TrayIcon::update()
{
    const NowSnapshot &snap = m_service.snapshot();
    const auto &running = snap.running;
    m_running = running.has_value();
    for (QAction *a : m_startActions)
        a->setChecked(running && running->taskTypeId == a->data().toString());
    if (m_pause) {
        m_pause->setEnabled(m_running);
        m_pause->setText(running && running->isPaused() ? tr("Resume") : tr("Pause"));
        m_stop->setEnabled(m_running);
        m_continue->setEnabled(!m_running);
    }
    if (running) {
        const QString elapsed = format::duration(running->billableMs(m_service.clock().nowMs()));
        const QString task = snap.taskTypeName(running->taskTypeId);
        m_toolTip = running->isPaused() ? tr("Studio Timer: %1 paused at %2").arg(task, elapsed)
                                        : tr("Studio Timer: %1, %2").arg(task, elapsed);
    } else {
        m_toolTip = tr("Studio Timer: no timer running");
    }
    if (m_tray) {
        const auto type = running ? snap.taskType(running->taskTypeId) : std::nullopt;
        const QString color = type ? type->color : QString();
        const QString iconKey = color + (m_running ? QStringLiteral("+") : QStringLiteral("-"));
        if (m_tray->property("iconKey").toString() != iconKey) {
            m_tray->setIcon(icon(color, m_running));
            m_tray->setProperty("iconKey", iconKey);
        }
        m_tray->setToolTip(m_toolTip);
    }
}

} // namespace st
