-- Studio Timer schema, version 2: what the sync hub keeps (empty on a desktop that runs no hub).
-- Portable SQL, as in version 1.

-- Device tokens: only the SHA-256 of each token (hex) is stored.
CREATE TABLE hub_tokens (
    token_hash TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organizations (id),
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX hub_tokens_org ON hub_tokens (org_id);

-- Every committed change of an organisation, numbered without gaps: what sync:pull pages through.
-- data is the broadcast's JSON payload.
CREATE TABLE hub_changes (
    org_id TEXT NOT NULL REFERENCES organizations (id),
    seq    BIGINT NOT NULL,
    type   TEXT NOT NULL,
    data   TEXT NOT NULL,
    at     BIGINT NOT NULL,
    PRIMARY KEY (org_id, seq)
);

-- Each applied opId with its first answer: a replay gets the same answer and changes nothing.
CREATE TABLE hub_ops (
    org_id TEXT NOT NULL REFERENCES organizations (id),
    op_id  TEXT NOT NULL,
    answer TEXT NOT NULL,
    at     BIGINT NOT NULL,
    PRIMARY KEY (org_id, op_id)
);
