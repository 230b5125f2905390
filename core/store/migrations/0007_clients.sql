-- Studio Timer schema, version 7: clients, projects, and entries with a project, tags and a
-- billable flag (issue 12, "Clients, projects and invoices"). Portable SQL.

-- Who is billed. A rate (NULL: none) applies to the entries of its projects that have no rate.
CREATE TABLE clients (
    id                TEXT PRIMARY KEY,
    org_id            TEXT NOT NULL REFERENCES organizations (id),
    name              TEXT NOT NULL,
    color             TEXT NOT NULL,
    hourly_rate_cents BIGINT CHECK (hourly_rate_cents IS NULL OR hourly_rate_cents >= 0),
    archived          INTEGER NOT NULL CHECK (archived IN (0, 1)),
    updated_at        BIGINT NOT NULL
);
CREATE INDEX clients_org ON clients (org_id);

-- What is billed, under a client or none; a budget in time or in money, or none.
CREATE TABLE projects (
    id                TEXT PRIMARY KEY,
    org_id            TEXT NOT NULL REFERENCES organizations (id),
    client_id         TEXT REFERENCES clients (id),
    name              TEXT NOT NULL,
    color             TEXT NOT NULL,
    hourly_rate_cents BIGINT CHECK (hourly_rate_cents IS NULL OR hourly_rate_cents >= 0),
    budget_ms         BIGINT CHECK (budget_ms IS NULL OR budget_ms > 0),
    budget_cents      BIGINT CHECK (budget_cents IS NULL OR budget_cents > 0),
    archived          INTEGER NOT NULL CHECK (archived IN (0, 1)),
    updated_at        BIGINT NOT NULL,
    CHECK (budget_ms IS NULL OR budget_cents IS NULL)
);
CREATE INDEX projects_org ON projects (org_id);

-- An entry's project (NULL: none), its tags (a JSON array of words, '' for none) and whether it
-- is billed. Entries recorded before version 7 are billable as their task type is.
ALTER TABLE time_entries ADD COLUMN project_id TEXT REFERENCES projects (id);
ALTER TABLE time_entries ADD COLUMN tags TEXT NOT NULL DEFAULT '';
ALTER TABLE time_entries ADD COLUMN billable INTEGER NOT NULL DEFAULT 1 CHECK (billable IN (0, 1));
UPDATE time_entries SET billable = (SELECT t.billable FROM task_types t
                                    WHERE t.id = time_entries.task_type_id);
CREATE INDEX time_entries_project ON time_entries (project_id);

-- Reports read an entry's billability and project from the covering index, as its times.
DROP INDEX time_entries_type_start;
CREATE INDEX time_entries_type_start ON time_entries (org_id, task_type_id, started_at, deleted,
                                                      ended_at, paused_ms, paused_at,
                                                      hourly_rate_cents, billable, project_id);
