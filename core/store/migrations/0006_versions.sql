-- Studio Timer schema, version 6: requests bound to their opId, audit rows with their device,
-- conflicts with the hub's side (issue 11, "Edits never vanish"). Portable SQL.

-- The SHA-256 of the request an opId was applied for (its event and canonical payload): a replay
-- of another request under the same opId is refused. Empty for ops recorded before version 6.
ALTER TABLE hub_ops ADD COLUMN request_hash TEXT NOT NULL DEFAULT '';

-- The device an audit row came from (issue 15, "Who"): empty for rows recorded before version 6.
ALTER TABLE entry_audit ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
ALTER TABLE entry_audit ADD COLUMN device_name TEXT NOT NULL DEFAULT '';

-- A change the hub refused as stale: the rev it was based on and the hub's current entry (the
-- answer's JSON entry), shown beside the desk's own change ("yours / theirs").
ALTER TABLE sync_conflicts ADD COLUMN base_rev BIGINT;
ALTER TABLE sync_conflicts ADD COLUMN theirs_json TEXT;
