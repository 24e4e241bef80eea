-- GET /audit filters by action (e.g. every CPR reveal in a period).
CREATE INDEX audit_events_action_idx ON audit_events (action, occurred_at DESC, id DESC);
