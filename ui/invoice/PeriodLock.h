#pragma once

#include <QDate>
#include <QWidget>

class QLabel;
class QPushButton;

namespace st {

class Backend;

// The closed period, under an invoice (issue 12, "Locking closed periods"; docs/REPORTS.md
// "Closed periods"): what is closed now ("Closed up to DAY", from the snapshot) and, once an
// invoice is made, a button that closes the period up to its last day. It asks first, naming the
// day; the lock is Backend::lockUntil's (audited, synced), and a refusal is shown as such.
class PeriodLock final : public QWidget
{
    Q_OBJECT
public:
    explicit PeriodLock(Backend &service, QWidget *parent = nullptr);

    // Offers "Lock up to DAY…" (an invoice's last day).
    void offer(const QDate &day);
    // The offer's confirmation, window-modal over this widget's window; locks on Yes.
    void askToLock();

    // The offer (hidden until there is one).
    QPushButton *button() const { return m_button; }

    // How a day reads in the offer, the question and the result.
    static QString dayText(const QDate &day);

Q_SIGNALS:
    // A lock asked for is in place (error empty) or was refused (error says why).
    void lockFinished(const QString &error);

private:
    void lock();
    void showState();

    Backend &m_service;
    QDate m_day;
    QLabel *m_state = nullptr;  // "Closed up to DAY." or "No period is closed."
    QLabel *m_result = nullptr; // the last lock's outcome
    QPushButton *m_button = nullptr;
};

} // namespace st
