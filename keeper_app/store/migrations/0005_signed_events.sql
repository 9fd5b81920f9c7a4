-- Keeper schema 5: every audit event signed by its actor, and people's keys with their
-- history (issue 10).
--
-- An event of scheme 2 names the key that signed it (key_id) and carries the actor's
-- Ed25519 signature over its hash (actor_sig). Events written before this migration keep
-- scheme 1: they were not signed, and verify says so; no scheme-1 event may follow a
-- scheme-2 one. Events with no actor (sign-in bookkeeping, the migration itself, a restore)
-- are unsigned and may write only their own kind of rows.
ALTER TABLE audit_events ADD COLUMN scheme INTEGER NOT NULL DEFAULT 1;
ALTER TABLE audit_events ADD COLUMN key_id INTEGER;
ALTER TABLE audit_events ADD COLUMN actor_sig BLOB;

-- Every public key a person has held. A key is valid from the event that wrote its row until
-- the event that wrote the person's next one. reason: 'earlier' (held when this schema came),
-- 'added' (made when the administrator added the person), 'enrolment' (made by the person at
-- first sign-in), 'password_change' (made by the person; endorsement = the previous key's
-- signature over the new one).
CREATE TABLE person_keys (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    public_key BLOB NOT NULL UNIQUE,
    made_at TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('earlier', 'added', 'enrolment', 'password_change')),
    endorsement BLOB
);
CREATE INDEX person_keys_person ON person_keys(person_id, id);
INSERT INTO person_keys(person_id, public_key, made_at, reason)
    SELECT id, public_key, '', 'earlier' FROM people ORDER BY id;

CREATE TRIGGER person_keys_no_update BEFORE UPDATE ON person_keys BEGIN SELECT RAISE(ABORT, 'append-only: person_keys'); END;
CREATE TRIGGER person_keys_no_delete BEFORE DELETE ON person_keys BEGIN SELECT RAISE(ABORT, 'append-only: person_keys'); END;
