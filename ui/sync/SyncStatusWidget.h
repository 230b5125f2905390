#pragma once

#include "sync/SyncClient.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace st {

class SyncSession;

// The status bar's sync corner, always visible: off / connecting / syncing / connected / offline
// with N pending / unauthorized with the reason, and a button to the refused changes when there
// are any.
class SyncStatusWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit SyncStatusWidget(SyncSession &session, QWidget *parent = nullptr);

    QString text() const;
    QToolButton *conflictsButton() const { return m_conflicts; }

    // The sentence for a state (also used by the settings page).
    static QString describe(SyncState state, int pending, const QString &error);

Q_SIGNALS:
    void conflictsRequested();

private:
    void update();

    SyncSession &m_session;
    QLabel *m_label = nullptr;
    QToolButton *m_conflicts = nullptr;
};

} // namespace st
