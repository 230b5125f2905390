#include "platform/Autostart.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace st;

class TestAutostart : public QObject
{
    Q_OBJECT
    QTemporaryDir m_config;

private Q_SLOTS:
    void initTestCase() { qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8()); }

    void switchingOnWritesAValidDesktopEntryAndOffRemovesIt()
    {
        QVERIFY(!autostart::isEnabled());
        QVERIFY(autostart::entryPath().startsWith(m_config.path()));
        QVERIFY(
            autostart::setEnabled(true, QStringLiteral("/opt/studio \"timer\"/bin/studiotimer")));
        QVERIFY(autostart::isEnabled());

        QFile f(autostart::entryPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString content = QString::fromUtf8(f.readAll());
        QVERIFY2(content.contains(QStringLiteral(
                     "Exec=\"/opt/studio \\\"timer\\\"/bin/studiotimer\" --minimized")),
                 qPrintable(content));
        f.close();

        // The entry passes the same validator the packaging tests use.
        QProcess validate;
        validate.start(QStringLiteral("desktop-file-validate"), {autostart::entryPath()});
        QVERIFY(validate.waitForFinished(30'000));
        QVERIFY2(validate.exitCode() == 0, validate.readAllStandardOutput().constData());

        QVERIFY(autostart::setEnabled(false, {}));
        QVERIFY(!autostart::isEnabled());
        QVERIFY(autostart::setEnabled(false, {})); // already off: still fine
    }
};

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"
