-- Notifications of timer events: one row per event and target, whichever node saw the event
-- first; kept after delivery (or after giving up) so they can be shown.
CREATE TABLE notifications (
    id               UUID          PRIMARY KEY,
    timer_id         UUID          NOT NULL,
    owner            VARCHAR(512)  NOT NULL,
    event            VARCHAR(32)   NOT NULL,
    slot             BIGINT        NOT NULL,
    target           VARCHAR(4096) NOT NULL,
    payload          TEXT          NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  BIGINT        NOT NULL,
    last_error       VARCHAR(2048),
    created_at       BIGINT        NOT NULL,
    delivered_at     BIGINT,
    claimed_by       VARCHAR(128),
    lease_until      BIGINT,
    UNIQUE (timer_id, event, slot, target)
);
CREATE INDEX notifications_due ON notifications (state, next_attempt_at);
CREATE INDEX notifications_of_timer ON notifications (timer_id, created_at);
