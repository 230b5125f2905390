-- Studio Timer schema, version 10: presence across hubs (issue 14). Several hubs on one PostgreSQL
-- database tell each other who is connected to them; empty on SQLite, where one hub serves all.
-- Portable SQL: it runs on SQLite and on PostgreSQL.

-- Each running hub (a random id per process) and its heartbeat, a counter it bumps every second.
-- The other hubs watch the counter move by their own clocks (no clock is compared across
-- machines): a hub whose counter stands still for hub_presence's TTL is gone, and its desks with it.
CREATE TABLE hub_heartbeats (
    hub_id     TEXT PRIMARY KEY,
    beat       BIGINT NOT NULL,
    started_at BIGINT NOT NULL
);

-- The devices connected to each hub, by organisation: what a hub reads when it starts following
-- an organisation, or after its LISTEN connection was cut. Changes travel as NOTIFYs
-- (studiotimer_presence) sent in the transaction that writes these rows.
CREATE TABLE hub_presence (
    hub_id       TEXT NOT NULL,
    org_id       TEXT NOT NULL,
    device_id    TEXT NOT NULL,
    name         TEXT NOT NULL,
    user_name    TEXT NOT NULL,
    connected_at BIGINT NOT NULL,
    PRIMARY KEY (hub_id, org_id, device_id)
);
CREATE INDEX hub_presence_org ON hub_presence (org_id);
