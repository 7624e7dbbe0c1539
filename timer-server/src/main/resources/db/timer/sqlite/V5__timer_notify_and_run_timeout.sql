-- Per-timer run timeout and notifications; NULL takes the service's setting. notify_on and
-- notify_emails are comma-separated lists, where '' means none.
ALTER TABLE timers ADD COLUMN run_timeout_ms INTEGER;
ALTER TABLE timers ADD COLUMN notify_on TEXT;
ALTER TABLE timers ADD COLUMN notify_emails TEXT;
ALTER TABLE timers ADD COLUMN notify_webhook_url TEXT;
