-- Quality checks (质检): calls and recordings, versioned scorecards, plans and reproducible draws,
-- samples, evaluations, calibration, disputes, findings, training and teaching cases.

CREATE TABLE calls (
  id                text PRIMARY KEY,
  agent_id          integer NOT NULL REFERENCES users(id),
  project_id        integer NOT NULL REFERENCES projects(id),
  queue             text NOT NULL,
  started_at        timestamptz NOT NULL,
  duration_seconds  integer NOT NULL CHECK (duration_seconds >= 0),
  direction         text NOT NULL CHECK (direction IN ('in', 'out')),
  caller_account    text,
  scenario_code     text,
  work_order_id     text,
  order_kind        text,
  recording_url     text,
  transcript        jsonb,
  imported_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX calls_project_started_idx ON calls(project_id, started_at);
CREATE INDEX calls_agent_idx ON calls(agent_id, started_at);

CREATE TABLE scorecards (
  id          serial PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- A new version whenever the scoring fingerprint changes; evaluations keep theirs.
CREATE TABLE scorecard_versions (
  id            serial PRIMARY KEY,
  scorecard_id  integer NOT NULL REFERENCES scorecards(id),
  version       integer NOT NULL,
  body          jsonb NOT NULL,
  fingerprint   text NOT NULL,
  created_by    integer REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (scorecard_id, version)
);

CREATE TABLE plans (
  id             serial PRIMARY KEY,
  name           text NOT NULL,
  project_ids    integer[] NOT NULL,
  period_start   date NOT NULL,
  period_end     date NOT NULL CHECK (period_end >= period_start),
  scorecard_id   integer NOT NULL REFERENCES scorecards(id),
  filters        jsonb NOT NULL DEFAULT '{}',
  method         jsonb NOT NULL,
  seed           text NOT NULL,
  strategy       text NOT NULL CHECK (strategy IN ('inspector', 'peer', 'joint', 'mutual')),
  reviewer_ids   integer[] NOT NULL DEFAULT '{}',
  daily_cap      integer NOT NULL DEFAULT 20 CHECK (daily_cap > 0),
  created_by     integer REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1
);

-- The population snapshot of a draw: enough to re-derive and audit the sample.
CREATE TABLE plan_draws (
  id                      serial PRIMARY KEY,
  plan_id                 integer NOT NULL REFERENCES plans(id),
  seed                    text NOT NULL,
  filters                 jsonb NOT NULL,
  method                  jsonb NOT NULL,
  population_ids          jsonb NOT NULL,
  population_fingerprint  text NOT NULL,
  sample                  jsonb NOT NULL,
  strata                  jsonb NOT NULL,
  drawn_by                integer REFERENCES users(id),
  drawn_at                timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE samples (
  id              serial PRIMARY KEY,
  plan_id         integer NOT NULL REFERENCES plans(id),
  draw_id         integer NOT NULL REFERENCES plan_draws(id),
  call_id         text NOT NULL REFERENCES calls(id),
  stratum         text NOT NULL,
  rank            integer NOT NULL,
  assigned_to     integer REFERENCES users(id),
  due_date        date,
  status          text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'draft', 'scored', 'replaced')),
  replaced_by     integer REFERENCES samples(id),
  replace_reason  text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, call_id)
);
CREATE INDEX samples_assigned_idx ON samples(assigned_to, status);

CREATE TABLE calibration_sessions (
  id                    serial PRIMARY KEY,
  name                  text NOT NULL,
  scorecard_version_id  integer NOT NULL REFERENCES scorecard_versions(id),
  call_ids              text[] NOT NULL,
  status                text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by            integer REFERENCES users(id),
  created_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE calibration_participants (
  session_id  integer NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
  user_id     integer NOT NULL REFERENCES users(id),
  PRIMARY KEY (session_id, user_id)
);

CREATE TABLE calibration_reference (
  session_id   integer NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
  call_id      text NOT NULL REFERENCES calls(id),
  answers      jsonb NOT NULL,
  recorded_by  integer REFERENCES users(id),
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, call_id)
);

-- One row per version of an evaluation; a dispute outcome retracts the old row and adds a new one.
CREATE TABLE evaluations (
  id                     serial PRIMARY KEY,
  sample_id              integer REFERENCES samples(id),
  calibration_session_id integer REFERENCES calibration_sessions(id),
  call_id                text NOT NULL REFERENCES calls(id),
  scorecard_version_id   integer NOT NULL REFERENCES scorecard_versions(id),
  evaluator_id           integer NOT NULL REFERENCES users(id),
  answers                jsonb NOT NULL DEFAULT '{}',
  comments               jsonb NOT NULL DEFAULT '{}',
  status                 text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'released', 'retracted')),
  score                  double precision,
  result                 jsonb,
  supersedes             integer REFERENCES evaluations(id),
  version                integer NOT NULL DEFAULT 1,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  submitted_at           timestamptz,
  released_at            timestamptz,
  CHECK ((sample_id IS NULL) <> (calibration_session_id IS NULL))
);
CREATE INDEX evaluations_call_idx ON evaluations(call_id);
CREATE INDEX evaluations_sample_idx ON evaluations(sample_id);

CREATE TABLE disputes (
  id                  serial PRIMARY KEY,
  evaluation_id       integer NOT NULL REFERENCES evaluations(id),
  item_id             text NOT NULL,
  agent_id            integer NOT NULL REFERENCES users(id),
  comment             text NOT NULL,
  arbitrator_id       integer REFERENCES users(id),
  status              text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'changed', 'overturned')),
  resolution_comment  text,
  resolved_by         integer REFERENCES users(id),
  resolved_at         timestamptz,
  new_evaluation_id   integer REFERENCES evaluations(id),
  created_at          timestamptz NOT NULL DEFAULT now()
);

-- Script-fix proposals for the knowledge owners' queue.
CREATE TABLE findings (
  id             serial PRIMARY KEY,
  evaluation_id  integer REFERENCES evaluations(id),
  call_id        text REFERENCES calls(id),
  scenario_code  text,
  item_id        text,
  start_seconds  double precision,
  proposal       text NOT NULL,
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
  resolution     text,
  created_by     integer REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  resolved_by    integer REFERENCES users(id),
  resolved_at    timestamptz
);

CREATE TABLE training_assignments (
  id             serial PRIMARY KEY,
  agent_id       integer NOT NULL REFERENCES users(id),
  topic          text NOT NULL,
  item_id        text,
  reason         text,
  evaluation_id  integer REFERENCES evaluations(id),
  status         text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'done')),
  assigned_by    integer REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  completed_at   timestamptz
);

CREATE TABLE teaching_cases (
  id             serial PRIMARY KEY,
  call_id        text NOT NULL REFERENCES calls(id),
  kind           text NOT NULL CHECK (kind IN ('good', 'bad')),
  note           text NOT NULL,
  evaluation_id  integer REFERENCES evaluations(id),
  created_by     integer REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
