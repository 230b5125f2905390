// LAN sync in the desktop app (issue 4): SyncSession on the store's worker thread, the Studio
// panel fed from another machine, the status corner across a hub outage, the settings page's
// checks, and a desk running the hub itself.

#include "MainWindow.h"
#include "NowView.h"
#include "TestHub.h"
#include "TestStore.h"
#include "backend/Backend.h"
#include "backend/SyncSession.h"
#include "models/StudioModel.h"
#include "store/Database.h"
#include "sync/ClockOffset.h"
#include "sync/Hub.h"
#include "sync/SyncSettingsPage.h"
#include "sync/SyncStatusWidget.h"
#include "sync/SyncUi.h"
#include "timer/Profile.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace st;
using namespace st::test;

namespace {

constexpr int kWait = 20000;

// The hub on its own database on a loopback port kept across restarts, on the real clock (the
// windows tick on it).
using HubEnv = TestHub<SystemClock>;

// A desk as the app makes it: the store on its worker thread with a HubClock, the sync session,
// and the window with the sync corner.
struct Desk
{
    TestStore store;
    SystemClock local;
    ClockOffset offset;
    HubClock clock{local, offset};
    std::unique_ptr<Backend> async;
    std::unique_ptr<SyncSession> session;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<SyncUi> ui;

    explicit Desk(const QString &userName)
    {
        auto user = store.service->ensureUser(userName);
        if (!user || !profile::setCurrentUser(*store.db, user->id))
            qFatal("cannot set up the desk's user");
        open();
    }
    ~Desk() { close(); }
    // The desktop app opens and quits on this desk's data folder.
    void open()
    {
        // As the app does: the organisation is the one in the store (the hub's, once joined).
        const auto current = profile::ensure(*store.db, local);
        if (!current)
            qFatal("cannot read the desk's profile");
        async = std::make_unique<Backend>(store.path(), clock, current->org.id);
        session = std::make_unique<SyncSession>(*async, offset, local,
                                                store.dir.filePath(QStringLiteral("hub")));
        window = std::make_unique<MainWindow>(*async);
        ui = std::make_unique<SyncUi>(*session, *async, *window);
    }
    void close()
    {
        ui.reset();
        window.reset();
        session.reset();
        async.reset();
    }

    StudioModel *studio() const { return window->nowView()->studioModel(); }
    QString typeId(const QString &name) const
    {
        for (const TaskType &t : async->snapshot().activeTaskTypes()) {
            if (t.name == name)
                return t.id;
        }
        return {};
    }
    QString roomId(const QString &name) const
    {
        for (const Room &r : async->snapshot().activeRooms()) {
            if (r.name == name)
                return r.id;
        }
        return {};
    }
    // The Studio panel's row for a user, as the panel shows it ("" when there is none).
    QString studioRow(const QString &userName) const
    {
        StudioModel *m = studio();
        for (int row = 0; row < m->rowCount(); ++row) {
            if (m->index(row, StudioModel::UserColumn).data().toString() != userName)
                continue;
            QStringList cells;
            for (int c : {StudioModel::UserColumn, StudioModel::TaskColumn, StudioModel::RoomColumn,
                          StudioModel::DeviceColumn})
                cells << m->index(row, c).data().toString();
            return cells.join(QStringLiteral(" | "));
        }
        return {};
    }
    void join(quint16 port, const QString &token)
    {
        const auto r =
            session->configure({SyncMode::Join, QStringLiteral("127.0.0.1"), port}, token);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    }
};

} // namespace

class TstSyncDesktop final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startOnOneDeskShowsInTheOthersStudio();
    void statusShowsPendingWhileTheHubIsDown();
    void settingsPageRefusesBadInput();
    void deskRunsTheHubAndAnotherJoinsWithItsInvite();
    void commandLineChangeWhileTheAppIsClosedReachesTheHub();
};

void TstSyncDesktop::startOnOneDeskShowsInTheOthersStudio()
{
    HubEnv hub;
    Desk ana(QStringLiteral("Ana"));
    Desk ben(QStringLiteral("Ben"));
    ana.join(hub.port, hub.token);
    ben.join(hub.port, hub.token);
    QTRY_COMPARE_WITH_TIMEOUT(ana.session->state(), SyncState::Connected, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(ben.session->state(), SyncState::Connected, kWait);
    QCOMPARE(ana.ui->statusWidget()->text(), SyncStatusWidget::tr("Connected"));
    // Desktop notifications of other machines' timers are on by default, and can be switched off.
    QTRY_VERIFY_WITH_TIMEOUT(ana.async->snapshot().valid, kWait);
    QVERIFY(ana.async->snapshot().prefs.notifyOtherMachines);
    QStringList anaPopups, benPopups;
    ana.ui->setNotifier([&](const QString &, const QString &text) { anaPopups << text; });
    ben.ui->setNotifier([&](const QString &, const QString &text) { benPopups << text; });

    ana.async->addRoom(QStringLiteral("Studio A"));
    QTRY_VERIFY_WITH_TIMEOUT(!ana.roomId(QStringLiteral("Studio A")).isEmpty(), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(!ana.typeId(QStringLiteral("Recording")).isEmpty(), kWait);
    ana.async->start(ana.typeId(QStringLiteral("Recording")),
                     ana.roomId(QStringLiteral("Studio A")));

    // Ben's Studio panel shows Ana's timer with attribution, and the activity is announced.
    const QString expected =
        QStringLiteral("Ana | Recording | Studio A | %1").arg(ana.store.profile.deviceName);
    QTRY_COMPARE_WITH_TIMEOUT(ben.studioRow(QStringLiteral("Ana")), expected, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(
        ben.ui->lastNotification(),
        SyncUi::tr("%1 started %2 in %3")
            .arg(SyncUi::tr("%1 (%2)").arg(QStringLiteral("Ana"), ana.store.profile.deviceName),
                 QStringLiteral("Recording"), QStringLiteral("Studio A")),
        kWait);
    QCOMPARE(benPopups, QStringList{ben.ui->lastNotification()});
    // Ana's own timer is hers, on this machine.
    QTRY_VERIFY_WITH_TIMEOUT(
        ana.studioRow(QStringLiteral("Ana")).endsWith(StudioModel::tr("this machine")), kWait);
    QVERIFY(ana.studioRow(QStringLiteral("Ben")).isEmpty());

    // Ben starts his own timer; Ana sees it. She switched desktop notifications off: the status
    // bar still says it, no notification pops up.
    // (Saved as the settings dialog saves it: through the backend, into the database.)
    Preferences quiet = ana.async->snapshot().prefs;
    quiet.notifyOtherMachines = false;
    bool saved = false;
    ana.async->savePreferences(quiet, nullptr,
                               [&saved](const Result<void> &r) { saved = bool(r); });
    QTRY_VERIFY_WITH_TIMEOUT(saved, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(!ana.async->snapshot().prefs.notifyOtherMachines, kWait);
    ben.async->start(ben.typeId(QStringLiteral("Recording")),
                     ben.roomId(QStringLiteral("Studio A")));
    QTRY_VERIFY_WITH_TIMEOUT(ana.studioRow(QStringLiteral("Ben"))
                                 .startsWith(QStringLiteral("Ben | Recording | Studio A")),
                             kWait);
    QTRY_VERIFY_WITH_TIMEOUT(ana.ui->lastNotification().startsWith(QStringLiteral("Ben")), kWait);
    QVERIFY(anaPopups.isEmpty());
}

void TstSyncDesktop::statusShowsPendingWhileTheHubIsDown()
{
    HubEnv hub;
    Desk ana(QStringLiteral("Ana"));
    ana.join(hub.port, hub.token);
    QTRY_COMPARE_WITH_TIMEOUT(ana.session->state(), SyncState::Connected, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(!ana.typeId(QStringLiteral("Mixing")).isEmpty(), kWait);

    hub.stop();
    QTRY_VERIFY_WITH_TIMEOUT(ana.session->state() != SyncState::Connected, kWait);
    ana.async->start(ana.typeId(QStringLiteral("Mixing")), {});
    ana.async->stop();
    QTRY_COMPARE_WITH_TIMEOUT(ana.session->pendingCount(), 2, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(ana.session->state(), SyncState::Offline, kWait);
    QCOMPARE(ana.ui->statusWidget()->text(),
             SyncStatusWidget::tr("Offline, %n change(s) pending", nullptr, 2));

    hub.start();
    QTRY_COMPARE_WITH_TIMEOUT(ana.session->state(), SyncState::Connected, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(ana.session->pendingCount(), 0, kWait);
    QCOMPARE(ana.ui->statusWidget()->text(), SyncStatusWidget::tr("Connected"));
}

void TstSyncDesktop::settingsPageRefusesBadInput()
{
    Desk ana(QStringLiteral("Ana"));
    SyncSettingsPage page(*ana.session);
    page.joinButton()->setChecked(true);

    page.addressEdit()->clear();
    page.tokenEdit()->setText(QStringLiteral("abc"));
    QVERIFY(!page.apply());
    QVERIFY(page.errorText().contains(QStringLiteral("address")));

    for (const char *bad : {"my hub:7345", "host:port", "host:99999", "http://host/", "a:b:c"}) {
        page.addressEdit()->setText(QString::fromLatin1(bad));
        QVERIFY2(!page.apply(), bad);
        QVERIFY2(page.errorText().contains(QStringLiteral("not a hub address")), bad);
    }

    page.addressEdit()->setText(QStringLiteral("192.168.1.20:7345"));
    page.tokenEdit()->setText(QStringLiteral("   "));
    QVERIFY(!page.apply());
    QVERIFY(page.errorText().contains(QStringLiteral("invite token")));
    page.tokenEdit()->setText(QStringLiteral("two words"));
    QVERIFY(!page.apply());

    // Nothing changed.
    QCOMPARE(ana.session->config().mode, SyncMode::Off);
    QCOMPARE(ana.session->state(), SyncState::Off);

    const auto parsed = syncconfig::parseAddress(QStringLiteral("[::1]:8000"));
    QVERIFY(parsed);
    QCOMPARE(parsed->second, quint16(8000));
    const auto plain = syncconfig::parseAddress(QStringLiteral("studio-desk.local"));
    QVERIFY(plain);
    QCOMPARE(plain->first, QStringLiteral("studio-desk.local"));
    QCOMPARE(plain->second, quint16(7345));
}

void TstSyncDesktop::deskRunsTheHubAndAnotherJoinsWithItsInvite()
{
    Desk ana(QStringLiteral("Ana"));
    Desk ben(QStringLiteral("Ben"));
    QSignalSpy invites(ana.session.get(), &SyncSession::inviteTokenChanged);
    QVERIFY(ana.session->configure({SyncMode::Host, {}, 0}));
    QTRY_COMPARE_WITH_TIMEOUT(ana.session->state(), SyncState::Connected, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(!ana.session->inviteToken().isEmpty(), kWait);
    QVERIFY(ana.session->hubPort() != 0);
    // The hub's organisation is the one this machine had.
    QTRY_COMPARE_WITH_TIMEOUT(ana.async->snapshot().org.name, ana.store.profile.org.name, kWait);

    ben.join(ana.session->hubPort(), ana.session->inviteToken());
    QTRY_COMPARE_WITH_TIMEOUT(ben.session->state(), SyncState::Connected, kWait);
    // Joining merges Ben's "Mastering" into the hub's: start only once Ben's window has the
    // hub's one, or the start names a type the hub does not know and is refused.
    QTRY_COMPARE_WITH_TIMEOUT(ben.typeId(QStringLiteral("Mastering")),
                              ana.typeId(QStringLiteral("Mastering")), kWait);
    ben.async->start(ben.typeId(QStringLiteral("Mastering")), {});
    QTRY_VERIFY_WITH_TIMEOUT(
        ana.studioRow(QStringLiteral("Ben")).startsWith(QStringLiteral("Ben | Mastering")), kWait);

    // TLS by default: the invite code carries the hub's certificate fingerprint, and Ben joined
    // wss:// pinned to it.
    const QString fingerprint = ana.session->inviteToken().section(QLatin1Char('#'), 1);
    QCOMPARE(fingerprint.size(), 64);
    QVERIFY(ben.session->config().tls);
    QCOMPARE(ben.session->config().fingerprint.toHex().toUpper(), fingerprint.toLatin1());

    // A second invite is another token, for the same certificate.
    const QString first = ana.session->inviteToken();
    ana.session->issueInvite();
    QTRY_VERIFY_WITH_TIMEOUT(ana.session->inviteToken() != first, kWait);
    QCOMPARE(ana.session->inviteToken().section(QLatin1Char('#'), 1), fingerprint);

    // The hub made its certificate once: run again, it has the same one.
    QVERIFY(ana.session->configure({SyncMode::Off, {}, 0}));
    QVERIFY(ana.session->configure({SyncMode::Host, {}, 0}));
    QTRY_VERIFY_WITH_TIMEOUT(!ana.session->inviteToken().isEmpty(), kWait);
    QCOMPARE(ana.session->inviteToken().section(QLatin1Char('#'), 1), fingerprint);
}

// A desk button runs `studiotimer start Recording` while the app is closed: the change waits in
// the outbox and reaches the other desks when the app connects again.
void TstSyncDesktop::commandLineChangeWhileTheAppIsClosedReachesTheHub()
{
    HubEnv hub;
    Desk ana(QStringLiteral("Ana"));
    Desk ben(QStringLiteral("Ben"));
    ana.join(hub.port, hub.token);
    ben.join(hub.port, hub.token);
    QTRY_COMPARE_WITH_TIMEOUT(ana.session->state(), SyncState::Connected, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(ben.session->state(), SyncState::Connected, kWait);
    ana.close();

    QProcess cli;
    cli.start(QStringLiteral(STUDIOTIMER_BIN),
              {QStringLiteral("--data-dir"), ana.store.dir.path(), QStringLiteral("start"),
               QStringLiteral("Recording")});
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QVERIFY(ben.studioRow(QStringLiteral("Ana")).isEmpty()); // nobody has sent it yet

    ana.open();
    ana.join(hub.port, hub.token); // the keychain would give the token back; tests have none
    QTRY_VERIFY_WITH_TIMEOUT(
        ben.studioRow(QStringLiteral("Ana")).startsWith(QStringLiteral("Ana | Recording")), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(ana.session->pendingCount(), 0, kWait);
}

int main(int argc, char *argv[])
{
    // Whatever the app writes under XDG_CONFIG_HOME stays out of the user's configuration.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
    QApplication app(argc, argv);
    TstSyncDesktop test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sync_desktop.moc"
