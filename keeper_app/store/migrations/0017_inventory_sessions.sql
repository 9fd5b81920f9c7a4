-- Issue 16, part 5: inventory sessions that end in a signed record (Art. 20: loss recorded
-- truthfully and reported; Art. 261 of the supervision seed: periodic inspection).

-- A stocktaking of a location (a prefix; '' = the whole room), run by a keeper.
CREATE TABLE inventory_sessions (
    id INTEGER PRIMARY KEY,
    location_prefix TEXT NOT NULL DEFAULT '',
    keeper_id INTEGER NOT NULL REFERENCES people(id),
    started_at TEXT NOT NULL
);
-- The expected population, fixed at the start (in the start's signed event): each medium
-- the register then put there, with its status and location at that moment.
CREATE TABLE inventory_expected (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES inventory_sessions(id),
    medium_id INTEGER NOT NULL REFERENCES media(id),
    status TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    UNIQUE (session_id, medium_id)
);
-- One observation per medium and session: of an expected medium, or of a scanned one not
-- expected (medium_id NULL: a code the register does not know, kept as scanned).
CREATE TABLE inventory_observations (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES inventory_sessions(id),
    medium_id INTEGER REFERENCES media(id),
    code TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('shelf', 'sealed', 'seal_broken', 'out', 'missing',
        'unexpected')),
    status TEXT NOT NULL DEFAULT '',      -- the medium's recorded status when observed
    location TEXT NOT NULL DEFAULT '',    -- its recorded location when observed
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES people(id),
    UNIQUE (session_id, code)
);
CREATE INDEX inventory_observations_session ON inventory_observations(session_id);
-- The closing: the record signed by the keeper and a witness.
CREATE TABLE inventory_closings (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL UNIQUE REFERENCES inventory_sessions(id),
    keeper_id INTEGER NOT NULL REFERENCES people(id),
    witness_id INTEGER NOT NULL REFERENCES people(id),
    expected INTEGER NOT NULL,
    observed INTEGER NOT NULL,
    discrepancies INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
-- Each discrepancy of a closed session, reported to the head of the case's department
-- (NULL: a code the register does not know, of no case), due to be resolved by due_at.
-- A disc not located is also the 'missing' incident of findings.report_missing.
CREATE TABLE inventory_discrepancies (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES inventory_sessions(id),
    observation_id INTEGER NOT NULL UNIQUE REFERENCES inventory_observations(id),
    kind TEXT NOT NULL CHECK (kind IN ('not_located', 'unexpected', 'seal_broken')),
    medium_id INTEGER REFERENCES media(id),
    reported_to INTEGER REFERENCES people(id),
    incident_id INTEGER REFERENCES incidents(id),
    due_at TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX inventory_discrepancies_to ON inventory_discrepancies(reported_to);
-- The head resolves a discrepancy (signed).
CREATE TABLE inventory_resolutions (
    id INTEGER PRIMARY KEY,
    discrepancy_id INTEGER NOT NULL UNIQUE REFERENCES inventory_discrepancies(id),
    by_id INTEGER NOT NULL REFERENCES people(id),
    note TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE TRIGGER inventory_sessions_no_update BEFORE UPDATE ON inventory_sessions BEGIN SELECT RAISE(ABORT, 'append-only: inventory_sessions'); END;
CREATE TRIGGER inventory_sessions_no_delete BEFORE DELETE ON inventory_sessions BEGIN SELECT RAISE(ABORT, 'append-only: inventory_sessions'); END;
CREATE TRIGGER inventory_expected_no_update BEFORE UPDATE ON inventory_expected BEGIN SELECT RAISE(ABORT, 'append-only: inventory_expected'); END;
CREATE TRIGGER inventory_expected_no_delete BEFORE DELETE ON inventory_expected BEGIN SELECT RAISE(ABORT, 'append-only: inventory_expected'); END;
CREATE TRIGGER inventory_observations_no_update BEFORE UPDATE ON inventory_observations BEGIN SELECT RAISE(ABORT, 'append-only: inventory_observations'); END;
CREATE TRIGGER inventory_observations_no_delete BEFORE DELETE ON inventory_observations BEGIN SELECT RAISE(ABORT, 'append-only: inventory_observations'); END;
CREATE TRIGGER inventory_closings_no_update BEFORE UPDATE ON inventory_closings BEGIN SELECT RAISE(ABORT, 'append-only: inventory_closings'); END;
CREATE TRIGGER inventory_closings_no_delete BEFORE DELETE ON inventory_closings BEGIN SELECT RAISE(ABORT, 'append-only: inventory_closings'); END;
CREATE TRIGGER inventory_discrepancies_no_update BEFORE UPDATE ON inventory_discrepancies BEGIN SELECT RAISE(ABORT, 'append-only: inventory_discrepancies'); END;
CREATE TRIGGER inventory_discrepancies_no_delete BEFORE DELETE ON inventory_discrepancies BEGIN SELECT RAISE(ABORT, 'append-only: inventory_discrepancies'); END;
CREATE TRIGGER inventory_resolutions_no_update BEFORE UPDATE ON inventory_resolutions BEGIN SELECT RAISE(ABORT, 'append-only: inventory_resolutions'); END;
CREATE TRIGGER inventory_resolutions_no_delete BEFORE DELETE ON inventory_resolutions BEGIN SELECT RAISE(ABORT, 'append-only: inventory_resolutions'); END;
