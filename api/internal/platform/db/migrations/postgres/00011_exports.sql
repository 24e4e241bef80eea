-- Exports: incremental pulls and pseudonyms.
--
-- Every exported table gets change_xid, the id of the transaction that last
-- wrote the row. An export runs in one REPEATABLE READ snapshot and hands the
-- caller that snapshot as its watermark; the next pull takes exactly the rows
-- whose last write the previous snapshot could not see. Unlike a timestamp,
-- this cannot miss a row written by a transaction that started before the
-- pull and committed after it, and cannot repeat one that was already seen.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE FUNCTION bic_touch_change_xid() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_xid := pg_current_xact_id();
    RETURN NEW;
END
$$;

ALTER TABLE cases ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE TRIGGER cases_change_xid BEFORE UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION bic_touch_change_xid();
CREATE INDEX cases_change_xid_idx ON cases (change_xid);

ALTER TABLE goals ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE TRIGGER goals_change_xid BEFORE UPDATE ON goals FOR EACH ROW EXECUTE FUNCTION bic_touch_change_xid();
CREATE INDEX goals_change_xid_idx ON goals (change_xid);

ALTER TABLE goal_progress ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE TRIGGER goal_progress_change_xid BEFORE UPDATE ON goal_progress FOR EACH ROW EXECUTE FUNCTION bic_touch_change_xid();
CREATE INDEX goal_progress_change_xid_idx ON goal_progress (change_xid);

ALTER TABLE follow_ups ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE TRIGGER follow_ups_change_xid BEFORE UPDATE ON follow_ups FOR EACH ROW EXECUTE FUNCTION bic_touch_change_xid();
CREATE INDEX follow_ups_change_xid_idx ON follow_ups (change_xid);

ALTER TABLE checklists ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE TRIGGER checklists_change_xid BEFORE UPDATE ON checklists FOR EACH ROW EXECUTE FUNCTION bic_touch_change_xid();
CREATE INDEX checklists_change_xid_idx ON checklists (change_xid);

ALTER TABLE checklist_items ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE TRIGGER checklist_items_change_xid BEFORE UPDATE ON checklist_items FOR EACH ROW EXECUTE FUNCTION bic_touch_change_xid();
CREATE INDEX checklist_items_change_xid_idx ON checklist_items (change_xid);

ALTER TABLE meetings ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE TRIGGER meetings_change_xid BEFORE UPDATE ON meetings FOR EACH ROW EXECUTE FUNCTION bic_touch_change_xid();
CREATE INDEX meetings_change_xid_idx ON meetings (change_xid);

ALTER TABLE fit_scores ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE TRIGGER fit_scores_change_xid BEFORE UPDATE ON fit_scores FOR EACH ROW EXECUTE FUNCTION bic_touch_change_xid();
CREATE INDEX fit_scores_change_xid_idx ON fit_scores (change_xid);

-- The audit trail is append-only, so the insert default is all it needs.
ALTER TABLE audit_events ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX audit_events_change_xid_idx ON audit_events (change_xid);

-- A stable pseudonym for a row of a kind ('case', 'goal', …): a keyed hash
-- (HMAC-SHA-256) of kind and id, so the same case carries the same pseudonym
-- in every export and dataset and nobody without the municipality's key can
-- go back to the case. The key is a session setting made by the export
-- transaction (SET LOCAL bic.pseudonym_key), never part of a statement's text,
-- so it appears in no log and no pg_stat_activity row.
CREATE FUNCTION bic_pseudonym(kind TEXT, id UUID) RETURNS TEXT
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
    SELECT substr(encode(hmac(kind || ':' || id::text, current_setting('bic.pseudonym_key'), 'sha256'), 'hex'), 1, 20)
$$;
