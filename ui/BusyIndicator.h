#pragma once

#include <QTimer>
#include <QWidget>

namespace st {

class Backend;

// The status bar's "Working…" with a moving bar, shown while the backend has had a request in
// hand for a moment (a long report, an export, an import): the window says it waits, and that
// the timer buttons do not. Short requests never show it.
class BusyIndicator final : public QWidget
{
    Q_OBJECT
public:
    // Shown once requests have been pending for this long.
    static constexpr int kDelayMs = 400;

    explicit BusyIndicator(Backend &backend, QWidget *parent = nullptr);

private:
    void onPending(int count);

    QTimer m_delay;
};

} // namespace st
