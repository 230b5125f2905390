-- Studio Timer schema, version 1.
-- Portable SQL: it runs unchanged on SQLite and PostgreSQL. Times are BIGINT milliseconds since
-- the Unix epoch (UTC); money is BIGINT minor units; IDs are UUID text; booleans are 0/1.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE organizations (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    currency   TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE users (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organizations (id),
    name       TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX users_org ON users (org_id);

CREATE TABLE task_types (
    id                TEXT PRIMARY KEY,
    org_id            TEXT NOT NULL REFERENCES organizations (id),
    name              TEXT NOT NULL,
    color             TEXT NOT NULL,
    hourly_rate_cents BIGINT NOT NULL CHECK (hourly_rate_cents >= 0),
    billable          INTEGER NOT NULL CHECK (billable IN (0, 1)),
    archived          INTEGER NOT NULL CHECK (archived IN (0, 1)),
    position          INTEGER NOT NULL,
    updated_at        BIGINT NOT NULL
);
CREATE INDEX task_types_org ON task_types (org_id, position);

CREATE TABLE rooms (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organizations (id),
    name       TEXT NOT NULL,
    archived   INTEGER NOT NULL CHECK (archived IN (0, 1)),
    updated_at BIGINT NOT NULL
);
CREATE INDEX rooms_org ON rooms (org_id);

CREATE TABLE time_entries (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES organizations (id),
    user_id      TEXT NOT NULL REFERENCES users (id),
    task_type_id TEXT NOT NULL REFERENCES task_types (id),
    room_id      TEXT REFERENCES rooms (id),
    note         TEXT NOT NULL,
    started_at   BIGINT NOT NULL,
    ended_at     BIGINT,
    paused_ms    BIGINT NOT NULL CHECK (paused_ms >= 0),
    paused_at    BIGINT,
    source       TEXT NOT NULL CHECK (source IN ('timer', 'manual')),
    rev          INTEGER NOT NULL,
    updated_at   BIGINT NOT NULL,
    deleted      INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    adjusted     INTEGER NOT NULL CHECK (adjusted IN (0, 1)),
    CHECK (ended_at IS NULL OR ended_at >= started_at),
    CHECK (ended_at IS NULL OR paused_at IS NULL)
);
CREATE INDEX time_entries_org_start ON time_entries (org_id, started_at);
CREATE INDEX time_entries_user_start ON time_entries (user_id, started_at);
-- One running entry per user, kept by the database itself.
CREATE UNIQUE INDEX time_entries_one_running ON time_entries (user_id)
    WHERE ended_at IS NULL AND deleted = 0;

CREATE TABLE entry_audit (
    id          TEXT PRIMARY KEY,
    entry_id    TEXT NOT NULL REFERENCES time_entries (id),
    ordinal     INTEGER NOT NULL, -- 1, 2, 3... per entry: the order of its changes
    actor_id    TEXT NOT NULL,
    actor_name  TEXT NOT NULL,
    at          BIGINT NOT NULL,
    action      TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json  TEXT NOT NULL,
    reason      TEXT NOT NULL
);
CREATE UNIQUE INDEX entry_audit_entry ON entry_audit (entry_id, ordinal);
