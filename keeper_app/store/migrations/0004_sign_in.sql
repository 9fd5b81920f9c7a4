-- Keeper schema 4: wrong passwords and lockouts (issue 7). After five wrong passwords in a
-- row a person is locked for a time that grows with each lockout; the right password (or an
-- administrator) clears the count. Append-only, every row anchored in the audit chain.
-- (Migrations are numbered 1..n without gaps: connection._migrations refuses a gap.)
CREATE TABLE sign_in_events (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    kind TEXT NOT NULL CHECK (kind IN ('failure', 'lockout', 'cleared')),
    at TEXT NOT NULL,
    until TEXT,                          -- lockout: locked until (UTC)
    level INTEGER NOT NULL DEFAULT 0,    -- lockout: the n-th lockout since the last clearing
    by_id INTEGER REFERENCES people(id)  -- cleared by an administrator; NULL: the right password
);
CREATE INDEX sign_in_events_person ON sign_in_events(person_id, kind, id);

CREATE TRIGGER sign_in_events_no_update BEFORE UPDATE ON sign_in_events BEGIN SELECT RAISE(ABORT, 'append-only: sign_in_events'); END;
CREATE TRIGGER sign_in_events_no_delete BEFORE DELETE ON sign_in_events BEGIN SELECT RAISE(ABORT, 'append-only: sign_in_events'); END;
