-- Daily fine-tuning (日微调): today's reported interval actuals, the day's change log (applied suggestions and
-- no-shows, in order, undoable) and a version per day so a suggestion computed against an older state is refused.
--
-- Actuals are kept apart from interval_history: a day that is still running (only its morning reported, a storm
-- in it) would otherwise enter the forecast's weekday profiles and trend as a half-empty day.

CREATE TABLE intraday_actuals (
  project_id      integer NOT NULL REFERENCES projects(id),
  interval_start  timestamptz NOT NULL,
  calls_offered   integer NOT NULL CHECK (calls_offered >= 0),
  calls_handled   integer NOT NULL CHECK (calls_handled >= 0),
  aht_seconds     real NOT NULL CHECK (aht_seconds >= 0),
  -- Share answered within the project's target time, when the telephony system reports it.
  service_level   real CHECK (service_level >= 0 AND service_level <= 1),
  reported_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, interval_start)
);

-- One row per local date that has been touched; version rises with every change, upload or undo.
CREATE TABLE intraday_days (
  date     date PRIMARY KEY,
  version  integer NOT NULL DEFAULT 0 CHECK (version >= 0)
);

-- The day's roster changes in the order applied: a suggestion (kind = its SuggestionKind, changes = RosterChange[])
-- or reported no-shows (kind = 'noShow', no_shows = agent codes). Undo marks the latest live row undone.
CREATE TABLE intraday_changes (
  date             date NOT NULL,
  seq              integer NOT NULL CHECK (seq >= 1),
  kind             text NOT NULL CHECK (kind IN ('callIn', 'moveAgent', 'cancelOffline', 'moveOffline', 'overtime', 'earlyLeave', 'toOffline', 'noShow')),
  project_code     text,
  label            text NOT NULL,
  changes          jsonb NOT NULL DEFAULT '[]',
  no_shows         text[] NOT NULL DEFAULT '{}',
  effect           jsonb,
  cost             real,
  applied_by       integer REFERENCES users(id) ON DELETE SET NULL,
  applied_by_name  text NOT NULL,
  applied_at       timestamptz NOT NULL DEFAULT now(),
  undone_by        integer REFERENCES users(id) ON DELETE SET NULL,
  undone_at        timestamptz,
  PRIMARY KEY (date, seq)
);
