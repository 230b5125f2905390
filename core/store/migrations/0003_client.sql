-- Studio Timer schema, version 3: the sync client's side (DESIGN.md, "Sync protocol").
-- Portable SQL, as in 0001.

-- Local changes not yet acknowledged by the hub, in the order they were made. Each row is written
-- in the same transaction as the change itself; it leaves only on the hub's {ok:true}, or moves to
-- sync_conflicts on {ok:false}. A replay after a reconnect sends the same op_id again.
CREATE TABLE sync_outbox (
    op_id      TEXT PRIMARY KEY,
    position   BIGINT NOT NULL UNIQUE,
    event      TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts   INTEGER NOT NULL CHECK (attempts >= 0)
);

-- Changes the hub refused: kept with its reason until the user has seen them.
CREATE TABLE sync_conflicts (
    id         TEXT PRIMARY KEY,
    op_id      TEXT NOT NULL,
    event      TEXT NOT NULL,
    payload    TEXT NOT NULL,
    entry_id   TEXT,
    code       TEXT NOT NULL,
    message    TEXT NOT NULL,
    at         BIGINT NOT NULL,
    seen       INTEGER NOT NULL CHECK (seen IN (0, 1))
);
CREATE INDEX sync_conflicts_at ON sync_conflicts (at);

-- The client's position in the hub's history and what it learnt about the hub: the organisation
-- joined, the last seq applied, the clock offset to the hub.
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
