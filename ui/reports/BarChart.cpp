#include "BarChart.h"

#include "Theme.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace st {

namespace {
constexpr int kMargin = 8;
constexpr int kGap = 6;
constexpr int kMaxLabelWidth = 180;
} // namespace

BarChart::BarChart(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setBars({});
}

void BarChart::setBars(const QList<Bar> &bars)
{
    m_bars = bars;
    // What a screen reader reads instead of the picture: every bar, as its tooltip says it.
    QStringList described;
    for (const Bar &bar : m_bars)
        described << (bar.toolTip.isEmpty() ? bar.label + QLatin1Char(' ') + bar.valueText
                                            : bar.toolTip);
    setAccessibleDescription(described.isEmpty() ? tr("Nothing recorded in this period.")
                                                 : described.join(QStringLiteral("; ")));
    updateGeometry();
    update();
}

BarChart::Layout BarChart::layout() const
{
    Layout l;
    const QFontMetrics fm = fontMetrics();
    for (const Bar &bar : m_bars) {
        l.labelWidth = std::max(l.labelWidth, fm.horizontalAdvance(bar.label));
        l.valueWidth = std::max(l.valueWidth, fm.horizontalAdvance(bar.valueText));
    }
    l.labelWidth = std::min(l.labelWidth, kMaxLabelWidth);
    const int available = height() - 2 * kMargin;
    const int count = std::max<int>(1, int(m_bars.size()));
    l.rowHeight = std::clamp(available / count, 4, fm.height() * 2);
    l.barHeight = std::max(2, l.rowHeight * 2 / 3);
    l.top = kMargin;
    return l;
}

int BarChart::barAt(const QPoint &pos) const
{
    const Layout l = layout();
    if (pos.y() < l.top || l.rowHeight <= 0)
        return -1;
    const int index = (pos.y() - l.top) / l.rowHeight;
    return index < m_bars.size() ? index : -1;
}

QSize BarChart::sizeHint() const
{
    const int rows = std::max<int>(3, int(m_bars.size()));
    return {420, std::min(600, rows * fontMetrics().height() * 2 + 2 * kMargin)};
}

QSize BarChart::minimumSizeHint() const
{
    return {200, 120};
}

void BarChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const QColor base = pal.color(QPalette::Base);
    p.fillRect(rect(), base);
    if (m_bars.isEmpty()) {
        p.setPen(theme::chartMutedText(pal));
        p.drawText(rect(), Qt::AlignCenter, tr("Nothing recorded in this period."));
        return;
    }
    const Layout l = layout();
    const QFontMetrics fm = fontMetrics();
    const int barLeft = kMargin + l.labelWidth + kGap;
    const int barSpace = std::max(1, width() - barLeft - kGap - l.valueWidth - kMargin);
    double maximum = 0;
    for (const Bar &bar : m_bars)
        maximum = std::max(maximum, bar.value);
    // Labels are thinned out when rows get too short to hold text.
    const bool showText = l.rowHeight >= fm.height();
    const QColor text = theme::chartText(pal);
    // The axis the bars grow from.
    p.setPen(QPen(theme::chartAxis(pal), 1));
    p.drawLine(QPointF(barLeft - 0.5, l.top),
               QPointF(barLeft - 0.5, l.top + int(m_bars.size()) * l.rowHeight));
    for (qsizetype i = 0; i < m_bars.size(); ++i) {
        const Bar &bar = m_bars.at(i);
        const int y = l.top + int(i) * l.rowHeight;
        if (showText) {
            p.setPen(text);
            p.drawText(QRect(kMargin, y, l.labelWidth, l.rowHeight),
                       Qt::AlignVCenter | Qt::AlignRight,
                       fm.elidedText(bar.label, Qt::ElideRight, l.labelWidth));
        }
        const int length = maximum > 0 ? int(barSpace * (bar.value / maximum)) : 0;
        const QRect barRect(barLeft, y + (l.rowHeight - l.barHeight) / 2, std::max(length, 1),
                            l.barHeight);
        const QColor fill = theme::chartBar(bar.color, pal);
        p.fillRect(barRect, fill);
        // A bar too close to the background (yellow on white, navy on dark) gets an outline.
        if (const QColor outline = theme::outlineFor(fill, base); outline.isValid()) {
            p.setPen(QPen(outline, 1));
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRectF(barRect).adjusted(0.5, 0.5, -0.5, -0.5));
        }
        if (showText) {
            p.setPen(text);
            p.drawText(QRect(barRect.right() + kGap, y, l.valueWidth + kGap, l.rowHeight),
                       Qt::AlignVCenter | Qt::AlignLeft, bar.valueText);
        }
    }
}

bool BarChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = barAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), m_bars.at(index).toolTip, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace st
