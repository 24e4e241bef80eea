-- A reopened case keeps the record of its closure and says when and why it
-- was reopened.
ALTER TABLE cases ADD COLUMN reopened_at TIMESTAMP;
ALTER TABLE cases ADD COLUMN reopen_note TEXT NOT NULL DEFAULT '';
