#pragma once

#include <QPushButton>

namespace st {

// A big task button of the Now view, filled with the task type's colour. Its text is black or
// white, whichever reads better on that colour (WCAG contrast), whatever colour the user picked;
// the running task gets a ring in the window's text colour and bold text.
class TaskButton final : public QPushButton
{
    Q_OBJECT
public:
    explicit TaskButton(QWidget *parent = nullptr);

    // Sets the Button and ButtonText roles of the button's own palette.
    void setTaskColor(const QColor &color);
    QColor taskColor() const { return m_color; }
    QColor textColor() const;
    void setRunning(bool running);
    bool isRunning() const { return m_running; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor m_color;
    bool m_running = false;
};

} // namespace st
