-- Instants are epoch milliseconds (BIGINT): identical on every database and free of zone rules.
CREATE TABLE timers (
    id               UUID          PRIMARY KEY,
    owner            VARCHAR(512)  NOT NULL,
    name             VARCHAR(1024),
    timer_type       VARCHAR(16)   NOT NULL,
    api_version      INT           NOT NULL,
    status           VARCHAR(32)   NOT NULL,
    inactive_cause   VARCHAR(64),
    inactive_detail  VARCHAR(2048),
    submitted_at     BIGINT        NOT NULL,
    start_at         BIGINT        NOT NULL,
    interval_ms      BIGINT,
    end_at           BIGINT,
    end_runs         INT,
    callback_url     VARCHAR(4096) NOT NULL,
    callback_body    CHARACTER VARYING(1000000)          NOT NULL,
    scope            VARCHAR(2048),
    body             CHARACTER VARYING(1000000),
    flow_id          VARCHAR(64),
    resume_policy    VARCHAR(32)   NOT NULL,
    next_slot        BIGINT,
    next_run_at      BIGINT,
    pending_slot     BIGINT,
    active_slot      BIGINT,
    due_at           BIGINT,
    n_runs           INT           NOT NULL,
    n_errors         INT           NOT NULL,
    n_skipped        INT           NOT NULL,
    last_ran_at      BIGINT,
    claimed_by       VARCHAR(128),
    lease_until      BIGINT,
    version          BIGINT        NOT NULL
);
CREATE INDEX timers_due ON timers (due_at);
CREATE INDEX timers_owner ON timers (owner, submitted_at);

CREATE TABLE runs (
    timer_id          UUID         NOT NULL,
    slot              BIGINT       NOT NULL,
    tick_at           BIGINT       NOT NULL,
    request_id        VARCHAR(64)  NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    ran_at            BIGINT       NOT NULL,
    end_at            BIGINT,
    attempts          INT          NOT NULL,
    retry_until       BIGINT,
    http_status_submission INT,
    http_status_polled     INT,
    action_id         VARCHAR(512),
    data              CHARACTER VARYING(1000000),
    errors            CHARACTER VARYING(1000000),
    last_check_at     BIGINT,
    next_check_at     BIGINT,
    polls             INT          NOT NULL,
    monitor_lease_until BIGINT,
    PRIMARY KEY (timer_id, slot)
);
CREATE INDEX runs_next_check ON runs (next_check_at);

CREATE TABLE local_tokens (
    token_hash  VARCHAR(128) PRIMARY KEY,
    principal   VARCHAR(512) NOT NULL,
    username    VARCHAR(512) NOT NULL,
    created_at  BIGINT       NOT NULL
);

CREATE TABLE nodes (
    node_id      VARCHAR(128) PRIMARY KEY,
    url          VARCHAR(1024),
    started_at   BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL
);
