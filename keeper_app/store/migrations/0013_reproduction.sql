-- Keeper schema 13: reproducing the duplicate from the unsealed original (Art. 18; issue 14,
-- point 5). New tables only: the entries of schema 1 keep their rows (and signatures) as they are.

-- The facts an unseal request rests on (Art. 18): for "reproduce the duplicate", the pair's
-- duplicate that is unusable (damaged, lost or replaced) and its status when asked; for "check
-- a doubted duplicate", who doubts it and why.
CREATE TABLE unseal_grounds (
    id INTEGER PRIMARY KEY,
    approval_id INTEGER NOT NULL UNIQUE REFERENCES approvals(id),
    duplicate_id INTEGER REFERENCES media(id),
    duplicate_status TEXT NOT NULL DEFAULT '',
    doubted_by TEXT NOT NULL DEFAULT '',
    doubt TEXT NOT NULL DEFAULT ''
);

-- The use of an unsealed original, a register entry (Art. 18, 20): who uses it, for what, the
-- estimated time, who approved; the user and the keeper sign. Closed by the reseal.
CREATE TABLE original_uses (
    id INTEGER PRIMARY KEY,
    medium_id INTEGER NOT NULL REFERENCES media(id),
    unseal_id INTEGER NOT NULL UNIQUE REFERENCES seal_events(id),
    user_id INTEGER NOT NULL REFERENCES people(id),
    purpose TEXT NOT NULL,
    est_usage_hours INTEGER NOT NULL,
    approver_id INTEGER NOT NULL REFERENCES people(id),
    keeper_id INTEGER NOT NULL REFERENCES people(id),
    at TEXT NOT NULL
);
CREATE INDEX original_uses_medium ON original_uses(medium_id);

-- What the keeper found when the original came back to its seal bag (Art. 18, 20): the
-- reseal's inspection; it closes the use entry (NULL: an unsealing from before schema 13).
CREATE TABLE reseal_inspections (
    id INTEGER PRIMARY KEY,
    reseal_id INTEGER NOT NULL UNIQUE REFERENCES seal_events(id),
    use_id INTEGER UNIQUE REFERENCES original_uses(id),
    inspection TEXT NOT NULL CHECK (inspection IN ('intact', 'damaged', 'replaced', 'lost')),
    note TEXT NOT NULL DEFAULT '',
    keeper_id INTEGER NOT NULL REFERENCES people(id),
    at TEXT NOT NULL
);

-- A duplicate made again from the unsealed original: the original read back against its
-- manifest, the new disc burned and read back, registered and taken into custody; the disc it
-- replaces is retired.
CREATE TABLE reproductions (
    id INTEGER PRIMARY KEY,
    original_id INTEGER NOT NULL REFERENCES media(id),
    replaced_id INTEGER NOT NULL UNIQUE REFERENCES media(id),
    new_id INTEGER NOT NULL UNIQUE REFERENCES media(id),
    unseal_id INTEGER NOT NULL UNIQUE REFERENCES seal_events(id),
    reservation_id INTEGER NOT NULL REFERENCES pair_reservations(id),
    original_check_id INTEGER NOT NULL REFERENCES verifications(id),
    new_check_id INTEGER NOT NULL REFERENCES verifications(id),
    keeper_id INTEGER NOT NULL REFERENCES people(id),
    location TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE TRIGGER unseal_grounds_no_update BEFORE UPDATE ON unseal_grounds BEGIN SELECT RAISE(ABORT, 'append-only: unseal_grounds'); END;
CREATE TRIGGER unseal_grounds_no_delete BEFORE DELETE ON unseal_grounds BEGIN SELECT RAISE(ABORT, 'append-only: unseal_grounds'); END;
CREATE TRIGGER original_uses_no_update BEFORE UPDATE ON original_uses BEGIN SELECT RAISE(ABORT, 'append-only: original_uses'); END;
CREATE TRIGGER original_uses_no_delete BEFORE DELETE ON original_uses BEGIN SELECT RAISE(ABORT, 'append-only: original_uses'); END;
CREATE TRIGGER reseal_inspections_no_update BEFORE UPDATE ON reseal_inspections BEGIN SELECT RAISE(ABORT, 'append-only: reseal_inspections'); END;
CREATE TRIGGER reseal_inspections_no_delete BEFORE DELETE ON reseal_inspections BEGIN SELECT RAISE(ABORT, 'append-only: reseal_inspections'); END;
CREATE TRIGGER reproductions_no_update BEFORE UPDATE ON reproductions BEGIN SELECT RAISE(ABORT, 'append-only: reproductions'); END;
CREATE TRIGGER reproductions_no_delete BEFORE DELETE ON reproductions BEGIN SELECT RAISE(ABORT, 'append-only: reproductions'); END;
