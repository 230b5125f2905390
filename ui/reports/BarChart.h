#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

namespace st {

// A horizontal bar chart drawn with QPainter: one labelled bar per group, longest to scale.
// Knows nothing of reports: the view hands it bars.
class BarChart final : public QWidget
{
    Q_OBJECT
public:
    struct Bar
    {
        QString label;
        double value = 0;
        QString valueText; // drawn after the bar
        QColor color;      // invalid: the palette's highlight
        QString toolTip;
    };

    explicit BarChart(QWidget *parent = nullptr);

    void setBars(const QList<Bar> &bars);
    const QList<Bar> &bars() const { return m_bars; }
    // The bar under a point of the widget, -1 for none.
    int barAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Layout
    {
        int labelWidth = 0;
        int valueWidth = 0;
        int rowHeight = 0;
        int barHeight = 0;
        int top = 0;
    };
    Layout layout() const;

    QList<Bar> m_bars;
};

} // namespace st
