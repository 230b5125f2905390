// The typed sync protocol (core/protocol): names, encode/decode round trips, every decoder's
// refusals, and docs/PROTOCOL.md kept in step with the enum.

#include "ProtocolTestIds.h"
#include "domain/Json.h"
#include "protocol/Answers.h"
#include "protocol/Broadcasts.h"
#include "protocol/Requests.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace st;
using namespace st::protocol;

namespace {

using namespace st::test::protocol_ids;
const QString &kRoom = kThird;
const QString &kOrg = kFifth;

UserRef kim()
{
    return {kUser, QStringLiteral("Kim")};
}

TimeEntry entry()
{
    TimeEntry e;
    e.id = kEntry;
    e.orgId = kOrg;
    e.userId = kUser;
    e.taskTypeId = kType;
    e.roomId = kRoom;
    e.note = QStringLiteral("take 3");
    e.startedAt = kT;
    e.endedAt = kT + 60'000;
    e.updatedAt = kT + 60'000;
    return e;
}

TaskType taskType()
{
    TaskType t;
    t.id = kType;
    t.name = QStringLiteral("Recording");
    t.color = QStringLiteral("#aa3311");
    t.hourlyRateCents = 6000;
    t.position = 1;
    return t;
}

// One of every change request, as a desk would send it.
QList<Request> everyRequest()
{
    TimerStart start;
    start.opId = kOp;
    start.user = kim();
    start.entryId = kEntry;
    start.taskTypeId = kType;
    start.roomId = kRoom;
    start.note = QStringLiteral("take 3");
    start.startedAt = kT;
    TimerStop stop;
    stop.opId = kOp;
    stop.user = kim();
    stop.at = kT + 1;
    TimerPause pause;
    pause.opId = kOp;
    pause.user = kim();
    pause.entryId = kEntry;
    pause.at = kT + 2;
    pause.baseRev = 4; // the version it was made on
    TimerResume resume;
    resume.opId = kOp;
    resume.user = kim();
    EntryCreate create;
    create.opId = kOp;
    create.user = kim();
    create.entry = {kEntry, kType, {}, QStringLiteral("mix"), kT, kT + 90'000, 5'000};
    EntryAdjust adjust;
    adjust.opId = kOp;
    adjust.user = kim();
    adjust.entryId = kEntry;
    adjust.endedAt = kT + 30'000;
    adjust.roomId = QString(); // clears the room
    adjust.note = QStringLiteral("");
    adjust.reason = QStringLiteral("forgot to stop");
    EntryDelete remove;
    remove.opId = kOp;
    remove.user = kim();
    remove.entryId = kEntry;
    remove.reason = QStringLiteral("duplicate");
    remove.baseRev = 2;
    remove.auditId = QStringLiteral("6c8e2b0d-1a3b-4c7d-8e9f-0a1b2c3d4e5f");
    EntryRestore restore;
    restore.opId = kOp;
    restore.user = kim();
    restore.entryId = kEntry;
    TaskTypeUpsert type;
    type.opId = kOp;
    type.user = kim();
    type.taskType = taskType();
    RoomUpsert room;
    room.opId = kOp;
    room.user = kim();
    room.room = Room{kRoom, {}, QStringLiteral("Studio A"), false, kT};
    return {start, stop, pause, resume, create, adjust, remove, restore, type, room};
}

QList<Broadcast> everyBroadcast()
{
    TimerChanged started;
    started.seq = 7;
    started.entry = entry();
    started.entry.endedAt.reset();
    started.user = kim();
    started.taskType = NamedRef{kType, QStringLiteral("Recording")};
    started.room = NamedRef{kRoom, QStringLiteral("Studio A")};
    started.device = NamedRef{QStringLiteral("d1"), QStringLiteral("Desk 1")};
    TimerChanged stopped = started;
    stopped.event = Event::TimerStopped;
    stopped.entry = entry();
    stopped.room.reset();
    TimerChanged paused = started;
    paused.event = Event::TimerPaused;
    TimerChanged resumed = started;
    resumed.event = Event::TimerResumed;
    AuditRecord row; // the trail row the hub sends with an audited change
    row.id = QStringLiteral("7d9f3c1e-2b4a-4c8d-9e0f-1a2b3c4d5e6f");
    row.entryId = entry().id;
    row.actorId = kim().id;
    row.actorName = kim().name;
    row.deviceId = QStringLiteral("d1");
    row.deviceName = QStringLiteral("Desk 1");
    row.at = kT + 3;
    row.action = QStringLiteral("adjust");
    row.before = audit::entryState(entry());
    row.after = audit::entryState(entry());
    row.reason = QStringLiteral("typo");
    EntryAdjusted adjusted{8,
                           entry(),
                           {kT - 5, std::nullopt, kType, QStringLiteral("old")},
                           QStringLiteral("typo"),
                           kim(),
                           row};
    EntryChanged created{Event::EntryCreated, 9, entry(), kim(), std::nullopt};
    EntryChanged deleted{Event::EntryDeleted, 10, entry(), kim(), std::nullopt};
    deleted.entry.deleted = true;
    EntryChanged restored{Event::EntryRestored, 11, entry(), kim(), row};
    restored.audit->action = QStringLiteral("restore");
    Presence presence{Event::Presence,
                      {{QStringLiteral("d1"), QStringLiteral("Desk 1"), QStringLiteral("Kim"), kT},
                       {QStringLiteral("d2"), QStringLiteral("Desk 2"), QString(), kT + 1}},
                      {}};
    Presence joined{Event::PresenceJoined,
                    {{QStringLiteral("d3"), QStringLiteral("Desk 3"), QString(), kT + 2}},
                    {}};
    Presence changed{Event::PresenceChanged,
                     {{QStringLiteral("d1"), QStringLiteral("Desk 1"), QStringLiteral("Bo"), kT}},
                     {}};
    Presence left{Event::PresenceLeft, {}, {QStringLiteral("d2")}};
    return {started,
            stopped,
            paused,
            resumed,
            adjusted,
            created,
            deleted,
            restored,
            TaskTypeChanged{12, taskType()},
            RoomChanged{13, Room{kRoom, {}, QStringLiteral("Studio A"), false, kT}},
            presence,
            joined,
            changed,
            left};
}

QString messageOf(const Result<Request> &r)
{
    return r ? QString() : r.error().message;
}

} // namespace

class TestProtocol final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesRoundTrip()
    {
        int requests = 0;
        int broadcasts = 0;
        for (Event e : allEvents()) {
            QVERIFY(!eventName(e).isEmpty());
            QCOMPARE(eventFromName(eventName(e)), std::optional<Event>(e));
            QVERIFY(isRequest(e) != isBroadcast(e));
            (isRequest(e) ? requests : broadcasts) += 1;
        }
        QCOMPARE(requests, 16);   // taskTypes:reprice (issue 11), roster:edit (issue 12)
        QCOMPARE(broadcasts, 19); // entries:repriced, roster:edited
        QVERIFY(!eventFromName(u"timers:explode"));
        QVERIFY(!eventFromName(u"Timer:Start")); // names are exact
        QVERIFY(!isMutation(Event::SyncPull));
        QVERIFY(!isChange(Event::Presence));
        QVERIFY(!isChange(Event::PresenceLeft));
        QVERIFY(isPresence(Event::PresenceChanged));
        QVERIFY(!isPresence(Event::RoomChanged));
    }

    void theReferenceDocumentNamesEveryEventAndNoOther()
    {
        QFile file(QStringLiteral(PROTOCOL_DOC));
        QVERIFY2(file.open(QIODevice::ReadOnly), PROTOCOL_DOC);
        const QString doc = QString::fromUtf8(file.readAll());

        QMap<QString, int> sections;
        const QRegularExpression heading(QStringLiteral("^### `([^`]+)`\\s*$"),
                                         QRegularExpression::MultilineOption);
        for (auto it = heading.globalMatch(doc); it.hasNext();)
            sections[it.next().captured(1)] += 1;
        QMap<QString, QString> rows;
        const QRegularExpression row(QStringLiteral("^\\| `([^`]+)` \\| (request|broadcast) \\|"),
                                     QRegularExpression::MultilineOption);
        for (auto it = row.globalMatch(doc); it.hasNext();) {
            const auto m = it.next();
            rows.insert(m.captured(1), m.captured(2));
        }
        for (Event e : allEvents()) {
            const QString name = eventName(e);
            QVERIFY2(sections.value(name) == 1, qPrintable(name + QStringLiteral(": no section")));
            QVERIFY2(rows.contains(name), qPrintable(name + QStringLiteral(": no summary row")));
            QCOMPARE(rows.value(name),
                     isRequest(e) ? QStringLiteral("request") : QStringLiteral("broadcast"));
        }
        for (const QString &name : sections.keys())
            QVERIFY2(eventFromName(name), qPrintable(name + QStringLiteral(": not an event")));
        for (const QString &name : rows.keys())
            QVERIFY2(eventFromName(name), qPrintable(name + QStringLiteral(": not an event")));
        // Anything written like an event name anywhere in the text is one.
        const QRegularExpression named(QStringLiteral("`([A-Za-z]+:[A-Za-z]+)`"));
        for (auto it = named.globalMatch(doc); it.hasNext();) {
            const QString name = it.next().captured(1);
            QVERIFY2(eventFromName(name), qPrintable(name + QStringLiteral(": not an event")));
        }
    }

    void requestsRoundTrip()
    {
        for (const Request &request : everyRequest()) {
            const Event event = eventOf(request);
            const QJsonObject wire = encode(request);
            auto decoded = decodeRequest(event, wire);
            QVERIFY2(decoded, qPrintable(eventName(event) + QLatin1Char(' ') + messageOf(decoded)));
            QCOMPARE(eventOf(decoded.value()), event);
            QCOMPARE(encode(decoded.value()), wire);
            QCOMPARE(envelopeOf(decoded.value()).opId, kOp);
        }
        const SyncPull pull{42, 10};
        auto decoded = decodeSyncPull(encode(pull));
        QVERIFY(decoded);
        QCOMPARE(decoded->since, 42);
        QCOMPARE(decoded->limit, std::optional<int>(10));
    }

    void requestsKeepTheRoundOneWireShape()
    {
        // As round 1's TimerService wrote them into the outbox (desks of both rounds interoperate).
        const QList<Request> all = everyRequest();
        QJsonObject start = encode(all.at(0));
        QCOMPARE(start, object(R"({"opId":"5a1e8b6d-6c7f-4b8a-8d3e-2f1a0b9c8d7e",
            "user":{"id":"3e9c6f4b-4a5d-4f6e-8b1c-0d9e8f7a6b5c","name":"Kim"},
            "entryId":"0b6f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f",
            "taskTypeId":"1c7a4d2f-2e3b-4d4c-8f9a-8b7c6d5e4f3a",
            "roomId":"2d8b5e3a-3f4c-4e5d-9a0b-9c8d7e6f5a4b","note":"take 3",
            "startedAt":1764316800000})"));
        QCOMPARE(encode(all.at(1)), object(R"({"opId":"5a1e8b6d-6c7f-4b8a-8d3e-2f1a0b9c8d7e",
            "user":{"id":"3e9c6f4b-4a5d-4f6e-8b1c-0d9e8f7a6b5c","name":"Kim"},
            "endedAt":1764316800001})"));
        QCOMPARE(encode(all.at(5)), object(R"({"opId":"5a1e8b6d-6c7f-4b8a-8d3e-2f1a0b9c8d7e",
            "user":{"id":"3e9c6f4b-4a5d-4f6e-8b1c-0d9e8f7a6b5c","name":"Kim"},
            "entryId":"0b6f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f","endedAt":1764316830000,
            "roomId":null,"note":"","reason":"forgot to stop"})"));
        const QJsonObject create = encode(all.at(4));
        QCOMPARE(create.value(QStringLiteral("entry")).toObject(),
                 object(R"({"id":"0b6f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f",
            "taskTypeId":"1c7a4d2f-2e3b-4d4c-8f9a-8b7c6d5e4f3a","note":"mix",
            "startedAt":1764316800000,"endedAt":1764316890000,"pausedMs":5000})"));
        // A change recorded locally has no opId yet, and a catalogue change no user.
        TaskTypeUpsert local;
        local.taskType = taskType();
        const QJsonObject stored = encode(Request(local));
        QCOMPARE(stored.keys(), QStringList{QStringLiteral("taskType")});
        QVERIFY(decodeStoredRequest(Event::TaskTypeUpsert, stored));
        QVERIFY(!decodeRequest(Event::TaskTypeUpsert, stored)); // the hub needs opId and user
    }

    void requestRefusalsNameTheEventAndTheField_data()
    {
        QTest::addColumn<QString>("event");
        QTest::addColumn<QString>("change"); // JSON merged into a valid timer:start / create
        QTest::addColumn<QString>("field");
        const QString start = QStringLiteral("timer:start");
        QTest::newRow("missing opId") << start << QStringLiteral(R"({"opId":null})") << "opId";
        QTest::newRow("user not an object")
            << start << QStringLiteral(R"({"user":"Kim"})") << "user";
        QTest::newRow("user id not a UUID")
            << start << QStringLiteral(R"({"user":{"id":"x","name":"Kim"}})") << "user: id";
        QTest::newRow("user name missing")
            << start << QStringLiteral(R"({"user":{"id":"3e9c6f4b-4a5d-4f6e-8b1c-0d9e8f7a6b5c"}})")
            << "name";
        QTest::newRow("missing taskTypeId")
            << start << QStringLiteral(R"({"taskTypeId":null})") << "taskTypeId";
        QTest::newRow("entryId not a UUID")
            << start << QStringLiteral(R"({"entryId":"123"})") << "entryId";
        QTest::newRow("roomId wrong type")
            << start << QStringLiteral(R"({"roomId":7})") << "roomId";
        QTest::newRow("note wrong type") << start << QStringLiteral(R"({"note":42})") << "note";
        QTest::newRow("startedAt text")
            << start << QStringLiteral(R"({"startedAt":"yesterday"})") << "startedAt";
        QTest::newRow("startedAt fraction")
            << start << QStringLiteral(R"({"startedAt":1.5})") << "startedAt";
        QTest::newRow("startedAt beyond 2^53")
            << start << QStringLiteral(R"({"startedAt":1e300})") << "startedAt";
        const QString create = QStringLiteral("timeEntries:create");
        QTest::newRow("entry not an object")
            << create << QStringLiteral(R"({"entry":[]})") << "entry";
        QTest::newRow("entry.endedAt missing")
            << create << QStringLiteral(R"({"entry":{"id":"0b6f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f",
               "taskTypeId":"1c7a4d2f-2e3b-4d4c-8f9a-8b7c6d5e4f3a","startedAt":5}})")
            << "timeEntries:create.entry: endedAt";
        const QString adjust = QStringLiteral("timeEntries:adjust");
        QTest::newRow("reason missing")
            << adjust << QStringLiteral(R"({"reason":null})") << "reason";
        QTest::newRow("taskTypeId not a UUID")
            << adjust << QStringLiteral(R"({"taskTypeId":"a"})") << "taskTypeId";
        const QString remove = QStringLiteral("timeEntries:delete");
        QTest::newRow("reason wrong type")
            << remove << QStringLiteral(R"({"reason":false})") << "reason";
        QTest::newRow("taskType not an object")
            << QStringLiteral("taskTypes:upsert") << QStringLiteral(R"({"taskType":1})")
            << "taskType";
        QTest::newRow("room name missing")
            << QStringLiteral("rooms:upsert")
            << QStringLiteral(R"({"room":{"id":"2d8b5e3a-3f4c-4e5d-9a0b-9c8d7e6f5a4b"}})")
            << "name";
    }

    void requestRefusalsNameTheEventAndTheField()
    {
        QFETCH(QString, event);
        QFETCH(QString, change);
        QFETCH(QString, field);
        const Event e = *eventFromName(event);
        const QList<Request> all = everyRequest();
        const auto valid = std::find_if(all.cbegin(), all.cend(),
                                        [&](const Request &r) { return eventOf(r) == e; });
        QJsonObject payload = encode(*valid);
        QVERIFY(decodeRequest(e, payload)); // valid before the change
        const QJsonObject patch = QJsonDocument::fromJson(change.toUtf8()).object();
        QVERIFY(!patch.isEmpty());
        for (auto it = patch.begin(); it != patch.end(); ++it) {
            if (it.value().isNull())
                payload.remove(it.key());
            else
                payload.insert(it.key(), it.value());
        }
        const auto decoded = decodeRequest(e, payload);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().code, ErrorCode::Invalid);
        QVERIFY2(decoded.error().message.contains(field), qPrintable(decoded.error().message));
        QVERIFY2(decoded.error().message.startsWith(event), qPrintable(decoded.error().message));
    }

    void oversizeTextIsRefused()
    {
        TimerStart start = std::get<TimerStart>(everyRequest().at(0));
        start.note = QString(validate::kMaxNoteLength + 1, QLatin1Char('n'));
        auto decoded = decodeRequest(Event::TimerStart, encode(Request(start)));
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().message, QStringLiteral("timer:start: note is too long"));
        start.note.clear();
        start.user->name = QString(validate::kMaxNameLength + 1, QLatin1Char('k'));
        decoded = decodeRequest(Event::TimerStart, encode(Request(start)));
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().message, QStringLiteral("timer:start.user: name is too long"));
    }

    void aPayloadThatIsNoObjectIsRefused()
    {
        const auto decoded = decodeRequest(Event::TimerStop, QJsonValue(QStringLiteral("stop")));
        QVERIFY(!decoded);
        QVERIFY(decoded.error().message.startsWith(QLatin1String("timer:stop")));
    }

    void pullRefusals()
    {
        const auto refused = [](const char *json, const char *field) {
            const auto r = decodeSyncPull(object(json));
            return !r && r.error().message.startsWith(QLatin1String("sync:pull")) &&
                   r.error().message.contains(QLatin1String(field));
        };
        QVERIFY(refused(R"({})", "since"));
        QVERIFY(refused(R"({"since":"0"})", "since"));
        QVERIFY(refused(R"({"since":-1})", "since"));
        QVERIFY(refused(R"({"since":0,"limit":0})", "limit"));
        QVERIFY(refused(R"({"since":0,"limit":1001})", "limit"));
        QVERIFY(refused(R"({"since":0,"limit":2.5})", "limit"));
    }

    void broadcastsRoundTrip()
    {
        for (const Broadcast &broadcast : everyBroadcast()) {
            const Event event = eventOf(broadcast);
            QVERIFY(isBroadcast(event));
            const QJsonObject wire = encode(broadcast);
            QCOMPARE(wire.contains(QStringLiteral("seq")), isChange(event));
            auto decoded = decodeBroadcast(event, wire);
            QVERIFY2(decoded, qPrintable(eventName(event)));
            QCOMPARE(eventOf(decoded.value()), event);
            QCOMPARE(seqOf(decoded.value()), seqOf(broadcast));
            QCOMPARE(subjectOf(decoded.value()), subjectOf(broadcast));
            QCOMPARE(encode(decoded.value()), wire);
        }
        // A change log row is the payload without seq, and decodes as well.
        Broadcast created = everyBroadcast().at(5);
        setSeq(created, 0);
        QVERIFY(!encode(created).contains(QStringLiteral("seq")));
        QVERIFY(decodeBroadcast(Event::EntryCreated, encode(created)));
    }

    void broadcastRefusalsNameTheField()
    {
        const QJsonObject started = encode(everyBroadcast().at(0));
        QJsonObject bad = started;
        bad.insert(QStringLiteral("seq"), QStringLiteral("7"));
        auto decoded = decodeBroadcast(Event::TimerStarted, bad);
        QVERIFY(!decoded);
        QVERIFY2(decoded.error().message.contains(QLatin1String("timer:started: seq")),
                 qPrintable(decoded.error().message));
        bad = started;
        bad.remove(QStringLiteral("entry"));
        decoded = decodeBroadcast(Event::TimerStarted, bad);
        QVERIFY(!decoded);
        QVERIFY(decoded.error().message.contains(QLatin1String("entry")));
        bad = started;
        bad.insert(QStringLiteral("entry"), QJsonObject{{QStringLiteral("id"), 7}});
        decoded = decodeBroadcast(Event::TimerStarted, bad);
        QVERIFY(!decoded);
        QVERIFY(decoded.error().message.contains(QLatin1String("\"id\"")));
        bad = started;
        bad.insert(QStringLiteral("device"), QStringLiteral("Desk 1"));
        QVERIFY(!decodeBroadcast(Event::TimerStarted, bad));
        QVERIFY(!decodeBroadcast(Event::Presence, object(R"({"devices":{}})")));
        QVERIFY(!decodeBroadcast(Event::PresenceJoined, object(R"({"devices":[{"name":"x"}]})")));
        QVERIFY(!decodeBroadcast(Event::PresenceLeft, object(R"({"ids":"d1"})")));
        QVERIFY(!decodeBroadcast(Event::PresenceLeft, object(R"({"ids":[7]})")));
        QVERIFY(!decodeBroadcast(Event::TaskTypeChanged, object(R"({"taskType":{"id":"x"}})")));
        // The attribution is optional: a bare entry decodes.
        QVERIFY(decodeBroadcast(
            Event::TimerStarted,
            {{QStringLiteral("seq"), 3}, {QStringLiteral("entry"), json::fromEntry(entry())}}));
    }

    void connectAuthAndVersion()
    {
        const ConnectAuth auth{QStringLiteral("tok"), QStringLiteral("d1"),
                               QStringLiteral("Desk 1"), 12, kVersion};
        auto decoded = decodeConnectAuth(encode(auth));
        QVERIFY(decoded);
        QCOMPARE(decoded->token, QStringLiteral("tok"));
        QCOMPARE(decoded->deviceName, QStringLiteral("Desk 1"));
        QCOMPARE(decoded->since, 12);
        QCOMPARE(decoded->protocol, kVersion);
        // No version: the current one (a plain socket.io-client script, a round-1 desk).
        decoded = decodeConnectAuth(object(R"({"token":"t","deviceId":"d"})"));
        QVERIFY(decoded);
        QCOMPARE(decoded->protocol, kVersion);
        QVERIFY(!decodeConnectAuth(object(R"({"token":"t","deviceId":"d","protocol":"2"})")));
        QVERIFY(!decodeConnectAuth(object(R"({"token":"t","deviceId":""})")));
        QVERIFY(!decodeConnectAuth(object(R"({"token":"t","deviceId":5})")));
        QVERIFY(!decodeConnectAuth(object(R"({"token":"t","deviceId":"d","deviceName":[]})")));
        QVERIFY(!decodeConnectAuth(QJsonObject{
            {QStringLiteral("deviceId"), QString(kMaxDeviceFieldLength + 1, QLatin1Char('d'))}}));

        QVERIFY(isSupportedVersion(1));
        QVERIFY(isSupportedVersion(kVersion));
        QVERIFY(!isSupportedVersion(0));
        QVERIFY(!isSupportedVersion(kVersion + 1));
        const ConnectRefusal refusal = unsupportedProtocol(5);
        QCOMPARE(refusal.message, QStringLiteral("This hub speaks sync protocol 2 and this desk "
                                                 "speaks 5: update Studio Timer."));
        const ConnectRefusal back = decodeConnectRefusal(encode(refusal));
        QCOMPARE(back.reason, ConnectRefusal::Reason::UnsupportedProtocol);
        QCOMPARE(back.hubProtocol, kVersion);
        QCOMPARE(back.deskProtocol, 5);
        QCOMPARE(encode(unauthorized()), object(R"({"message":"unauthorized"})"));
        QCOMPARE(decodeConnectRefusal(encode(unavailable())).reason,
                 ConnectRefusal::Reason::Unavailable);
        QCOMPARE(decodeConnectRefusal(QJsonValue(QStringLiteral("unauthorized"))).reason,
                 ConnectRefusal::Reason::Unauthorized);
        // A connection limit: the hub's sentence, and a code the desk retries on.
        const ConnectRefusal full =
            decodeConnectRefusal(encode(overLimit(QStringLiteral("The hub is full."))));
        QCOMPARE(full.reason, ConnectRefusal::Reason::OverLimit);
        QCOMPARE(full.message, QStringLiteral("The hub is full."));
    }

    void connectAnswer()
    {
        const ConnectAnswer answer{
            QStringLiteral("s"),
            kOrg,
            QStringLiteral("Studio"),
            kT,
            9,
            kVersion,
            QList<PresenceDevice>{
                {QStringLiteral("d1"), QStringLiteral("Desk 1"), QStringLiteral("Kim"), kT}}};
        auto decoded = decodeConnectAnswer(encode(answer));
        QVERIFY(decoded);
        QCOMPARE(decoded->orgId, kOrg);
        QCOMPARE(decoded->head, 9);
        QCOMPARE(decoded->protocol, kVersion);
        QCOMPARE(decoded->presence->size(), 1);
        QCOMPARE(decoded->presence->first().userName, QStringLiteral("Kim"));
        QVERIFY(!decodeConnectAnswer(
            object(R"({"orgId":"4f0d7a5c-5b6e-4a7f-9c2d-1e0f9a8b7c6d","presence":{}})")));
        // A round-1 hub says no version.
        decoded =
            decodeConnectAnswer(object(R"({"orgId":"4f0d7a5c-5b6e-4a7f-9c2d-1e0f9a8b7c6d"})"));
        QVERIFY(decoded);
        QCOMPARE(decoded->protocol, 1);
        QCOMPARE(decoded->head, -1);
        QVERIFY(!decoded->presence); // an older hub: presence broadcasts instead
        const auto refused = decodeConnectAnswer(object(R"({"orgId":"nope"})"));
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QLatin1String("orgId")));
    }

    void presenceDeltasUpdateAList()
    {
        const auto desk = [](const char *id, const char *user) {
            return PresenceDevice{QString::fromLatin1(id), QString::fromLatin1(id),
                                  QString::fromLatin1(user), kT};
        };
        const auto ids = [](const QList<PresenceDevice> &list) {
            QStringList out;
            for (const PresenceDevice &d : list)
                out.append(d.id + QLatin1Char('/') + d.userName);
            return out.join(QLatin1Char(' '));
        };
        QList<PresenceDevice> list{desk("a", ""), desk("b", "")};
        applyPresence(list, {Event::PresenceJoined, {desk("c", ""), desk("a", "Kim")}, {}});
        QCOMPARE(ids(list), QStringLiteral("a/Kim b/ c/"));
        applyPresence(list, {Event::PresenceChanged, {desk("b", "Bo")}, {}});
        QCOMPARE(ids(list), QStringLiteral("a/Kim b/Bo c/"));
        applyPresence(list, {Event::PresenceLeft, {}, {QStringLiteral("a"), QStringLiteral("x")}});
        QCOMPARE(ids(list), QStringLiteral("b/Bo c/"));
        // The full list (an older hub) replaces it.
        applyPresence(list, {Event::Presence, {desk("z", "")}, {}});
        QCOMPARE(ids(list), QStringLiteral("z/"));
    }

    void answersRoundTrip()
    {
        Answer ok;
        ok.seq = 4;
        ok.entry = entry();
        ok.serverTime = kT;
        const Answer back = decodeAnswer(encode(ok));
        QVERIFY(back.ok);
        QCOMPARE(back.seq, 4);
        QCOMPARE(back.entry->id, kEntry);
        QCOMPARE(back.serverTime, std::optional<Ms>(kT));
        QVERIFY(!back.taskType && !back.room);

        const Answer no =
            decodeAnswer(encode(Answer::refused(Error::conflict(QStringLiteral("x")))));
        QVERIFY(!no.ok);
        QCOMPARE(no.error.code, ErrorCode::Conflict);
        QCOMPARE(no.error.message, QStringLiteral("x"));
        // A stale change's refusal carries the current entry and its trail.
        Answer stale = Answer::refused(Error::conflict(QStringLiteral("changed elsewhere")));
        stale.entry = entry();
        stale.entry->rev = 3;
        stale.trail = {*std::get<EntryAdjusted>(everyBroadcast().at(4)).audit};
        const QJsonObject staleWire = encode(stale);
        const Answer staleBack = decodeAnswer(staleWire);
        QVERIFY(!staleBack.ok);
        QCOMPARE(staleBack.error.code, ErrorCode::Conflict);
        QCOMPARE(staleBack.entry->rev, 3);
        QCOMPARE(staleBack.trail.size(), 1);
        QCOMPARE(audit::toWire(staleBack.trail.first()), audit::toWire(stale.trail.first()));
        QCOMPARE(decodeAnswer(encode(Answer::refused(Error{ErrorCode::OpIdReused, {}}))).error.code,
                 ErrorCode::OpIdReused);
        // A refusal without a usable error is an internal one.
        const Answer bare = decodeAnswer(object(R"({"ok":false})"));
        QVERIFY(!bare.ok);
        QCOMPARE(bare.error.code, ErrorCode::Internal);

        PullAnswer page;
        page.changes = {{3, QStringLiteral("room:changed"), encode(everyBroadcast().at(9))},
                        {4, QStringLiteral("something:new"), {}}};
        page.head = 4;
        page.more = true;
        auto pulled = decodePullAnswer(encode(page));
        QVERIFY(pulled);
        QCOMPARE(pulled->changes.size(), 2);
        QCOMPARE(pulled->changes.at(0).event(), std::optional<Event>(Event::RoomChanged));
        QVERIFY(!pulled->changes.at(1).event()); // a later version's change: kept, not known
        QCOMPARE(pulled->head, 4);
        QVERIFY(pulled->more);
        QVERIFY(!decodePullAnswer(encode(Answer::refused(Error::invalid(QStringLiteral("no"))))));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
