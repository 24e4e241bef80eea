-- Integration accounts: service accounts that pull data with OAuth client
-- credentials, and personal API tokens of staff. Both carry scopes; the
-- route gate lets a token reach only the endpoints that name one of them.
--
-- Secrets and tokens are stored as SHA-256 hex digests, never in clear. A
-- fast, unsalted hash is right here, unlike for passwords: every secret is
-- 256 bits from the operating system's CSPRNG, so there is no dictionary to
-- try and a brute-force search of 2^256 values is out of reach however fast
-- each guess is. Salt and a slow KDF (argon2id, as for passwords) only help
-- against low-entropy human choices, and would cost a slow hash on every API
-- request that presents a personal token. A plain digest also lets the server
-- find the row by an indexed equality lookup.
CREATE TABLE service_accounts (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
    -- JSON array of scope names, e.g. ["cases:read"]; validated by the application.
    scopes      TEXT NOT NULL DEFAULT '[]',
    -- Municipality-wide reach: every team, including teams created later.
    all_teams   BOOLEAN NOT NULL DEFAULT 0,
    active      BOOLEAN NOT NULL DEFAULT 1,
    created_at  TIMESTAMP NOT NULL,
    created_by  TEXT REFERENCES users (id),
    updated_at  TIMESTAMP NOT NULL,
    updated_by  TEXT REFERENCES users (id),
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX service_accounts_name_key ON service_accounts (lower(name));

CREATE TABLE service_account_teams (
    account_id TEXT NOT NULL REFERENCES service_accounts (id),
    team_id    TEXT NOT NULL REFERENCES teams (id),
    PRIMARY KEY (account_id, team_id)
);
CREATE INDEX service_account_teams_team_idx ON service_account_teams (team_id);

-- One row per client secret. id is the OAuth client_id. An account may hold
-- more than one so that a secret can be rotated without downtime.
CREATE TABLE service_account_credentials (
    id           TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL REFERENCES service_accounts (id),
    secret_hash  TEXT NOT NULL,
    label        TEXT NOT NULL DEFAULT '' CHECK (length(label) <= 200),
    created_at   TIMESTAMP NOT NULL,
    created_by   TEXT REFERENCES users (id),
    expires_at   TIMESTAMP,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP,
    revoked_by   TEXT REFERENCES users (id)
);
CREATE INDEX service_account_credentials_account_idx ON service_account_credentials (account_id, created_at DESC);

-- A staff member's own API token ("bicp_…"), limited to scopes their role
-- allows. It is presented as the bearer token itself and looked up by hash.
CREATE TABLE personal_tokens (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash   TEXT NOT NULL,
    scopes       TEXT NOT NULL DEFAULT '[]',
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP
);
CREATE UNIQUE INDEX personal_tokens_hash_key ON personal_tokens (token_hash);
CREATE INDEX personal_tokens_user_idx ON personal_tokens (user_id, created_at DESC);

-- The personal token or client credential an audited request was made with,
-- so that everything done under one credential can be found (and, after a
-- leak, reviewed). No foreign key: it names rows of two tables.
ALTER TABLE audit_events ADD COLUMN credential_id TEXT;
CREATE INDEX audit_events_credential_idx ON audit_events (credential_id, occurred_at DESC, id DESC)
    WHERE credential_id IS NOT NULL;
