-- Foundation: settings, the centre's organisation, users, sessions, tokens, audit log.

CREATE TABLE settings (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE projects (
  id          serial PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  name_en     text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('hotline', 'outsourced')),
  sl_target   numeric(4,3) NOT NULL DEFAULT 0.8,
  sl_seconds  integer NOT NULL DEFAULT 20,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE departments (
  code  text PRIMARY KEY,
  name  text NOT NULL,
  role  text NOT NULL CHECK (role IN ('owning', 'responsible'))
);

CREATE TABLE teams (
  id          serial PRIMARY KEY,
  project_id  integer NOT NULL REFERENCES projects(id),
  code        text NOT NULL UNIQUE,
  name        text NOT NULL
);

CREATE TABLE users (
  id             serial PRIMARY KEY,
  username       text NOT NULL UNIQUE CHECK (username = lower(username) AND username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
  display_name   text NOT NULL,
  password_hash  text NOT NULL,
  roles          text[] NOT NULL DEFAULT '{}',
  locale         text CHECK (locale IN ('zh-CN', 'en')),
  team_id        integer REFERENCES teams(id),
  active         boolean NOT NULL DEFAULT true,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  id            text PRIMARY KEY,            -- sha256 of the cookie value, never the value itself
  user_id       integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  user_agent    text,
  ip            text
);
CREATE INDEX sessions_user_idx ON sessions(user_id);

CREATE TABLE login_attempts (
  id        bigserial PRIMARY KEY,
  username  text NOT NULL,
  ip        text NOT NULL,
  at        timestamptz NOT NULL DEFAULT now(),
  ok        boolean NOT NULL
);
CREATE INDEX login_attempts_username_idx ON login_attempts(username, at);
CREATE INDEX login_attempts_ip_idx ON login_attempts(ip, at);

CREATE TABLE api_tokens (
  id            serial PRIMARY KEY,
  user_id       integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name          text NOT NULL,
  token_hash    text NOT NULL UNIQUE,        -- sha256 of the token
  prefix        text NOT NULL,               -- first characters, to recognise a token in lists
  created_by    integer REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);

CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    integer REFERENCES users(id) ON DELETE SET NULL,
  actor_name  text NOT NULL,
  action      text NOT NULL,
  target      text,
  detail      jsonb NOT NULL DEFAULT '{}',
  request_id  text
);
CREATE INDEX audit_log_at_idx ON audit_log(at DESC);
