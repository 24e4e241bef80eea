-- Recovery-principle checklists. The principle texts and the principle ×
-- phase mapping are versioned reference data (principle_sets): a new version
-- is a new row, never an edit, and a checklist keeps the version it was
-- created with. Municipality-wide settings hold the phase-gate mode.
CREATE TABLE principle_sets (
    version      TEXT PRIMARY KEY,
    content      TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    published_at TIMESTAMP NOT NULL,
    published_by TEXT REFERENCES users (id)
);
CREATE INDEX principle_sets_published_idx ON principle_sets (published_at DESC, version DESC);

CREATE TABLE checklists (
    id                TEXT PRIMARY KEY,
    case_id           TEXT NOT NULL REFERENCES cases (id),
    phase             TEXT NOT NULL CHECK (phase IN ('sagsaabning', 'sagsoplysning', 'sagsvurdering', 'afgoerelse', 'bestilling', 'opfoelgning')),
    iteration         INTEGER NOT NULL CHECK (iteration >= 1),
    round             INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
    principle_version TEXT NOT NULL REFERENCES principle_sets (version),
    created_at        TIMESTAMP NOT NULL,
    created_by        TEXT NOT NULL REFERENCES users (id),
    updated_at        TIMESTAMP NOT NULL,
    updated_by        TEXT NOT NULL REFERENCES users (id),
    -- When the case left the phase (or the follow-up round): from then on an
    -- unanswered checklist counts in the leader's overview as open.
    left_at           TIMESTAMP,
    version           INTEGER NOT NULL DEFAULT 1,
    UNIQUE (case_id, phase, iteration, round)
);
-- The leader overview reads checklists by period.
CREATE INDEX checklists_updated_idx ON checklists (updated_at, id);

CREATE TABLE checklist_items (
    checklist_id  TEXT NOT NULL REFERENCES checklists (id),
    principle     TEXT NOT NULL,
    applicability TEXT NOT NULL CHECK (applicability IN ('core', 'optional', 'other')),
    status        TEXT NOT NULL CHECK (status IN ('open', 'applied', 'partly_applied', 'not_applied', 'not_relevant_now')),
    note          TEXT NOT NULL DEFAULT '',
    updated_at    TIMESTAMP,
    updated_by    TEXT REFERENCES users (id),
    PRIMARY KEY (checklist_id, principle)
);

CREATE TABLE settings (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    phase_gate TEXT NOT NULL DEFAULT 'warn' CHECK (phase_gate IN ('warn', 'require')),
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at TIMESTAMP,
    updated_by TEXT REFERENCES users (id)
);
INSERT INTO settings (id, phase_gate, version) VALUES (1, 'warn', 1);
