-- Cron schedules in a time zone, jitter, and the overlap and catch-up policies.
ALTER TABLE timers ADD COLUMN cron_expression VARCHAR(1024);
ALTER TABLE timers ADD COLUMN cron_timezone VARCHAR(1024);
ALTER TABLE timers ADD COLUMN jitter_seconds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE timers ADD COLUMN overlap_policy VARCHAR(16) NOT NULL DEFAULT 'SKIP';
ALTER TABLE timers ADD COLUMN catchup_policy VARCHAR(16) NOT NULL DEFAULT 'ONE';
ALTER TABLE timers ADD COLUMN catchup_window_ms BIGINT;
