-- FIT feedback (ORS and SRS per meeting), the model's three feedback
-- questions, one-time feedback links for the citizen's own phone, the signals
-- that ask the caseworker to close the loop, and a municipality's licensed
-- wording of the scales. Scores are stored in tenths (a mark on a 10 cm line
-- read to the millimetre), so sums are exact.
CREATE TABLE fit_scores (
    id          UUID PRIMARY KEY,
    meeting_id  UUID NOT NULL REFERENCES meetings (id),
    case_id     UUID NOT NULL REFERENCES cases (id),
    scale       TEXT NOT NULL CHECK (scale IN ('ors', 'srs')),
    rater       TEXT NOT NULL CHECK (rater IN ('citizen', 'relative', 'provider')),
    entered_by  TEXT NOT NULL CHECK (entered_by IN ('citizen_device', 'caseworker')),
    item1       INTEGER NOT NULL CHECK (item1 BETWEEN 0 AND 100),
    item2       INTEGER NOT NULL CHECK (item2 BETWEEN 0 AND 100),
    item3       INTEGER NOT NULL CHECK (item3 BETWEEN 0 AND 100),
    item4       INTEGER NOT NULL CHECK (item4 BETWEEN 0 AND 100),
    total       INTEGER NOT NULL CHECK (total BETWEEN 0 AND 400),
    recorded_at TIMESTAMPTZ NOT NULL,
    recorded_by UUID REFERENCES users (id),
    version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (meeting_id, scale, rater)
);
CREATE INDEX fit_scores_case_idx ON fit_scores (case_id, scale, recorded_at);
CREATE INDEX fit_scores_recorded_idx ON fit_scores (recorded_at);

CREATE TABLE fit_score_corrections (
    id           UUID PRIMARY KEY,
    score_id     UUID NOT NULL REFERENCES fit_scores (id),
    item1        INTEGER NOT NULL,
    item2        INTEGER NOT NULL,
    item3        INTEGER NOT NULL,
    item4        INTEGER NOT NULL,
    total        INTEGER NOT NULL,
    reason       TEXT NOT NULL,
    corrected_at TIMESTAMPTZ NOT NULL,
    corrected_by UUID NOT NULL REFERENCES users (id)
);
CREATE INDEX fit_score_corrections_score_idx ON fit_score_corrections (score_id, corrected_at);

CREATE TABLE feedback_answers (
    id                  UUID PRIMARY KEY,
    meeting_id          UUID NOT NULL UNIQUE REFERENCES meetings (id),
    case_id             UUID NOT NULL REFERENCES cases (id),
    meeting_ok          TEXT NOT NULL CHECK (meeting_ok IN ('yes', 'partly', 'no')),
    talked_about        TEXT NOT NULL CHECK (talked_about IN ('yes', 'partly', 'no')),
    different_next_time TEXT NOT NULL DEFAULT '',
    entered_by          TEXT NOT NULL CHECK (entered_by IN ('citizen_device', 'caseworker')),
    recorded_at         TIMESTAMPTZ NOT NULL,
    recorded_by         UUID REFERENCES users (id)
);

CREATE TABLE feedback_links (
    id         UUID PRIMARY KEY,
    meeting_id UUID NOT NULL REFERENCES meetings (id),
    case_id    UUID NOT NULL REFERENCES cases (id),
    token_hash TEXT NOT NULL UNIQUE,
    parts      JSONB NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    created_by UUID NOT NULL REFERENCES users (id)
);
CREATE INDEX feedback_links_meeting_idx ON feedback_links (meeting_id, created_at);

-- One use per link and part; the submission id makes a retried submission
-- from a flaky connection land once.
CREATE TABLE feedback_link_uses (
    link_id       UUID NOT NULL REFERENCES feedback_links (id),
    part          TEXT NOT NULL,
    submission_id UUID NOT NULL,
    used_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (link_id, part)
);

CREATE TABLE feedback_signals (
    id           UUID PRIMARY KEY,
    case_id      UUID NOT NULL REFERENCES cases (id),
    meeting_id   UUID NOT NULL REFERENCES meetings (id),
    kind         TEXT NOT NULL CHECK (kind IN ('alliance', 'deterioration', 'change_requested')),
    detail       TEXT NOT NULL DEFAULT '',
    raised_at    TIMESTAMPTZ NOT NULL,
    response     TEXT NOT NULL DEFAULT '',
    responded_at TIMESTAMPTZ,
    responded_by UUID REFERENCES users (id),
    UNIQUE (meeting_id, kind)
);
CREATE INDEX feedback_signals_case_idx ON feedback_signals (case_id, raised_at);

CREATE TABLE fit_wording (
    lang       TEXT PRIMARY KEY CHECK (lang IN ('da', 'en')),
    content    JSONB NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by UUID NOT NULL REFERENCES users (id)
);
