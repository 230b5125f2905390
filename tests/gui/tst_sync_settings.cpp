// Settings → Sync and TLS (issue 15): joining is wss:// pinned to the hub's certificate, the
// fingerprint is shown and editable (hex, colons optional), an invite code fills it in, and plain
// ws:// is only an explicit choice, shown as insecure.
#include "GuiFixture.h"

#include "backend/SyncSession.h"
#include "secrets/CredentialStore.h"
#include "sync/ClockOffset.h"
#include "sync/SyncConfig.h"
#include "sync/SyncSettingsPage.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>

using namespace st;
using namespace st::test;

namespace {

const QString kHex = QStringLiteral("0123456789abcdef").repeated(4); // 64 digits
const QString kOther = QStringLiteral("fedcba9876543210").repeated(4);

struct Desk
{
    GuiFixture f;
    SystemClock local;
    ClockOffset offset;
    MemoryCredentialStore keychain; // as the app without a system keychain
    SyncSession session{*f.async, offset, local, f.store.dir.filePath(QStringLiteral("hub"))};
    Desk() { session.setCredentialStore(&keychain, QStringLiteral("hub-token")); }
    ~Desk() { f.settle(); }
};

QByteArray bytes(const QString &hex)
{
    return QByteArray::fromHex(hex.toLatin1());
}

} // namespace

class TestSyncSettings final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void anInviteCodeFillsTheFingerprint();
    void theFingerprintIsShownAndEditable();
    void plainTextIsAnExplicitChoiceShownAsInsecure();
    void aFingerprintAgainstTheInviteIsRefused();
    void severalHubAddressesSeparatedByCommas();
};

void TestSyncSettings::anInviteCodeFillsTheFingerprint()
{
    Desk desk;
    SyncSettingsPage page(desk.session);
    QVERIFY(page.fingerprintEdit()->text().isEmpty());
    QVERIFY(!page.plainTextBox()->isChecked()); // TLS unless chosen otherwise
    QVERIFY(!page.insecureWarning()->isVisibleTo(&page));

    page.joinButton()->setChecked(true);
    page.addressEdit()->setText(QStringLiteral("127.0.0.1:9"));
    page.tokenEdit()->setText(QStringLiteral("tok3n#") + kHex);
    // The page agrees with the invite code at once, as the hub prints it.
    QCOMPARE(page.fingerprintEdit()->text(), syncconfig::formatFingerprint(bytes(kHex)));
    QVERIFY(page.fingerprintEdit()->text().startsWith(QLatin1String("01:23:45:67")));
    QVERIFY2(page.apply(), qPrintable(page.errorText()));
    QVERIFY(desk.session.config().tls);
    QCOMPARE(desk.session.config().fingerprint, bytes(kHex));
}

void TestSyncSettings::theFingerprintIsShownAndEditable()
{
    Desk desk;
    QVERIFY(
        desk.session.configure({SyncMode::Join, QStringLiteral("127.0.0.1"), 9, true, bytes(kHex)},
                               QStringLiteral("tok3n")));
    {
        SyncSettingsPage page(desk.session);
        QCOMPARE(page.fingerprintEdit()->text(), syncconfig::formatFingerprint(bytes(kHex)));
        QVERIFY(!page.plainTextBox()->isChecked());
        // Another pin typed in lower case without colons: kept (the same hub, no new token).
        page.fingerprintEdit()->setText(kOther);
        QVERIFY2(page.apply(), qPrintable(page.errorText()));
        QCOMPARE(desk.session.config().fingerprint, bytes(kOther));
        QVERIFY(desk.session.config().tls);

        // Not a fingerprint: refused, saying so, nothing changed.
        page.fingerprintEdit()->setText(QStringLiteral("AB:CD"));
        QVERIFY(!page.apply());
        QVERIFY2(!page.errorText().isEmpty(), "no error shown");
        QCOMPARE(desk.session.config().fingerprint, bytes(kOther));
    }
    SyncSettingsPage again(desk.session);
    QCOMPARE(again.fingerprintEdit()->text(), syncconfig::formatFingerprint(bytes(kOther)));
}

void TestSyncSettings::plainTextIsAnExplicitChoiceShownAsInsecure()
{
    Desk desk;
    QVERIFY(
        desk.session.configure({SyncMode::Join, QStringLiteral("127.0.0.1"), 9, true, bytes(kHex)},
                               QStringLiteral("tok3n")));
    {
        SyncSettingsPage page(desk.session);
        page.show();
        QVERIFY(!page.insecureWarning()->isVisible());
        page.plainTextBox()->setChecked(true);
        QVERIFY(page.insecureWarning()->isVisible());
        QVERIFY(page.insecureWarning()->text().contains(QLatin1String("Insecure")));
        QVERIFY(!page.fingerprintEdit()->isEnabled()); // no certificate to pin
        QVERIFY2(page.apply(), qPrintable(page.errorText()));
        QVERIFY(!desk.session.config().tls);
        QVERIFY(desk.session.config().fingerprint.isEmpty());
    }
    // Shown so whenever the page opens (settings saved before TLS existed read as plain too).
    SyncSettingsPage again(desk.session);
    again.show();
    QVERIFY(again.plainTextBox()->isChecked());
    QVERIFY(again.insecureWarning()->isVisible());
    again.plainTextBox()->setChecked(false);
    QVERIFY(!again.insecureWarning()->isVisible());
}

void TestSyncSettings::aFingerprintAgainstTheInviteIsRefused()
{
    Desk desk;
    SyncSettingsPage page(desk.session);
    page.joinButton()->setChecked(true);
    page.addressEdit()->setText(QStringLiteral("127.0.0.1:9"));
    page.tokenEdit()->setText(QStringLiteral("tok3n#") + kHex);
    page.fingerprintEdit()->setText(kOther); // typed over what the invite filled in
    QVERIFY(!page.apply());
    QVERIFY(page.errorText().contains(syncconfig::formatFingerprint(bytes(kHex))));
    QCOMPARE(desk.session.config().mode, SyncMode::Off);
    // The same with plain text ticked after pasting: the invite is for wss://.
    page.fingerprintEdit()->setText(kHex);
    page.plainTextBox()->setChecked(true);
    QVERIFY(!page.apply());
    QCOMPARE(desk.session.config().mode, SyncMode::Off);
}

// Issue 14: the hubs of one database, commas between them, tried in that order; one pinned
// certificate and one token for all of them.
void TestSyncSettings::severalHubAddressesSeparatedByCommas()
{
    Desk desk;
    const QList<HubEndpoint> two{{QStringLiteral("127.0.0.1"), 9},
                                 {QStringLiteral("hub-b.lan"), 7400}};
    {
        SyncSettingsPage page(desk.session);
        page.joinButton()->setChecked(true);
        page.addressEdit()->setText(QStringLiteral(" 127.0.0.1:9 ,hub-b.lan:7400, 127.0.0.1:9,"));
        page.tokenEdit()->setText(QStringLiteral("tok3n#") + kHex);
        QVERIFY2(page.apply(), qPrintable(page.errorText()));
        QCOMPARE(syncconfig::hubs(desk.session.config()), two);
        QCOMPARE(desk.session.config().fingerprint, bytes(kHex)); // for both

        // The status names the hub in use among them.
        auto *status = page.findChild<QLabel *>(QStringLiteral("status"));
        QVERIFY(status);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("(hub in use: wss://")),
                                 10000);

        // One bad address among them: refused, saying which, nothing changed.
        page.addressEdit()->setText(QStringLiteral("127.0.0.1:9, hub b.lan"));
        QVERIFY(!page.apply());
        QVERIFY2(page.errorText().contains(QLatin1String("hub b.lan")),
                 qPrintable(page.errorText()));
        QCOMPARE(syncconfig::hubs(desk.session.config()), two);
        page.addressEdit()->setText(QStringLiteral("127.0.0.1:9,,hub-b.lan:7400"));
        QVERIFY(!page.apply());
        QCOMPARE(syncconfig::hubs(desk.session.config()), two);

        // One more hub of the same database: no new token asked for.
        page.addressEdit()->setText(QStringLiteral("127.0.0.1:9, hub-b.lan:7400, hub-c.lan"));
        QVERIFY(page.tokenEdit()->text().isEmpty());
        QVERIFY2(page.apply(), qPrintable(page.errorText()));
        QCOMPARE(desk.session.config().moreHubs.size(), 2);
        QCOMPARE(desk.session.config().fingerprint, bytes(kHex));

        // Other hubs altogether: that is another database, and needs its token.
        page.addressEdit()->setText(QStringLiteral("10.0.0.7"));
        QVERIFY(!page.apply());
        QCOMPARE(desk.session.config().moreHubs.size(), 2);
    }
    SyncSettingsPage again(desk.session);
    QCOMPARE(again.addressEdit()->text(), QStringLiteral("127.0.0.1:9, hub-b.lan:7400, hub-c.lan"));
}

QTEST_MAIN(TestSyncSettings)
#include "tst_sync_settings.moc"
