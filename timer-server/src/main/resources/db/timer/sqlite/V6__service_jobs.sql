-- Work the service does for the whole database now and then (the retention sweeps): one row
-- per job, claimed by one node at a time with a lease, and due again at next_run_at.
CREATE TABLE service_jobs (
    name         TEXT     PRIMARY KEY,
    owner_node   TEXT,
    lease_until  INTEGER,
    next_run_at  INTEGER  NOT NULL
) STRICT;
