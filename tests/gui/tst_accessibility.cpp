// Issue 5: every control has an accessible name. Builds the real window over a store with a few
// weeks of demo data, visits each tab and opens each dialog, and asks Qt's accessibility layer
// (what a screen reader reads) for the name of every visible control.

#include "A11yFixture.h"
#include "AwayDialog.h"
#include "HistoryView.h"
#include "NowView.h"
#include "dialogs/EntryDialog.h"
#include "dialogs/SettingsDialog.h"
#include "dialogs/TaskTypesDialog.h"
#include "models/HistoryModel.h"
#include "reports/BarChart.h"
#include "reports/ReportTableModel.h"
#include "reports/ReportsView.h"
#include "sync/ConflictsDialog.h"
#include "timer/DemoData.h"

#include <QDialog>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>

using namespace st;
using namespace st::test;

namespace {

// The demo's few weeks of studio work, with running timers, in the window.
struct DemoApp : AppFixture
{
    DemoApp()
        : AppFixture([](TestStore &store) {
            if (!demo::populate(*store.service, store.userId()).ok())
                qFatal("cannot fill the demo data");
        })
    {}
};

QByteArray report(const QStringList &problems)
{
    return problems.join(QLatin1Char('\n')).toUtf8();
}

QStringList auditShown(QDialog &dialog)
{
    dialog.show();
    QCoreApplication::processEvents();
    const QStringList problems = accessibilityProblems(&dialog);
    dialog.reject();
    return problems;
}

} // namespace

class TestAccessibility final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyTabNamesItsControls();
    void theAuditFindsAnUnnamedControl();
    void runningTimerLabelsHaveNames();
    void theChartDescribesItsBars();
    void entryDialogsNameTheirControls();
    void settingsAndTaskTypesNameTheirControls();
    void awayDialogNamesItsButtons();
    void syncDialogsNameTheirControls();
};

void TestAccessibility::everyTabNamesItsControls()
{
    DemoApp app;
    QVERIFY(app.showActive());
    QTabWidget *tabs = app.window->tabs();
    QCOMPARE(tabs->count(), 3);
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        app.f.settle();
        const QStringList problems = accessibilityProblems(app.window.get());
        QVERIFY2(problems.isEmpty(), report(problems).constData());
    }
}

// The audit is worth something only if it fails where a name is missing.
void TestAccessibility::theAuditFindsAnUnnamedControl()
{
    QDialog dialog;
    dialog.setWindowTitle(QStringLiteral("Probe"));
    auto *edit = new QLineEdit(&dialog);
    edit->setObjectName(QStringLiteral("unnamed"));
    dialog.show();
    QStringList problems = accessibilityProblems(&dialog);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().contains(QStringLiteral("QLineEdit 'unnamed'")));
    QVERIFY(problems.first().contains(QStringLiteral("in 'Probe'")));

    // A colour code is not a name; a buddy label is.
    auto *colour = new QPushButton(QStringLiteral("#59a14f"), &dialog);
    colour->show();
    auto *label = new QLabel(QStringLiteral("&Note:"), &dialog);
    label->setBuddy(edit);
    problems = accessibilityProblems(&dialog);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().contains(QStringLiteral("#59a14f")));
    QCOMPARE(accessibleText(edit, QAccessible::Name), QStringLiteral("Note:"));
}

void TestAccessibility::runningTimerLabelsHaveNames()
{
    DemoApp app;
    QVERIFY(app.f.async->snapshot().running.has_value());
    QVERIFY(app.showActive());
    NowView *now = app.window->nowView();
    for (QLabel *label : {now->elapsedLabel(), now->costLabel()}) {
        const QString name = accessibleText(label, QAccessible::Name);
        QVERIFY2(isHumanName(name), qPrintable(describe(label)));
        // The number itself stays readable next to its name.
        QCOMPARE(accessibleText(label, QAccessible::Description), label->text());
    }
    QVERIFY(accessibleText(now->elapsedLabel(), QAccessible::Name) !=
            accessibleText(now->costLabel(), QAccessible::Name));
}

void TestAccessibility::theChartDescribesItsBars()
{
    DemoApp app;
    QVERIFY(app.showActive());
    ReportsView *reports = app.window->reportsView();
    app.window->tabs()->setCurrentWidget(reports);
    reports->setGrouping(ReportGrouping::TaskType);
    app.f.settle();
    auto *chart = reports->findChild<BarChart *>();
    QVERIFY(chart);
    QVERIFY(!chart->bars().isEmpty());
    QVERIFY(isHumanName(accessibleText(chart, QAccessible::Name)));
    const QString description = accessibleText(chart, QAccessible::Description);
    for (const BarChart::Bar &bar : chart->bars()) {
        QVERIFY2(description.contains(bar.label), qPrintable(description));
        QVERIFY2(description.contains(bar.valueText), qPrintable(description));
    }
    // The money too, as the table beside it shows it (its last row is the total).
    auto *table = reports->findChild<QTableView *>();
    QVERIFY(table);
    QAbstractItemModel *model = table->model();
    QCOMPARE(model->rowCount(), chart->bars().size() + 1);
    for (int row = 0; row + 1 < model->rowCount(); ++row) {
        const QString cost = model->index(row, ReportTableModel::Cost).data().toString();
        QVERIFY2(description.contains(cost),
                 qPrintable(description + QStringLiteral(" / ") + cost));
    }

    chart->setBars({});
    QVERIFY(!accessibleText(chart, QAccessible::Description).isEmpty());
}

void TestAccessibility::entryDialogsNameTheirControls()
{
    DemoApp app;
    HistoryModel *model = app.window->historyView()->model();
    app.window->historyView()->setPeriod(Period::AllTime);
    app.f.settle();
    QVERIFY(model->rowCount() > 2);
    std::optional<TimeEntry> stopped, running;
    for (int row = 0; row < model->rowCount(); ++row) {
        const TimeEntry e = model->entryAt(row);
        (e.isRunning() ? running : stopped) = e;
    }
    QVERIFY(stopped && running);
    for (const auto &[mode, entry] : {std::pair{EntryDialog::Mode::Adjust, *stopped},
                                      std::pair{EntryDialog::Mode::Adjust, *running},
                                      std::pair{EntryDialog::Mode::Create, *stopped}}) {
        EntryDialog dialog(*app.f.async, mode, entry);
        app.f.settle();
        const QStringList problems = auditShown(dialog);
        QVERIFY2(problems.isEmpty(), report(problems).constData());
    }
}

void TestAccessibility::settingsAndTaskTypesNameTheirControls()
{
    DemoApp app;
    {
        SettingsDialog dialog(*app.f.async);
        const QStringList problems = auditShown(dialog);
        QVERIFY2(problems.isEmpty(), report(problems).constData());
    }
    {
        TaskTypesDialog dialog(*app.f.async);
        app.f.settle();
        const QStringList problems = auditShown(dialog);
        QVERIFY2(problems.isEmpty(), report(problems).constData());
    }
}

void TestAccessibility::awayDialogNamesItsButtons()
{
    const Ms from = QDateTime(QDate(2026, 11, 28), QTime(10, 42)).toMSecsSinceEpoch();
    AwayDialog dialog(from, from + 48 * 60'000);
    const QStringList problems = auditShown(dialog);
    QVERIFY2(problems.isEmpty(), report(problems).constData());
}

void TestAccessibility::syncDialogsNameTheirControls()
{
    DemoApp app;
    QVERIFY(app.showActive());
    // Each way of syncing shows other fields: check them all.
    for (const int mode : {0, 1, 2}) {
        const QString outcome =
            withModalDialog([&app] { app.sync->openSettings(); },
                            [mode](QWidget *dialog) {
                                const QList<QRadioButton *> modes =
                                    dialog->findChildren<QRadioButton *>();
                                if (modes.size() != 3)
                                    return QStringLiteral("expected three ways of syncing");
                                modes.at(mode)->setChecked(true);
                                return accessibilityProblems(dialog).join(QLatin1Char('\n'));
                            });
        QVERIFY2(outcome.isEmpty(), qPrintable(outcome));
    }
    ConflictsDialog conflicts(*app.session);
    const QStringList problems = auditShown(conflicts);
    QVERIFY2(problems.isEmpty(), report(problems).constData());
}

int main(int argc, char *argv[])
{
    // Settings and autostart are read when the dialogs open: keep them out of the user's files.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
    QApplication app(argc, argv);
    TestAccessibility test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_accessibility.moc"
