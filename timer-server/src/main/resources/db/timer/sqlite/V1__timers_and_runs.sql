-- Instants are epoch milliseconds (INTEGER), as on PostgreSQL; UUIDs are their text.
-- STRICT tables refuse a value of the wrong type instead of storing it anyway.
CREATE TABLE timers (
    id               TEXT    PRIMARY KEY,
    owner            TEXT    NOT NULL,
    name             TEXT,
    timer_type       TEXT    NOT NULL,
    api_version      INTEGER NOT NULL,
    status           TEXT    NOT NULL,
    inactive_cause   TEXT,
    inactive_detail  TEXT,
    submitted_at     INTEGER NOT NULL,
    start_at         INTEGER NOT NULL,
    interval_ms      INTEGER,
    end_at           INTEGER,
    end_runs         INTEGER,
    callback_url     TEXT    NOT NULL,
    callback_body    TEXT    NOT NULL,
    scope            TEXT,
    body             TEXT,
    flow_id          TEXT,
    resume_policy    TEXT    NOT NULL,
    next_slot        INTEGER,
    next_run_at      INTEGER,
    pending_slot     INTEGER,
    active_slot      INTEGER,
    due_at           INTEGER,
    n_runs           INTEGER NOT NULL,
    n_errors         INTEGER NOT NULL,
    n_skipped        INTEGER NOT NULL,
    last_ran_at      INTEGER,
    claimed_by       TEXT,
    lease_until      INTEGER,
    version          INTEGER NOT NULL
) STRICT;
CREATE INDEX timers_due ON timers (due_at);
CREATE INDEX timers_owner ON timers (owner, submitted_at);

CREATE TABLE runs (
    timer_id          TEXT    NOT NULL REFERENCES timers (id),
    slot              INTEGER NOT NULL,
    tick_at           INTEGER NOT NULL,
    request_id        TEXT    NOT NULL,
    state             TEXT    NOT NULL,
    ran_at            INTEGER NOT NULL,
    end_at            INTEGER,
    attempts          INTEGER NOT NULL,
    retry_until       INTEGER,
    http_status_submission INTEGER,
    http_status_polled     INTEGER,
    action_id         TEXT,
    data              TEXT,
    errors            TEXT,
    last_check_at     INTEGER,
    next_check_at     INTEGER,
    polls             INTEGER NOT NULL,
    monitor_lease_until INTEGER,
    PRIMARY KEY (timer_id, slot)
) STRICT, WITHOUT ROWID;
CREATE INDEX runs_next_check ON runs (next_check_at);

CREATE TABLE local_tokens (
    token_hash  TEXT    PRIMARY KEY,
    principal   TEXT    NOT NULL,
    username    TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE nodes (
    node_id      TEXT    PRIMARY KEY,
    url          TEXT,
    started_at   INTEGER NOT NULL,
    heartbeat_at INTEGER NOT NULL
) STRICT;
