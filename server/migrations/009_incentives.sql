-- Emergency incentives (应急激励) and peak plans: the configurable catalogue (points per contribution, rewards),
-- the append-only points ledger, and declared peak periods with their expected volume uplift.

-- Points per emergency contribution kind: a fixed part per event plus a part per hour worked.
CREATE TABLE incentive_rules (
  kind              text PRIMARY KEY CHECK (kind IN ('callIn', 'coverProject', 'peakOvertime')),
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  name_en           text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
  points_per_event  integer NOT NULL CHECK (points_per_event >= 0),
  points_per_hour   integer NOT NULL CHECK (points_per_hour >= 0),
  version           integer NOT NULL DEFAULT 1,
  updated_by        integer REFERENCES users(id) ON DELETE SET NULL,
  updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Rewards points buy. grants: { "kind": "dayShiftsOnly", "shiftCodes": ["D"] } | { "kind": "firstPick" }
-- | { "kind": "daysOff", "maxDays": 3 }. Withdrawn rewards (offered = false) stay for the ledger's history.
CREATE TABLE incentive_rewards (
  id          text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]*$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  name_en     text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
  points      integer NOT NULL CHECK (points > 0),
  grants      jsonb NOT NULL,
  hard        boolean NOT NULL DEFAULT true,
  offered     boolean NOT NULL DEFAULT true,
  sort        integer NOT NULL DEFAULT 0,
  version     integer NOT NULL DEFAULT 1,
  updated_by  integer REFERENCES users(id) ON DELETE SET NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The points ledger: one line per credited contribution (points > 0 or 0) or redemption (points < 0).
-- Append-only: lines are never updated or deleted (a trigger refuses it); corrections are new lines.
CREATE TABLE incentive_ledger (
  id           bigserial PRIMARY KEY,
  agent_id     integer NOT NULL REFERENCES agents_sched(id),
  type         text NOT NULL CHECK (type IN ('earn', 'redeem')),
  at           timestamptz NOT NULL DEFAULT now(),
  date         date NOT NULL,
  kind         text CHECK (kind IN ('callIn', 'coverProject', 'peakOvertime')),
  hours        numeric(6,2) CHECK (hours >= 0),
  points       integer NOT NULL,
  reference    text CHECK (length(reference) <= 300),
  reward_id    text REFERENCES incentive_rewards(id),
  -- The redeemed entitlement as the solver reads it (scheduling/incentives/ledger.ts Entitlement) and its month.
  entitlement  jsonb,
  month        text CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  created_by   integer REFERENCES users(id) ON DELETE SET NULL,
  CHECK ((type = 'earn' AND kind IS NOT NULL AND hours IS NOT NULL AND points >= 0 AND reward_id IS NULL)
      OR (type = 'redeem' AND reward_id IS NOT NULL AND entitlement IS NOT NULL AND month IS NOT NULL AND points < 0))
);
CREATE INDEX incentive_ledger_agent_idx ON incentive_ledger(agent_id, id);
CREATE INDEX incentive_ledger_month_idx ON incentive_ledger(month) WHERE type = 'redeem';
-- A reward once per agent and month.
CREATE UNIQUE INDEX incentive_ledger_redeem_once ON incentive_ledger(agent_id, reward_id, month) WHERE type = 'redeem';

CREATE FUNCTION incentive_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'incentive_ledger is append-only';
END;
$$;
CREATE TRIGGER incentive_ledger_no_change BEFORE UPDATE OR DELETE ON incentive_ledger
  FOR EACH ROW EXECUTE FUNCTION incentive_ledger_append_only();

-- Declared peak periods: summer peak (度夏), campaign week, storm; uplift per project code (0.3 = +30% calls).
CREATE TABLE peak_plans (
  id          serial PRIMARY KEY,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  kind        text NOT NULL CHECK (kind IN ('summerPeak', 'campaign', 'storm')),
  from_date   date NOT NULL,
  to_date     date NOT NULL CHECK (to_date >= from_date),
  uplift      jsonb NOT NULL DEFAULT '{}',
  note        text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  version     integer NOT NULL DEFAULT 1,
  created_by  integer REFERENCES users(id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX peak_plans_range_idx ON peak_plans(from_date, to_date);
