-- Roster extras: a per-agent iCalendar feed that calendar apps poll without a session.
-- The secret is shown once and stored only as its SHA-256 digest; one feed per user,
-- regenerating replaces it (the old link stops working), revoking deletes it.
CREATE TABLE calendar_feeds (
  user_id       integer PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  token_hash    text NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL,
  last_used_at  timestamptz
);
