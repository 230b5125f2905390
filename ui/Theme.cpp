#include "Theme.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QWidget>

#include <algorithm>
#include <cmath>
#include <memory>

namespace st::theme {

namespace {

double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

QColor mix(const QColor &a, const QColor &b, double towardsB)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    const auto blend = [towardsB](float p, float q) {
        return p + (q - p) * float(towardsB);
    };
    return QColor::fromRgbF(blend(x.redF(), y.redF()), blend(x.greenF(), y.greenF()),
                            blend(x.blueF(), y.blueF()));
}

// A colour drawn with alpha over a background, as the eye sees it.
QColor over(const QColor &color, const QColor &background)
{
    return color.alpha() == 255 ? color.toRgb() : mix(background, color, color.alphaF());
}

double worstContrast(const QColor &color, const QList<QColor> &backgrounds)
{
    double worst = 21.0;
    for (const QColor &bg : backgrounds)
        worst = std::min(worst, contrastRatio(color, bg));
    return worst;
}

const char *const kKindProperty = "st_theme_text";
const char *const kAccentProperty = "st_theme_accent";
enum class TextKind
{
    Normal,
    Error,
    Accent
};

// Re-runs a colour decision when the widget's palette changes; its own palette changes made
// while running do not run it again.
class PaletteFollower final : public QObject
{
public:
    PaletteFollower(QWidget *widget, std::function<void()> apply)
        : QObject(widget)
        , m_apply(std::move(apply))
    {
        widget->installEventFilter(this);
    }

    void run()
    {
        if (m_running)
            return;
        m_running = true;
        m_apply();
        m_running = false;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange && watched == parent())
            run();
        return false;
    }

private:
    std::function<void()> m_apply;
    bool m_running = false;
};

void setTextColor(QWidget *widget, const QColor &color)
{
    if (!color.isValid()) {
        if (widget->testAttribute(Qt::WA_SetPalette))
            widget->setPalette(QPalette()); // back to the inherited palette
        return;
    }
    if (widget->testAttribute(Qt::WA_SetPalette) &&
        widget->palette().color(QPalette::WindowText) == color &&
        widget->palette().color(QPalette::Text) == color)
        return;
    QPalette own; // only the roles set here: the rest follows the parent and the application
    own.setColor(QPalette::WindowText, color);
    own.setColor(QPalette::Text, color);
    widget->setPalette(own);
}

void applyText(QWidget *widget)
{
    // The inherited backgrounds: our own palette only ever sets the text roles.
    const QPalette &pal = widget->palette();
    switch (TextKind(widget->property(kKindProperty).toInt())) {
    case TextKind::Normal:
        setTextColor(widget, QColor());
        break;
    case TextKind::Error:
        setTextColor(widget, errorText(pal));
        break;
    case TextKind::Accent: {
        const QColor accent = widget->property(kAccentProperty).value<QColor>();
        setTextColor(widget, accent.isValid() ? accentText(accent, pal) : QColor());
        break;
    }
    }
}

void useText(QWidget *widget, TextKind kind, const QColor &accent)
{
    widget->setProperty(kKindProperty, int(kind));
    widget->setProperty(kAccentProperty, accent);
    const QString name = QString::fromLatin1(kKindProperty);
    // Only the text follower carries this name (PaletteFollower has no meta-object of its own).
    if (auto *follower = static_cast<PaletteFollower *>(
            widget->findChild<QObject *>(name, Qt::FindDirectChildrenOnly))) {
        follower->run();
        return;
    }
    auto *follower = new PaletteFollower(widget, [widget] { applyText(widget); });
    follower->setObjectName(name);
    follower->run();
}

} // namespace

double relativeLuminance(const QColor &color)
{
    const QColor c = color.toRgb();
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readableTextOn(const QColor &background)
{
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    return contrastRatio(background, black) >= contrastRatio(background, white) ? black : white;
}

QColor legibleOn(const QColor &color, const QList<QColor> &backgrounds, double minimum)
{
    QColor c = color.toRgb();
    if (!c.isValid() || backgrounds.isEmpty())
        return c;
    c.setAlpha(255);
    if (worstContrast(c, backgrounds) >= minimum)
        return c;
    double luminance = 0;
    for (const QColor &bg : backgrounds)
        luminance += relativeLuminance(bg);
    luminance /= double(backgrounds.size());
    // Towards black on light backgrounds, towards white on dark ones.
    const bool darken = (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05);
    float h = 0;
    float s = 0;
    float l = 0;
    c.getHslF(&h, &s, &l);
    for (int step = 1; step <= 100; ++step) {
        const float t = float(step) / 100.0f;
        const float lightness = darken ? l * (1.0f - t) : l + (1.0f - l) * t;
        const QColor candidate = QColor::fromHslF(h, s, lightness).toRgb();
        if (worstContrast(candidate, backgrounds) >= minimum)
            return candidate;
    }
    return darken ? QColor(Qt::black) : QColor(Qt::white);
}

bool isDark(const QPalette &palette)
{
    return relativeLuminance(palette.color(QPalette::Window)) <
           relativeLuminance(palette.color(QPalette::WindowText));
}

QColor errorText(const QPalette &palette)
{
    const QColor seed = isDark(palette) ? QColor(0xff, 0x6b, 0x5e) : QColor(0xc0, 0x39, 0x2b);
    return legibleOn(seed, {palette.color(QPalette::Window), palette.color(QPalette::Base)});
}

namespace {
// Secondary text: the text colour 40 % of the way to the background, made legible on it.
QColor muted(const QPalette &palette, const QList<QColor> &backgrounds)
{
    return legibleOn(mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.4),
                     backgrounds);
}
} // namespace

QColor mutedText(const QPalette &palette)
{
    return muted(palette, {palette.color(QPalette::Window), palette.color(QPalette::Base)});
}

QColor accentText(const QColor &accent, const QPalette &palette)
{
    return legibleOn(accent, {palette.color(QPalette::Window), palette.color(QPalette::Base)});
}

QColor chartText(const QPalette &palette)
{
    return legibleOn(palette.color(QPalette::Text), {palette.color(QPalette::Base)});
}

QColor chartMutedText(const QPalette &palette)
{
    return muted(palette, {palette.color(QPalette::Base)});
}

QColor chartAxis(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    return legibleOn(mix(palette.color(QPalette::Text), base, 0.5), {base}, kGraphicContrast);
}

QColor chartBar(const QColor &series, const QPalette &palette)
{
    return series.isValid() ? series.toRgb() : palette.color(QPalette::Highlight);
}

QColor outlineFor(const QColor &fill, const QColor &background)
{
    if (contrastRatio(fill, background) >= kGraphicContrast)
        return {};
    return legibleOn(mix(fill, readableTextOn(fill), 0.6), {background}, kGraphicContrast);
}

QIcon swatch(const QColor &color, int size)
{
    // Item views ask for every visible row's swatch on every paint: made once per colour.
    static QHash<QPair<QRgb, int>, QIcon> cache;
    const auto key = qMakePair(color.rgba(), size);
    if (const auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    if (cache.size() > 256)
        cache.clear();
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    const QRectF box = QRectF(pixmap.rect()).adjusted(1.5, 1.5, -1.5, -1.5);
    p.fillRect(box, color);
    // An edge that differs from the swatch: it shows on a background of the swatch's colour.
    p.setPen(QPen(mix(color, readableTextOn(color), 0.55), 1.0));
    p.drawRect(box);
    p.end();
    const QIcon icon(pixmap);
    cache.insert(key, icon);
    return icon;
}

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2e, 0x33);
    const QColor base(0x1e, 0x20, 0x24);
    const QColor alternate(0x27, 0x2a, 0x2f);
    const QColor text(0xf2, 0xf3, 0xf5);
    const QColor button(0x35, 0x39, 0x3f);
    const QColor highlight(0x2f, 0x6f, 0xb6);
    const QColor disabledText(0x85, 0x8a, 0x91);

    QPalette p;
    for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        p.setColor(group, QPalette::Window, window);
        p.setColor(group, QPalette::WindowText, text);
        p.setColor(group, QPalette::Base, base);
        p.setColor(group, QPalette::AlternateBase, alternate);
        p.setColor(group, QPalette::Text, text);
        p.setColor(group, QPalette::Button, button);
        p.setColor(group, QPalette::ButtonText, text);
        p.setColor(group, QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
        p.setColor(group, QPalette::Light, QColor(0x4a, 0x4f, 0x57));
        p.setColor(group, QPalette::Midlight, QColor(0x3e, 0x43, 0x4a));
        p.setColor(group, QPalette::Mid, QColor(0x24, 0x27, 0x2b));
        p.setColor(group, QPalette::Dark, QColor(0x1a, 0x1c, 0x1f));
        p.setColor(group, QPalette::Shadow, QColor(0x0e, 0x0f, 0x11));
        p.setColor(group, QPalette::Highlight, highlight);
        p.setColor(group, QPalette::HighlightedText, QColor(Qt::white));
        p.setColor(group, QPalette::Link, QColor(0x7c, 0xb8, 0xff));
        p.setColor(group, QPalette::LinkVisited, QColor(0xc3, 0x9d, 0xff));
        p.setColor(group, QPalette::ToolTipBase, QColor(0x3a, 0x3f, 0x46));
        p.setColor(group, QPalette::ToolTipText, text);
        p.setColor(group, QPalette::PlaceholderText, QColor(0xa3, 0xa9, 0xb1));
    }
    // Disabled: the text steps back but stays visible; no selection colour.
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText,
                            QPalette::PlaceholderText, QPalette::Link, QPalette::LinkVisited})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x30, 0x33, 0x38));
    p.setColor(QPalette::Disabled, QPalette::Base, QColor(0x25, 0x28, 0x2c));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4f, 0x57));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, disabledText);
    p.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0x3a, 0x54, 0x73));
    return p;
}

namespace {
class LegibleFusion final : public QProxyStyle
{
public:
    LegibleFusion()
        : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
    {
        setObjectName(QStringLiteral("st-legible-fusion"));
    }

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        if (element == PE_Frame && (option->state & State_HasFocus) &&
            qobject_cast<const QAbstractItemView *>(widget)) {
            drawFocusedFrame(option, painter, widget);
            return;
        }
        if ((element != PE_IndicatorRadioButton && element != PE_IndicatorCheckBox) ||
            !isDark(option->palette)) {
            QProxyStyle::drawPrimitive(element, option, painter, widget);
            return;
        }
        // Fusion outlines these with Window a little darker: on a dark window, give it a window
        // whose shade is a ring of 3:1 against the window and the box's fill.
        const QPalette &pal = option->palette;
        const QColor ring =
            legibleOn(mix(pal.color(QPalette::Text), pal.color(QPalette::Window), 0.45),
                      {pal.color(QPalette::Window), pal.color(QPalette::Base)}, kGraphicContrast);
        std::unique_ptr<QStyleOption> copy;
        if (const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option))
            copy = std::make_unique<QStyleOptionButton>(*button);
        else
            copy = std::make_unique<QStyleOption>(*option);
        copy->palette.setColor(QPalette::Window, ring.lighter(150));
        QProxyStyle::drawPrimitive(element, copy.get(), painter, widget);
    }

private:
    // Fusion shows focus in a list or table only on its current row: an empty one that has the
    // keyboard looks like one that has not. Its frame takes the selection colour (3:1 against
    // the window and the list), as Fusion's line edits do.
    void drawFocusedFrame(const QStyleOption *option, QPainter *painter,
                          const QWidget *widget) const
    {
        QProxyStyle::drawPrimitive(PE_Frame, option, painter, widget);
        const QPalette &pal = option->palette;
        const QColor ring =
            legibleOn(pal.color(QPalette::Active, QPalette::Highlight),
                      {pal.color(QPalette::Window), pal.color(QPalette::Base)}, kGraphicContrast);
        const int width = std::max(1, proxy()->pixelMetric(PM_DefaultFrameWidth, option, widget));
        painter->save();
        painter->setPen(Qt::NoPen);
        painter->setBrush(ring);
        QPainterPath path;
        path.addRect(option->rect);
        path.addRect(option->rect.adjusted(width, width, -width, -width));
        painter->drawPath(path); // odd-even fill: the frame's band only
        painter->restore();
    }
};
} // namespace

QStyle *legibleFusion()
{
    return new LegibleFusion;
}

bool isLegibleFusion(const QStyle *style)
{
    return style && style->objectName() == QLatin1String("st-legible-fusion");
}

bool isPlainFusion(const QStyle *style)
{
    return style && !isLegibleFusion(style) &&
           style->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) == 0;
}

QPalette lightPalette()
{
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return readable(fusion ? fusion->standardPalette()
                           : QPalette(Qt::white, QColor(0xef, 0xef, 0xef)));
}

QPalette readable(const QPalette &palette)
{
    QPalette p = palette;
    for (const auto group : {QPalette::Active, QPalette::Inactive}) {
        const QColor base = p.color(group, QPalette::Base);
        const auto fix = [&p, group](QPalette::ColorRole role, const QColor &background) {
            const QColor seen = over(p.color(group, role), background);
            const QColor fixed = legibleOn(seen, {background});
            if (fixed != p.color(group, role))
                p.setColor(group, role, fixed);
        };
        fix(QPalette::Text, base);
        fix(QPalette::WindowText, p.color(group, QPalette::Window));
        fix(QPalette::ButtonText, p.color(group, QPalette::Button));
        fix(QPalette::ToolTipText, p.color(group, QPalette::ToolTipBase));
        fix(QPalette::PlaceholderText, base);
        fix(QPalette::Link, base);
        fix(QPalette::LinkVisited, base);
        // Selected rows: the selection colour moves, the selected text stays.
        const QColor selected = p.color(group, QPalette::HighlightedText);
        const QColor highlight = legibleOn(p.color(group, QPalette::Highlight), {selected});
        if (highlight != p.color(group, QPalette::Highlight))
            p.setColor(group, QPalette::Highlight, highlight);
    }
    // Disabled controls are exempt from WCAG's minimum, but what they show (a date range that
    // follows the period) must still be legible: 3:1.
    const auto fixDisabled = [&p](QPalette::ColorRole role, QPalette::ColorRole background) {
        const QColor bg = p.color(QPalette::Disabled, background);
        const QColor fixed =
            legibleOn(over(p.color(QPalette::Disabled, role), bg), {bg}, kGraphicContrast);
        if (fixed != p.color(QPalette::Disabled, role))
            p.setColor(QPalette::Disabled, role, fixed);
    };
    fixDisabled(QPalette::Text, QPalette::Base);
    fixDisabled(QPalette::WindowText, QPalette::Window);
    fixDisabled(QPalette::ButtonText, QPalette::Button);
    return p;
}

void onPaletteChange(QWidget *widget, std::function<void()> apply)
{
    auto *follower = new PaletteFollower(widget, std::move(apply));
    follower->run();
}

void useErrorText(QWidget *widget)
{
    useText(widget, TextKind::Error, QColor());
}

void useAccentText(QWidget *widget, const QColor &accent)
{
    useText(widget, accent.isValid() ? TextKind::Accent : TextKind::Normal, accent);
}

void useNormalText(QWidget *widget)
{
    useText(widget, TextKind::Normal, QColor());
}

} // namespace st::theme
