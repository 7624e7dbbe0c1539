-- A claim looks only at timers no node holds and at leases that ran out. With one index on
-- due_at it read every held timer due within the horizon (thousands at 1,000 firings/s) on each
-- claim, and checked its lease in the table.
CREATE INDEX timers_due_unleased ON timers (due_at) WHERE lease_until IS NULL;
CREATE INDEX timers_lease_expiry ON timers (lease_until) WHERE lease_until IS NOT NULL;
DROP INDEX timers_due;
