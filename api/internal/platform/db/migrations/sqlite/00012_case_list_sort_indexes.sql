-- A case list spanning many teams (a leader of a whole area) wants the first
-- page of all their cases in one sort order. The (team_id, …) indexes serve a
-- single team; across many teams the database reads and sorts every case of
-- those teams instead. An index per sort order lets it walk the cases in
-- order, keep those of the caller's teams and stop after one page. SQLite's
-- planner picks it only when it has statistics (ANALYZE); see
-- docs/performance.md.
CREATE INDEX cases_updated_idx ON cases (updated_at, id);
CREATE INDEX cases_opened_idx ON cases (opened_at, id);
CREATE INDEX cases_name_idx ON cases (citizen_name_search, id);
-- The expression is the list's sort expression for next_follow_up, verbatim.
CREATE INDEX cases_next_follow_up_idx ON cases (COALESCE(next_follow_up_date, '9999-12-31'), id);
