// Light and dark palettes both readable (issue 5): WCAG contrast of every colour the app picks,
// on our dark palette and Fusion's light one, checked on the values and on the rendered pixels.
#include "GuiFixture.h"

#include "AwayDialog.h"
#include "MainWindow.h"
#include "NowView.h"
#include "TaskButton.h"
#include "Theme.h"
#include "TrayIcon.h"
#include "backend/SyncSession.h"
#include "dialogs/EntryDialog.h"
#include "dialogs/SettingsDialog.h"
#include "dialogs/TaskTypesDialog.h"
#include "domain/Clock.h"
#include "reports/BarChart.h"
#include "secrets/CredentialStore.h"
#include "sync/ClockOffset.h"
#include "sync/ConflictsDialog.h"
#include "sync/SyncSettingsPage.h"
#include "sync/SyncStatusWidget.h"
#include "timer/DemoData.h"

#include <QApplication>
#include <QCheckBox>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionButton>

using namespace st;
using namespace st::test;

namespace {

// The task colours users may pick, extremes first.
const QStringList kTaskColours = {
    QStringLiteral("#ffff00"), QStringLiteral("#000080"), QStringLiteral("#808080"),
    QStringLiteral("#ffffff"), QStringLiteral("#000000"), QStringLiteral("#767676"),
    QStringLiteral("#ff0000"), QStringLiteral("#00ff00"), QStringLiteral("#0000ff"),
    QStringLiteral("#e15759"), QStringLiteral("#59a14f"), QStringLiteral("#f28e2b"),
    QStringLiteral("#76b7b2"), QStringLiteral("#b07aa1"), QStringLiteral("#00ffff"),
};

QPalette paletteNamed(const QString &name)
{
    return name == QLatin1String("dark") ? theme::darkPalette() : theme::lightPalette();
}

// Pixels of the image within a small distance of the colour (antialiased text keeps the exact
// colour in the middle of its strokes).
int pixelsNear(const QImage &image, const QColor &color, int tolerance = 24)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = 0; y < img.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            const QRgb p = line[x];
            if (std::abs(qRed(p) - color.red()) <= tolerance &&
                std::abs(qGreen(p) - color.green()) <= tolerance &&
                std::abs(qBlue(p) - color.blue()) <= tolerance)
                ++count;
        }
    }
    return count;
}

// A stylesheet naming a colour: "#abc", rgb(), hsl(), or a colour property with a named colour.
bool hasLiteralColour(const QString &styleSheet)
{
    static const QRegularExpression literal(
        QStringLiteral("#[0-9a-f]{3,8}\\b|\\b(rgba?|hsla?|hsva?)\\s*\\(|"
                       "(color|background|border)[a-z-]*\\s*:[^;}]*\\b(black|white|gray|grey|red|"
                       "green|blue|yellow|orange|transparent)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return literal.match(styleSheet).hasMatch();
}

QStringList widgetsWithColourSheets(QWidget *root)
{
    QStringList found;
    QList<QWidget *> all = root->findChildren<QWidget *>();
    all.prepend(root);
    for (QWidget *w : all) {
        if (hasLiteralColour(w->styleSheet()))
            found << QStringLiteral("%1 (%2): %3")
                         .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                              w->styleSheet());
    }
    return found;
}

// The labels that show errors: their text colour is the palette's error colour.
QList<QLabel *> errorLabels(QWidget *root)
{
    QList<QLabel *> labels;
    for (QLabel *l : root->findChildren<QLabel *>()) {
        if (l->palette().color(QPalette::WindowText) == theme::errorText(l->palette()))
            labels << l;
    }
    return labels;
}

// A store with a few weeks of demo data and one task type per colour to test.
struct DemoDesk
{
    GuiFixture f;
    DemoDesk()
    {
        if (auto r = demo::populate(*f.store.service, f.store.userId()); !r)
            qFatal("demo data: %s", qPrintable(r.error().message));
        QList<TaskType> types = f.store.service->taskTypes();
        for (int i = 0; i < kTaskColours.size(); ++i) {
            TaskType t = i < types.size() ? types.at(i) : TaskType();
            if (t.id.isEmpty()) {
                t.name = QStringLiteral("Colour %1").arg(i);
                t.position = i;
            }
            t.color = kTaskColours.at(i);
            if (auto saved = f.store.service->saveTaskType(t); !saved)
                qFatal("task type: %s", qPrintable(saved.error().message));
        }
        f.async->refresh();
        f.settle();
    }
};

} // namespace

class TestPalette final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void contrastFollowsWcag();
    void blackOrWhiteIsReadableOnAnyColour();
    void legibleKeepsTheHue();
    void bothPalettesAreReadable_data();
    void bothPalettesAreReadable();
    void themeTextColours_data();
    void themeTextColours();
    void taskButtonsReadableOnEveryColour_data();
    void taskButtonsReadableOnEveryColour();
    void runningTaskNameReadable_data();
    void runningTaskNameReadable();
    void errorLabelsFollowThePalette();
    void chartDrawsWithThePalette_data();
    void chartDrawsWithThePalette();
    void swatchesShowOnTheirOwnColour();
    void trayIconPlaySignShowsOnItsTask();
    void archivedTaskTypesMutedButReadable();
    void syncProblemsInTheErrorColour();
    void noStylesheetWithALiteralColour();
    void radioButtonsAndCheckBoxesShowOnTheDarkPalette();
};

void TestPalette::radioButtonsAndCheckBoxesShowOnTheDarkPalette()
{
    // Issue 16: on the dark palette Fusion's radio buttons were a dark ring on a dark window.
    const std::unique_ptr<QStyle> style(theme::legibleFusion());
    QVERIFY(theme::isLegibleFusion(style.get()));
    const QPalette dark = theme::darkPalette();
    const QColor window = dark.color(QPalette::Window);
    const auto best = [&](QAbstractButton &button, QStyle::SubElement indicator) {
        button.setStyle(style.get());
        button.setPalette(dark);
        button.resize(button.sizeHint());
        const QImage image = button.grab().toImage();
        QStyleOptionButton option;
        option.initFrom(&button);
        const QRect rect = style->subElementRect(indicator, &option, &button) & image.rect();
        double contrast = 0;
        for (int y = rect.top(); y <= rect.bottom(); ++y) {
            for (int x = rect.left(); x <= rect.right(); ++x)
                contrast = std::max(contrast, theme::contrastRatio(image.pixelColor(x, y), window));
        }
        return contrast;
    };
    for (const bool checked : {false, true}) {
        QRadioButton radio(QStringLiteral("Dark"));
        radio.setChecked(checked);
        QVERIFY2(best(radio, QStyle::SE_RadioButtonIndicator) >= theme::kGraphicContrast,
                 checked ? "checked radio" : "radio");
        QCheckBox box(QStringLiteral("Dark"));
        box.setChecked(checked);
        QVERIFY2(best(box, QStyle::SE_CheckBoxIndicator) >= theme::kGraphicContrast,
                 checked ? "checked box" : "box");
    }
}

void TestPalette::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QCoreApplication::setOrganizationName(QStringLiteral("StudioTimerPaletteTest"));
    QApplication::setStyle(QStringLiteral("Fusion"));
}

void TestPalette::cleanup()
{
    QApplication::setPalette(theme::lightPalette());
}

void TestPalette::contrastFollowsWcag()
{
    QCOMPARE(qRound(theme::contrastRatio(Qt::black, Qt::white) * 100), 2100);
    QCOMPARE(theme::contrastRatio(Qt::white, Qt::white), 1.0);
    // Known values: #767676 is the lightest grey with 4.5:1 on white, #777777 just misses.
    QVERIFY(theme::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) >= 4.5);
    QVERIFY(theme::contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) < 4.5);
    QCOMPARE(qRound(theme::contrastRatio(QColor(0x00, 0x00, 0xff), Qt::white) * 100), 859);
    QCOMPARE(theme::contrastRatio(Qt::red, Qt::blue), theme::contrastRatio(Qt::blue, Qt::red));
}

void TestPalette::blackOrWhiteIsReadableOnAnyColour()
{
    for (int r = 0; r < 256; r += 15) {
        for (int g = 0; g < 256; g += 15) {
            for (int b = 0; b < 256; b += 15) {
                const QColor bg(r, g, b);
                const QColor text = theme::readableTextOn(bg);
                QVERIFY2(text == QColor(Qt::black) || text == QColor(Qt::white),
                         qPrintable(bg.name()));
                QVERIFY2(theme::contrastRatio(text, bg) >= 4.5, qPrintable(bg.name()));
            }
        }
    }
    QCOMPARE(theme::readableTextOn(QColor(0xff, 0xff, 0x00)), QColor(Qt::black));
    QCOMPARE(theme::readableTextOn(QColor(0x00, 0x00, 0x80)), QColor(Qt::white));
}

void TestPalette::legibleKeepsTheHue()
{
    const QColor yellow(0xff, 0xff, 0x00);
    const QColor onWhite = theme::legibleOn(yellow, {Qt::white});
    QVERIFY(theme::contrastRatio(onWhite, Qt::white) >= 4.5);
    QVERIFY(std::abs(onWhite.hslHue() - yellow.hslHue()) <= 2);
    const QColor navy(0x00, 0x00, 0x80);
    const QColor onDark = theme::legibleOn(navy, {QColor(0x1e, 0x20, 0x24)});
    QVERIFY(theme::contrastRatio(onDark, QColor(0x1e, 0x20, 0x24)) >= 4.5);
    QVERIFY(std::abs(onDark.hslHue() - navy.hslHue()) <= 2);
    // Already readable: unchanged.
    QCOMPARE(theme::legibleOn(navy, {Qt::white}), navy);
}

void TestPalette::bothPalettesAreReadable_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("light") << QStringLiteral("light");
    QTest::newRow("dark") << QStringLiteral("dark");
}

void TestPalette::bothPalettesAreReadable()
{
    QFETCH(QString, name);
    const QPalette p = paletteNamed(name);
    QCOMPARE(theme::isDark(p), name == QLatin1String("dark"));
    struct Pair
    {
        QPalette::ColorRole text;
        QPalette::ColorRole background;
    };
    const QList<Pair> pairs = {
        {QPalette::WindowText, QPalette::Window},
        {QPalette::Text, QPalette::Base},
        {QPalette::Text, QPalette::AlternateBase},
        {QPalette::ButtonText, QPalette::Button},
        {QPalette::HighlightedText, QPalette::Highlight},
        {QPalette::ToolTipText, QPalette::ToolTipBase},
        {QPalette::PlaceholderText, QPalette::Base},
        {QPalette::Link, QPalette::Base},
        {QPalette::LinkVisited, QPalette::Base},
    };
    for (const auto group : {QPalette::Active, QPalette::Inactive}) {
        for (const Pair &pair : pairs) {
            const double ratio =
                theme::contrastRatio(p.color(group, pair.text), p.color(group, pair.background));
            QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1/%2 in group %3: %4")
                                                  .arg(int(pair.text))
                                                  .arg(int(pair.background))
                                                  .arg(int(group))
                                                  .arg(ratio)));
        }
    }
    // Disabled controls are exempt from WCAG's minimum; ours still show their text (3:1).
    for (const Pair &pair :
         {Pair{QPalette::WindowText, QPalette::Window}, Pair{QPalette::Text, QPalette::Base},
          Pair{QPalette::ButtonText, QPalette::Button}}) {
        QVERIFY(theme::contrastRatio(p.color(QPalette::Disabled, pair.text),
                                     p.color(QPalette::Disabled, pair.background)) >= 3.0);
    }
    if (name == QLatin1String("dark")) {
        // Every role of every group is ours, none left to the platform's light defaults.
        for (int role = 0; role < QPalette::NColorRoles; ++role) {
            if (role == QPalette::NoRole)
                continue;
            for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled})
                QVERIFY2(p.isBrushSet(group, QPalette::ColorRole(role)),
                         qPrintable(QStringLiteral("role %1 group %2").arg(role).arg(int(group))));
        }
    }
}

void TestPalette::themeTextColours_data()
{
    bothPalettesAreReadable_data();
}

void TestPalette::themeTextColours()
{
    QFETCH(QString, name);
    const QPalette p = paletteNamed(name);
    const QColor window = p.color(QPalette::Window);
    const QColor base = p.color(QPalette::Base);
    for (const QColor &bg : {window, base}) {
        QVERIFY(theme::contrastRatio(theme::errorText(p), bg) >= 4.5);
        // Muted text is for secondary information, but it is still text: 4.5:1 as well.
        QVERIFY(theme::contrastRatio(theme::mutedText(p), bg) >= 4.5);
    }
    QVERIFY(theme::contrastRatio(theme::chartText(p), base) >= 4.5);
    QVERIFY(theme::contrastRatio(theme::chartMutedText(p), base) >= 4.5);
    QVERIFY(theme::contrastRatio(theme::chartAxis(p), base) >= 3.0);
    // The error colour is still a red, the muted one differs from the normal text.
    QVERIFY(theme::errorText(p).hslHue() < 20 || theme::errorText(p).hslHue() > 340);
    QVERIFY(theme::mutedText(p) != p.color(QPalette::Text));
    for (const QString &c : kTaskColours) {
        const QColor accent = theme::accentText(QColor(c), p);
        QVERIFY2(theme::contrastRatio(accent, window) >= 4.5, qPrintable(c));
        QVERIFY2(theme::contrastRatio(accent, base) >= 4.5, qPrintable(c));
    }
}

void TestPalette::taskButtonsReadableOnEveryColour_data()
{
    bothPalettesAreReadable_data();
}

void TestPalette::taskButtonsReadableOnEveryColour()
{
    QFETCH(QString, name);
    QApplication::setPalette(paletteNamed(name));
    DemoDesk desk;
    MainWindow window(*desk.f.async);
    window.resize(1100, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    desk.f.settle();

    const QList<TaskType> types = desk.f.async->snapshot().activeTaskTypes();
    QCOMPARE(types.size(), kTaskColours.size());
    for (const TaskType &t : types) {
        auto *button = qobject_cast<TaskButton *>(window.nowView()->taskButton(t.id));
        QVERIFY2(button, qPrintable(t.name));
        QCOMPARE(button->palette().color(QPalette::Button), QColor(t.color));
        const QColor text = button->textColor();
        QVERIFY2(theme::contrastRatio(text, QColor(t.color)) >= 4.5, qPrintable(t.color));

        // Drawn as decided: mostly the task colour, and text pixels in the text colour.
        const QImage image = button->grab().toImage();
        const int area = image.width() * image.height();
        QVERIFY2(pixelsNear(image, QColor(t.color), 2) > area / 3, qPrintable(t.color));
        QVERIFY2(pixelsNear(image, text, 40) >= 20, qPrintable(t.color));
    }

    // The running task: bold, with a ring in the window's text colour around its colour.
    const TaskType &yellow = types.at(0);
    QTest::mouseClick(window.nowView()->taskButton(yellow.id), Qt::LeftButton);
    desk.f.settle();
    auto *running = qobject_cast<TaskButton *>(window.nowView()->taskButton(yellow.id));
    QVERIFY(running->isRunning());
    QVERIFY(running->font().bold());
    const QImage image = running->grab().toImage();
    const QColor ring = window.palette().color(QPalette::WindowText);
    QCOMPARE(QColor(image.pixel(image.width() / 2, 1)).name(), ring.name());
    QCOMPARE(QColor(image.pixel(image.width() / 2, image.height() / 2 - 20)).name(),
             QColor(yellow.color).name());
}

void TestPalette::runningTaskNameReadable_data()
{
    bothPalettesAreReadable_data();
}

void TestPalette::runningTaskNameReadable()
{
    QFETCH(QString, name);
    QApplication::setPalette(paletteNamed(name));
    DemoDesk desk;
    NowView view(*desk.f.async);
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    for (const TaskType &t : desk.f.async->snapshot().activeTaskTypes()) {
        QTest::mouseClick(view.taskButton(t.id), Qt::LeftButton);
        desk.f.settle();
        QLabel *label = nullptr;
        for (QLabel *l : view.findChildren<QLabel *>()) {
            if (l->text() == t.name)
                label = l;
        }
        QVERIFY2(label, qPrintable(t.name));
        const QColor text = label->palette().color(QPalette::WindowText);
        QCOMPARE(text, theme::accentText(QColor(t.color), view.palette()));
        QVERIFY2(theme::contrastRatio(text, view.palette().color(QPalette::Window)) >= 4.5,
                 qPrintable(t.color));
        QVERIFY2(pixelsNear(label->grab().toImage(), text, 30) >= 10, qPrintable(t.color));
    }
    // Switching the palette while it runs recolours the name for the new background.
    const QString other =
        name == QLatin1String("dark") ? QStringLiteral("light") : QStringLiteral("dark");
    QApplication::setPalette(paletteNamed(other));
    QCoreApplication::processEvents();
    const QString runningName = desk.f.async->snapshot().taskTypeName(desk.f.running()->taskTypeId);
    int found = 0;
    for (QLabel *l : view.findChildren<QLabel *>()) {
        if (l->text() != runningName)
            continue;
        ++found;
        const QColor text = l->palette().color(QPalette::WindowText);
        QCOMPARE(text, theme::accentText(QColor(kTaskColours.last()), paletteNamed(other)));
        QVERIFY(theme::contrastRatio(text, paletteNamed(other).color(QPalette::Window)) >= 4.5);
    }
    QCOMPARE(found, 1);
}

void TestPalette::errorLabelsFollowThePalette()
{
    QApplication::setPalette(theme::lightPalette());
    GuiFixture f;
    SettingsDialog dialog(*f.async);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QList<QLabel *> labels = errorLabels(&dialog);
    QCOMPARE(labels.size(), 1);
    QLabel *error = labels.constFirst();
    error->setText(QStringLiteral("Something went wrong here"));
    QCoreApplication::processEvents();
    const QColor light = error->palette().color(QPalette::WindowText);
    QVERIFY(theme::contrastRatio(light, dialog.palette().color(QPalette::Window)) >= 4.5);
    QVERIFY(pixelsNear(error->grab().toImage(), light, 30) >= 10);

    QApplication::setPalette(theme::darkPalette());
    QCoreApplication::processEvents();
    const QColor dark = error->palette().color(QPalette::WindowText);
    QVERIFY(dark != light);
    QCOMPARE(dark, theme::errorText(theme::darkPalette()));
    QVERIFY(theme::contrastRatio(dark, dialog.palette().color(QPalette::Window)) >= 4.5);
    QVERIFY(pixelsNear(error->grab().toImage(), dark, 30) >= 10);
    // The other roles still follow the application: the label's background is the dark one.
    QCOMPARE(error->palette().color(QPalette::Window),
             theme::darkPalette().color(QPalette::Window));
}

void TestPalette::chartDrawsWithThePalette_data()
{
    bothPalettesAreReadable_data();
}

void TestPalette::chartDrawsWithThePalette()
{
    QFETCH(QString, name);
    QApplication::setPalette(paletteNamed(name));
    BarChart chart;
    chart.resize(500, 300);
    QList<BarChart::Bar> bars;
    for (const QString &c : {QStringLiteral("#ffff00"), QStringLiteral("#000080"),
                             QStringLiteral("#ffffff"), QStringLiteral("#000000")})
        bars.append({QStringLiteral("Task %1").arg(c), 3600.0 + bars.size() * 600,
                     QStringLiteral("1:00"), QColor(c), QString()});
    chart.setBars(bars);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QPalette p = chart.palette();
    const QImage image = chart.grab().toImage();
    const QColor text = theme::chartText(p);
    QVERIFY(pixelsNear(image, text, 30) >= 40);
    // Bars as close to the background as white on white get an outline that shows.
    const QColor base = p.color(QPalette::Base);
    for (const BarChart::Bar &bar : bars) {
        const QColor outline = theme::outlineFor(bar.color, base);
        if (theme::contrastRatio(bar.color, base) < 3.0) {
            QVERIFY(outline.isValid());
            QVERIFY(theme::contrastRatio(outline, base) >= 3.0);
            QVERIFY2(pixelsNear(image, outline, 30) >= 20, qPrintable(bar.color.name()));
        } else {
            QVERIFY(!outline.isValid());
        }
    }
    // Empty: the muted message, readable.
    chart.setBars({});
    QVERIFY(pixelsNear(chart.grab().toImage(), theme::chartMutedText(p), 30) >= 10);
}

void TestPalette::swatchesShowOnTheirOwnColour()
{
    for (const QString &c : kTaskColours) {
        const QImage image = theme::swatch(QColor(c)).pixmap(16, 16).toImage();
        const QColor edge(image.pixel(1, 8));
        const QColor middle(image.pixel(8, 8));
        QCOMPARE(middle.name(), c);
        QVERIFY2(theme::contrastRatio(edge, QColor(c)) >= 1.8, qPrintable(c));
    }
}

void TestPalette::trayIconPlaySignShowsOnItsTask()
{
    for (const QString &c : kTaskColours) {
        const QImage image = TrayIcon::icon(c, true).pixmap(48, 48).toImage();
        const QColor face(image.pixel(14, 36)); // inside the circle, beside the play sign
        const QColor play(image.pixel(24, 24));
        QCOMPARE(face.name(), c);
        QVERIFY2(theme::contrastRatio(play, face) >= 4.5, qPrintable(c));
    }
}

void TestPalette::archivedTaskTypesMutedButReadable()
{
    QApplication::setPalette(theme::lightPalette());
    GuiFixture f;
    TaskType archived = *f.store.service->findTaskType(QStringLiteral("Break"));
    archived.archived = true;
    QVERIFY(f.store.service->saveTaskType(archived));
    f.async->refresh();
    f.settle();
    TaskTypesDialog dialog(*f.async);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    f.settle();
    QListWidgetItem *item = nullptr;
    for (int row = 0; row < dialog.list()->count(); ++row) {
        if (dialog.list()->item(row)->text().startsWith(QLatin1String("Break")))
            item = dialog.list()->item(row);
    }
    QVERIFY(item);
    for (const QString &name : {QStringLiteral("light"), QStringLiteral("dark")}) {
        QApplication::setPalette(paletteNamed(name));
        QCoreApplication::processEvents();
        const QColor muted = item->foreground().color();
        QCOMPARE(muted, theme::mutedText(paletteNamed(name)));
        QVERIFY(muted != paletteNamed(name).color(QPalette::Text));
        QVERIFY(theme::contrastRatio(muted, paletteNamed(name).color(QPalette::Base)) >= 4.5);
    }
}

void TestPalette::syncProblemsInTheErrorColour()
{
    QApplication::setPalette(theme::darkPalette());
    GuiFixture f;
    SystemClock local;
    ClockOffset offset;
    MemoryCredentialStore noToken;
    SyncSession session(*f.async, offset, local, f.store.dir.filePath(QStringLiteral("hub")));
    session.setCredentialStore(&noToken, QStringLiteral("hub-token"));
    SyncStatusWidget status(session);
    auto *label = status.findChild<QLabel *>(QStringLiteral("syncStatus"));
    QVERIFY(label);
    const QColor normal = status.palette().color(QPalette::WindowText);
    QCOMPARE(label->palette().color(QPalette::WindowText), normal);

    // Joining without a stored token: not authorised, which the user has to act on.
    QVERIFY(session.configure({SyncMode::Join, QStringLiteral("127.0.0.1"), 7345}));
    QTRY_COMPARE(session.state(), SyncState::Unauthorized);
    const QColor error = label->palette().color(QPalette::WindowText);
    QCOMPARE(error, theme::errorText(theme::darkPalette()));
    QVERIFY(theme::contrastRatio(error, status.palette().color(QPalette::Window)) >= 4.5);

    QVERIFY(session.configure({SyncMode::Off, QString(), 7345}));
    QTRY_COMPARE(session.state(), SyncState::Off);
    QCOMPARE(label->palette().color(QPalette::WindowText), normal);
    f.settle();
}

void TestPalette::noStylesheetWithALiteralColour()
{
    QVERIFY(!hasLiteralColour(qApp->styleSheet()));
    QVERIFY(hasLiteralColour(QStringLiteral("QLabel { color: #c0392b }")));
    QVERIFY(hasLiteralColour(QStringLiteral("background: white")));
    QVERIFY(!hasLiteralColour(QStringLiteral("QLabel { font-weight: bold }")));

    DemoDesk desk;
    MainWindow window(*desk.f.async);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    desk.f.settle();
    // A running timer: the running states are drawn too.
    QTest::mouseClick(
        window.nowView()->taskButton(desk.f.async->snapshot().activeTaskTypes().constFirst().id),
        Qt::LeftButton);
    desk.f.settle();
    QCOMPARE(widgetsWithColourSheets(&window), QStringList());

    QList<QWidget *> dialogs;
    dialogs << new SettingsDialog(*desk.f.async, &window)
            << new TaskTypesDialog(*desk.f.async, &window)
            << new AwayDialog(desk.f.store.clock.nowMs() - 3'600'000, desk.f.store.clock.nowMs(),
                              &window)
            << new EntryDialog(*desk.f.async, EntryDialog::Mode::Create, TimeEntry(), &window);
    SystemClock local;
    ClockOffset offset;
    SyncSession session(*desk.f.async, offset, local,
                        desk.f.store.dir.filePath(QStringLiteral("hub")));
    dialogs << new SyncSettingsPage(session, &window) << new ConflictsDialog(session, &window);
    for (QWidget *d : dialogs) {
        d->show();
        desk.f.settle();
        QCOMPARE(widgetsWithColourSheets(d), QStringList());
        delete d;
    }
}

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
