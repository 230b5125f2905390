-- Studio Timer schema, version 4: indexes for the queries a user waits on (docs/PERFORMANCE.md).
-- Portable SQL (partial indexes exist in SQLite and PostgreSQL). No data changes.

-- Running entries by start time: a range query looks back to the oldest running timer (few rows)
-- instead of visiting every older entry to find the running ones.
CREATE INDEX time_entries_running ON time_entries (org_id, started_at) WHERE ended_at IS NULL;

-- Totals per task type over a period read this index alone, never the table rows: one range
-- per task type, already grouped.
CREATE INDEX time_entries_type_start ON time_entries (org_id, task_type_id, started_at, deleted,
                                                      ended_at, paused_ms, paused_at);
