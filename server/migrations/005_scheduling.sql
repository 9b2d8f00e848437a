-- Scheduling: interval call history, forecast hand adjustments, special days, shift types,
-- schedulable agents with contracts and skills, leave, and the centre's rulebook as data.

CREATE TABLE interval_history (
  project_id      integer NOT NULL REFERENCES projects(id),
  interval_start  timestamptz NOT NULL,
  calls_offered   integer NOT NULL CHECK (calls_offered >= 0),
  calls_handled   integer NOT NULL CHECK (calls_handled >= 0),
  aht_seconds     real NOT NULL CHECK (aht_seconds >= 0),
  PRIMARY KEY (project_id, interval_start)
);

-- A scheduler's hand change to the forecast: a day (interval NULL) or one interval, by a factor
-- or to an absolute number of calls (for a whole day: the day's total, shape kept).
CREATE TABLE forecast_adjustments (
  id               serial PRIMARY KEY,
  project_id       integer NOT NULL REFERENCES projects(id),
  date             date NOT NULL,
  interval         smallint CHECK (interval >= 0 AND interval < 48),
  factor           numeric(8,4) CHECK (factor >= 0),
  calls            numeric(12,2) CHECK (calls >= 0),
  note             text NOT NULL CHECK (length(note) BETWEEN 1 AND 500),
  created_by       integer REFERENCES users(id) ON DELETE SET NULL,
  created_by_name  text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((factor IS NULL) <> (calls IS NULL))
);
CREATE INDEX forecast_adjustments_day_idx ON forecast_adjustments(project_id, date);

-- Public holidays and special periods (度夏 summer peak, campaign weeks) scaling a day's volume.
CREATE TABLE special_days (
  id            serial PRIMARY KEY,
  from_date     date NOT NULL,
  to_date       date NOT NULL CHECK (to_date >= from_date),
  label         text NOT NULL,
  factor        numeric(6,3) NOT NULL CHECK (factor >= 0),
  project_id    integer REFERENCES projects(id),
  like_weekday  smallint CHECK (like_weekday BETWEEN 0 AND 6),
  is_holiday    boolean NOT NULL DEFAULT false
);
CREATE INDEX special_days_range_idx ON special_days(from_date, to_date);

-- Shift types: start as minutes after local midnight, length in minutes, breaks as
-- [{ "offsetMinutes": 120, "minutes": 15, "paid": true }, …].
CREATE TABLE shift_types (
  id              serial PRIMARY KEY,
  code            text NOT NULL UNIQUE,
  name            text NOT NULL,
  name_en         text NOT NULL,
  start_minute    integer NOT NULL CHECK (start_minute >= 0 AND start_minute < 1440),
  length_minutes  integer NOT NULL CHECK (length_minutes > 0 AND length_minutes <= 720),
  breaks          jsonb NOT NULL DEFAULT '[]',
  night           boolean NOT NULL DEFAULT false,
  part_time       boolean NOT NULL DEFAULT false
);

-- Schedulable agents: a console user or an own row (most demo agents have no login).
-- skills: { "<project code>": proficiency 0..1 }; preferences: { preferredShifts: [...],
-- avoidedShifts: [...], preferredDaysOff: [0..6 (Monday = 0)] }.
CREATE TABLE agents_sched (
  id                  serial PRIMARY KEY,
  user_id             integer UNIQUE REFERENCES users(id) ON DELETE SET NULL,
  code                text NOT NULL UNIQUE,
  name                text NOT NULL,
  team_id             integer REFERENCES teams(id),
  weekly_hours        numeric(5,2) NOT NULL CHECK (weekly_hours > 0),
  monthly_min_hours   numeric(6,2) NOT NULL CHECK (monthly_min_hours >= 0),
  monthly_max_hours   numeric(6,2) NOT NULL CHECK (monthly_max_hours >= monthly_min_hours),
  allowed_shifts      text[] NOT NULL DEFAULT '{}',
  skills              jsonb NOT NULL DEFAULT '{}',
  emergency_tier      smallint CHECK (emergency_tier BETWEEN 1 AND 3),
  preferences         jsonb NOT NULL DEFAULT '{}',
  active              boolean NOT NULL DEFAULT true
);
CREATE INDEX agents_sched_team_idx ON agents_sched(team_id);

CREATE TABLE leave (
  id         serial PRIMARY KEY,
  agent_id   integer NOT NULL REFERENCES agents_sched(id) ON DELETE CASCADE,
  from_date  date NOT NULL,
  to_date    date NOT NULL CHECK (to_date >= from_date),
  kind       text NOT NULL CHECK (kind IN ('annual', 'sick', 'training', 'personal', 'other')),
  approved   boolean NOT NULL DEFAULT true
);
CREATE INDEX leave_agent_idx ON leave(agent_id, from_date);

-- The centre's rulebook (排班管理实施细则): one row per named rule, hard or soft with a weight;
-- params carry the bounds with named fields, e.g. { "minMinutes": 660 }.
CREATE TABLE rules (
  id        text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]*$'),
  name      text NOT NULL,
  name_en   text NOT NULL,
  hard      boolean NOT NULL,
  weight    integer NOT NULL DEFAULT 0 CHECK (weight >= 0),
  params    jsonb NOT NULL DEFAULT '{}',
  enabled   boolean NOT NULL DEFAULT true,
  sort      integer NOT NULL DEFAULT 0
);
