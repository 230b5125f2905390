#include "SharedPresence.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcShared, "studiotimer.hub.presence", QtInfoMsg)

namespace st {

namespace {

// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more: a larger change goes in pieces.
constexpr qsizetype kMaxPayload = 7000;

const QLatin1String kHub("hub"), kOrg("org"), kUp("up"), kDown("down"), kGone("gone");

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// The notifications of one organisation's changes, each under kMaxPayload.
QStringList payloads(const QString &hubId, const QString &orgId,
                     const QList<protocol::PresenceDevice> &up, const QStringList &down)
{
    QStringList out;
    QList<protocol::PresenceDevice> upPart;
    QJsonArray downPart;
    qsizetype size = 0;
    const auto emitPart = [&] {
        if (upPart.isEmpty() && downPart.isEmpty())
            return;
        out.append(compact({{kHub, hubId},
                            {kOrg, orgId},
                            {kUp, protocol::encodeDevices(upPart)},
                            {kDown, downPart}}));
        upPart.clear();
        downPart = QJsonArray();
        size = 0;
    };
    for (const protocol::PresenceDevice &d : up) {
        const qsizetype length =
            QJsonDocument(protocol::encodeDevices({d})).toJson(QJsonDocument::Compact).size();
        if (size + length > kMaxPayload)
            emitPart();
        upPart.append(d);
        size += length;
    }
    for (const QString &id : down) {
        const qsizetype length = id.toUtf8().size() + 3;
        if (size + length > kMaxPayload)
            emitPart();
        downPart.append(id);
        size += length;
    }
    emitPart();
    return out;
}

} // namespace

SharedPresence::SharedPresence(const Database &db, Presence &presence, QString hubId)
    : m_store(db)
    , m_presence(presence)
    , m_hubId(std::move(hubId))
{
    m_elapsed.start();
}

SharedPresence::~SharedPresence() = default;

QString SharedPresence::keyOf(const QString &orgId, const QString &deviceId)
{
    return orgId + QLatin1Char('\n') + deviceId;
}

// ---- this hub's desks --------------------------------------------------------------------------

void SharedPresence::joined(const ConnectedDesk *desk)
{
    const QString key = keyOf(desk->orgId, desk->deviceId);
    LocalDevice &d = m_local[key];
    if (d.sockets++ == 0)
        d.info.connectedAt = desk->connectedAt;
    d.info.id = desk->deviceId;
    d.info.name = desk->deviceName;
    d.info.userName = desk->userName;
    m_dirty.insert(key);
}

void SharedPresence::left(const ConnectedDesk *desk)
{
    const QString key = keyOf(desk->orgId, desk->deviceId);
    const auto it = m_local.find(key);
    if (it == m_local.end())
        return;
    if (--it->sockets <= 0)
        m_local.erase(it);
    m_dirty.insert(key);
}

void SharedPresence::updated(const ConnectedDesk *desk)
{
    const QString key = keyOf(desk->orgId, desk->deviceId);
    const auto it = m_local.find(key);
    if (it == m_local.end())
        return;
    it->info.name = desk->deviceName;
    it->info.userName = desk->userName;
    m_dirty.insert(key);
}

void SharedPresence::markAllDirty()
{
    for (auto it = m_local.cbegin(); it != m_local.cend(); ++it)
        m_dirty.insert(it.key());
}

bool SharedPresence::publish()
{
    if (m_dirty.isEmpty())
        return true;
    QList<HubPresenceStore::Row> up, down;
    QHash<QString, std::pair<QList<protocol::PresenceDevice>, QStringList>> byOrg;
    for (const QString &key : std::as_const(m_dirty)) {
        const QString orgId = key.section(QLatin1Char('\n'), 0, 0);
        const auto it = m_local.constFind(key);
        if (it != m_local.cend()) {
            up.append({m_hubId, orgId, it->info});
            byOrg[orgId].first.append(it->info);
        } else {
            const QString deviceId = key.section(QLatin1Char('\n'), 1);
            down.append({m_hubId, orgId, {deviceId, {}, {}, 0}});
            byOrg[orgId].second.append(deviceId);
        }
    }
    QStringList notifications;
    for (auto it = byOrg.cbegin(); it != byOrg.cend(); ++it)
        notifications += payloads(m_hubId, it.key(), it->first, it->second);
    if (auto r = m_store.publish(m_hubId, up, down, notifications); !r)
        return false; // logged by the store; published at the next try
    m_dirty.clear();
    return true;
}

// ---- the other hubs' desks ---------------------------------------------------------------------

void SharedPresence::watch(const QString &hubId)
{
    if (hubId != m_hubId && !m_watched.contains(hubId))
        m_watched.insert(hubId, {std::nullopt, m_elapsed.elapsed()});
}

void SharedPresence::upsertRemote(const QString &hubId, const QString &orgId,
                                  const protocol::PresenceDevice &device)
{
    if (hubId == m_hubId || !m_followed.contains(orgId))
        return;
    watch(hubId);
    auto &desks = m_remote[hubId];
    const QString key = keyOf(orgId, device.id);
    auto it = desks.find(key);
    if (it != desks.end()) {
        ConnectedDesk &desk = **it;
        desk.deviceName = device.name;
        desk.userName = device.userName;
        m_presence.update(&desk);
        return;
    }
    auto desk = std::make_shared<ConnectedDesk>();
    desk->orgId = orgId;
    desk->deviceId = device.id;
    desk->deviceName = device.name;
    desk->userName = device.userName;
    desk->connectedAt = device.connectedAt;
    desk->remote = true;
    desks.insert(key, desk);
    m_presence.join(desk.get());
}

void SharedPresence::removeRemote(const QString &hubId, const QString &orgId,
                                  const QString &deviceId)
{
    const auto hub = m_remote.find(hubId);
    if (hub == m_remote.end())
        return;
    const auto it = hub->find(keyOf(orgId, deviceId));
    if (it == hub->end())
        return;
    m_presence.leave(it->get());
    hub->erase(it);
}

void SharedPresence::dropHub(const QString &hubId)
{
    const auto hub = m_remote.find(hubId);
    if (hub != m_remote.end()) {
        for (const auto &desk : std::as_const(*hub))
            m_presence.leave(desk.get());
        m_remote.erase(hub);
    }
    m_watched.remove(hubId);
}

bool SharedPresence::loadOthers(const QString &orgId)
{
    const auto rows = m_store.othersIn(orgId, m_hubId);
    if (!rows) {
        m_unloaded.insert(orgId);
        return false;
    }
    // What the rows no longer hold left (a notification missed while not listening).
    QSet<QString> seen;
    for (const HubPresenceStore::Row &row : rows.value()) {
        seen.insert(row.hubId + QLatin1Char('\n') + row.device.id);
        upsertRemote(row.hubId, orgId, row.device);
    }
    QList<std::pair<QString, QString>> gone;
    for (auto hub = m_remote.cbegin(); hub != m_remote.cend(); ++hub) {
        for (const auto &desk : *hub) {
            if (desk->orgId == orgId &&
                !seen.contains(hub.key() + QLatin1Char('\n') + desk->deviceId))
                gone.append({hub.key(), desk->deviceId});
        }
    }
    for (const auto &[hubId, deviceId] : gone)
        removeRemote(hubId, orgId, deviceId);
    m_unloaded.remove(orgId);
    return true;
}

bool SharedPresence::follow(const QString &orgId)
{
    if (m_followed.contains(orgId))
        return true;
    m_followed.insert(orgId);
    return loadOthers(orgId);
}

void SharedPresence::unfollow(const QString &orgId)
{
    if (!m_followed.remove(orgId))
        return;
    m_unloaded.remove(orgId);
    for (auto hub = m_remote.begin(); hub != m_remote.end(); ++hub) {
        for (auto it = hub->begin(); it != hub->end();) {
            if ((*it)->orgId == orgId) {
                m_presence.leave(it->get());
                it = hub->erase(it);
            } else {
                ++it;
            }
        }
    }
}

void SharedPresence::notified(const QString &payload)
{
    const QJsonObject o = QJsonDocument::fromJson(payload.toUtf8()).object();
    const QString hubId = o.value(kHub).toString();
    if (hubId.isEmpty() || hubId == m_hubId)
        return;
    if (o.value(kGone).toBool()) {
        dropHub(hubId);
        return;
    }
    const QString orgId = o.value(kOrg).toString();
    if (!m_followed.contains(orgId))
        return;
    const auto up = protocol::decodeDevices(o, "up", QStringLiteral("presence notification"));
    if (!up) {
        qCWarning(lcShared).noquote() << "ignored a presence notification:" << up.error().message;
        return;
    }
    for (const protocol::PresenceDevice &device : up.value())
        upsertRemote(hubId, orgId, device);
    const QJsonArray down = o.value(kDown).toArray();
    for (const QJsonValue &id : down)
        removeRemote(hubId, orgId, id.toString());
}

void SharedPresence::resync()
{
    const QList<QString> orgs(m_followed.cbegin(), m_followed.cend());
    for (const QString &orgId : orgs)
        loadOthers(orgId);
}

// ---- heartbeats --------------------------------------------------------------------------------

void SharedPresence::poll()
{
    const qint64 now = m_elapsed.elapsed();
    if (now - m_lastBeatMs < kBeatMs)
        return;
    m_lastBeatMs = now;
    bool registered = false;
    if (auto r = m_store.beat(m_hubId, QDateTime::currentMSecsSinceEpoch(), &registered); !r)
        return; // logged; the others judge this hub by its heartbeat, this one judges nobody
    if (registered)
        markAllDirty(); // new, or taken for gone by the others: they dropped its devices
    const QList<QString> unloaded(m_unloaded.cbegin(), m_unloaded.cend());
    for (const QString &orgId : unloaded)
        loadOthers(orgId);
    if (!m_dirty.isEmpty())
        publish();
    const auto beats = m_store.heartbeats();
    if (!beats)
        return;
    // After a spell without the database, every hub gets a fresh TTL: it was not watched.
    const bool wasBlind = now - m_lastPollOkMs > 3 * kBeatMs;
    m_lastPollOkMs = now;
    QSet<QString> listed;
    for (const HubPresenceStore::Heartbeat &h : beats.value()) {
        if (h.hubId == m_hubId)
            continue;
        listed.insert(h.hubId);
        Watched &w = m_watched[h.hubId];
        if (w.beat != h.beat || wasBlind) {
            w.beat = h.beat;
            w.movedAtMs = now;
        }
    }
    for (auto it = m_remote.cbegin(); it != m_remote.cend(); ++it)
        watch(it.key());
    QStringList gone;
    for (auto it = m_watched.begin(); it != m_watched.end(); ++it) {
        if (wasBlind)
            it->movedAtMs = now;
        if (!listed.contains(it.key()))
            it->beat.reset(); // not (or no longer) registered
        if (now - it->movedAtMs > kTtlMs)
            gone.append(it.key());
    }
    for (const QString &hubId : gone) {
        const Result<bool> expired = m_store.expire(hubId, m_watched.value(hubId).beat);
        if (!expired)
            return;
        if (*expired) {
            qCInfo(lcShared).noquote()
                << "hub" << hubId << "stopped beating: its desks left the presence lists";
            dropHub(hubId);
        } else {
            m_watched[hubId].movedAtMs = now;
        }
    }
}

void SharedPresence::withdraw()
{
    if (auto r = m_store.withdraw(m_hubId, compact({{kHub, m_hubId}, {kGone, true}})); !r)
        qCWarning(lcShared).noquote()
            << "the other hubs drop this hub's desks after" << kTtlMs << "ms:" << r.error().message;
}

} // namespace st
