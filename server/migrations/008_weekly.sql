-- Weekly adjustment (周调整): leave gets a life cycle (who entered it, cancel), re-plan jobs produce proposed
-- revisions of a published roster, every change to a published roster is a numbered version with its change
-- list, and agents ask to swap shifts between themselves.

ALTER TABLE leave ADD COLUMN note text NOT NULL DEFAULT '' CHECK (length(note) <= 200);
ALTER TABLE leave ADD COLUMN created_by integer REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE leave ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
-- A cancelled leave keeps its row (the re-plan explains itself from it) and stops counting: approved = false.
ALTER TABLE leave ADD COLUMN cancelled_at timestamptz;
ALTER TABLE leave ADD COLUMN cancelled_by integer REFERENCES users(id) ON DELETE SET NULL;

-- A background re-plan of one week of a published roster; when done, `result` holds the proposed revision
-- (changes with reasons, coverage before/after) computed against roster version `base_version`.
CREATE TABLE weekly_revisions (
  id            serial PRIMARY KEY,
  roster_id     integer NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
  week_start    date NOT NULL,
  today         date NOT NULL,
  change_weight integer NOT NULL CHECK (change_weight BETWEEN 1 AND 100000),
  base_version  integer NOT NULL,
  status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled', 'published', 'discarded')),
  progress      real NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
  time_limit_ms integer NOT NULL,
  result        jsonb,
  error         text,
  created_by    integer REFERENCES users(id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  decided_by    integer REFERENCES users(id) ON DELETE SET NULL,
  decided_at    timestamptz
);
CREATE INDEX weekly_revisions_roster_idx ON weekly_revisions(roster_id, id DESC);

-- Every version of a published roster after its first publication: kind, who, when, and the change list
-- [{ agent, date, from: {shift, project}, to: {shift, project}, reasons: [...] }].
CREATE TABLE roster_versions (
  id          serial PRIMARY KEY,
  roster_id   integer NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
  version     integer NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('publish', 'replan', 'swap', 'intraday')),
  changes     jsonb NOT NULL DEFAULT '[]',
  note        text NOT NULL DEFAULT '',
  created_by  integer REFERENCES users(id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (roster_id, version)
);

-- A shift swap: requester and colleague exchange their cells on requester_date (and on colleague_date when it
-- differs). The colleague accepts when they have a login; the scheduler approves or rejects.
CREATE TABLE shift_swaps (
  id                 serial PRIMARY KEY,
  roster_id          integer NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
  requester_id       integer NOT NULL REFERENCES agents_sched(id) ON DELETE CASCADE,
  requester_date     date NOT NULL,
  colleague_id       integer NOT NULL REFERENCES agents_sched(id) ON DELETE CASCADE,
  colleague_date     date NOT NULL,
  note               text NOT NULL DEFAULT '' CHECK (length(note) <= 200),
  status             text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'approved', 'rejected', 'withdrawn')),
  check_result       jsonb NOT NULL DEFAULT '{}',
  created_by         integer REFERENCES users(id) ON DELETE SET NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  accepted_at        timestamptz,
  decided_by         integer REFERENCES users(id) ON DELETE SET NULL,
  decided_at         timestamptz,
  CHECK (requester_id <> colleague_id)
);
CREATE INDEX shift_swaps_status_idx ON shift_swaps(status, id DESC);
