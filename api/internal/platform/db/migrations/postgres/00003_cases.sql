-- The case (sag). The citizen is held on the case; the same person across
-- cases is recognised by the keyed CPR hash. Sub-documents that are always read
-- and written with the case (dreams, resources, network, contact agreement,
-- expectation alignment) are jsonb, validated by the application.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE cases (
    id                  UUID PRIMARY KEY,
    team_id             UUID NOT NULL REFERENCES teams (id),
    caseworker_id       UUID NOT NULL REFERENCES users (id),
    citizen_name        TEXT NOT NULL,
    citizen_name_search TEXT NOT NULL,
    citizen_cpr_enc     TEXT NOT NULL,
    citizen_cpr_hash    TEXT NOT NULL,
    citizen_cpr_masked  TEXT NOT NULL,
    citizen_birth_year  INTEGER NOT NULL,
    citizen_sex         TEXT NOT NULL CHECK (citizen_sex IN ('female', 'male')),
    legal_basis         TEXT NOT NULL CHECK (legal_basis IN ('sel_82', 'sel_85', 'sel_107', 'other')),
    legal_basis_note    TEXT NOT NULL DEFAULT '',
    target_group        TEXT NOT NULL,
    phase               TEXT NOT NULL CHECK (phase IN ('sagsaabning', 'sagsoplysning', 'sagsvurdering', 'afgoerelse', 'bestilling', 'opfoelgning')),
    phase_iteration     INTEGER NOT NULL DEFAULT 1,
    status              TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    closure_reason      TEXT NOT NULL DEFAULT '',
    closure_note        TEXT NOT NULL DEFAULT '',
    dreams              JSONB NOT NULL DEFAULT '[]',
    resources           JSONB NOT NULL DEFAULT '[]',
    network             JSONB NOT NULL DEFAULT '[]',
    contact_agreement   JSONB NOT NULL DEFAULT '{}',
    expectations        JSONB NOT NULL DEFAULT '[]',
    follow_up_cadence   TEXT NOT NULL DEFAULT '',
    next_follow_up_date DATE,
    opened_at           TIMESTAMPTZ NOT NULL,
    closed_at           TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    created_by          UUID NOT NULL REFERENCES users (id),
    updated_by          UUID NOT NULL REFERENCES users (id),
    version             INTEGER NOT NULL DEFAULT 1
);
-- One index per list filter and sort order; team_id leads because every list
-- is scoped to the caller's teams.
CREATE INDEX cases_team_updated_idx ON cases (team_id, updated_at, id);
CREATE INDEX cases_team_opened_idx ON cases (team_id, opened_at, id);
CREATE INDEX cases_team_name_idx ON cases (team_id, citizen_name_search, id);
CREATE INDEX cases_team_phase_idx ON cases (team_id, phase);
CREATE INDEX cases_team_status_idx ON cases (team_id, status);
CREATE INDEX cases_caseworker_idx ON cases (caseworker_id);
CREATE INDEX cases_follow_up_idx ON cases (team_id, next_follow_up_date, id) WHERE status = 'open';
CREATE INDEX cases_cpr_hash_idx ON cases (citizen_cpr_hash);
CREATE INDEX cases_name_trgm_idx ON cases USING gin (citizen_name_search gin_trgm_ops);

CREATE TABLE case_phase_transitions (
    id          UUID PRIMARY KEY,
    case_id     UUID NOT NULL REFERENCES cases (id),
    from_phase  TEXT NOT NULL DEFAULT '',
    to_phase    TEXT NOT NULL,
    iteration   INTEGER NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    actor_id    UUID NOT NULL REFERENCES users (id),
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_phase_transitions_case_idx ON case_phase_transitions (case_id, occurred_at, id);
