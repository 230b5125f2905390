#pragma once

#include "domain/Types.h"
#include "timer/AwayResolution.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace st {

// "You were away 10:42–11:30: keep the time, discard it, or stop at 10:42". The answer is
// choice() once the dialog is accepted; the app applies it through Backend. "Stop at" is left out
// when the question says stopping makes no sense (nothing of the entry before the person left).
class AwayDialog final : public QDialog
{
    Q_OBJECT
public:
    AwayDialog(Ms from, Ms to, QWidget *parent = nullptr);
    explicit AwayDialog(const AwayQuestion &question, QWidget *parent = nullptr);

    Ms from() const { return m_from; }
    Ms to() const { return m_to; }
    AwayChoice choice() const { return m_choice; }
    QString message() const;

    QPushButton *keepButton() const { return m_keep; }
    QPushButton *discardButton() const { return m_discard; }
    QPushButton *stopButton() const { return m_stop; } // null when not offered

private:
    void choose(AwayChoice choice);

    Ms m_from = 0;
    Ms m_to = 0;
    AwayChoice m_choice = AwayChoice::Keep;
    QLabel *m_message = nullptr;
    QPushButton *m_keep = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_stop = nullptr;
};

} // namespace st
