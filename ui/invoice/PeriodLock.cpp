#include "PeriodLock.h"

#include "Theme.h"
#include "backend/Backend.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace st {

PeriodLock::PeriodLock(Backend &service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
{
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("lockState"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_button = new QPushButton(this);
    m_button->setObjectName(QStringLiteral("lockButton"));
    m_button->setToolTip(tr("Entries on or before that day can no longer be added, adjusted or "
                            "deleted, on any desk, until the period is unlocked."));
    m_button->hide();
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("lockResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_state, 1);
    row->addWidget(m_button);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_result);

    connect(m_button, &QPushButton::clicked, this, &PeriodLock::askToLock);
    connect(&m_service, &Backend::snapshotChanged, this, &PeriodLock::showState);
    showState();
}

QString PeriodLock::dayText(const QDate &day)
{
    return QLocale().toString(day, QLocale::LongFormat);
}

void PeriodLock::showState()
{
    const std::optional<QDate> until = m_service.snapshot().lockedUntil;
    m_state->setText(until ? tr("Closed up to %1.").arg(dayText(*until))
                           : tr("No period is closed."));
}

void PeriodLock::offer(const QDate &day)
{
    m_day = day;
    m_button->setText(tr("&Lock up to %1…").arg(dayText(day)));
    m_button->show();
}

void PeriodLock::askToLock()
{
    if (!m_day.isValid())
        return;
    QString question = tr("Lock every entry on or before %1? They can no longer be added, "
                          "adjusted or deleted, on any desk, until the period is unlocked.")
                           .arg(dayText(m_day));
    const std::optional<QDate> until = m_service.snapshot().lockedUntil;
    if (until && *until > m_day)
        question += QLatin1Char(' ') + tr("The period is closed up to %1 now: the days after %2 "
                                          "open again.")
                                           .arg(dayText(*until), dayText(m_day));
    auto *box = new QMessageBox(QMessageBox::Question, tr("Lock the period"), question,
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("lockConfirmation"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("&Lock"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->standardButton(box->clickedButton()) == QMessageBox::Yes)
            lock();
    });
    box->open();
}

void PeriodLock::lock()
{
    const QDate day = m_day;
    m_button->setEnabled(false);
    m_service.lockUntil(day, this, [this, day](const Result<LockRecord> &locked) {
        m_button->setEnabled(true);
        m_result->show();
        if (!locked) {
            m_result->setText(tr("Not locked: %1").arg(locked.error().message));
            theme::useErrorText(m_result);
            Q_EMIT lockFinished(locked.error().message);
            return;
        }
        m_result->setText(
            tr("Locked: entries on or before %1 can no longer be changed.").arg(dayText(day)));
        theme::useNormalText(m_result);
        m_state->setText(tr("Closed up to %1.").arg(dayText(day)));
        m_button->hide();
        Q_EMIT lockFinished(QString());
    });
}

} // namespace st
