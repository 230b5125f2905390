// The task types dialog and rates (issue 11, docs/REPORTS.md "Rates"): a new rate takes effect
// from the chosen day, the history is shown, and entries already recorded keep their rate.
#include "GuiFixture.h"
#include "dialogs/TaskTypesDialog.h"

#include <QDateEdit>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>

using namespace st;
using namespace st::test;

class TestTaskTypeRates final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aNewRateTakesEffectFromTheChosenDay()
    {
        GuiFixture f; // today: 2025-11-28
        const QString rec = f.typeId(QStringLiteral("Recording"));
        const Ms start = QDateTime(QDate(2025, 11, 10), QTime(10, 0)).toMSecsSinceEpoch();
        auto recorded = f.store.service->addManual(
            {f.store.userId(), rec, {}, {}, start, start + 3'600'000, {}});
        QVERIFY(recorded);
        f.settle();

        TaskTypesDialog dialog(*f.async);
        dialog.list()->setCurrentRow(1); // Recording
        auto *from = dialog.findChild<QDateEdit *>(QStringLiteral("rateFrom"));
        auto *history = dialog.findChild<QLabel *>(QStringLiteral("rateHistory"));
        auto *rate = dialog.findChild<QDoubleSpinBox *>();
        QVERIFY(from && history && rate);
        QCOMPARE(from->date(), QDate(2025, 11, 28));        // today by default
        QCOMPARE(from->maximumDate(), QDate(2025, 11, 28)); // never a later day

        rate->setValue(80);
        from->setDate(QDate(2025, 11, 1));
        dialog.saveCurrent();
        f.settle();
        QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));

        const TaskType type = *f.store.service->taskType(rec);
        QCOMPARE(type.hourlyRateCents, 8000);
        QCOMPARE(type.rates,
                 (QList<RateStep>{{rates::firstDay(), 6000}, {QDate(2025, 11, 1), 8000}}));
        // The entry recorded on the 10th keeps 60.00 although 80.00 applies from the 1st.
        QCOMPARE(f.store.service->entry(recorded->id)->hourlyRateCents, 6000);
        // The history is listed: two rates.
        dialog.list()->setCurrentRow(1);
        QCOMPARE(history->text().count(QLatin1Char('\n')), 1);

        // Changing only the name keeps the history.
        auto *name = dialog.findChild<QLineEdit *>();
        QVERIFY(name);
        name->setText(QStringLiteral("Tracking"));
        dialog.saveCurrent();
        f.settle();
        QCOMPARE(f.store.service->taskType(rec)->rates, type.rates);
    }
};

QTEST_MAIN(TestTaskTypeRates)
#include "tst_task_type_rates.moc"
