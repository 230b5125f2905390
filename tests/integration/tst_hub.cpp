// The hub in process with raw Socket.IO clients over loopback (issue 4, integration tests):
// requests and their data (broadcasts, validation, opIds, pull). Connections: tst_hub_connection.

#include "HubEnv.h"
#include "HubRequests.h"
#include "HubTestClient.h"
#include "store/Repositories.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace st;
using namespace st::test;

class TestHub final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void broadcastWithAttributionToThreeClients();
    void switchStopsRunningEntry();
    void organisationsIsolated();
    void opIdReplayAppliedOnce();
    void requestsValidatedFieldByField();
    void refusedRequestChangesNothing();
    void opIdBoundToItsRequest();
    void stampsAheadOfTheHubRefused();
    void hubRestartKeepsDataAndSeq();
    void syncPullPages();
    void adjustDeleteRestoreAndCatalog();
};

void TestHub::broadcastWithAttributionToThreeClients()
{
    HubEnv env;
    const OrgFixture org = env.org(QStringLiteral("Studio A"));
    HubTestClient c1, c2, c3;
    QVERIFY(c1.join(env.port(), org.token, QStringLiteral("Desk 1")));
    QVERIFY(c2.join(env.port(), org.token, QStringLiteral("Desk 2")));
    QVERIFY(c3.join(env.port(), org.token, QStringLiteral("Desk 3")));

    const QString renee = newId();
    const QString entryId = newId();
    QJsonObject start =
        startPayload(entryId, org.recordingId, user(renee, QStringLiteral("Renée")));
    start.insert(QStringLiteral("note"), QStringLiteral("Vocals"));
    const QJsonObject answer = c1.request(QStringLiteral("timer:start"), start);
    QVERIFY2(isOk(answer), QJsonDocument(answer).toJson().constData());
    QCOMPARE(answer.value(QLatin1String("seq")).toInt(), org.base + 1);
    QCOMPARE(answer.value(QLatin1String("entry")).toObject().value(QLatin1String("id")).toString(),
             entryId);

    for (HubTestClient *c : {&c1, &c2, &c3}) {
        QVERIFY(c->waitForEvent(QStringLiteral("timer:started")));
        const QJsonObject e = c->eventsNamed(QStringLiteral("timer:started")).first();
        QCOMPARE(e.value(QLatin1String("seq")).toInt(), org.base + 1);
        const QJsonObject entry = e.value(QLatin1String("entry")).toObject();
        QCOMPARE(entry.value(QLatin1String("id")).toString(), entryId);
        QCOMPARE(entry.value(QLatin1String("orgId")).toString(), org.id);
        QCOMPARE(entry.value(QLatin1String("userId")).toString(), renee);
        QCOMPARE(entry.value(QLatin1String("note")).toString(), QStringLiteral("Vocals"));
        QVERIFY(entry.value(QLatin1String("endedAt")).isNull());
        QCOMPARE(e.value(QLatin1String("user")).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("Renée"));
        QCOMPARE(
            e.value(QLatin1String("taskType")).toObject().value(QLatin1String("name")).toString(),
            QStringLiteral("Recording"));
        QVERIFY(e.value(QLatin1String("room")).isNull());
        QCOMPARE(
            e.value(QLatin1String("device")).toObject().value(QLatin1String("name")).toString(),
            QStringLiteral("Desk 1"));
    }

    env.clock.advanceMinutes(42);
    const QJsonObject stop =
        c2.request(QStringLiteral("timer:stop"),
                   {{QStringLiteral("opId"), newId()},
                    {QStringLiteral("user"), user(renee, QStringLiteral("Renée"))}});
    QVERIFY(isOk(stop));
    for (HubTestClient *c : {&c1, &c2, &c3}) {
        QVERIFY(c->waitForEvent(QStringLiteral("timer:stopped")));
        const QJsonObject e = c->eventsNamed(QStringLiteral("timer:stopped")).first();
        QCOMPARE(e.value(QLatin1String("seq")).toInt(), org.base + 2);
        QCOMPARE(qint64(e.value(QLatin1String("entry"))
                            .toObject()
                            .value(QLatin1String("endedAt"))
                            .toDouble()),
                 env.clock.nowMs());
        QCOMPARE(
            e.value(QLatin1String("device")).toObject().value(QLatin1String("name")).toString(),
            QStringLiteral("Desk 2"));
    }
}

void TestHub::switchStopsRunningEntry()
{
    HubEnv env;
    const OrgFixture org = env.org(QStringLiteral("Studio A"));
    HubTestClient c1, c2;
    QVERIFY(c1.join(env.port(), org.token, QStringLiteral("Desk 1")));
    QVERIFY(c2.join(env.port(), org.token, QStringLiteral("Desk 2")));
    const QJsonObject u = user(newId(), QStringLiteral("Sam"));
    const QString first = newId();
    QVERIFY(
        isOk(c1.request(QStringLiteral("timer:start"), startPayload(first, org.recordingId, u))));
    env.clock.advanceMinutes(10);
    const QString second = newId();
    QVERIFY(isOk(c1.request(QStringLiteral("timer:start"), startPayload(second, org.mixingId, u))));
    QVERIFY(c2.waitForEvent(QStringLiteral("timer:started"), 2));
    QVERIFY(c2.waitForEvent(QStringLiteral("timer:stopped")));
    const QJsonObject stopped = c2.eventsNamed(QStringLiteral("timer:stopped")).first();
    QCOMPARE(stopped.value(QLatin1String("seq")).toInt(), org.base + 2);
    QCOMPARE(stopped.value(QLatin1String("entry")).toObject().value(QLatin1String("id")).toString(),
             first);
    QCOMPARE(qint64(stopped.value(QLatin1String("entry"))
                        .toObject()
                        .value(QLatin1String("endedAt"))
                        .toDouble()),
             env.clock.nowMs());
    QCOMPARE(
        c2.eventsNamed(QStringLiteral("timer:started")).at(1).value(QLatin1String("seq")).toInt(),
        org.base + 3);

    // Two machines apart: a start stamped before the running one ends at the later start.
    const QJsonObject late = startPayload(newId(), org.recordingId, u);
    QJsonObject earlier = late;
    earlier.insert(QStringLiteral("startedAt"), double(env.clock.nowMs() - 5 * 60'000));
    const QJsonObject answer = c1.request(QStringLiteral("timer:start"), earlier);
    QVERIFY(isOk(answer));
    QCOMPARE(qint64(answer.value(QLatin1String("entry"))
                        .toObject()
                        .value(QLatin1String("endedAt"))
                        .toDouble()),
             env.clock.nowMs());
}

void TestHub::organisationsIsolated()
{
    HubEnv env;
    const OrgFixture a = env.org(QStringLiteral("Studio A"));
    const OrgFixture b = env.org(QStringLiteral("Studio B"));
    HubTestClient a1, a2, b1;
    QVERIFY(a1.join(env.port(), a.token, QStringLiteral("A1")));
    QVERIFY(a2.join(env.port(), a.token, QStringLiteral("A2")));
    QVERIFY(b1.join(env.port(), b.token, QStringLiteral("B1")));
    QCOMPARE(b1.connectAnswer->value(QLatin1String("orgId")).toString(), b.id);

    const QJsonObject alice = user(newId(), QStringLiteral("Alice"));
    const QString entryId = newId();
    QVERIFY(isOk(
        a1.request(QStringLiteral("timer:start"), startPayload(entryId, a.recordingId, alice))));
    QVERIFY(a2.waitForEvent(QStringLiteral("timer:started")));

    // B acts on A's entry, task type and user: all not found, nothing changes.
    const QJsonObject bob = user(newId(), QStringLiteral("Bob"));
    const QJsonObject stop{{QStringLiteral("opId"), newId()},
                           {QStringLiteral("user"), bob},
                           {QStringLiteral("entryId"), entryId}};
    QCOMPARE(errorCode(b1.request(QStringLiteral("timer:stop"), stop)),
             QStringLiteral("not_found"));
    QJsonObject del = stop;
    del.insert(QStringLiteral("opId"), newId());
    QCOMPARE(errorCode(b1.request(QStringLiteral("timeEntries:delete"), del)),
             QStringLiteral("not_found"));
    QJsonObject adjust = stop;
    adjust.insert(QStringLiteral("opId"), newId());
    adjust.insert(QStringLiteral("note"), QStringLiteral("mine now"));
    adjust.insert(QStringLiteral("reason"), QStringLiteral("steal"));
    QCOMPARE(errorCode(b1.request(QStringLiteral("timeEntries:adjust"), adjust)),
             QStringLiteral("not_found"));
    QCOMPARE(errorCode(b1.request(QStringLiteral("timer:start"),
                                  startPayload(newId(), a.recordingId, bob))),
             QStringLiteral("not_found"));
    QCOMPARE(errorCode(b1.request(QStringLiteral("timer:start"),
                                  startPayload(newId(), b.recordingId, alice))),
             QStringLiteral("not_found"));
    QJsonObject type{{QStringLiteral("id"), a.recordingId},
                     {QStringLiteral("name"), QStringLiteral("Hijacked")},
                     {QStringLiteral("color"), QStringLiteral("#000000")},
                     {QStringLiteral("hourlyRateCents"), 1},
                     {QStringLiteral("billable"), true},
                     {QStringLiteral("archived"), false},
                     {QStringLiteral("position"), 0}};
    QCOMPARE(errorCode(b1.request(QStringLiteral("taskTypes:upsert"),
                                  {{QStringLiteral("opId"), newId()},
                                   {QStringLiteral("user"), bob},
                                   {QStringLiteral("taskType"), type}})),
             QStringLiteral("not_found"));

    // B's own work is broadcast to B only, with B's own seq.
    QVERIFY(
        isOk(b1.request(QStringLiteral("timer:start"), startPayload(newId(), b.recordingId, bob))));
    QVERIFY(b1.waitForEvent(QStringLiteral("timer:started")));
    QCOMPARE(b1.eventsNamed(QStringLiteral("timer:started"))
                     .first()
                     .value(QLatin1String("seq"))
                     .toInt() -
                 b.base,
             1);
    const QJsonObject pull =
        b1.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), 0}});
    QCOMPARE(pull.value(QLatin1String("changes")).toArray().size(), b.base + 1);

    // Let any stray event arrive, then check nothing crossed.
    QVERIFY(isOk(a1.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), 0}})));
    QCOMPARE(b1.countChanges(), 1);
    QCOMPARE(a2.countChanges(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(b1.presenceNames(), QStringList{QStringLiteral("B1/Bob")}, 5000);
    // A's entry is untouched.
    auto entry = EntryRepository(*env.db).entry(entryId).value();
    QVERIFY(entry && entry->isRunning() && !entry->deleted && entry->note.isEmpty());
}

void TestHub::opIdReplayAppliedOnce()
{
    HubEnv env;
    const OrgFixture org = env.org(QStringLiteral("Studio A"));
    HubTestClient c1, c2;
    QVERIFY(c1.join(env.port(), org.token, QStringLiteral("Desk 1")));
    QVERIFY(c2.join(env.port(), org.token, QStringLiteral("Desk 2")));
    const QJsonObject payload =
        startPayload(newId(), org.recordingId, user(newId(), QStringLiteral("Kim")));
    const QJsonObject first = c1.request(QStringLiteral("timer:start"), payload);
    QVERIFY(isOk(first));
    const QJsonObject replay = c1.request(QStringLiteral("timer:start"), payload);
    QCOMPARE(replay, first);
    // A replay from another socket (a reconnect) gets the same first answer too.
    QCOMPARE(c2.request(QStringLiteral("timer:start"), payload), first);
    // Flush: a later request's broadcast arrives after any stray replay broadcast would have.
    QVERIFY(isOk(c1.request(QStringLiteral("timer:stop"),
                            {{QStringLiteral("opId"), newId()},
                             {QStringLiteral("user"), payload.value(QLatin1String("user"))}})));
    QVERIFY(c2.waitForEvent(QStringLiteral("timer:stopped")));
    QCOMPARE(c2.eventsNamed(QStringLiteral("timer:started")).size(), 1);
    QCOMPARE(*env.hub->store().head(org.id), org.base + 2);
}

void TestHub::requestsValidatedFieldByField()
{
    HubEnv env;
    const OrgFixture org = env.org(QStringLiteral("Studio A"));
    HubTestClient c;
    QVERIFY(c.join(env.port(), org.token, QStringLiteral("Desk")));
    const QJsonObject u = user(newId(), QStringLiteral("Lee"));
    const auto expectInvalid = [&](const QString &event, const QJsonObject &payload,
                                   const QString &field) {
        const QJsonObject answer = c.request(event, payload);
        QCOMPARE(errorCode(answer), QStringLiteral("invalid"));
        const QString message = answer.value(QLatin1String("error"))
                                    .toObject()
                                    .value(QLatin1String("message"))
                                    .toString();
        QVERIFY2(message.contains(field), qPrintable(message));
    };
    QJsonObject p = startPayload(newId(), org.recordingId, u);
    p.remove(QStringLiteral("opId"));
    expectInvalid(QStringLiteral("timer:start"), p, QStringLiteral("opId"));
    p = startPayload(newId(), org.recordingId, u);
    p.insert(QStringLiteral("user"), QStringLiteral("Lee"));
    expectInvalid(QStringLiteral("timer:start"), p, QStringLiteral("user"));
    p = startPayload(newId(), org.recordingId, user(QStringLiteral("x"), QStringLiteral("Lee")));
    expectInvalid(QStringLiteral("timer:start"), p, QStringLiteral("id"));
    p = startPayload(newId(), org.recordingId, user(newId(), QString()));
    expectInvalid(QStringLiteral("timer:start"), p, QStringLiteral("name"));
    p = startPayload(newId(), org.recordingId, u);
    p.remove(QStringLiteral("taskTypeId"));
    expectInvalid(QStringLiteral("timer:start"), p, QStringLiteral("taskTypeId"));
    p = startPayload(QStringLiteral("123"), org.recordingId, u);
    expectInvalid(QStringLiteral("timer:start"), p, QStringLiteral("entryId"));
    p = startPayload(newId(), org.recordingId, u);
    p.insert(QStringLiteral("startedAt"), QStringLiteral("yesterday"));
    expectInvalid(QStringLiteral("timer:start"), p, QStringLiteral("startedAt"));
    p = startPayload(newId(), org.recordingId, u);
    p.insert(QStringLiteral("startedAt"), 1.5);
    expectInvalid(QStringLiteral("timer:start"), p, QStringLiteral("startedAt"));
    p = startPayload(newId(), org.recordingId, u);
    p.insert(QStringLiteral("note"), 42);
    expectInvalid(QStringLiteral("timer:start"), p, QStringLiteral("note"));
    expectInvalid(
        QStringLiteral("timeEntries:create"),
        {{QStringLiteral("opId"), newId()},
         {QStringLiteral("user"), u},
         {QStringLiteral("entry"), QJsonObject{{QStringLiteral("id"), newId()},
                                               {QStringLiteral("taskTypeId"), org.recordingId}}}},
        QStringLiteral("startedAt"));
    expectInvalid(QStringLiteral("timeEntries:adjust"),
                  {{QStringLiteral("opId"), newId()},
                   {QStringLiteral("user"), u},
                   {QStringLiteral("entryId"), newId()}},
                  QStringLiteral("reason"));
    expectInvalid(QStringLiteral("sync:pull"), {{QStringLiteral("since"), -1}},
                  QStringLiteral("since"));
    expectInvalid(QStringLiteral("sync:pull"), {{QStringLiteral("limit"), 5}},
                  QStringLiteral("since"));
    expectInvalid(QStringLiteral("timers:explode"), {}, QStringLiteral("timers:explode"));

    const QJsonObject notArray = c.request(QStringLiteral("timer:start"), {});
    QCOMPARE(errorCode(notArray), QStringLiteral("invalid"));
    // Invalid requests are answered, never closed, and nothing was written.
    QVERIFY(!c.closed);
    QCOMPARE(*env.hub->store().head(org.id), org.base);
    QCOMPARE(CatalogRepository(*env.db).users(org.id).value().size(), 0);
}

void TestHub::refusedRequestChangesNothing()
{
    HubEnv env;
    const OrgFixture org = env.org(QStringLiteral("Studio A"));
    HubTestClient c;
    QVERIFY(c.join(env.port(), org.token, QStringLiteral("Desk")));
    // Valid shape, refused by the timer rules (no running timer): the new user goes again.
    const QJsonObject answer =
        c.request(QStringLiteral("timer:stop"),
                  {{QStringLiteral("opId"), newId()},
                   {QStringLiteral("user"), user(newId(), QStringLiteral("Ann"))}});
    QCOMPARE(errorCode(answer), QStringLiteral("not_found"));
    QCOMPARE(CatalogRepository(*env.db).users(org.id).value().size(), 0);
    QCOMPARE(*env.hub->store().head(org.id), org.base);

    // A known person renamed by a refused request keeps the name (one transaction).
    const QString annId = newId();
    QVERIFY(isOk(
        c.request(QStringLiteral("timer:start"),
                  startPayload(newId(), org.recordingId, user(annId, QStringLiteral("Ann"))))));
    const qint64 head = *env.hub->store().head(org.id);
    QCOMPARE(
        errorCode(c.request(QStringLiteral("timer:start"),
                            startPayload(newId(), newId(), user(annId, QStringLiteral("Annie"))))),
        QStringLiteral("not_found"));
    const auto ann = CatalogRepository(*env.db).user(annId);
    QVERIFY(ann && *ann);
    QCOMPARE((*ann)->name, QStringLiteral("Ann"));
    QCOMPARE(*env.hub->store().head(org.id), head);
}

void TestHub::opIdBoundToItsRequest()
{
    HubEnv env;
    const OrgFixture org = env.org(QStringLiteral("Studio A"));
    HubTestClient c;
    QVERIFY(c.join(env.port(), org.token, QStringLiteral("Desk")));
    const QString opId = newId();
    const QJsonObject u = user(newId(), QStringLiteral("Kim"));
    const QJsonObject payload = startPayload(newId(), org.recordingId, u, opId);
    const QJsonObject first = c.request(QStringLiteral("timer:start"), payload);
    QVERIFY(isOk(first));
    const qint64 head = *env.hub->store().head(org.id);

    // Another request under the same opId: refused, nothing applied, not the first answer.
    const QJsonObject other = startPayload(newId(), org.mixingId, u, opId);
    const QJsonObject reused = c.request(QStringLiteral("timer:start"), other);
    QCOMPARE(errorCode(reused), QStringLiteral("op_id_reused"));
    QVERIFY(reused.value(QLatin1String("entry")).isUndefined());
    QJsonObject stop{{QStringLiteral("opId"), opId}, {QStringLiteral("user"), u}};
    QCOMPARE(errorCode(c.request(QStringLiteral("timer:stop"), stop)),
             QStringLiteral("op_id_reused"));
    QCOMPARE(*env.hub->store().head(org.id), head);
    const auto running =
        EntryRepository(*env.db).runningEntry(u.value(QLatin1String("id")).toString());
    QVERIFY(running && *running);
    QCOMPARE((*running)->id, payload.value(QLatin1String("entryId")).toString());

    // The identical request, keys in another order, still gets its first answer.
    QJsonObject same;
    for (auto it = payload.begin(); it != payload.end(); ++it)
        same.insert(it.key(), it.value());
    QCOMPARE(c.request(QStringLiteral("timer:start"), same), first);
}

void TestHub::stampsAheadOfTheHubRefused()
{
    HubEnv env;
    const OrgFixture org = env.org(QStringLiteral("Studio A"));
    HubTestClient c;
    QVERIFY(c.join(env.port(), org.token, QStringLiteral("Desk")));
    const QJsonObject u = user(newId(), QStringLiteral("Kim"));
    const Ms now = env.clock.nowMs();
    const auto startAt = [&](Ms at) {
        QJsonObject p = startPayload(newId(), org.recordingId, u);
        p.insert(QStringLiteral("startedAt"), double(at));
        return c.request(QStringLiteral("timer:start"), p);
    };
    QCOMPARE(errorCode(startAt(now + 3'600'000)), QStringLiteral("invalid"));
    QCOMPARE(errorCode(startAt(now + Ms(10) * 365 * 24 * 3'600'000)), QStringLiteral("invalid"));
    QCOMPARE(errorCode(startAt(now + 61'000)), QStringLiteral("invalid"));
    QCOMPARE(*env.hub->store().head(org.id), org.base);
    QCOMPARE(CatalogRepository(*env.db).users(org.id).value().size(), 0);

    // Within a minute (a desk's clock a little ahead) is accepted.
    QVERIFY(isOk(startAt(now + 30'000)));
    // A stop, or a manual entry, stamped an hour ahead: refused; the timer keeps running.
    env.clock.advanceMinutes(5);
    QCOMPARE(errorCode(c.request(QStringLiteral("timer:stop"),
                                 {{QStringLiteral("opId"), newId()},
                                  {QStringLiteral("user"), u},
                                  {QStringLiteral("endedAt"), double(now + 3'600'000)}})),
             QStringLiteral("invalid"));
    QCOMPARE(errorCode(c.request(
                 QStringLiteral("timeEntries:create"),
                 {{QStringLiteral("opId"), newId()},
                  {QStringLiteral("user"), u},
                  {QStringLiteral("entry"),
                   QJsonObject{{QStringLiteral("id"), newId()},
                               {QStringLiteral("taskTypeId"), org.recordingId},
                               {QStringLiteral("startedAt"), double(now + 2 * 3'600'000)},
                               {QStringLiteral("endedAt"), double(now + 3 * 3'600'000)}}}})),
             QStringLiteral("invalid"));
    const auto running =
        EntryRepository(*env.db).runningEntry(u.value(QLatin1String("id")).toString());
    QVERIFY(running && *running);
    QCOMPARE(*env.hub->store().head(org.id), org.base + 1);
}

void TestHub::hubRestartKeepsDataAndSeq()
{
    HubEnv env;
    const OrgFixture org = env.org(QStringLiteral("Studio A"));
    const QJsonObject u = user(newId(), QStringLiteral("Max"));
    const QString entryId = newId();
    const QJsonObject start = startPayload(entryId, org.recordingId, u);
    {
        HubTestClient c;
        QVERIFY(c.join(env.port(), org.token, QStringLiteral("Desk")));
        QVERIFY(isOk(c.request(QStringLiteral("timer:start"), start)));
        env.hub->close();
        QVERIFY(c.waitClosed());
    }
    env.stop();
    env.start();

    HubTestClient c;
    QVERIFY(c.join(env.port(), org.token, QStringLiteral("Desk")));
    QCOMPARE(c.connectAnswer->value(QLatin1String("head")).toInt(), org.base + 1);
    // The opId is remembered across the restart.
    const QJsonObject replay = c.request(QStringLiteral("timer:start"), start);
    QVERIFY(isOk(replay));
    QCOMPARE(replay.value(QLatin1String("seq")).toInt(), org.base + 1);
    env.clock.advanceMinutes(5);
    const QJsonObject stop =
        c.request(QStringLiteral("timer:stop"), {{QStringLiteral("opId"), newId()},
                                                 {QStringLiteral("user"), u},
                                                 {QStringLiteral("entryId"), entryId}});
    QVERIFY(isOk(stop));
    QCOMPARE(stop.value(QLatin1String("seq")).toInt(), org.base + 2);
    const QJsonObject pull = c.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), 0}});
    const QJsonArray changes = pull.value(QLatin1String("changes")).toArray();
    QCOMPARE(changes.size(), org.base + 2);
    QCOMPARE(changes.at(org.base).toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("timer:started"));
    QCOMPARE(changes.at(org.base + 1).toObject().value(QLatin1String("type")).toString(),
             QStringLiteral("timer:stopped"));
}

void TestHub::syncPullPages()
{
    HubEnv env;
    const OrgFixture org = env.org(QStringLiteral("Studio A"));
    HubTestClient c;
    QVERIFY(c.join(env.port(), org.token, QStringLiteral("Desk")));
    const QJsonObject u = user(newId(), QStringLiteral("Pat"));
    for (int i = 0; i < 5; ++i) {
        const QJsonObject room{{QStringLiteral("id"), newId()},
                               {QStringLiteral("name"), QStringLiteral("Room %1").arg(i)}};
        QVERIFY(isOk(c.request(QStringLiteral("rooms:upsert"), {{QStringLiteral("opId"), newId()},
                                                                {QStringLiteral("user"), u},
                                                                {QStringLiteral("room"), room}})));
    }
    qint64 since = 0;
    QList<int> pages;
    QList<qint64> seqs;
    bool more = true;
    while (more) {
        const QJsonObject page =
            c.request(QStringLiteral("sync:pull"),
                      {{QStringLiteral("since"), double(since)}, {QStringLiteral("limit"), 4}});
        QVERIFY(isOk(page));
        QCOMPARE(page.value(QLatin1String("head")).toInt(), org.base + 5);
        const QJsonArray changes = page.value(QLatin1String("changes")).toArray();
        pages.append(int(changes.size()));
        for (const QJsonValue &v : changes) {
            const QJsonObject change = v.toObject();
            seqs.append(qint64(change.value(QLatin1String("seq")).toDouble()));
            // First the organisation's default task types, then the rooms made here.
            const bool isType = seqs.last() <= org.base;
            QCOMPARE(change.value(QLatin1String("type")).toString(),
                     isType ? QStringLiteral("taskType:changed") : QStringLiteral("room:changed"));
            QVERIFY(change.value(QLatin1String("data"))
                        .toObject()
                        .contains(isType ? QLatin1String("taskType") : QLatin1String("room")));
            since = seqs.last();
        }
        more = page.value(QLatin1String("more")).toBool();
    }
    QCOMPARE(pages, (QList<int>{4, 4, 2}));
    QCOMPARE(org.base, 5);
    QCOMPARE(seqs, (QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    const QJsonObject empty =
        c.request(QStringLiteral("sync:pull"), {{QStringLiteral("since"), org.base + 5}});
    QVERIFY(empty.value(QLatin1String("changes")).toArray().isEmpty());
    QVERIFY(!empty.value(QLatin1String("more")).toBool());
}

void TestHub::adjustDeleteRestoreAndCatalog()
{
    HubEnv env;
    const OrgFixture org = env.org(QStringLiteral("Studio A"));
    HubTestClient c1, c2;
    QVERIFY(c1.join(env.port(), org.token, QStringLiteral("Desk 1")));
    QVERIFY(c2.join(env.port(), org.token, QStringLiteral("Desk 2")));
    const QJsonObject u = user(newId(), QStringLiteral("Ines"));
    const QString entryId = newId();
    const Ms start = env.clock.nowMs() - 3 * 3600'000;
    const QJsonObject created =
        c1.request(QStringLiteral("timeEntries:create"),
                   {{QStringLiteral("opId"), newId()},
                    {QStringLiteral("user"), u},
                    {QStringLiteral("entry"),
                     QJsonObject{{QStringLiteral("id"), entryId},
                                 {QStringLiteral("taskTypeId"), org.recordingId},
                                 {QStringLiteral("note"), QStringLiteral("Take 3")},
                                 {QStringLiteral("startedAt"), double(start)},
                                 {QStringLiteral("endedAt"), double(start + 3600'000)},
                                 {QStringLiteral("pausedMs"), 600'000}}}});
    QVERIFY(isOk(created));
    QCOMPARE(
        created.value(QLatin1String("entry")).toObject().value(QLatin1String("pausedMs")).toInt(),
        600'000);
    QVERIFY(c2.waitForEvent(QStringLiteral("entry:created")));

    const QJsonObject adjusted =
        c1.request(QStringLiteral("timeEntries:adjust"),
                   {{QStringLiteral("opId"), newId()},
                    {QStringLiteral("user"), u},
                    {QStringLiteral("entryId"), entryId},
                    {QStringLiteral("taskTypeId"), org.mixingId},
                    {QStringLiteral("reason"), QStringLiteral("Wrong task")}});
    QVERIFY(isOk(adjusted));
    QVERIFY(c2.waitForEvent(QStringLiteral("timer:adjusted")));
    const QJsonObject adj = c2.eventsNamed(QStringLiteral("timer:adjusted")).first();
    QCOMPARE(adj.value(QLatin1String("previous"))
                 .toObject()
                 .value(QLatin1String("taskTypeId"))
                 .toString(),
             org.recordingId);
    QCOMPARE(
        adj.value(QLatin1String("entry")).toObject().value(QLatin1String("taskTypeId")).toString(),
        org.mixingId);
    QCOMPARE(adj.value(QLatin1String("reason")).toString(), QStringLiteral("Wrong task"));
    QVERIFY(adj.value(QLatin1String("entry")).toObject().value(QLatin1String("adjusted")).toBool());

    QVERIFY(isOk(
        c1.request(QStringLiteral("timeEntries:delete"), {{QStringLiteral("opId"), newId()},
                                                          {QStringLiteral("user"), u},
                                                          {QStringLiteral("entryId"), entryId}})));
    QVERIFY(c2.waitForEvent(QStringLiteral("entry:deleted")));
    QVERIFY(isOk(
        c1.request(QStringLiteral("timeEntries:restore"), {{QStringLiteral("opId"), newId()},
                                                           {QStringLiteral("user"), u},
                                                           {QStringLiteral("entryId"), entryId}})));
    QVERIFY(c2.waitForEvent(QStringLiteral("entry:restored")));
    QVERIFY(!c2.eventsNamed(QStringLiteral("entry:restored"))
                 .first()
                 .value(QLatin1String("entry"))
                 .toObject()
                 .value(QLatin1String("deleted"))
                 .toBool());

    const QString typeId = newId();
    const QJsonObject type{{QStringLiteral("id"), typeId},
                           {QStringLiteral("name"), QStringLiteral("Editing")},
                           {QStringLiteral("color"), QStringLiteral("#112233")},
                           {QStringLiteral("hourlyRateCents"), 4500},
                           {QStringLiteral("billable"), true},
                           {QStringLiteral("archived"), false},
                           {QStringLiteral("position"), 9}};
    QVERIFY(
        isOk(c1.request(QStringLiteral("taskTypes:upsert"), {{QStringLiteral("opId"), newId()},
                                                             {QStringLiteral("user"), u},
                                                             {QStringLiteral("taskType"), type}})));
    QVERIFY(c2.waitForEvent(QStringLiteral("taskType:changed")));
    QCOMPARE(c2.eventsNamed(QStringLiteral("taskType:changed"))
                 .first()
                 .value(QLatin1String("taskType"))
                 .toObject()
                 .value(QLatin1String("name"))
                 .toString(),
             QStringLiteral("Editing"));
    // Seq is gapless across every kind of change.
    QList<int> seqs;
    for (const auto &[name, data] : c2.events) {
        if (!name.startsWith(QLatin1String("presence")))
            seqs.append(data.value(QLatin1String("seq")).toInt());
    }
    QCOMPARE(seqs,
             (QList<int>{org.base + 1, org.base + 2, org.base + 3, org.base + 4, org.base + 5}));
}

QTEST_GUILESS_MAIN(TestHub)
#include "tst_hub.moc"
