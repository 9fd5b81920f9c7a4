-- Keeper schema 7: the daily checkpoint (issue 10, 1e). The chain's head (seq, hash and the
-- head event's time) as it stood when the keeper on duty and a department head signed it,
-- each with their personal key (signatures: capacities keeper and dept_head). The keys they
-- signed with are named, so that the exported file can be checked alone.
CREATE TABLE checkpoints (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    seq INTEGER NOT NULL CHECK (seq >= 0),
    hash TEXT NOT NULL CHECK (length(hash) = 64),
    head_at TEXT,
    at TEXT NOT NULL,
    keeper_id INTEGER NOT NULL REFERENCES people(id),
    keeper_key_id INTEGER NOT NULL REFERENCES person_keys(id),
    head_id INTEGER NOT NULL REFERENCES people(id),
    head_key_id INTEGER NOT NULL REFERENCES person_keys(id),
    CHECK (keeper_id <> head_id)
);
CREATE INDEX checkpoints_at ON checkpoints(at);

CREATE TRIGGER checkpoints_no_update BEFORE UPDATE ON checkpoints BEGIN SELECT RAISE(ABORT, 'append-only: checkpoints'); END;
CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON checkpoints BEGIN SELECT RAISE(ABORT, 'append-only: checkpoints'); END;
