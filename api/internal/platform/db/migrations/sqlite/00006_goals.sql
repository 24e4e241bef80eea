-- SMART goals with sub-goals (one level), their status history, progress
-- measurements from each side, and follow-up reviews of a case.
CREATE TABLE goals (
    id                   TEXT PRIMARY KEY,
    case_id              TEXT NOT NULL REFERENCES cases (id),
    parent_id            TEXT REFERENCES goals (id),
    dream_id             TEXT,
    title                TEXT NOT NULL,
    specific             TEXT NOT NULL DEFAULT '',
    measurable_indicator TEXT NOT NULL DEFAULT '',
    measurable_target    TEXT NOT NULL DEFAULT '',
    achievable_steps     TEXT NOT NULL DEFAULT '',
    achievable_resources TEXT NOT NULL DEFAULT '',
    relevant             TEXT NOT NULL DEFAULT '',
    target_date          DATE,
    horizon              TEXT NOT NULL CHECK (horizon IN ('short', 'long')),
    participants         TEXT NOT NULL DEFAULT '[]',
    status               TEXT NOT NULL CHECK (status IN ('draft', 'active', 'achieved', 'adjusted', 'discontinued')),
    next_step_kind       TEXT NOT NULL DEFAULT '',
    next_step_note       TEXT NOT NULL DEFAULT '',
    gas_levels           TEXT,
    gas_attained         INTEGER CHECK (gas_attained BETWEEN -2 AND 2),
    created_at           TIMESTAMP NOT NULL,
    updated_at           TIMESTAMP NOT NULL,
    created_by           TEXT NOT NULL REFERENCES users (id),
    updated_by           TEXT NOT NULL REFERENCES users (id),
    version              INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX goals_case_idx ON goals (case_id, created_at, id);
CREATE INDEX goals_parent_idx ON goals (parent_id);

CREATE TABLE goal_status_changes (
    id             TEXT PRIMARY KEY,
    goal_id        TEXT NOT NULL REFERENCES goals (id),
    from_status    TEXT NOT NULL DEFAULT '',
    to_status      TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    next_step_kind TEXT NOT NULL DEFAULT '',
    next_step_note TEXT NOT NULL DEFAULT '',
    occurred_at    TIMESTAMP NOT NULL,
    actor_id       TEXT NOT NULL REFERENCES users (id)
);
CREATE INDEX goal_status_changes_goal_idx ON goal_status_changes (goal_id, occurred_at, id);

CREATE TABLE goal_progress (
    id          TEXT PRIMARY KEY,
    goal_id     TEXT NOT NULL REFERENCES goals (id),
    measured_on DATE NOT NULL,
    rater       TEXT NOT NULL CHECK (rater IN ('citizen', 'caseworker', 'provider')),
    value       INTEGER NOT NULL CHECK (value BETWEEN 1 AND 10),
    note        TEXT NOT NULL DEFAULT '',
    follow_up_id TEXT,
    recorded_at TIMESTAMP NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users (id)
);
CREATE INDEX goal_progress_goal_idx ON goal_progress (goal_id, measured_on, recorded_at, id);

CREATE TABLE follow_ups (
    id                  TEXT PRIMARY KEY,
    case_id             TEXT NOT NULL REFERENCES cases (id),
    held_on             DATE NOT NULL,
    next_follow_up_date DATE NOT NULL,
    note                TEXT NOT NULL DEFAULT '',
    items               TEXT NOT NULL DEFAULT '[]',
    created_at          TIMESTAMP NOT NULL,
    created_by          TEXT NOT NULL REFERENCES users (id)
);
CREATE INDEX follow_ups_case_idx ON follow_ups (case_id, held_on, id);
