-- Studio Timer schema, version 9: rooms and people renamed, archived and merged, audited (issue 12,
-- "Rooms and people"). Portable SQL: it runs on SQLite and on PostgreSQL.

-- A person archived is hidden from pickers and kept on past entries and in reports, as a room is.
ALTER TABLE users ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));

-- Every rename, archive, unarchive and merge of a room or a person, oldest first: who, from which
-- device, the item by id and by its name before the change, and after (the new name, or the
-- name of the room or person it was merged into, with how many entries moved). The same rows (by
-- id) on the hub and on every desk. No references: a merged item's row is gone.
CREATE TABLE catalog_audit (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL,
    at          BIGINT NOT NULL,
    actor_id    TEXT NOT NULL,
    actor_name  TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    device_name TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('room', 'user')),
    action      TEXT NOT NULL CHECK (action IN ('rename', 'archive', 'unarchive', 'merge')),
    item_id     TEXT NOT NULL,
    item_name   TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    target_name TEXT NOT NULL,
    entries     INTEGER NOT NULL CHECK (entries >= 0)
);
CREATE INDEX catalog_audit_org_at ON catalog_audit (org_id, at);
