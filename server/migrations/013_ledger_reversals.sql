-- Undoing an intraday change that earned points reverses them: the ledger stays append-only, so a reversal is its
-- own line (type 'reverse', the negative of the line it reverses, at most one per line) rather than an edit.
ALTER TABLE incentive_ledger ADD COLUMN reverses bigint UNIQUE REFERENCES incentive_ledger(id);
ALTER TABLE incentive_ledger DROP CONSTRAINT IF EXISTS incentive_ledger_type_check;
ALTER TABLE incentive_ledger DROP CONSTRAINT IF EXISTS incentive_ledger_check;
ALTER TABLE incentive_ledger ADD CONSTRAINT incentive_ledger_type_check CHECK (type IN ('earn', 'redeem', 'reverse'));
ALTER TABLE incentive_ledger ADD CONSTRAINT incentive_ledger_line_check CHECK (
     (type = 'earn' AND kind IS NOT NULL AND hours IS NOT NULL AND points >= 0 AND reward_id IS NULL AND reverses IS NULL)
  OR (type = 'redeem' AND reward_id IS NOT NULL AND entitlement IS NOT NULL AND month IS NOT NULL AND points < 0 AND reverses IS NULL)
  OR (type = 'reverse' AND kind IS NOT NULL AND hours IS NOT NULL AND points <= 0 AND reward_id IS NULL AND reverses IS NOT NULL));
