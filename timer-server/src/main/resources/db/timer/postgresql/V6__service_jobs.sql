-- Work the service does for the whole database now and then (the retention sweeps): one row
-- per job, claimed by one node at a time with a lease, and due again at next_run_at.
CREATE TABLE service_jobs (
    name         VARCHAR(64)   PRIMARY KEY,
    owner_node   VARCHAR(128),
    lease_until  BIGINT,
    next_run_at  BIGINT        NOT NULL
);
