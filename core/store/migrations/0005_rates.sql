-- Studio Timer schema, version 5: rates are history (docs/REPORTS.md, "Rates").
-- Portable SQL, as in 0001.

-- Each entry keeps the hourly rate (minor units) it was recorded at: 0 for a type that was not
-- billable. Entries recorded before this version take their task type's rate of today.
ALTER TABLE time_entries ADD COLUMN hourly_rate_cents BIGINT NOT NULL DEFAULT 0
    CHECK (hourly_rate_cents >= 0);
UPDATE time_entries SET hourly_rate_cents = (
    SELECT t.hourly_rate_cents * t.billable FROM task_types t WHERE t.id = time_entries.task_type_id);

-- A task type's rate history: hourly_rate_cents applies from the local day effective_from
-- (YYYY-MM-DD) on, until the next row. The first row of each type is 2000-01-01; the last one's
-- rate is task_types.hourly_rate_cents.
CREATE TABLE task_type_rates (
    task_type_id      TEXT NOT NULL REFERENCES task_types (id),
    effective_from    TEXT NOT NULL,
    hourly_rate_cents BIGINT NOT NULL CHECK (hourly_rate_cents >= 0),
    PRIMARY KEY (task_type_id, effective_from)
);
INSERT INTO task_type_rates (task_type_id, effective_from, hourly_rate_cents)
    SELECT id, '2000-01-01', hourly_rate_cents FROM task_types;

-- Totals per task type read each entry's own rate: the covering index carries it.
DROP INDEX time_entries_type_start;
CREATE INDEX time_entries_type_start ON time_entries (org_id, task_type_id, started_at, deleted,
                                                      ended_at, paused_ms, paused_at,
                                                      hourly_rate_cents);
