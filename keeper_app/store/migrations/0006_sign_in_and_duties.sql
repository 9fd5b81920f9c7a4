-- Keeper schema 6: a sign-in attempt is recorded before its password is checked (issue 10,
-- point 8). The attempt row is committed in the same locked transaction that reads the
-- person's lock state, so parallel attempts count; an attempt that no clearing follows
-- counts as a wrong password. The table is rebuilt only to widen its kinds: the columns and
-- every row stay as they were (their audit anchors still match).
CREATE TABLE sign_in_events_v6 (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    kind TEXT NOT NULL CHECK (kind IN ('failure', 'lockout', 'cleared', 'attempt')),
    at TEXT NOT NULL,
    until TEXT,                          -- lockout: locked until (UTC)
    level INTEGER NOT NULL DEFAULT 0,    -- lockout: the n-th lockout since the last clearing
    by_id INTEGER REFERENCES people(id)  -- cleared by an administrator; NULL: the right password
);
INSERT INTO sign_in_events_v6(id, person_id, kind, at, until, level, by_id)
    SELECT id, person_id, kind, at, until, level, by_id FROM sign_in_events ORDER BY id;
DROP TABLE sign_in_events;
ALTER TABLE sign_in_events_v6 RENAME TO sign_in_events;
CREATE INDEX sign_in_events_person ON sign_in_events(person_id, kind, id);

CREATE TRIGGER sign_in_events_no_update BEFORE UPDATE ON sign_in_events BEGIN SELECT RAISE(ABORT, 'append-only: sign_in_events'); END;
CREATE TRIGGER sign_in_events_no_delete BEFORE DELETE ON sign_in_events BEGIN SELECT RAISE(ABORT, 'append-only: sign_in_events'); END;

-- Separation of duties (issue 10, point 9): every grant of roles is an entry of its own (the
-- person's whole set of roles after it), which a department head countersigns when it gives
-- a custody role. The people row changes later; the grant, and its signature, never.
CREATE TABLE role_grants (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    roles TEXT NOT NULL,                 -- the roles after the grant, comma-separated, sorted
    granted_by INTEGER REFERENCES people(id),  -- the administrator; NULL: the first run
    at TEXT NOT NULL
);
CREATE INDEX role_grants_person ON role_grants(person_id, id);

CREATE TRIGGER role_grants_no_update BEFORE UPDATE ON role_grants BEGIN SELECT RAISE(ABORT, 'append-only: role_grants'); END;
CREATE TRIGGER role_grants_no_delete BEFORE DELETE ON role_grants BEGIN SELECT RAISE(ABORT, 'append-only: role_grants'); END;
