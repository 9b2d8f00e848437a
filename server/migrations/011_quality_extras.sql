-- Quality extras: client reviewers bound to a project, draws in portions through the period,
-- named arbitrators, reassignment log, error categories on failed items.

-- A client reviewer (role 'client') sees only this project's samples.
ALTER TABLE users ADD COLUMN client_project_id integer REFERENCES projects(id);

-- 'once': one draw over the whole period; 'week': one draw per 7-day portion, each from the
-- plan seed and the portion number (plan_draws.seed holds the derived seed).
ALTER TABLE plans ADD COLUMN draw_every text NOT NULL DEFAULT 'once' CHECK (draw_every IN ('once', 'week'));
-- Who arbitrates disputes of this plan's evaluations (NULL: the centre's arbitrator, else the original inspector).
ALTER TABLE plans ADD COLUMN arbitrator_id integer REFERENCES users(id);

ALTER TABLE plan_draws ADD COLUMN portion integer NOT NULL DEFAULT 0;
ALTER TABLE plan_draws ADD COLUMN portion_start date;
ALTER TABLE plan_draws ADD COLUMN portion_end date;

CREATE TABLE sample_reassignments (
  id           serial PRIMARY KEY,
  sample_id    integer NOT NULL REFERENCES samples(id),
  from_user    integer REFERENCES users(id),
  to_user      integer NOT NULL REFERENCES users(id),
  reason       text NOT NULL,
  due_date     date,
  by_user      integer REFERENCES users(id),
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sample_reassignments_sample_idx ON sample_reassignments(sample_id);

-- The configurable list of error categories a failed item is put in.
CREATE TABLE error_categories (
  code      text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{1,40}$'),
  name      text NOT NULL,
  position  integer NOT NULL DEFAULT 0,
  active    boolean NOT NULL DEFAULT true
);
INSERT INTO error_categories (code, name, position) VALUES
  ('knowledge', '业务知识不足', 1),
  ('process', '流程执行不规范', 2),
  ('attitude', '服务态度与情绪', 3),
  ('expression', '表达与沟通技巧', 4),
  ('system', '系统操作与工单录入', 5),
  ('security', '信息安全与合规', 6);

-- Per failed item: the error category code chosen when it failed.
ALTER TABLE evaluations ADD COLUMN error_categories jsonb NOT NULL DEFAULT '{}';
