-- Cron schedules in a time zone, jitter, and the overlap and catch-up policies.
ALTER TABLE timers ADD COLUMN cron_expression TEXT;
ALTER TABLE timers ADD COLUMN cron_timezone TEXT;
ALTER TABLE timers ADD COLUMN jitter_seconds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE timers ADD COLUMN overlap_policy TEXT NOT NULL DEFAULT 'SKIP';
ALTER TABLE timers ADD COLUMN catchup_policy TEXT NOT NULL DEFAULT 'ONE';
ALTER TABLE timers ADD COLUMN catchup_window_ms INTEGER;
