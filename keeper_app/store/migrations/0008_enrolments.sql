-- Keeper schema 8: enrolment codes (issue 10, point 2). The administrator adds a person
-- without a password (empty key material in people); Keeper makes a one-time code, shows it
-- once, and keeps only a slow hash of it (scrypt: salt, cost, verifier). At first sign-in the
-- person gives the code and chooses their own password; their key pair is made then
-- (person_keys reason 'enrolment', the event signed with the new key by the person). A code
-- is used once (enrolment_uses, one row per enrolment at most) and expires.
CREATE TABLE enrolments (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    kdf_salt BLOB NOT NULL,
    kdf_n INTEGER NOT NULL,
    code_verifier BLOB NOT NULL,
    issued_by INTEGER NOT NULL REFERENCES people(id),
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX enrolments_person ON enrolments(person_id, id);

CREATE TABLE enrolment_uses (
    id INTEGER PRIMARY KEY,
    enrolment_id INTEGER NOT NULL UNIQUE REFERENCES enrolments(id),
    at TEXT NOT NULL,
    key_id INTEGER NOT NULL REFERENCES person_keys(id)
);

CREATE TRIGGER enrolments_no_update BEFORE UPDATE ON enrolments BEGIN SELECT RAISE(ABORT, 'append-only: enrolments'); END;
CREATE TRIGGER enrolments_no_delete BEFORE DELETE ON enrolments BEGIN SELECT RAISE(ABORT, 'append-only: enrolments'); END;
CREATE TRIGGER enrolment_uses_no_update BEFORE UPDATE ON enrolment_uses BEGIN SELECT RAISE(ABORT, 'append-only: enrolment_uses'); END;
CREATE TRIGGER enrolment_uses_no_delete BEFORE DELETE ON enrolment_uses BEGIN SELECT RAISE(ABORT, 'append-only: enrolment_uses'); END;
