// Issue 11: an import or a long export shows a progress bar with Cancel in the window; a
// cancelled import writes nothing, a cancelled export leaves no file.
#include "GuiFixture.h"
#include "TransferProgressDialog.h"
#include "reports/ReportsView.h"

#include <QFile>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QTemporaryDir>

#include <memory>

using namespace st;
using namespace st::test;

namespace {

// Holds the backend's reader or writer until released, so a job queued behind it has not
// started when Cancel is pressed (released on destruction, so the thread is never left stuck).
class Held final
{
public:
    Held(Backend &backend, bool writer, QObject *context)
        : m_semaphore(std::make_shared<QSemaphore>())
    {
        const std::function<int(TimerService &)> job = [held = m_semaphore](TimerService &) {
            held->acquire();
            return 0;
        };
        if (writer)
            backend.write<int>(job, context, [](int) {});
        else
            backend.read<int>(job, context, [](int) {});
    }
    ~Held() { release(); }
    void release()
    {
        if (!m_released)
            m_semaphore->release();
        m_released = true;
    }

private:
    std::shared_ptr<QSemaphore> m_semaphore;
    bool m_released = false;
};

// The one progress dialog left under view once those closed are deleted.
TransferProgressDialog *progressDialog(QWidget &view)
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const auto found = view.findChildren<TransferProgressDialog *>();
    return found.size() == 1 ? found.first() : nullptr;
}

// Waits until the dialog is up (it shows once the job lasts), then presses its Cancel.
void cancel(TransferProgressDialog *dialog)
{
    QVERIFY(dialog);
    QVERIFY(!dialog->isVisible()); // not at once: a short transfer never flashes a window
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->findChild<QProgressBar *>(QStringLiteral("transferProgressBar")));
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("transferCancel"));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(dialog->cancelRequested());
    QVERIFY(!button->isEnabled());
}

} // namespace

class TestTransferProgress final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aCancelledExportLeavesNoFile()
    {
        GuiFixture f;
        ManualEntry m;
        m.userId = f.store.userId();
        m.taskTypeId = f.typeId(QStringLiteral("Recording"));
        m.startedAt = QDateTime(QDate(2025, 11, 10), QTime(9, 0)).toMSecsSinceEpoch();
        m.endedAt = m.startedAt + 3'600'000;
        QVERIFY(f.store.service->addManual(m));
        ReportsView view(*f.async);
        view.setCustomRange(QDate(2025, 11, 10), QDate(2025, 11, 10));
        f.settle();

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("period.csv"));
        QSignalSpy exported(&view, &ReportsView::exported);
        Held reader(*f.async, false, &view);
        view.exportTo(path, TransferFormat::Csv);
        cancel(progressDialog(view));
        reader.release();
        f.settle();
        QCOMPARE(exported.size(), 1);
        QCOMPARE(exported.first().at(1).toString(),
                 QStringLiteral("Cancelled: nothing was exported."));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(progressDialog(view), nullptr); // closed with the answer

        // Not cancelled, the same export writes its file (and shows no dialog: it is short).
        view.exportTo(path, TransferFormat::Csv);
        f.settle();
        QCOMPARE(exported.size(), 2);
        QCOMPARE(exported.last().at(1).toString(), QString());
        QVERIFY(QFile::exists(path));
        QCOMPARE(progressDialog(view), nullptr);
    }

    void aCancelledImportWritesNothing()
    {
        GuiFixture f;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("entries.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("taskType,user,startedAt,endedAt\r\n"
                   "Recording,Ana,2025-11-10T09:00:00+01:00,2025-11-10T10:00:00+01:00\r\n"
                   "Mixing,Ana,2025-11-10T10:00:00+01:00,2025-11-10T11:30:00+01:00\r\n");
        file.close();
        ReportsView view(*f.async);
        f.settle();
        QSignalSpy imported(&view, &ReportsView::imported);

        // Confirmed while the writer is held: Cancel comes before the write starts.
        std::unique_ptr<Held> writer;
        view.importFile(path, [&](const QString &preview) {
            writer = std::make_unique<Held>(*f.async, true, &view);
            return preview.contains(QStringLiteral("Would import 2 entries"));
        });
        QTRY_VERIFY(writer);
        cancel(progressDialog(view));
        writer->release();
        f.settle();
        QCOMPARE(imported.size(), 1);
        QCOMPARE(imported.first().at(0).toString(),
                 QStringLiteral("Cancelled: nothing was imported."));
        QVERIFY(!imported.first().at(1).toBool());
        QCOMPARE(f.store.service->count({}), 0);
        QVERIFY(!f.store.service->findUser(QStringLiteral("Ana"))); // nor its new person
        QCOMPARE(progressDialog(view), nullptr);

        // Not cancelled: both entries.
        view.importFile(path, [](const QString &) { return true; });
        f.settle();
        f.settle();
        QCOMPARE(imported.size(), 2);
        QVERIFY(imported.last().at(1).toBool());
        QCOMPARE(f.store.service->count({}), 2);
    }
};

QTEST_MAIN(TestTransferProgress)
#include "tst_transfer_progress.moc"
