#include "TaskButton.h"

#include "Theme.h"

#include <QPainter>
#include <QPainterPath>

namespace st {

namespace {
constexpr int kRing = 4;   // the running task's ring
constexpr int kGap = 2;    // between the ring and the colour
constexpr int kRadius = 8; // rounded corners
constexpr int kPadding = 12;
constexpr int kMinHeight = 64;
} // namespace

TaskButton::TaskButton(QWidget *parent)
    : QPushButton(parent)
{
    QFont f = font();
    f.setPixelSize(15);
    setFont(f);
    setAttribute(Qt::WA_Hover);
}

void TaskButton::setTaskColor(const QColor &color)
{
    // No colour (a task type without one): the palette's button colour.
    const QColor rgb = color.isValid() ? color.toRgb() : QColor();
    if (rgb == m_color)
        return; // every snapshot sets it again
    m_color = rgb;
    QPalette own;
    if (m_color.isValid()) {
        own.setColor(QPalette::Button, m_color);
        own.setColor(QPalette::ButtonText, theme::readableTextOn(m_color));
    }
    setPalette(own);
    update();
}

QColor TaskButton::textColor() const
{
    return palette().color(QPalette::ButtonText);
}

void TaskButton::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    QFont f = font();
    f.setBold(running);
    setFont(f);
    update();
}

QSize TaskButton::sizeHint() const
{
    QFont bold = font();
    bold.setBold(true); // room for the running state's bold text
    const QFontMetrics fm(bold);
    const int margin = kRing + kGap + kPadding;
    return {fm.horizontalAdvance(text()) + 2 * margin,
            std::max(kMinHeight, fm.height() + 2 * margin)};
}

QSize TaskButton::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.averageCharWidth() * 6 + 2 * (kRing + kGap), kMinHeight};
}

void TaskButton::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const QColor fill = pal.color(QPalette::Button);
    const QColor ink = pal.color(QPalette::ButtonText);
    const QRectF outer = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const QRectF inner = outer.adjusted(kRing + kGap, kRing + kGap, -kRing - kGap, -kRing - kGap);

    if (m_running || isDown()) {
        // The ring contrasts the window, the gap keeps it apart from any task colour.
        QPainterPath ring;
        ring.addRoundedRect(outer, kRadius + kRing + kGap, kRadius + kRing + kGap);
        p.fillPath(ring, pal.color(QPalette::WindowText));
        QPainterPath gap;
        gap.addRoundedRect(outer.adjusted(kRing, kRing, -kRing, -kRing), kRadius + kGap,
                           kRadius + kGap);
        p.fillPath(gap, pal.color(QPalette::Window));
    }
    QPainterPath body;
    body.addRoundedRect(inner, kRadius, kRadius);
    p.fillPath(body, fill);
    // An edge: a white button on a white window (or black on black) still shows its shape;
    // hovering makes it stronger.
    QColor edge = ink;
    edge.setAlphaF(underMouse() && isEnabled() ? 0.85f : 0.3f);
    p.setPen(QPen(edge, underMouse() && isEnabled() ? 2.0 : 1.0));
    p.drawPath(body);

    p.setPen(ink);
    p.drawText(inner.adjusted(kPadding, 0, -kPadding, 0), Qt::AlignCenter | Qt::TextSingleLine,
               fontMetrics().elidedText(text(), Qt::ElideRight, int(inner.width()) - 2 * kPadding));
    if (hasFocus()) {
        QColor focus = ink;
        focus.setAlphaF(0.8f);
        p.setPen(QPen(focus, 1.0, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(inner.adjusted(4, 4, -4, -4), kRadius - 3, kRadius - 3);
    }
}

} // namespace st
