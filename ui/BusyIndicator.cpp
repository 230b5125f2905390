#include "BusyIndicator.h"

#include "backend/Backend.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace st {

BusyIndicator::BusyIndicator(Backend &backend, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("busyIndicator"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Working…"), this);
    auto *bar = new QProgressBar(this);
    bar->setRange(0, 0); // no known end: a moving bar
    bar->setTextVisible(false);
    bar->setMaximumWidth(80);
    bar->setAccessibleName(tr("Working…"));
    layout->addWidget(label);
    layout->addWidget(bar);
    setToolTip(tr(
        "A long report, export or import is under way; the timer buttons still answer at once."));
    setAccessibleName(tr("Working…"));
    hide();

    m_delay.setSingleShot(true);
    m_delay.setInterval(kDelayMs);
    connect(&m_delay, &QTimer::timeout, this, [this, &backend] {
        if (backend.pendingCount() > 0)
            show();
    });
    connect(&backend, &Backend::pendingCountChanged, this, &BusyIndicator::onPending);
}

void BusyIndicator::onPending(int count)
{
    if (count == 0) {
        m_delay.stop();
        hide();
    } else if (!isVisible() && !m_delay.isActive()) {
        m_delay.start();
    }
}

} // namespace st
