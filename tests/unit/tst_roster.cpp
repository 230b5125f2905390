// Rooms and people (issue 12, "Rooms and people"; docs/REPORTS.md "Rooms and people"): renamed,
// archived (hidden from pickers, kept on entries), merged (every entry moves, the merged one
// disappears), each audited with who and which device and recorded for sync; every refusal
// (unknown, a name taken, into itself, a locked entry, two running timers) changes nothing. Also
// roster:edit and roster:edited on the wire.
#include "TestStore.h"

#include "protocol/Broadcasts.h"
#include "protocol/Requests.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace st;

namespace {

Ms local(int y, int m, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, mi)).toMSecsSinceEpoch();
}

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// A result's error message, read only when there is one.
template <class T> QString why(const Result<T> &r)
{
    return r ? QString() : r.error().message;
}

// Every row of the tables a roster change touches, as text: equal before and after a refusal.
QString tables(test::TestStore &st)
{
    QString all;
    for (const char *table : {"rooms", "users", "time_entries", "catalog_audit", "meta"}) {
        QSqlQuery q(st.db->connection());
        q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(QLatin1String(table)));
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                all += q.value(i).toString() + QLatin1Char('|');
            all += QLatin1Char('\n');
        }
    }
    return all;
}

Room room(test::TestStore &st, const QString &name)
{
    Room r;
    r.name = name;
    auto saved = st.service->saveRoom(r);
    if (!saved)
        qFatal("saveRoom: %s", qPrintable(saved.error().message));
    return saved.value();
}

TimeEntry added(test::TestStore &st, const QString &userId, const QString &roomId, Ms from)
{
    ManualEntry m;
    m.userId = userId;
    m.taskTypeId = st.typeId(s("Recording"));
    m.roomId = roomId;
    m.startedAt = from;
    m.endedAt = from + 3'600'000;
    auto e = st.service->addManual(m);
    if (!e)
        qFatal("addManual: %s", qPrintable(e.error().message));
    return e.value();
}

QStringList names(const QList<Room> &rooms)
{
    QStringList out;
    for (const Room &r : rooms)
        out << r.name;
    return out;
}

QStringList names(const QList<User> &users)
{
    QStringList out;
    for (const User &u : users)
        out << u.name;
    return out;
}

} // namespace

class TestRoster final : public QObject
{
    Q_OBJECT

    static Ms now() { return local(2025, 11, 28, 15); }

private Q_SLOTS:
    void renameKeepsEntriesAndIsAudited()
    {
        test::TestStore st(now());
        st.service->setDevice(s("desk-1"), s("Studio A desk"));
        const Room a = room(st, s("Room A"));
        const TimeEntry e = added(st, st.userId(), a.id, local(2025, 11, 27, 10));
        QList<Mutation> recorded;
        st.service->setMutationSink([&](const Mutation &m) -> Result<void> {
            recorded.append(m);
            return {};
        });

        auto renamed =
            st.service->renameInRoster(RosterKind::Room, a.id, s(" Live Room "), st.userId());
        QVERIFY2(renamed, qPrintable(why(renamed)));
        QCOMPARE(st.service->room(a.id)->name, s("Live Room"));
        QCOMPARE(st.service->entry(e.id)->roomId, a.id);
        const QList<RosterRecord> trail = st.service->rosterTrail();
        QCOMPARE(trail.size(), 1);
        QCOMPARE(trail.first().action, s("rename"));
        QCOMPARE(trail.first().itemName, s("Room A"));
        QCOMPARE(trail.first().targetName, s("Live Room"));
        QCOMPARE(trail.first().actorName, st.profile.user.name);
        QCOMPARE(trail.first().deviceId, s("desk-1"));
        QCOMPARE(trail.first().deviceName, s("Studio A desk"));
        // Recorded for sync with the trail row's id, so the hub keeps the same row.
        QCOMPARE(recorded.size(), 1);
        QCOMPARE(recorded.first().event(), protocol::Event::RosterEdit);
        const auto &edit = std::get<protocol::RosterEdit>(recorded.first().request);
        QCOMPARE(edit.auditId, trail.first().id);
        QCOMPARE(edit.name, s("Live Room"));

        // A change of case only is a rename too.
        QVERIFY(st.service->renameInRoster(RosterKind::Room, a.id, s("live room"), st.userId()));
        QCOMPARE(st.service->room(a.id)->name, s("live room"));
    }

    void renameRefusalsChangeNothing()
    {
        test::TestStore st(now());
        const Room a = room(st, s("Room A"));
        room(st, s("Room B"));
        const QString before = tables(st);

        auto taken = st.service->renameInRoster(RosterKind::Room, a.id, s("room b"), st.userId());
        QVERIFY(!taken);
        QCOMPARE(taken.error().code, ErrorCode::Conflict);
        QVERIFY2(taken.error().message.contains(s("merge")), qPrintable(taken.error().message));
        auto empty = st.service->renameInRoster(RosterKind::Room, a.id, s("  "), st.userId());
        QVERIFY(!empty);
        QCOMPARE(empty.error().code, ErrorCode::Invalid);
        auto same = st.service->renameInRoster(RosterKind::Room, a.id, s("Room A"), st.userId());
        QVERIFY(!same);
        auto unknown =
            st.service->renameInRoster(RosterKind::Room, newId(), s("Room C"), st.userId());
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
        QCOMPARE(tables(st), before);
    }

    void archiveHidesFromPickersOnly()
    {
        test::TestStore st(now());
        const Room a = room(st, s("Room A"));
        const TimeEntry e = added(st, st.userId(), a.id, local(2025, 11, 27, 10));
        QVERIFY(st.service->archiveInRoster(RosterKind::Room, a.id, true, st.userId()));
        QVERIFY(!names(st.service->rooms(false)).contains(s("Room A")));
        QVERIFY(names(st.service->rooms(true)).contains(s("Room A")));
        QCOMPARE(st.service->entry(e.id)->roomId, a.id); // kept on its entry
        const QString before = tables(st);
        auto twice = st.service->archiveInRoster(RosterKind::Room, a.id, true, st.userId());
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, ErrorCode::Conflict);
        QCOMPARE(tables(st), before);
        QVERIFY(st.service->archiveInRoster(RosterKind::Room, a.id, false, st.userId()));
        QVERIFY(names(st.service->rooms(false)).contains(s("Room A")));
        QCOMPARE(st.service->rosterTrail().size(), 2);

        // People alike.
        auto ben = st.service->ensureUser(s("Ben"));
        QVERIFY(ben);
        QVERIFY(st.service->archiveInRoster(RosterKind::Person, ben->id, true, st.userId()));
        QVERIFY(!names(st.service->users(false)).contains(s("Ben")));
        QVERIFY(names(st.service->users(true)).contains(s("Ben")));
        QVERIFY(st.service->user(ben->id)->archived);
    }

    void mergeMovesEveryEntryAndRemovesTheRoom()
    {
        test::TestStore st(now());
        const Room a = room(st, s("Room A"));
        const Room b = room(st, s("Room B"));
        const TimeEntry one = added(st, st.userId(), a.id, local(2025, 11, 26, 10));
        const TimeEntry two = added(st, st.userId(), a.id, local(2025, 11, 27, 10));
        QVERIFY(st.service->remove(two.id, st.userId(), s("wrong")));
        const TimeEntry three = added(st, st.userId(), b.id, local(2025, 11, 27, 12));

        auto merged = st.service->mergeInRoster(RosterKind::Room, a.id, b.id, st.userId());
        QVERIFY2(merged, qPrintable(why(merged)));
        QCOMPARE(merged->entries, 2); // the deleted one too
        QCOMPARE(merged->targetName, s("Room B"));
        QVERIFY(!st.service->room(a.id));
        QCOMPARE(names(st.service->rooms(true)), QStringList{s("Room B")});
        for (const TimeEntry &e : {one, two, three})
            QCOMPARE(st.service->entry(e.id)->roomId, b.id);
        QCOMPARE(st.service->rosterTrail().last().action, s("merge"));
        QCOMPARE(st.service->rosterTrail().last().itemName, s("Room A"));
    }

    void mergeRefusalsChangeNothing()
    {
        test::TestStore st(now());
        const Room a = room(st, s("Room A"));
        const Room b = room(st, s("Room B"));
        added(st, st.userId(), a.id, local(2025, 11, 25, 10));
        const QString before = tables(st);

        auto itself = st.service->mergeInRoster(RosterKind::Room, a.id, a.id, st.userId());
        QVERIFY(!itself);
        QCOMPARE(itself.error().code, ErrorCode::Invalid);
        QVERIFY(itself.error().message.contains(s("itself")));
        auto unknown = st.service->mergeInRoster(RosterKind::Room, a.id, newId(), st.userId());
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
        QCOMPARE(tables(st), before);

        // A locked entry keeps its room: the merge is refused, naming the locked day.
        QVERIFY(st.service->lockUntil(QDate(2025, 11, 25), st.userId()));
        const QString locked = tables(st);
        auto refused = st.service->mergeInRoster(RosterKind::Room, a.id, b.id, st.userId());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Forbidden);
        QVERIFY2(refused.error().message.contains(s("2025-11-25")),
                 qPrintable(refused.error().message));
        QCOMPARE(tables(st), locked);
        // The other way round moves nothing locked: allowed.
        QVERIFY(st.service->mergeInRoster(RosterKind::Room, b.id, a.id, st.userId()));
    }

    void mergePeople()
    {
        test::TestStore st(now());
        auto ana = st.service->ensureUser(s("Ana"));
        auto anna = st.service->ensureUser(s("Anna"));
        QVERIFY(ana && anna);
        const TimeEntry e = added(st, anna->id, {}, local(2025, 11, 27, 10));
        // Both running: refused (one timer per person).
        QVERIFY(st.service->start({ana->id, st.typeId(s("Recording")), {}, {}, std::nullopt, {}}));
        QVERIFY(st.service->start({anna->id, st.typeId(s("Mixing")), {}, {}, std::nullopt, {}}));
        const QString before = tables(st);
        auto running =
            st.service->mergeInRoster(RosterKind::Person, anna->id, ana->id, st.userId());
        QVERIFY(!running);
        QCOMPARE(running.error().code, ErrorCode::Conflict);
        QCOMPARE(tables(st), before);

        QVERIFY(st.service->stop(ana->id));
        auto merged = st.service->mergeInRoster(RosterKind::Person, anna->id, ana->id, st.userId());
        QVERIFY2(merged, qPrintable(why(merged)));
        QCOMPARE(merged->entries, 2);
        QVERIFY(!st.service->user(anna->id));
        QCOMPARE(st.service->entry(e.id)->userId, ana->id);
        QVERIFY(st.service->running(ana->id)); // Anna's timer is Ana's now

        // Merging away the person at this desk makes the kept one the desk's person.
        QVERIFY(st.service->mergeInRoster(RosterKind::Person, st.userId(), ana->id, ana->id));
        QCOMPARE(profile::currentUserId(*st.db), ana->id);
    }

    void wireRoundTrip()
    {
        protocol::RosterEdit edit;
        edit.opId = newId();
        edit.user = protocol::UserRef{newId(), s("Ana")};
        edit.kind = RosterKind::Person;
        edit.action = s("merge");
        edit.id = newId();
        edit.intoId = newId();
        edit.auditId = newId();
        const auto back =
            protocol::decodeRequest(protocol::Event::RosterEdit, protocol::encode(edit));
        QVERIFY2(back, qPrintable(why(back)));
        const auto &got = std::get<protocol::RosterEdit>(back.value());
        QCOMPARE(got.kind, RosterKind::Person);
        QCOMPARE(got.intoId, edit.intoId);
        QCOMPARE(got.auditId, edit.auditId);

        QJsonObject bad = protocol::encode(edit);
        bad.insert(s("kind"), s("studio"));
        const auto refused = protocol::decodeRequest(protocol::Event::RosterEdit, bad);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(s("kind")), qPrintable(refused.error().message));
        QJsonObject noInto = protocol::encode(edit);
        noInto.remove(s("intoId"));
        QVERIFY(!protocol::decodeRequest(protocol::Event::RosterEdit, noInto));

        RosterRecord r;
        r.id = newId();
        r.kind = RosterKind::Room;
        r.action = s("rename");
        r.itemId = newId();
        r.itemName = s("Room A");
        r.targetId = r.itemId;
        r.targetName = s("Live Room");
        r.at = 1'764'316'800'000;
        r.actorId = newId();
        r.actorName = s("Ana");
        r.deviceId = s("desk-1");
        r.deviceName = s("Studio A desk");
        const auto changed = protocol::decodeBroadcast(
            protocol::Event::RosterEdited,
            protocol::encode(protocol::Broadcast{protocol::RosterEdited{7, r}}));
        QVERIFY2(changed, qPrintable(why(changed)));
        const auto &c = std::get<protocol::RosterEdited>(changed.value());
        QCOMPARE(c.seq, 7);
        QCOMPARE(c.record.targetName, s("Live Room"));
        QCOMPARE(c.record.deviceName, s("Studio A desk"));
        QCOMPARE(protocol::eventName(protocol::Event::RosterEdited), s("roster:edited"));
    }
};

QTEST_GUILESS_MAIN(TestRoster)
#include "tst_roster.moc"
