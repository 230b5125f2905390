// Rooms and people renamed, archived and merged through a real hub and two desks over loopback
// (issue 12, "Rooms and people"; docs/PROTOCOL.md roster:edit / roster:edited): what desk A does
// reaches the hub and desk B, entries follow a merge everywhere, the trail row is the same (by id)
// on both desks with desk A's person and device.

#include "FakeClock.h"
#include "TestDesk.h"
#include "TestHub.h"
#include "store/Repositories.h"

#include <QDateTime>
#include <QTest>

using namespace st;
using namespace st::test;

namespace {

constexpr Ms kHubStart = 1'764'316'800'000; // 2025-11-28T08:00:00Z
constexpr int kWait = 10000;

Ms local(int y, int m, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, mi)).toMSecsSinceEpoch();
}

template <class T> QString why(const Result<T> &r)
{
    return r ? QString() : r.error().message;
}

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestRosterSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void renameAndMergeReachTheOtherDesk()
    {
        TestHub<FakeClock> hub(kHubStart);
        TestDesk a(s("Desk A"), s("Alice"), kHubStart);
        TestDesk b(s("Desk B"), s("Bob"), kHubStart);
        a.connectTo(hub);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        b.connectTo(hub);
        QTRY_VERIFY_WITH_TIMEOUT(b.caughtUp(), kWait);

        Room two;
        two.name = s("Room 2");
        auto roomTwo = a.service->saveRoom(two);
        QVERIFY2(roomTwo, qPrintable(why(roomTwo)));
        Room live;
        live.name = s("Live Room");
        auto liveRoom = a.service->saveRoom(live);
        QVERIFY2(liveRoom, qPrintable(why(liveRoom)));
        auto entry = a.service->addManual({a.userId,
                                           a.typeId(s("Recording")),
                                           roomTwo->id,
                                           {},
                                           local(2025, 11, 27, 10),
                                           local(2025, 11, 27, 11),
                                           {}});
        QVERIFY2(entry, qPrintable(why(entry)));
        QTRY_VERIFY_WITH_TIMEOUT(b.service->entry(entry->id).has_value(), kWait);
        QCOMPARE(b.service->entry(entry->id)->roomId, roomTwo->id);

        // A rename on desk A: desk B shows the new name, with desk A's trail row.
        auto renamed =
            a.service->renameInRoster(RosterKind::Room, liveRoom->id, s("The Live Room"), a.userId);
        QVERIFY2(renamed, qPrintable(why(renamed)));
        QTRY_COMPARE_WITH_TIMEOUT(b.service->room(liveRoom->id)->name, s("The Live Room"), kWait);
        QCOMPARE(b.service->rosterTrail().size(), 1);
        QCOMPARE(b.service->rosterTrail().first().id, renamed->id);
        QCOMPARE(b.service->rosterTrail().first().actorName, s("Alice"));
        QCOMPARE(b.service->rosterTrail().first().deviceName, s("Desk A"));

        // A merge on desk A: the entry is in the kept room at the hub and on desk B, and the
        // merged room is gone everywhere.
        auto merged =
            a.service->mergeInRoster(RosterKind::Room, roomTwo->id, liveRoom->id, a.userId);
        QVERIFY2(merged, qPrintable(why(merged)));
        QCOMPARE(merged->entries, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!b.service->room(roomTwo->id).has_value(), kWait);
        QCOMPARE(b.service->entry(entry->id)->roomId, liveRoom->id);
        QCOMPARE(hub.entry(entry->id)->roomId, liveRoom->id);
        QVERIFY(!CatalogRepository(*hub.db).room(roomTwo->id).value().has_value());
        QCOMPARE(b.service->rooms(true).size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(a.caughtUp(), kWait);
        QCOMPARE(a.service->rosterTrail().size(), 2);
        QCOMPARE(a.outbox->conflicts().size(), 0);

        // People: desk B's person renamed and archived on desk A reaches desk B.
        auto bobs = b.service->addManual({b.userId,
                                          b.typeId(s("Mixing")),
                                          {},
                                          {},
                                          local(2025, 11, 27, 12),
                                          local(2025, 11, 27, 13),
                                          {}});
        QVERIFY2(bobs, qPrintable(why(bobs)));
        QTRY_VERIFY_WITH_TIMEOUT(a.service->user(b.userId).has_value(), kWait);
        QVERIFY(a.service->renameInRoster(RosterKind::Person, b.userId, s("Robert"), a.userId));
        QVERIFY(a.service->archiveInRoster(RosterKind::Person, b.userId, true, a.userId));
        QTRY_VERIFY_WITH_TIMEOUT(b.service->user(b.userId)->archived, kWait);
        QCOMPARE(b.service->user(b.userId)->name, s("Robert"));
        QCOMPARE(b.service->entry(bobs->id)->userId, b.userId);
    }
};

QTEST_GUILESS_MAIN(TestRosterSync)
#include "tst_roster_sync.moc"
