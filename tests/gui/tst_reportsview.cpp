// The Reports view on the offscreen platform: the report it shows, its chart and table, its
// export and import, driven through the store's worker thread as in the app.
#include "GuiFixture.h"

#include "MainWindow.h"
#include "reports/BarChart.h"
#include "reports/ReportTableModel.h"
#include "reports/ReportsView.h"

#include <QAbstractItemModelTester>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>

using namespace st;
using namespace st::test;

namespace {

constexpr Ms kHour = 3'600'000;

Ms local(const QDate &day, int hour)
{
    return QDateTime(day, QTime(hour, 0)).toMSecsSinceEpoch();
}

} // namespace

class TestReportsView final : public QObject
{
    Q_OBJECT

    static void add(GuiFixture &f, const QString &type, Ms from, Ms to, const QString &note = {})
    {
        ManualEntry m;
        m.userId = f.store.userId();
        m.taskTypeId = f.typeId(type);
        m.note = note;
        m.startedAt = from;
        m.endedAt = to;
        QVERIFY2(f.store.service->addManual(m).ok(), "seed entry refused");
    }

private Q_SLOTS:
    void showsTheReportAsChartAndTable()
    {
        GuiFixture f;
        const QDate day(2025, 11, 10);
        add(f, QStringLiteral("Recording"), local(day, 9), local(day, 11));
        add(f, QStringLiteral("Mixing"), local(day, 22), local(day.addDays(1), 1));
        ReportsView view(*f.async);
        QAbstractItemModelTester tester(view.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setCustomRange(day, day);
        view.setGrouping(ReportGrouping::TaskType);
        f.settle();

        // The Mixing entry is clipped at midnight: two of its three hours are in the period.
        ReportTableModel *model = view.model();
        QCOMPARE(model->rowCount(), 3); // Recording, Mixing, total
        QCOMPARE(model->index(0, ReportTableModel::Name).data().toString(),
                 QStringLiteral("Recording"));
        QCOMPARE(model->index(1, ReportTableModel::Duration).data().toString(),
                 QStringLiteral("2:00:00"));
        QCOMPARE(model->index(2, ReportTableModel::Name).data().toString(),
                 QStringLiteral("Total"));
        QCOMPARE(model->index(2, 0).data(ReportTableModel::BillableMsRole).toLongLong(), 4 * kHour);
        QCOMPARE(model->index(2, 0).data(ReportTableModel::CostCentsRole).toLongLong(),
                 2 * 6000 + 2 * 5500);
        QCOMPARE(view.chart()->bars().size(), 2);
        QCOMPARE(view.chart()->bars().at(0).color,
                 QColor(f.store.service->findTaskType(QStringLiteral("Recording"))->color));
        QVERIFY(view.totalLabel()->text().contains(QStringLiteral("4:00:00")));

        // By day over two days: the split at midnight shows in both bars.
        view.setCustomRange(day, day.addDays(1));
        view.setGrouping(ReportGrouping::Day);
        f.settle();
        QCOMPARE(view.chart()->bars().size(), 2);
        QCOMPARE(view.chart()->bars().at(1).value, double(kHour));
        QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Day"));

        // The chart draws and answers where its bars are.
        view.resize(900, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.chart()->grab().toImage();
        QVERIFY(!image.isNull());
        QCOMPARE(view.chart()->barAt(QPoint(10, view.chart()->height() - 2)), -1);
        QCOMPARE(view.chart()->barAt(QPoint(10, 12)), 0);
    }

    void exportsThePeriodAndImportsAfterConfirming()
    {
        GuiFixture f;
        const QDate day(2025, 11, 10);
        add(f, QStringLiteral("Recording"), local(day, 9), local(day, 11),
            QStringLiteral("Take 1, \"best\"\nkeep"));
        add(f, QStringLiteral("Mixing"), local(day.addDays(3), 9), local(day.addDays(3), 10));
        ReportsView view(*f.async);
        view.setCustomRange(day, day);
        f.settle();

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("period.csv"));
        QSignalSpy exported(&view, &ReportsView::exported);
        view.exportTo(path, TransferFormat::Csv);
        f.settle();
        QCOMPARE(exported.size(), 1);
        QCOMPARE(exported.first().at(1).toString(), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        // The header and the period's one entry (its note's line break is a bare \n inside quotes):
        // the entry of the 13th is outside the period.
        QCOMPARE(text.count("\r\n"), 2);

        // Imported into another store: nothing until confirmed, then the entry.
        GuiFixture other;
        ReportsView otherView(*other.async);
        QSignalSpy imported(&otherView, &ReportsView::imported);
        QString seen;
        otherView.importFile(path, [&seen](const QString &preview) {
            seen = preview;
            return false;
        });
        other.settle();
        QVERIFY2(seen.contains(QStringLiteral("Would import 1 entries")), qPrintable(seen));
        QCOMPARE(imported.size(), 0);
        QCOMPARE(other.store.service->count({}), 0);

        otherView.importFile(path, [](const QString &) { return true; });
        other.settle();
        other.settle();
        QCOMPARE(imported.size(), 1);
        QVERIFY(imported.first().at(1).toBool());
        QCOMPARE(other.store.service->count({}), 1);

        // A malformed file is refused without asking and changes nothing.
        const QString bad = dir.filePath(QStringLiteral("bad.csv"));
        QFile badFile(bad);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write(text + ",Recording,,,\"unterminated\r\n");
        badFile.close();
        bool asked = false;
        otherView.importFile(bad, [&asked](const QString &) {
            asked = true;
            return true;
        });
        other.settle();
        QVERIFY(!asked);
        QCOMPARE(imported.size(), 2);
        QVERIFY(!imported.last().at(1).toBool());
        QVERIFY(imported.last().at(0).toString().contains(QStringLiteral("Line 4")));
        QCOMPARE(other.store.service->count({}), 1);
    }

    // Issue 12: the rows of a Toggl file whose Task column names none of our task types take the
    // one the import button asks for (the window's `import --task`); without one they are refused.
    void togglRowsTakeTheTaskTypeChosen()
    {
        GuiFixture f;
        ReportsView view(*f.async);
        QSignalSpy imported(&view, &ReportsView::imported);
        const QString path = QStringLiteral(ST_FIXTURES_DIR "/toggl_month.csv");
        bool asked = false;
        view.importFile(path, [&asked](const QString &) {
            asked = true;
            return true;
        });
        f.settle();
        QVERIFY(!asked);
        QCOMPARE(imported.size(), 1);
        QVERIFY(!imported.first().at(1).toBool());
        QVERIFY2(imported.first().at(0).toString().contains(QStringLiteral("Line 2")),
                 qPrintable(imported.first().at(0).toString()));
        QCOMPARE(f.store.service->count({}), 0);

        QString seen;
        view.importFile(
            path,
            [&seen](const QString &preview) {
                seen = preview;
                return true;
            },
            f.typeId(QStringLiteral("Mixing")));
        f.settle();
        f.settle();
        QVERIFY2(seen.contains(QStringLiteral("Would import 36 entries")), qPrintable(seen));
        QCOMPARE(imported.size(), 2);
        QVERIFY2(imported.last().at(1).toBool(), qPrintable(imported.last().at(0).toString()));
        QCOMPARE(f.store.service->count({}), 36);
        EntryFilter mixing;
        mixing.taskTypeIds = {f.typeId(QStringLiteral("Mixing"))};
        QVERIFY(f.store.service->count(mixing) > 0);
    }

    // Issue 16: dates in the locale's format everywhere, as History's table shows them (the
    // period's days were ISO).
    void daysReadInTheLocalesFormat()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        const auto restore = qScopeGuard([before] { QLocale::setDefault(before); });
        GuiFixture f;
        ReportsView view(*f.async);
        view.setCustomRange(QDate(2025, 11, 10), QDate(2025, 11, 16));
        const auto days = view.findChildren<QDateEdit *>();
        QCOMPARE(days.size(), 2);
        QCOMPARE(days.at(0)->text(), QStringLiteral("10/11/2025"));
        QCOMPARE(days.at(1)->text(), QStringLiteral("16/11/2025"));
    }

    // Issue 16: "Export for Toggl…" was cut off. At the size the window opens with, in English
    // and in French, the Reports tab fits without making the window wider, and every button and
    // date shows its whole text.
    void everyLabelFitsAtTheDefaultWindowSize_data() { englishAndFrench(); }
    void everyLabelFitsAtTheDefaultWindowSize()
    {
        QFETCH(QString, translation);
        const Translation language(translation);
        QVERIFY(language.ok());
        GuiFixture f;
        MainWindow window(*f.async);
        const QSize opened = window.size(); // what the window asks for before it is shown
        window.tabs()->setCurrentWidget(window.reportsView());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        f.settle();
        QCOMPARE(window.size(), opened); // nothing had to push the window wider

        ReportsView *view = window.reportsView();
        const QString toggl = ReportsView::tr("Export for Toggl…");
        bool metToggl = false;
        for (QPushButton *button : view->findChildren<QPushButton *>()) {
            metToggl = metToggl || button->text() == toggl;
            QVERIFY2(button->isVisible(), qPrintable(button->text()));
            QVERIFY2(button->width() >= button->sizeHint().width(),
                     qPrintable(QStringLiteral("%1: %2 px wide, needs %3")
                                    .arg(button->text())
                                    .arg(button->width())
                                    .arg(button->sizeHint().width())));
            // Fully inside the view, not pushed past its right edge.
            const QRect inView(button->mapTo(view, QPoint()), button->size());
            QVERIFY2(view->rect().contains(inView), qPrintable(button->text()));
        }
        QVERIFY(metToggl);
        for (QDateEdit *edit : view->findChildren<QDateEdit *>()) {
            const QLineEdit *line = edit->findChild<QLineEdit *>();
            const int needed = line->fontMetrics().horizontalAdvance(line->text());
            // QLineEdit keeps 2 px of margin on each side of its text.
            QVERIFY2(needed + 4 <= line->contentsRect().width(),
                     qPrintable(QStringLiteral("%1: %2 px for %3 px of text")
                                    .arg(line->text())
                                    .arg(line->contentsRect().width())
                                    .arg(needed)));
        }
    }
};

QTEST_MAIN(TestReportsView)
#include "tst_reportsview.moc"
