-- Tokens the service holds to call external action providers for a user. The token columns
-- are sealed with the service's secret key; nothing here is usable without it.
CREATE TABLE provider_credentials (
    owner                 VARCHAR(512) NOT NULL,
    provider              VARCHAR(64)  NOT NULL,
    refresh_token_sealed  VARCHAR(16384),
    access_token_sealed   VARCHAR(32768),
    access_expires_at     BIGINT,
    updated_at            BIGINT       NOT NULL,
    PRIMARY KEY (owner, provider)
);
