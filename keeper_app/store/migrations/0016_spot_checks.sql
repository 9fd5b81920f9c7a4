-- Keeper schema 16: spot checks (issue 16, part 4; supervision Art. 261: periodic inspection).
--
-- A keeper draws a random sample of the shelf; nobody picks it: the draw is seeded by the
-- audit chain's head at that moment (head_seq, head_hash) over the sorted population (the
-- duplicates in custody, domain.spot_checks), whose size and digest are kept so that the
-- draw can be redone. A reviewer or a department head (not a keeper) reads each drawn disc
-- back against its manifest and signs the outcome (capacity checker); a failing read-back
-- is a finding of the disc (medium_findings, incidents: as the fixity check does). The
-- spot check is closed with a signed outcome. All append-only.
CREATE TABLE spot_checks (
    id INTEGER PRIMARY KEY,
    head_seq INTEGER NOT NULL CHECK (head_seq >= 0),
    head_hash TEXT NOT NULL CHECK (length(head_hash) = 64),
    population_size INTEGER NOT NULL CHECK (population_size > 0),
    population_sha256 TEXT NOT NULL CHECK (length(population_sha256) = 64),
    size_rule TEXT NOT NULL,                 -- 'default' or 'chosen'
    sample_size INTEGER NOT NULL CHECK (sample_size > 0 AND sample_size <= population_size),
    at TEXT NOT NULL,
    drawn_by INTEGER NOT NULL REFERENCES people(id)
);

-- The discs drawn, in the order of the draw (position 1 first).
CREATE TABLE spot_check_items (
    id INTEGER PRIMARY KEY,
    spot_check_id INTEGER NOT NULL REFERENCES spot_checks(id),
    position INTEGER NOT NULL CHECK (position > 0),
    medium_id INTEGER NOT NULL REFERENCES media(id),
    code TEXT NOT NULL,
    UNIQUE (spot_check_id, position),
    UNIQUE (spot_check_id, medium_id)
);

-- Each drawn disc read back once, the outcome signed by the checker; a failing read-back
-- names the incident it raised to the head of the case's department.
CREATE TABLE spot_check_results (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL UNIQUE REFERENCES spot_check_items(id),
    outcome TEXT NOT NULL CHECK (outcome IN ('match', 'mismatch', 'unreadable')),
    verification_id INTEGER NOT NULL UNIQUE REFERENCES verifications(id),
    incident_id INTEGER UNIQUE REFERENCES incidents(id),
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id),
    CHECK ((outcome = 'match') = (incident_id IS NULL))
);

-- The spot check closed, once, with its outcome signed by the checker; discs left
-- unchecked only with the reason given.
CREATE TABLE spot_check_closings (
    id INTEGER PRIMARY KEY,
    spot_check_id INTEGER NOT NULL UNIQUE REFERENCES spot_checks(id),
    outcome TEXT NOT NULL CHECK (outcome IN ('all_match', 'findings', 'incomplete')),
    checked INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    unchecked INTEGER NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id),
    CHECK (unchecked = 0 OR reason <> '')
);

CREATE TRIGGER spot_checks_no_update BEFORE UPDATE ON spot_checks BEGIN SELECT RAISE(ABORT, 'append-only: spot_checks'); END;
CREATE TRIGGER spot_checks_no_delete BEFORE DELETE ON spot_checks BEGIN SELECT RAISE(ABORT, 'append-only: spot_checks'); END;
CREATE TRIGGER spot_check_items_no_update BEFORE UPDATE ON spot_check_items BEGIN SELECT RAISE(ABORT, 'append-only: spot_check_items'); END;
CREATE TRIGGER spot_check_items_no_delete BEFORE DELETE ON spot_check_items BEGIN SELECT RAISE(ABORT, 'append-only: spot_check_items'); END;
CREATE TRIGGER spot_check_results_no_update BEFORE UPDATE ON spot_check_results BEGIN SELECT RAISE(ABORT, 'append-only: spot_check_results'); END;
CREATE TRIGGER spot_check_results_no_delete BEFORE DELETE ON spot_check_results BEGIN SELECT RAISE(ABORT, 'append-only: spot_check_results'); END;
CREATE TRIGGER spot_check_closings_no_update BEFORE UPDATE ON spot_check_closings BEGIN SELECT RAISE(ABORT, 'append-only: spot_check_closings'); END;
CREATE TRIGGER spot_check_closings_no_delete BEFORE DELETE ON spot_check_closings BEGIN SELECT RAISE(ABORT, 'append-only: spot_check_closings'); END;
