-- Meetings of a case: when, in what form, where, with whom, whether the agenda
-- was sent beforehand, the agenda (the caseworker's items and the citizen's
-- own topics), a short summary and the agreements made. Held meetings are the
-- case's actual contact, compared with its contact agreement.
CREATE TABLE meetings (
    id               TEXT PRIMARY KEY,
    case_id          TEXT NOT NULL REFERENCES cases (id),
    starts_at        TIMESTAMP NOT NULL,
    duration_minutes INTEGER CHECK (duration_minutes BETWEEN 5 AND 600),
    form             TEXT NOT NULL CHECK (form IN ('office', 'home', 'walk_and_talk', 'video', 'phone', 'other')),
    place            TEXT NOT NULL DEFAULT '',
    participants     TEXT NOT NULL DEFAULT '[]',
    agenda_sent      BOOLEAN NOT NULL DEFAULT FALSE,
    agenda           TEXT NOT NULL DEFAULT '[]',
    summary          TEXT NOT NULL DEFAULT '',
    agreements       TEXT NOT NULL DEFAULT '[]',
    status           TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
    created_at       TIMESTAMP NOT NULL,
    created_by       TEXT NOT NULL REFERENCES users (id),
    updated_at       TIMESTAMP NOT NULL,
    updated_by       TEXT NOT NULL REFERENCES users (id),
    version          INTEGER NOT NULL DEFAULT 1
);
-- A case's meetings, newest first, and its previous meeting.
CREATE INDEX meetings_case_idx ON meetings (case_id, starts_at, id);
-- Held meetings per team and period.
CREATE INDEX meetings_starts_idx ON meetings (starts_at);
