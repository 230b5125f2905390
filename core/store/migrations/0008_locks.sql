-- Studio Timer schema, version 8: closed periods (issue 12, "Locking closed periods"). Portable
-- SQL: it runs on SQLite and on PostgreSQL.

-- The last local day of the organisation that is closed (ISO 8601, 2026-10-31): entries starting
-- on or before it cannot be added, adjusted, deleted or restored. NULL: nothing is locked (the
-- row stays after an unlock). No reference to organizations: a desk that joins a hub drops its
-- own organisation's row and takes the hub's.
CREATE TABLE period_locks (
    org_id     TEXT PRIMARY KEY,
    until_day  TEXT,
    updated_at BIGINT NOT NULL
);

-- Every lock and unlock, oldest first: who, from which device, what it was before and after.
-- The same rows (by id) on the hub and on every desk.
CREATE TABLE lock_audit (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL,
    at           BIGINT NOT NULL,
    actor_id     TEXT NOT NULL,
    actor_name   TEXT NOT NULL,
    device_id    TEXT NOT NULL,
    device_name  TEXT NOT NULL,
    until_day    TEXT,
    previous_day TEXT
);
CREATE INDEX lock_audit_org_at ON lock_audit (org_id, at);
