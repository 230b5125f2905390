// The protocol's issue-12 messages (docs/PROTOCOL.md): clients:upsert, projects:upsert and
// locks:set with their broadcasts, and an entry's project, tags and billable flag in timer:start,
// timeEntries:create and timeEntries:adjust. Each round-trips, an older peer's message without the
// new fields still reads, and a malformed one is refused naming the event and the field.

#include "ProtocolTestIds.h"
#include "protocol/Answers.h"
#include "protocol/Broadcasts.h"
#include "protocol/Requests.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace st;
using namespace st::protocol;

namespace {

using namespace st::test::protocol_ids;
const QString &kClient = kThird;
const QString &kProject = kFifth;

template <class R> R withEnvelope(R r)
{
    r.opId = kOp;
    r.user = UserRef{kUser, QStringLiteral("Kim")};
    return r;
}

Client client()
{
    Client c;
    c.id = kClient;
    c.name = QStringLiteral("Blue Label");
    c.color = QStringLiteral("#336699");
    c.hourlyRateCents = 9000;
    c.updatedAt = kT;
    return c;
}

Project project()
{
    Project p;
    p.id = kProject;
    p.name = QStringLiteral("First Album");
    p.clientId = kClient;
    p.color = QStringLiteral("#996633");
    p.budgetMs = 36'000'000;
    p.updatedAt = kT;
    return p;
}

LockRecord lock()
{
    LockRecord r;
    r.id = kOp;
    r.until = QDate(2026, 10, 31);
    r.previous = QDate(2026, 9, 30);
    r.at = kT;
    r.actorId = kUser;
    r.actorName = QStringLiteral("Kim");
    r.deviceId = QStringLiteral("desk-2");
    r.deviceName = QStringLiteral("Desk 2");
    return r;
}

QList<Request> issue12Requests()
{
    TimerStart start;
    start.entryId = kEntry;
    start.taskTypeId = kType;
    start.projectId = kProject;
    start.tags = {QStringLiteral("vocals"), QStringLiteral("take3")};
    EntryCreate create;
    create.entry = {kEntry, kType, {}, QStringLiteral("mix"), kT, kT + 60'000};
    create.entry.projectId = kProject;
    create.entry.tags = {QStringLiteral("stems")};
    create.entry.billable = false;
    EntryAdjust clear;
    clear.entryId = kEntry;
    clear.projectId = QString(); // cleared
    clear.tags = QStringList();
    clear.reason = QStringLiteral("not for the album");
    ClientUpsert c;
    c.client = client();
    ProjectUpsert p;
    p.project = project();
    LockSet locked;
    locked.untilDay = QDate(2026, 10, 31);
    locked.auditId = kOp;
    LockSet unlocked;
    return {withEnvelope(start), withEnvelope(create), withEnvelope(clear),   withEnvelope(c),
            withEnvelope(p),     withEnvelope(locked), withEnvelope(unlocked)};
}

QString messageOf(const Result<Request> &r)
{
    return r ? QString() : r.error().message;
}

} // namespace

class TestProtocolProjects final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestsRoundTrip()
    {
        for (const Request &request : issue12Requests()) {
            const Event event = eventOf(request);
            const QJsonObject wire = encode(request);
            auto decoded = decodeRequest(event, wire);
            QVERIFY2(decoded, qPrintable(eventName(event) + QLatin1Char(' ') + messageOf(decoded)));
            QCOMPARE(encode(decoded.value()), wire);
        }
        const QList<Request> all = issue12Requests();
        const auto start =
            std::get<TimerStart>(decodeRequest(Event::TimerStart, encode(all.at(0))).value());
        QCOMPARE(start.projectId, kProject);
        QCOMPARE(start.tags, (QStringList{QStringLiteral("vocals"), QStringLiteral("take3")}));
        const auto create =
            std::get<EntryCreate>(decodeRequest(Event::EntryCreate, encode(all.at(1))).value());
        QCOMPARE(create.entry.billable, false);
        QCOMPARE(create.entry.projectId, kProject);
        // A cleared project is sent as null, and read back as "clear", not as "unchanged".
        const QJsonObject clearWire = encode(all.at(2));
        QVERIFY(clearWire.value(QStringLiteral("projectId")).isNull());
        const auto clear =
            std::get<EntryAdjust>(decodeRequest(Event::EntryAdjust, clearWire).value());
        QCOMPARE(clear.projectId, std::optional<QString>(QString()));
        QCOMPARE(clear.tags, std::optional<QStringList>(QStringList()));
        QCOMPARE(
            std::get<ProjectUpsert>(decodeRequest(Event::ProjectUpsert, encode(all.at(4))).value())
                .project.budgetMs,
            std::optional<Ms>(36'000'000));
        QCOMPARE(encode(all.at(5)).value(QStringLiteral("untilDay")).toString(),
                 QStringLiteral("2026-10-31"));
        QVERIFY(encode(all.at(6)).value(QStringLiteral("untilDay")).isNull());
        QCOMPARE(
            std::get<LockSet>(decodeRequest(Event::LockSet, encode(all.at(6))).value()).untilDay,
            std::nullopt);
    }

    void anOlderPeersEntryStillReads()
    {
        // A round-2 desk's timeEntries:create has no project, tags or billable: billable as its
        // task type, no project.
        const QJsonObject old = object(R"({"opId":"5a1e8b6d-6c7f-4b8a-8d3e-2f1a0b9c8d7e",
            "user":{"id":"3e9c6f4b-4a5d-4f6e-8b1c-0d9e8f7a6b5c","name":"Kim"},
            "entry":{"id":"0b6f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f",
            "taskTypeId":"1c7a4d2f-2e3b-4d4c-8f9a-8b7c6d5e4f3a","startedAt":1764316800000,
            "endedAt":1764316890000}})");
        auto decoded = decodeRequest(Event::EntryCreate, old);
        QVERIFY2(decoded, qPrintable(messageOf(decoded)));
        const auto create = std::get<EntryCreate>(decoded.value());
        QVERIFY(create.entry.projectId.isEmpty());
        QVERIFY(create.entry.tags.isEmpty());
        QVERIFY(create.entry.billable);
        // ...and this build writes such an entry exactly as before.
        QVERIFY(!encode(decoded.value())
                     .value(QStringLiteral("entry"))
                     .toObject()
                     .contains(QStringLiteral("billable")));
    }

    void malformedRequestsAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QString>("event");
        QTest::addColumn<QString>("payload");
        QTest::addColumn<QString>("field");
        const QString envelope = QStringLiteral(
            R"("opId":"5a1e8b6d-6c7f-4b8a-8d3e-2f1a0b9c8d7e","user":{"id":"3e9c6f4b-4a5d-4f6e-8b1c-0d9e8f7a6b5c","name":"Kim"})");
        const QString start = QStringLiteral(
            R"("entryId":"0b6f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f","taskTypeId":"1c7a4d2f-2e3b-4d4c-8f9a-8b7c6d5e4f3a")");
        const auto row =
            [&](const char *name, const char *event, const QString &body, const char *field) {
                QTest::newRow(name)
                    << QString::fromLatin1(event)
                    << QLatin1Char('{') + envelope + QLatin1Char(',') + body + QLatin1Char('}')
                    << QString::fromLatin1(field);
            };
        row("tags not a list", "timer:start", start + QStringLiteral(R"(,"tags":"vocals")"),
            "tags");
        row("a tag not text", "timer:start", start + QStringLiteral(R"(,"tags":["a",1])"), "tags");
        row("a tag of two words", "timer:start",
            start + QStringLiteral(R"(,"tags":["lead vocals"])"), "tags");
        row("projectId not a UUID", "timer:start", start + QStringLiteral(R"(,"projectId":"x")"),
            "projectId");
        row("billable not a bool", "timeEntries:create",
            QStringLiteral(
                R"("entry":{"id":"0b6f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f","taskTypeId":"1c7a4d2f-2e3b-4d4c-8f9a-8b7c6d5e4f3a","startedAt":1,"endedAt":2,"billable":"no"})"),
            "billable");
        row("client without a name", "clients:upsert",
            QStringLiteral(
                R"("client":{"id":"2d8b5e3a-3f4c-4e5d-9a0b-9c8d7e6f5a4b","color":"#336699"})"),
            "name");
        row("client rate negative", "clients:upsert",
            QStringLiteral(
                R"("client":{"id":"2d8b5e3a-3f4c-4e5d-9a0b-9c8d7e6f5a4b","name":"B","color":"#336699","hourlyRateCents":-1})"),
            "hourlyRateCents");
        row("project with two budgets", "projects:upsert",
            QStringLiteral(
                R"("project":{"id":"4f0d7a5c-5b6e-4a7f-9c2d-1e0f9a8b7c6d","name":"A","color":"#996633","budgetMs":1000,"budgetCents":100})"),
            "budget");
        row("lock without untilDay", "locks:set", QStringLiteral(R"("auditId":null)"), "untilDay");
        row("lock on no day", "locks:set", QStringLiteral(R"("untilDay":"2026-13-01")"),
            "untilDay");
        row("lock on a time", "locks:set", QStringLiteral(R"("untilDay":1764316800000)"),
            "untilDay");
    }

    void malformedRequestsAreRefusedNamingTheField()
    {
        QFETCH(QString, event);
        QFETCH(QString, payload);
        QFETCH(QString, field);
        const std::optional<Event> e = eventFromName(event);
        QVERIFY(e);
        const QJsonObject wire = QJsonDocument::fromJson(payload.toUtf8()).object();
        QVERIFY2(!wire.isEmpty(), qPrintable(payload));
        auto decoded = decodeRequest(*e, wire);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().code, ErrorCode::Invalid);
        QVERIFY2(decoded.error().message.contains(event), qPrintable(decoded.error().message));
        QVERIFY2(decoded.error().message.contains(field), qPrintable(decoded.error().message));
    }

    void broadcastsAndAnswersRoundTrip()
    {
        const QList<Broadcast> all{ClientChanged{7, client()}, ProjectChanged{8, project()},
                                   LockChanged{9, lock()}};
        for (const Broadcast &b : all) {
            const QJsonObject wire = encode(b);
            auto decoded = decodeBroadcast(eventOf(b), wire);
            QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message));
            QCOMPARE(encode(decoded.value()), wire);
            QCOMPARE(seqOf(decoded.value()), seqOf(b));
        }
        const LockRecord read =
            std::get<LockChanged>(decodeBroadcast(Event::LockChanged, encode(all.at(2))).value())
                .lock;
        QCOMPARE(read.until, lock().until);
        QCOMPARE(read.previous, lock().previous);
        QCOMPARE(read.actorName, QStringLiteral("Kim"));
        QCOMPARE(read.deviceName, QStringLiteral("Desk 2"));
        QCOMPARE(read.at, kT);

        Answer answer;
        answer.seq = 9;
        answer.lock = lock();
        answer.project = project();
        const Answer back = decodeAnswer(encode(answer));
        QVERIFY(back.ok);
        QCOMPARE(back.lock->id, kOp);
        QCOMPARE(back.project->clientId, kClient);
        QVERIFY(!back.client);
    }
};

QTEST_GUILESS_MAIN(TestProtocolProjects)
#include "tst_protocol_projects.moc"
