// Help ▸ About (issue 16): version, licence, data folder, hub address, a link.
#include "GuiFixture.h"

#include "dialogs/AboutDialog.h"
#include "sync/SyncConfig.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>

#include <algorithm>

using namespace st;
using namespace st::test;

class TestAbout final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void saysVersionLicenceDataFolderAndHub();
    void theWebsiteLinkIsNotCut();
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

// The keyboard pass (issue 16) found "studiotimer.org: news, help and reporting a" cut at the
// dialog's edge: the label was narrower than its link.
void TestAbout::theWebsiteLinkIsNotCut()
{
    GuiFixture f;
    AboutDialog about(*f.async);
    about.show();
    QVERIFY(QTest::qWaitForWindowExposed(&about));
    f.settle();
    const QString website = AboutDialog::tr("studiotimer.org: news, help and reporting a problem");
    const auto labels = about.findChildren<QLabel *>();
    const auto withLink = std::find_if(labels.begin(), labels.end(), [&website](QLabel *l) {
        return l->text().contains(website.toHtmlEscaped());
    });
    QVERIFY(withLink != labels.end());
    const QLabel *label = *withLink;
    QVERIFY2(label->contentsRect().width() >= label->fontMetrics().horizontalAdvance(website),
             qPrintable(QStringLiteral("%1 px for %2 px of link")
                            .arg(label->contentsRect().width())
                            .arg(label->fontMetrics().horizontalAdvance(website))));
}

QTEST_MAIN(TestAbout)
#include "tst_about.moc"
