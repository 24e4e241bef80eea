-- Who did what to which case, when, from where, and how it ended. Rows are only
-- ever inserted; the triggers below make the database refuse anything else.
CREATE TABLE audit_events (
    id          TEXT PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL,
    actor_id    TEXT,
    actor_role  TEXT NOT NULL DEFAULT '',
    subject     TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    case_id     TEXT,
    team_id     TEXT,
    request_id  TEXT NOT NULL DEFAULT '',
    client_ip   TEXT NOT NULL DEFAULT '',
    outcome     TEXT NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_time_idx ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_case_idx ON audit_events (case_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_team_idx ON audit_events (team_id, occurred_at DESC, id DESC);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: UPDATE refused'); END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: DELETE refused'); END;
