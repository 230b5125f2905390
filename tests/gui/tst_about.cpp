// Help ▸ About (issue 16): version, licence, data folder, hub address, a link.
#include "GuiFixture.h"

#include "dialogs/AboutDialog.h"
#include "sync/SyncConfig.h"

#include <QDir>
#include <QFileInfo>

using namespace st;
using namespace st::test;

class TestAbout final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void saysVersionLicenceDataFolderAndHub();
};

void TestAbout::saysVersionLicenceDataFolderAndHub()
{
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    GuiFixture f;
    {
        AboutDialog about(*f.async);
        f.settle();
        const QString text = about.text();
        QVERIFY2(text.contains(QStringLiteral("9.8.7")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("MIT")));
        QVERIFY(text.contains(QStringLiteral("studiotimer.org")));
        const QString folder =
            QDir::toNativeSeparators(QFileInfo(f.store.db->path()).absolutePath());
        QVERIFY2(text.contains(folder), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("not syncing")));
    }
    SyncConfig config;
    config.mode = SyncMode::Join;
    config.host = QStringLiteral("hub.studio.lan");
    config.port = 7400;
    QVERIFY(syncconfig::save(*f.store.db, config));
    AboutDialog about(*f.async);
    f.settle();
    QVERIFY2(about.text().contains(QStringLiteral("hub.studio.lan:7400")),
             qPrintable(about.text()));
}

QTEST_MAIN(TestAbout)
#include "tst_about.moc"
