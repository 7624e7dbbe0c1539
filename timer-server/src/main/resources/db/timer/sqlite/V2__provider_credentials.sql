-- Tokens the service holds to call external action providers for a user. The token columns
-- are sealed with the service's secret key; nothing here is usable without it.
CREATE TABLE provider_credentials (
    owner                 TEXT    NOT NULL,
    provider              TEXT    NOT NULL,
    refresh_token_sealed  TEXT,
    access_token_sealed   TEXT,
    access_expires_at     INTEGER,
    updated_at            INTEGER NOT NULL,
    PRIMARY KEY (owner, provider)
) STRICT;
