#include "AwayDialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace st {

namespace {
QString clockTime(Ms ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm"));
}
} // namespace

AwayDialog::AwayDialog(Ms from, Ms to, QWidget *parent)
    : AwayDialog(AwayQuestion{from, to, true}, parent)
{}

AwayDialog::AwayDialog(const AwayQuestion &question, QWidget *parent)
    : QDialog(parent)
    , m_from(question.from)
    , m_to(question.to)
{
    const Ms from = question.from;
    const Ms to = question.to;
    setWindowTitle(tr("Were you away?"));
    auto *layout = new QVBoxLayout(this);
    m_message = new QLabel(
        question.canStop ? tr("You were away %1–%2: keep the time, discard it, or stop at %1?")
                               .arg(clockTime(from), clockTime(to))
                         : tr("You were away %1–%2: keep the time or discard it?")
                               .arg(clockTime(from), clockTime(to)),
        this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(this);
    m_keep = buttons->addButton(tr("&Keep the time"), QDialogButtonBox::AcceptRole);
    m_keep->setAccessibleName(tr("Keep the away time in the entry"));
    m_discard = buttons->addButton(tr("&Discard it"), QDialogButtonBox::AcceptRole);
    m_discard->setAccessibleName(tr("Discard the away time as a pause"));
    if (question.canStop) {
        m_stop = buttons->addButton(tr("&Stop at %1").arg(clockTime(from)),
                                    QDialogButtonBox::AcceptRole);
        m_stop->setAccessibleName(tr("Stop the timer when you left"));
        connect(m_stop, &QPushButton::clicked, this, [this] { choose(AwayChoice::StopAtLeave); });
    }
    layout->addWidget(buttons);
    m_keep->setDefault(true);
    m_keep->setFocus();

    connect(m_keep, &QPushButton::clicked, this, [this] { choose(AwayChoice::Keep); });
    connect(m_discard, &QPushButton::clicked, this, [this] { choose(AwayChoice::Discard); });
}

QString AwayDialog::message() const
{
    return m_message->text();
}

void AwayDialog::choose(AwayChoice choice)
{
    m_choice = choice;
    accept();
}

} // namespace st
