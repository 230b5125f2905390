#include "SyncStatusWidget.h"

#include "Theme.h"
#include "backend/SyncSession.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace st {

SyncStatusWidget::SyncStatusWidget(SyncSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("syncStatus"));
    m_conflicts = new QToolButton(this);
    m_conflicts->setAutoRaise(true);
    layout->addWidget(m_label);
    layout->addWidget(m_conflicts);
    connect(m_conflicts, &QToolButton::clicked, this, &SyncStatusWidget::conflictsRequested);
    connect(&m_session, &SyncSession::stateChanged, this, &SyncStatusWidget::update);
    connect(&m_session, &SyncSession::pendingCountChanged, this, &SyncStatusWidget::update);
    connect(&m_session, &SyncSession::conflictsChanged, this, &SyncStatusWidget::update);
    connect(&m_session, &SyncSession::configChanged, this, &SyncStatusWidget::update);
    update();
}

QString SyncStatusWidget::text() const
{
    return m_label->text();
}

QString SyncStatusWidget::describe(SyncState state, int pending, const QString &error)
{
    switch (state) {
    case SyncState::Off:
        return error.isEmpty() ? tr("Sync off") : tr("Sync off: %1").arg(error);
    case SyncState::Offline:
        if (pending > 0)
            return tr("Offline, %n change(s) pending", nullptr, pending);
        return tr("Offline");
    case SyncState::Connecting:
        return pending > 0 ? tr("Connecting, %n change(s) pending", nullptr, pending)
                           : tr("Connecting…");
    case SyncState::Syncing:
        return tr("Syncing…");
    case SyncState::Connected:
        return tr("Connected");
    case SyncState::Unauthorized:
        return error.isEmpty() ? tr("Not authorised by the hub")
                               : tr("Not authorised by the hub: %1").arg(error);
    }
    return {};
}

void SyncStatusWidget::update()
{
    const SyncState state = m_session.state();
    m_label->setText(describe(state, m_session.pendingCount(), m_session.errorMessage()));
    // Something to act on (not authorised, or sync stopped by an error) in the error colour.
    if (state == SyncState::Unauthorized ||
        (state == SyncState::Off && !m_session.errorMessage().isEmpty()))
        theme::useErrorText(m_label);
    else
        theme::useNormalText(m_label);
    m_label->setToolTip(m_session.errorMessage());
    const int unseen = m_session.unseenConflictCount();
    const int all = int(m_session.conflicts().size());
    m_conflicts->setVisible(all > 0);
    m_conflicts->setText(unseen > 0 ? tr("%n refused change(s)", nullptr, unseen)
                                    : tr("Refused changes"));
}

} // namespace st
