-- Notifications of timer events: one row per event and target, whichever node saw the event
-- first; kept after delivery (or after giving up) so they can be shown.
CREATE TABLE notifications (
    id               TEXT    PRIMARY KEY,
    timer_id         TEXT    NOT NULL,
    owner            TEXT    NOT NULL,
    event            TEXT    NOT NULL,
    slot             INTEGER NOT NULL,
    target           TEXT    NOT NULL,
    payload          TEXT    NOT NULL,
    state            TEXT    NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  INTEGER NOT NULL,
    last_error       TEXT,
    created_at       INTEGER NOT NULL,
    delivered_at     INTEGER,
    claimed_by       TEXT,
    lease_until      INTEGER,
    UNIQUE (timer_id, event, slot, target)
) STRICT;
CREATE INDEX notifications_due ON notifications (state, next_attempt_at);
CREATE INDEX notifications_of_timer ON notifications (timer_id, created_at);
