#include "TransferProgressDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace st {

TransferProgressDialog::TransferProgressDialog(const QString &title, const QString &label,
                                               QWidget *parent)
    : QDialog(parent)
    , m_state(std::make_shared<State>())
{
    setObjectName(QStringLiteral("transferProgress"));
    setWindowTitle(title);
    setWindowModality(Qt::WindowModal);
    m_label = new QLabel(label, this);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("transferProgressBar"));
    m_bar->setRange(0, 100);
    m_bar->setValue(0);
    m_bar->setAccessibleName(label);
    m_bar->setMinimumWidth(320);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_cancel = buttons->button(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("transferCancel"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(buttons);
    connect(m_cancel, &QPushButton::clicked, this, [this] { cancel(); });

    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, [this] { refresh(); });
    m_poll.start();
    m_showLater.setSingleShot(true);
    connect(&m_showLater, &QTimer::timeout, this, [this] {
        if (!m_finished)
            show();
    });
    m_showLater.start(kDelayMs);
}

TransferProgressDialog::~TransferProgressDialog() = default;

TransferProgress TransferProgressDialog::progress() const
{
    TransferProgress hooks;
    const std::shared_ptr<State> state = m_state;
    hooks.report = [state](int percent, qint64 rows) {
        state->percent.store(percent, std::memory_order_relaxed);
        state->rows.store(rows, std::memory_order_relaxed);
    };
    hooks.cancel = &state->cancel; // kept alive by the report hook's copy
    return hooks;
}

void TransferProgressDialog::finish()
{
    m_finished = true;
    m_poll.stop();
    m_showLater.stop();
    hide();
    deleteLater();
}

bool TransferProgressDialog::cancelRequested() const
{
    return m_state->cancel.load();
}

void TransferProgressDialog::refresh()
{
    const int percent = m_state->percent.load(std::memory_order_relaxed);
    const qint64 rows = m_state->rows.load(std::memory_order_relaxed);
    m_bar->setValue(std::clamp(percent, 0, 100));
    if (rows > 0 && !cancelRequested())
        m_bar->setFormat(tr("%p% · %Ln row(s)", nullptr,
                            int(std::min<qint64>(rows, std::numeric_limits<int>::max()))));
}

void TransferProgressDialog::cancel()
{
    if (m_finished || cancelRequested())
        return;
    m_state->cancel.store(true);
    m_cancel->setEnabled(false);
    m_label->setText(tr("Cancelling…"));
}

void TransferProgressDialog::reject()
{
    cancel(); // the job's answer closes the dialog
}

} // namespace st
