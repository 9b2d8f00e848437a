-- Knowledge: the responsibility matrix, scenarios with their published versions and drafts, the
-- library generation processes poll to rebuild their search index, work orders, script flags and
-- the search log.

-- Third-level situations of the responsibility matrix (责任矩阵); departments come from 001.
CREATE TABLE matrix_entries (
  code         text PRIMARY KEY,
  level1       text NOT NULL,
  level2       text NOT NULL,
  level3       text NOT NULL,
  specifics    text[] NOT NULL DEFAULT '{}',
  owner        text NOT NULL REFERENCES departments(code),
  responsible  text[] NOT NULL CHECK (cardinality(responsible) > 0),
  version      integer NOT NULL DEFAULT 1,          -- optimistic concurrency for matrix editing
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- A scenario (场景): its identity, owner, the published version agents see, and one draft.
CREATE TABLE scenarios (
  code               text PRIMARY KEY,
  owner_id           integer REFERENCES users(id) ON DELETE SET NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  published_version  integer,                        -- null until first published
  draft              jsonb,                          -- the Scenario being edited, null when none
  draft_version      integer NOT NULL DEFAULT 0,     -- bumped on every draft save (409 on stale)
  draft_updated_by   integer REFERENCES users(id) ON DELETE SET NULL,
  draft_updated_at   timestamptz
);

-- Every published version is kept (body is the whole Scenario as JSON).
CREATE TABLE scenario_versions (
  code          text NOT NULL REFERENCES scenarios(code) ON DELETE CASCADE,
  version       integer NOT NULL CHECK (version > 0),
  body          jsonb NOT NULL,
  published_by  integer REFERENCES users(id) ON DELETE SET NULL,
  published_at  timestamptz NOT NULL DEFAULT now(),
  note          text,
  PRIMARY KEY (code, version)
);

-- One row: `generation` is bumped on every publish; each process polls it and rebuilds its index.
-- Code upserts the row (a test reset empties every table).
CREATE TABLE library_state (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  generation  bigint NOT NULL DEFAULT 0,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO library_state (id, generation) VALUES (true, 0);

-- Work orders filed from a scenario's template (一场景一模板), routed by the matrix and dispatch rules.
CREATE TABLE work_orders (
  id                 serial PRIMARY KEY,
  number             text NOT NULL UNIQUE,          -- e.g. GD20261125-000123 (centre's local date, id)
  scenario_code      text NOT NULL,
  scenario_version   integer NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('consultation', 'opinion', 'suggestion', 'complaint', 'report', 'praise', 'service', 'repair')),
  channel            text NOT NULL CHECK (channel IN ('95598', 'online', '12345', '12398')),
  matrix_code        text,
  level1             text,
  level2             text,
  level3             text,
  owner_dept         text REFERENCES departments(code),
  responsible_depts  text[] NOT NULL DEFAULT '{}',
  route_reason       text,
  fields             jsonb NOT NULL DEFAULT '{}',
  description        text NOT NULL DEFAULT '',
  customer_account   text,
  customer_phone     text,
  agent_id           integer REFERENCES users(id) ON DELETE SET NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  deadline           timestamptz NOT NULL,
  repeat             boolean NOT NULL DEFAULT false,
  repeat_of          integer REFERENCES work_orders(id) ON DELETE SET NULL,
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'answered'))
);
CREATE INDEX work_orders_agent_idx ON work_orders(agent_id, created_at DESC);
CREATE INDEX work_orders_repeat_idx ON work_orders(customer_account, matrix_code, created_at);
CREATE INDEX work_orders_owner_idx ON work_orders(owner_dept, created_at DESC);
CREATE INDEX work_orders_responsible_idx ON work_orders USING gin (responsible_depts);

-- Agents flag a script from the call screen; flags queue for the scenario's owner and close with a reply.
CREATE TABLE script_flags (
  id             serial PRIMARY KEY,
  scenario_code  text NOT NULL REFERENCES scenarios(code) ON DELETE CASCADE,
  version        integer NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('outdated', 'unclear', 'missing')),
  comment        text NOT NULL,
  raised_by      integer REFERENCES users(id) ON DELETE SET NULL,
  raised_at      timestamptz NOT NULL DEFAULT now(),
  reply          text,
  replied_by     integer REFERENCES users(id) ON DELETE SET NULL,
  replied_at     timestamptz
);
CREATE INDEX script_flags_open_idx ON script_flags(scenario_code) WHERE replied_at IS NULL;

-- Every agent search (and the result opened from it), for the owners' analytics.
CREATE TABLE search_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  user_id       integer REFERENCES users(id) ON DELETE SET NULL,
  query         text NOT NULL,
  result_count  integer NOT NULL,
  top_code      text,
  clicked_code  text,
  ms            real NOT NULL
);
CREATE INDEX search_log_at_idx ON search_log(at DESC);
