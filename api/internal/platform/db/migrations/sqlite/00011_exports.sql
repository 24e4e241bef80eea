-- Exports: incremental pulls. SQLite has one writer at a time, so a counter
-- bumped inside every write transaction orders the writes exactly: a pull
-- reads the counter in its own snapshot and the next pull takes the rows
-- written after that value. The audit trail is append-only and ordered by its
-- rowid, so it needs no column. Pseudonyms come from the bic_pseudonym SQL
-- function the server registers (package exports).
CREATE TABLE change_counter (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);

ALTER TABLE cases ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX cases_change_seq_idx ON cases (change_seq);
CREATE TRIGGER cases_change_seq_insert AFTER INSERT ON cases BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE cases SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER cases_change_seq_update AFTER UPDATE ON cases WHEN NEW.change_seq = OLD.change_seq BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE cases SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE rowid = NEW.rowid;
END;

ALTER TABLE goals ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX goals_change_seq_idx ON goals (change_seq);
CREATE TRIGGER goals_change_seq_insert AFTER INSERT ON goals BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE goals SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER goals_change_seq_update AFTER UPDATE ON goals WHEN NEW.change_seq = OLD.change_seq BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE goals SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE rowid = NEW.rowid;
END;

ALTER TABLE goal_progress ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX goal_progress_change_seq_idx ON goal_progress (change_seq);
CREATE TRIGGER goal_progress_change_seq_insert AFTER INSERT ON goal_progress BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE goal_progress SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER goal_progress_change_seq_update AFTER UPDATE ON goal_progress WHEN NEW.change_seq = OLD.change_seq BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE goal_progress SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE rowid = NEW.rowid;
END;

ALTER TABLE follow_ups ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX follow_ups_change_seq_idx ON follow_ups (change_seq);
CREATE TRIGGER follow_ups_change_seq_insert AFTER INSERT ON follow_ups BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE follow_ups SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER follow_ups_change_seq_update AFTER UPDATE ON follow_ups WHEN NEW.change_seq = OLD.change_seq BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE follow_ups SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE rowid = NEW.rowid;
END;

ALTER TABLE checklists ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX checklists_change_seq_idx ON checklists (change_seq);
CREATE TRIGGER checklists_change_seq_insert AFTER INSERT ON checklists BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE checklists SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER checklists_change_seq_update AFTER UPDATE ON checklists WHEN NEW.change_seq = OLD.change_seq BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE checklists SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE rowid = NEW.rowid;
END;

ALTER TABLE checklist_items ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX checklist_items_change_seq_idx ON checklist_items (change_seq);
CREATE TRIGGER checklist_items_change_seq_insert AFTER INSERT ON checklist_items BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE checklist_items SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER checklist_items_change_seq_update AFTER UPDATE ON checklist_items WHEN NEW.change_seq = OLD.change_seq BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE checklist_items SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE rowid = NEW.rowid;
END;

ALTER TABLE meetings ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX meetings_change_seq_idx ON meetings (change_seq);
CREATE TRIGGER meetings_change_seq_insert AFTER INSERT ON meetings BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE meetings SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER meetings_change_seq_update AFTER UPDATE ON meetings WHEN NEW.change_seq = OLD.change_seq BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE meetings SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE rowid = NEW.rowid;
END;

ALTER TABLE fit_scores ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX fit_scores_change_seq_idx ON fit_scores (change_seq);
CREATE TRIGGER fit_scores_change_seq_insert AFTER INSERT ON fit_scores BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE fit_scores SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER fit_scores_change_seq_update AFTER UPDATE ON fit_scores WHEN NEW.change_seq = OLD.change_seq BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE fit_scores SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE rowid = NEW.rowid;
END;
-- Rows written before this migration count as written at counter value 0.
