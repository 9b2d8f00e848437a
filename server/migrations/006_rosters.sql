-- Monthly rosters: one roster per month (draft, then published read-only), its cells, the solve jobs
-- that fill it, and the edit history that undo walks back. The requirement the roster was planned
-- against is kept with it (a snapshot of the forecast's staffing), so scores do not move under it.

CREATE TABLE rosters (
  id            serial PRIMARY KEY,
  month         text NOT NULL UNIQUE CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  version       integer NOT NULL DEFAULT 1,
  requirement   jsonb NOT NULL DEFAULT '{}',
  score         jsonb,
  lower_bound   real,
  created_by    integer REFERENCES users(id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  published_by  integer REFERENCES users(id) ON DELETE SET NULL,
  published_at  timestamptz
);

CREATE TABLE roster_cells (
  roster_id     integer NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
  agent_id      integer NOT NULL REFERENCES agents_sched(id) ON DELETE CASCADE,
  date          date NOT NULL,
  shift_code    text,
  project_code  text,
  locked        boolean NOT NULL DEFAULT false,
  PRIMARY KEY (roster_id, agent_id, date),
  CHECK (shift_code IS NOT NULL OR project_code IS NULL)
);

CREATE TABLE roster_jobs (
  id           serial PRIMARY KEY,
  roster_id    integer NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
  status       text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  progress     real NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
  best_hard    real,
  best_soft    real,
  time_limit_ms integer NOT NULL,
  created_by   integer REFERENCES users(id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  started_at   timestamptz,
  finished_at  timestamptz,
  error        text
);
CREATE INDEX roster_jobs_roster_idx ON roster_jobs(roster_id, id DESC);

-- One edit (a cell, a lock, a solve result) as the list of cells it changed, before and after.
CREATE TABLE roster_history (
  roster_id   integer NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
  seq         integer NOT NULL,
  kind        text NOT NULL,
  changes     jsonb NOT NULL,
  created_by  integer REFERENCES users(id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (roster_id, seq)
);

-- What the agent's own schedule page (server/scheduling/schedule.ts) reads: published shifts only.
CREATE VIEW roster_assignments AS
  SELECT c.agent_id, c.date, c.shift_code, p.id AS project_id
  FROM roster_cells c
  JOIN rosters r ON r.id = c.roster_id AND r.status = 'published'
  LEFT JOIN projects p ON p.code = c.project_code
  WHERE c.shift_code IS NOT NULL;
