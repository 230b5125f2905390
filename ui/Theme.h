#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>

#include <functional>

class QWidget;

// Every colour decision of the desktop app in one place. Colours are derived from the current
// QPalette (light or dark, the system's or ours) and checked with the WCAG 2 contrast ratio, so
// text stays readable on any palette and on any colour a user picks for a task type.
class QStyle;

namespace st::theme {

// WCAG 2 relative luminance (0 black .. 1 white) and contrast ratio (1 .. 21).
double relativeLuminance(const QColor &color);
double contrastRatio(const QColor &a, const QColor &b);

// Normal text: WCAG AA asks 4.5:1. Large text and graphics (bars, outlines): 3:1.
inline constexpr double kTextContrast = 4.5;
inline constexpr double kGraphicContrast = 3.0;

// Black or white, whichever has the higher contrast on the background (always >= 4.5:1).
QColor readableTextOn(const QColor &background);
// `color` with its hue kept, made darker or lighter until it has `minimum` contrast against
// every one of the backgrounds (or as close as black or white gets).
QColor legibleOn(const QColor &color, const QList<QColor> &backgrounds,
                 double minimum = kTextContrast);

bool isDark(const QPalette &palette);

// Text colours for widgets on the palette's Window and Base backgrounds (>= 4.5:1 on both).
QColor errorText(const QPalette &palette);
QColor mutedText(const QPalette &palette);
// A task type's colour as text (the running task's name), readable on Window and Base.
QColor accentText(const QColor &accent, const QPalette &palette);

// The bar chart: text, secondary text, the axis and the bars on the palette's Base.
QColor chartText(const QPalette &palette);
QColor chartMutedText(const QPalette &palette);
QColor chartAxis(const QPalette &palette);
QColor chartBar(const QColor &series, const QPalette &palette); // invalid series: Highlight
// An outline for a bar or swatch whose colour is too close to the background (< 3:1);
// invalid when none is needed.
QColor outlineFor(const QColor &fill, const QColor &background);

// A colour swatch for item views and lists, outlined so that white on white or black on black
// still shows.
QIcon swatch(const QColor &color, int size = 16);

// Our dark palette (every role and group, Fusion style) and the Fusion light one.
QPalette darkPalette();
// The Fusion style the dark palette is made for, with check box and radio button outlines that
// stand out from the window (3:1; Fusion draws them a shade darker than a dark window: unseen),
// and a list or table that has the keyboard framed in the selection colour (Fusion shows focus
// only on a current row: an empty list showed none).
QStyle *legibleFusion();
bool isLegibleFusion(const QStyle *style);
// Qt's own Fusion, which legibleFusion() replaces (light or dark).
bool isPlainFusion(const QStyle *style);
QPalette lightPalette();
// The palette with the roles that fall short of the contrast above made readable
// (placeholder text, links, highlighted text); the other roles are kept.
QPalette readable(const QPalette &palette);

// Runs `apply` now and again whenever the widget's palette changes (the application palette
// switched between light and dark). `apply` may set palette roles of the widget itself.
void onPaletteChange(QWidget *widget, std::function<void()> apply);
// The widget's text in the error or accent colour, following palette changes.
void useErrorText(QWidget *widget);
void useAccentText(QWidget *widget, const QColor &accent); // invalid accent: the normal text
void useNormalText(QWidget *widget);

} // namespace st::theme
