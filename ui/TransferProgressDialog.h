#pragma once

#include "report/EntryExport.h"

#include <QDialog>
#include <QTimer>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace st {

// A progress bar with Cancel for an import or a long export (issue 11), fed by the
// TransferProgress hooks of the job that runs on the backend's reader or writer. The job reports
// into a state shared with the dialog (atomics: the job's thread never touches a widget); the
// dialog reads it a few times a second. It appears only when the job lasts (kDelayMs), so a short
// export never flashes a window. Cancel asks the job to stop: an import then writes nothing and
// an export leaves no file; the job's answer closes the dialog (finish()).
class TransferProgressDialog final : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kDelayMs = 300;

    // label: what is being done ("Importing entries…").
    TransferProgressDialog(const QString &title, const QString &label, QWidget *parent);
    ~TransferProgressDialog() override;

    // The hooks to hand to the job (copied into it: they keep the shared state alive after the
    // dialog is gone).
    TransferProgress progress() const;
    // The job answered: the dialog closes.
    void finish();

    // Whether Cancel was pressed.
    bool cancelRequested() const;

private:
    struct State
    {
        std::atomic_int percent{0};
        std::atomic<qint64> rows{0};
        std::atomic_bool cancel{false};
    };
    void refresh();
    void cancel();
    void reject() override; // Escape and the window's close button cancel

    std::shared_ptr<State> m_state;
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_cancel = nullptr;
    QTimer m_poll;
    QTimer m_showLater;
    bool m_finished = false;
};

} // namespace st
